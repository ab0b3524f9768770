using GradientLab.Core.Descent;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures.Tests;

/// <summary>The contour view explains the unscaled run's first swing: the bowl's two directions, and where w turns.</summary>
public sealed class ContourStoryTests
{
    private static (RunFigures Figures, IReadOnlyList<StepRecord> Trajectory) Figures(string preset)
    {
        var scenario = ScenarioResolver.Resolve(Presets.Get(preset).Scenario);
        var run = scenario.CreateRun();
        run.RunToEnd();
        return (new RunFigures(scenario, run.Trajectory), run.Trajectory);
    }

    [Fact]
    public void TheThinBowl_ShowsItsFastDirection_AlongWhichWAndBFallTogether()
    {
        var (figures, trajectory) = Figures("housing-unscaled");
        var lines = figures.ContourFigure(0).Series.OfType<LineSeries>().ToList();
        var fast = lines.Single(s => s.Name.StartsWith("fast direction", StringComparison.Ordinal));
        lines.ShouldContain(s => s.Name.StartsWith("slow direction", StringComparison.Ordinal));

        // The first step moves (almost) along the fast direction: w and b change with the same sign, as the line does.
        var (dw, db) = (fast.Points[1].X - fast.Points[0].X, fast.Points[1].Y - fast.Points[0].Y);
        (dw * db).ShouldBePositive();
        var step = (W: trajectory[1].Parameters[0] - trajectory[0].Parameters[0], B: trajectory[1].Parameters[1] - trajectory[0].Parameters[1]);
        var cosine = Math.Abs((step.W * dw) + (step.B * db)) / Math.Sqrt(((step.W * step.W) + (step.B * step.B)) * ((dw * dw) + (db * db)));
        cosine.ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void ARoundBowl_HasNoDirectionsDrawn()
    {
        var (figures, _) = Figures("housing-live-demo");
        figures.ContourFigure(0).Series.OfType<LineSeries>().ShouldBeEmpty();
    }

    [Fact]
    public void TheStepWhereWTurnsPositive_IsMarked_FromThatStepOn()
    {
        var (figures, trajectory) = Figures("housing-unscaled");
        var turn = trajectory.First(p => p.Parameters[0] > 0).Step;
        string? Note(int cursor) => figures.ContourFigure(cursor).Series.OfType<Annotation>().SingleOrDefault()?.Text;

        Note(turn - 1).ShouldBe($"w still negative at step {turn - 1}");
        Note(turn).ShouldBe($"○ w turns positive at step {turn}");
        Note(trajectory.Count - 1).ShouldBe($"○ w turns positive at step {turn}");
    }
}
