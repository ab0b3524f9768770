using GradientLab.Core.Descent;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures.Tests;

/// <summary>
/// A frame draws what shows, not every step: the loss curve decimated per pixel column and the path thinned to the
/// pixel keep what the eye sees (the extremes, the ends, the view), whatever the length of the run.
/// </summary>
public sealed class FrameCostTests
{
    private const int Steps = 20_000;
    private static readonly Lazy<(RunFigures Figures, IReadOnlyList<StepRecord> Trajectory)> Long = new(() => Make(Workloads.LiveDemoSteps(Steps)));

    private static (RunFigures, IReadOnlyList<StepRecord>) Make(Scenario scenario)
    {
        var resolved = ScenarioResolver.Resolve(scenario);
        var run = resolved.CreateRun();
        run.RunToEnd();
        return (new RunFigures(resolved, run.Trajectory) { ViewSize = (500, 390), LossSize = (500, 300) }, run.Trajectory);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(5_000)]
    [InlineData(Steps)]
    public void TheLossCurve_HasAFewPointsPerColumn_AndKeepsTheExtremesAndTheEnd(int cursor)
    {
        var (figures, trajectory) = Long.Value;
        var points = figures.LossFigure(cursor).Series.OfType<LineSeries>().Single().Points;
        points.Count.ShouldBeLessThanOrEqualTo(Math.Min(cursor + 1, (2 * 500) + 256));
        points[^1].ShouldBe(new DataPoint(cursor, trajectory[cursor].Loss));
        points.Select(p => p.X).ShouldBeInOrder(SortDirection.Ascending);
        var losses = Enumerable.Range(0, cursor + 1).Select(i => trajectory[i].Loss).ToList();
        points.Min(p => p.Y).ShouldBe(losses.Min());
        points.Max(p => p.Y).ShouldBe(losses.Max());
    }

    [Fact]
    public void TheDivergingRun_KeepsEveryPoint_OfItsShortLossCurve()
    {
        var (figures, trajectory) = Make(Presets.Get("alpha-too-large").Scenario);
        var last = trajectory.Count - 1;
        figures.LossFigure(last).Series.OfType<LineSeries>().Single().Points.Count.ShouldBe(last + 1);
    }

    [Theory]
    [InlineData("housing-unscaled")]
    [InlineData("alpha-too-large")]
    [InlineData("rosenbrock-gd")]
    public void TheContourView_AtEveryStep_IsTheOneTheWholePathGives(string preset)
    {
        var (figures, trajectory) = Make(Presets.Get(preset).Scenario);
        var start = figures.ContourView(0, out _);
        foreach (var cursor in new[] { 0, 1, 2, 255, 256, 257, trajectory.Count / 2, trajectory.Count - 1 }.Where(c => c < trajectory.Count))
        {
            var view = figures.ContourView(cursor, out var zoom);
            var finite = trajectory.Take(cursor + 1).Select(p => p.Parameters).Where(p => double.IsFinite(p[0]) && double.IsFinite(p[1])).ToList();
            finite.ShouldAllBe(p => view.XMin <= p[0] && p[0] <= view.XMax && view.YMin <= p[1] && p[1] <= view.YMax);
            if (zoom > 0)
            {
                // One zoom less would have left a point out: the view grows only as far as the path needs.
                var (cx, cy) = ((start.XMin + start.XMax) / 2, (start.YMin + start.YMax) / 2);
                var (hx, hy) = ((view.XMax - view.XMin) / 4, (view.YMax - view.YMin) / 4);
                finite.ShouldContain(p => p[0] < cx - hx || p[0] > cx + hx || p[1] < cy - hy || p[1] > cy + hy);
            }
        }
    }

    [Fact]
    public void ThePath_IsThinnedToThePixel_AndEndsAtTheCurrentPoint()
    {
        var (figures, trajectory) = Long.Value;
        var path = figures.ContourFigure(Steps).Series.OfType<PathSeries>().Single().Points;
        path.Count.ShouldBeLessThan(Steps / 10);
        path[0].ShouldBe(new DataPoint(trajectory[0].Parameters[0], trajectory[0].Parameters[1]));
        path[^1].ShouldBe(new DataPoint(trajectory[Steps].Parameters[0], trajectory[Steps].Parameters[1]));
        var early = figures.ContourFigure(3).Series.OfType<PathSeries>().Single().Points;
        early.Count.ShouldBe(4); // the first steps move far: none is thinned away
    }

    [Fact]
    public void The3DPath_IsTheContoursThinnedPath()
    {
        // Before, the 3-D view drew every step up to the cursor: 20,001 points at step 20,000, at every frame.
        var (figures, trajectory) = Long.Value;
        var surface = figures.SurfaceFigure(Steps).Path;
        surface.ShouldBe(figures.ContourFigure(Steps).Series.OfType<PathSeries>().Single().Points);
        surface.Count.ShouldBeLessThan(Steps / 10);
        surface[^1].ShouldBe(new DataPoint(trajectory[Steps].Parameters[0], trajectory[Steps].Parameters[1]));
        figures.SurfaceFigure(3).Path.Count.ShouldBe(4);
    }
}
