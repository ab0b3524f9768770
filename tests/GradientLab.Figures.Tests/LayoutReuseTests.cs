using GradientLab.Core.Descent;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures.Tests;

/// <summary>
/// A frame of playback lays its figure out from the frame before's layout when only what moves differs (the axes, the
/// legend and the colour bar are kept, the notes placed again). What it draws must be exactly what a fresh layout draws.
/// </summary>
public sealed class LayoutReuseTests
{
    private static (RunFigures Figures, IReadOnlyList<StepRecord> Trajectory) Run(Scenario scenario)
    {
        var resolved = ScenarioResolver.Resolve(scenario);
        var run = resolved.CreateRun();
        run.RunToEnd();
        return (new RunFigures(resolved, run.Trajectory) { ViewSize = (620, 484), LossSize = (620, 372), PredictionX = 1.25 }, run.Trajectory);
    }

    public static TheoryData<string> Runs() => ["live-demo", "housing-unscaled", "alpha-too-large", "rosenbrock-gd", "sequential-update", "minibatch-line", "nonlinear-data", "unscaled-features"];

    private static Scenario ScenarioOf(string name) => name == "live-demo" ? Workloads.LiveDemoSteps(3_000) : Presets.Get(name).Scenario;

    /// <summary>Every view, at every step of the first 150 and at a stretch of consecutive steps later on, each laid out from the one before.</summary>
    [Theory]
    [MemberData(nameof(Runs))]
    public void EveryFrame_DrawsWhatAFreshLayoutDraws(string run)
    {
        var (figures, trajectory) = Run(ScenarioOf(run));
        var last = trajectory.Count - 1;
        int[] cursors = [.. Enumerable.Range(0, Math.Min(150, last + 1)), .. Enumerable.Range(Math.Max(150, last - 60), Math.Max(0, Math.Min(61, last - 149)))];
        var views = new List<(string Name, Func<int, Figure> At, int Height)> { ("loss", c => figures.LossFigure(c), 372), ("log loss", c => figures.LossFigure(c, logScale: true), 372) };
        if (figures.HasData)
        {
            views.Add(("data", figures.DataFigure, 484));
        }

        if (figures.HasContour)
        {
            views.Add(("contour", figures.ContourFigure, 484));
        }

        foreach (var (name, at, height) in views)
        {
            FigureLayout? previous = null;
            foreach (var cursor in cursors)
            {
                var layout = at(cursor).Layout(620, height, previous);
                var fresh = at(cursor).Layout(620, height);
                SvgRenderer.Render(layout, new SvgOptions()).ShouldBe(SvgRenderer.Render(fresh, new SvgOptions()), $"{run}, {name} view, step {cursor}");
                previous = layout;
            }
        }
    }

    [Fact]
    public void TheLiveDemosViews_KeepTheirAxes_MostFrames()
    {
        var (figures, _) = Run(ScenarioOf("live-demo"));
        foreach (var (name, at, height) in new (string, Func<int, Figure>, int)[] { ("data", figures.DataFigure, 484), ("contour", figures.ContourFigure, 484), ("loss", c => figures.LossFigure(c), 372) })
        {
            var previous = at(199).Layout(620, height);
            var kept = 0;
            for (var cursor = 200; cursor < 300; cursor++)
            {
                var layout = at(cursor).Layout(620, height, previous);
                kept += ReferenceEquals(layout.XTicks, previous.XTicks) ? 1 : 0;
                previous = layout;
            }

            kept.ShouldBeGreaterThanOrEqualTo(90, $"the {name} view");
        }
    }

    [Fact]
    public void AChangeOfSize_IsLaidOutAfresh()
    {
        var (figures, _) = Run(ScenarioOf("live-demo"));
        var before = figures.DataFigure(10).Layout(620, 484);
        var after = figures.DataFigure(11).Layout(400, 330, before);

        after.XTicks.ShouldNotBeSameAs(before.XTicks);
        SvgRenderer.Render(after, new SvgOptions()).ShouldBe(SvgRenderer.Render(figures.DataFigure(11).Layout(400, 330), new SvgOptions()));
    }
}
