using GradientLab.Plotting;

namespace GradientLab.Figures.Tests;

public sealed class ThinnedPathTests
{
    private static readonly DataRect Window = new(0, 100, 0, 50);

    // A seeded random walk of small steps: most of them move less than half a pixel of a 200 × 100 view (0.25 units).
    private static DataPoint[] Walk(int count, int seed = 7)
    {
        var random = new Random(seed);
        var points = new DataPoint[count];
        double x = 50, y = 25;
        for (var i = 0; i < count; i++)
        {
            points[i] = new DataPoint(x, y);
            x += (random.NextDouble() - 0.5) * 0.4;
            y += (random.NextDouble() - 0.5) * 0.4;
        }

        return points;
    }

    [Fact]
    public void EveryPointDropped_IsWithinHalfAPixel_OfTheLastPointKept_AndEveryPointKept_IsNot()
    {
        var points = Walk(5_000);
        var thinned = new ThinnedPath(Window, 200, 100);
        thinned.Extend(points.Length, i => points[i]);
        double halfX = 100.0 / 200 / 2, halfY = 50.0 / 100 / 2;

        thinned.Kept[0].ShouldBe(0);
        thinned.Kept.Count.ShouldBeLessThan(points.Length / 2, "a walk of small steps keeps most of its points when nothing is thinned");
        var k = 0;
        for (var i = 1; i < points.Length; i++)
        {
            var last = points[thinned.Kept[k]];
            var differs = Math.Abs(points[i].X - last.X) >= halfX || Math.Abs(points[i].Y - last.Y) >= halfY;
            var kept = k + 1 < thinned.Kept.Count && thinned.Kept[k + 1] == i;
            kept.ShouldBe(differs, $"point {i}");
            if (kept)
            {
                k++;
            }
        }
    }

    [Fact]
    public void ReadInPieces_AsARunGrows_ItKeepsTheSamePoints_AsReadAtOnce()
    {
        var points = Walk(3_000);
        var whole = new ThinnedPath(Window, 200, 100);
        whole.Extend(points.Length, i => points[i]);
        var growing = new ThinnedPath(Window, 200, 100);
        foreach (var count in new[] { 1, 2, 17, 500, 501, 2_000, 3_000, 3_000 })
        {
            growing.Extend(count, i => points[i]);
            growing.Read.ShouldBe(count);
        }

        growing.Kept.ShouldBe(whole.Kept);
    }

    [Fact]
    public void ThePathUpToAPoint_IsTheKeptPointsBeforeIt_EndingAtThatPoint()
    {
        var points = Walk(1_000);
        var thinned = new ThinnedPath(Window, 200, 100);
        thinned.Extend(points.Length, i => points[i]);

        foreach (var shown in new[] { 0, 1, 10, 999 })
        {
            var path = thinned.UpTo(shown, i => points[i]);
            path[^1].ShouldBe(points[shown]);
            path[..^1].ShouldBe(thinned.Kept.Where(i => i < shown).Select(i => points[i]).ToArray());
        }

        // A point past the ones read (a diverged run's last, not finite) still ends the path.
        var beyond = new ThinnedPath(Window, 200, 100);
        beyond.Extend(500, i => points[i]);
        beyond.UpTo(999, i => points[i])[^1].ShouldBe(points[999]);
    }

    [Fact]
    public void ItIsForTheViewItWasMadeFor_Only()
    {
        var thinned = new ThinnedPath(Window, 200, 100);
        thinned.IsFor(Window, 200, 100).ShouldBeTrue();
        thinned.IsFor(Window, 201, 100).ShouldBeFalse();
        thinned.IsFor(Window with { XMax = 101 }, 200, 100).ShouldBeFalse();
    }
}
