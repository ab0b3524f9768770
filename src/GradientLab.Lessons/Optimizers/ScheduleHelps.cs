using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Optimizers;

/// <summary>One side of <see cref="ScheduleHelps"/>: a preset's run and the numbers the learner reads off it.</summary>
/// <param name="Preset">The preset's name (it opens on /live).</param>
/// <param name="Label">What the page calls it.</param>
/// <param name="Trajectory">Every point of the run, the full-data cost J at each.</param>
/// <param name="FinalLoss">J after the last update.</param>
/// <param name="TailMeanLoss">The mean of J over the last <see cref="ScheduleHelps.TailFraction"/> of the updates (steps after <see cref="ScheduleHelps.TailStart"/>).</param>
/// <param name="FinalLearningRate">The learning rate of the last update.</param>
public sealed record ScheduleOutcome(string Preset, string Label, IReadOnlyList<StepRecord> Trajectory, double FinalLoss, double TailMeanLoss, double FinalLearningRate);

/// <summary>
/// A schedule that helps (issue #13): stochastic gradient descent (one house per update) on the Portland houses with a
/// constant α = 0.1 (<c>stochastic-constant</c>) against the same run with cosine decay from 0.1 to 0
/// (<c>stochastic-decay</c>). The constant rate keeps jittering around the least-squares line; the decayed steps let the
/// noise die out, so the cost over the last fifth of the run is lower.
/// </summary>
public sealed class ScheduleHelps
{
    /// <summary>The preset with a constant rate.</summary>
    public const string ConstantPreset = "stochastic-constant";

    /// <summary>The preset with the decayed rate.</summary>
    public const string DecayPreset = "stochastic-decay";

    /// <summary>The share of the updates, at the end, that the mean loss is taken over.</summary>
    public const double TailFraction = 0.2;

    /// <summary>Runs the two presets.</summary>
    public ScheduleHelps()
        : this(Presets.Get(ConstantPreset).Scenario, Presets.Get(DecayPreset).Scenario)
    {
    }

    /// <summary>Runs two scenarios on the same data (a check that changed presets change the numbers uses this).</summary>
    /// <exception cref="ScenarioException">A scenario cannot run, or has no least-squares minimum.</exception>
    public ScheduleHelps(Scenario constant, Scenario decay)
    {
        ArgumentNullException.ThrowIfNull(constant);
        ArgumentNullException.ThrowIfNull(decay);
        var constantRun = Run(constant);
        var decayRun = Run(decay);
        var minimum = constantRun.Scenario.KnownMinimum() ?? throw new ScenarioException("the comparison needs a least-squares problem, whose minimum is known.");
        LeastSquaresCost = constantRun.Scenario.Settings.Objective.Value([.. minimum]);
        Steps = constantRun.Run.Current.Step;
        TailStart = Steps - (int)Math.Round(TailFraction * Steps);
        Constant = Outcome(ConstantPreset, Label(constant), constantRun.Run, TailStart);
        Decay = Outcome(DecayPreset, Label(decay), decayRun.Run, TailStart);
    }

    /// <summary>The run with a constant rate.</summary>
    public ScheduleOutcome Constant { get; }

    /// <summary>The run with the decayed rate.</summary>
    public ScheduleOutcome Decay { get; }

    /// <summary>The updates each run makes.</summary>
    public int Steps { get; }

    /// <summary>The last step before the tail: the tail's mean is over steps <c>TailStart + 1</c> to <see cref="Steps"/>.</summary>
    public int TailStart { get; }

    /// <summary>J* = J at the least-squares line, the lowest cost any run can reach.</summary>
    public double LeastSquaresCost { get; }

    /// <summary>The constant rate's mean loss over the tail divided by the decayed rate's: above 1 when decay helps.</summary>
    public double TailRatio => Constant.TailMeanLoss / Decay.TailMeanLoss;

    /// <summary>The same ratio of the excess costs above J*: how many times closer to the best line decay ends up.</summary>
    public double ExcessRatio => (Constant.TailMeanLoss - LeastSquaresCost) / (Decay.TailMeanLoss - LeastSquaresCost);

    /// <summary>"constant α" or "cosine decay": what the run's schedule is called in the legend and the table.</summary>
    private static string Label(Scenario scenario) => scenario.Schedule?.Kind is { } kind and not "constant" ? $"{kind} decay" : "constant α";

    private static (ResolvedScenario Scenario, DescentRun Run) Run(Scenario scenario)
    {
        var resolved = ScenarioResolver.Resolve(scenario);
        var run = resolved.CreateRun();
        run.RunToEnd();
        return (resolved, run);
    }

    private static ScheduleOutcome Outcome(string preset, string label, DescentRun run, int tailStart)
    {
        var trajectory = run.Trajectory.ToArray();
        var tail = trajectory.Where(p => p.Step > tailStart).Select(p => p.Loss).ToArray();
        var rate = trajectory.Length > 1 ? trajectory[^2].LearningRate ?? double.NaN : double.NaN;
        return new ScheduleOutcome(preset, label, trajectory, trajectory[^1].Loss, tail.Length > 0 ? tail.Average() : trajectory[^1].Loss, rate);
    }
}
