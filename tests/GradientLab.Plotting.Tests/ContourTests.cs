using GradientLab.Plotting;

namespace GradientLab.Plotting.Tests;

public sealed class ContourTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.25)]
    public void ACirclesContour_IsACircle(double level)
    {
        var grid = SurfaceGrid.Sample((x, y) => (x * x) + (y * y), new DataRect(-2, 2, -2, 2), 81, 81);
        var line = Contours.Trace(grid, [level]).Single();
        var radius = Math.Sqrt(level);
        line.Segments.Count.ShouldBeGreaterThan(40);
        var angles = new List<double>();
        foreach (var (from, to) in line.Segments)
        {
            foreach (var p in new[] { from, to })
            {
                Math.Sqrt((p.X * p.X) + (p.Y * p.Y)).ShouldBe(radius, 0.01);
                angles.Add(Math.Atan2(p.Y, p.X));
            }
        }

        // The curve goes all the way round: no gap wider than a few grid cells.
        angles.Sort();
        var gaps = angles.Zip(angles.Skip(1), (a, b) => b - a).Append((angles[0] + (2 * Math.PI)) - angles[^1]);
        gaps.Max().ShouldBeLessThan(0.15);
    }

    [Fact]
    public void ALevelOutsideTheSurface_HasNoSegments()
    {
        var grid = SurfaceGrid.Sample((x, y) => x + y, new DataRect(0, 1, 0, 1), 10, 10);
        Contours.Trace(grid, [5.0]).Single().Segments.ShouldBeEmpty();
    }

    [Fact]
    public void AStraightLevelSet_IsStraight()
    {
        var grid = SurfaceGrid.Sample((x, y) => x, new DataRect(0, 1, 0, 1), 11, 11);
        Contours.Trace(grid, [0.55]).Single().Segments.ShouldAllBe(s => Math.Abs(s.From.X - 0.55) < 1e-12 && Math.Abs(s.To.X - 0.55) < 1e-12);
    }

    [Fact]
    public void LogSpacedLevels_HaveAConstantRatio()
    {
        var levels = Contours.LogSpacedLevels(1, 1000, 4);
        levels.Count.ShouldBe(4);
        levels[0].ShouldBe(1, 1e-12);
        levels[1].ShouldBe(10, 1e-9);
        levels[3].ShouldBe(1000, 1e-9);
    }

    [Fact]
    public void LevelsAbove_WorkForASurfaceWithANegativeMinimum()
    {
        var levels = Contours.LevelsAbove(-5, 95, 8);
        levels.ShouldAllBe(l => l > -5 && l < 95);
        levels.ShouldBe(levels.Order().ToArray());
    }

    [Fact]
    public void ColorRamp_RunsFromPurpleToYellow()
    {
        ColorRamp.At(0).ShouldBe("#440154");
        ColorRamp.At(1).ShouldBe("#fde725");
        ColorRamp.At(double.NaN).ShouldBe("#440154");
    }
}
