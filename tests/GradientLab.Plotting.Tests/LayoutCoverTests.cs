namespace GradientLab.Plotting.Tests;

/// <summary>The count of drawn points under a note's box, found from the points sorted by x, against a count over every point.</summary>
public sealed class LayoutCoverTests
{
    [Fact]
    public void CountInside_FromThePointsSortedByX_EqualsTheCountOverEveryPoint()
    {
        var random = new Random(15);
        for (var trial = 0; trial < 300; trial++)
        {
            // Points in a 640 × 480 figure, some on shared columns and on the boxes' edges.
            var points = Enumerable.Range(0, random.Next(0, 400))
                .Select(_ => (X: Math.Round(random.NextDouble() * 640, random.Next(0, 3)), Y: Math.Round(random.NextDouble() * 480, random.Next(0, 3))))
                .ToArray();
            var box = new PixelRect(random.Next(-20, 640), random.Next(-20, 480), random.Next(0, 200), random.Next(0, 60));
            var margin = random.Next(0, 5);
            var byX = points.OrderBy(p => p.X).ToArray();
            var expected = points.Count(p => p.X >= box.Left - margin && p.X <= box.Right + margin && p.Y >= box.Top - margin && p.Y <= box.Bottom + margin);
            FigureLayout.CountInside(byX, box, margin).ShouldBe(expected, $"trial {trial}");
        }
    }

    [Fact]
    public void CountInside_CountsPointsOnTheWidenedEdges()
    {
        (double X, double Y)[] byX = [(8, 50), (10, 50), (110, 50), (112, 50), (113, 50)];
        FigureLayout.CountInside(byX, new PixelRect(10, 40, 100, 20), 2).ShouldBe(4); // 8 and 112 are on the edges, 113 is out
        FigureLayout.CountInside(byX, new PixelRect(10, 40, 100, 20), 0).ShouldBe(2);
        FigureLayout.CountInside([], new PixelRect(10, 40, 100, 20), 2).ShouldBe(0);
    }
}
