using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Optimizers;

/// <summary>One α of the dilemma: its run on θ², θ after the first steps, and how long until the loss falls below the threshold.</summary>
/// <param name="Run">Which run (1, 2, 3).</param>
/// <param name="Alpha">Its learning rate.</param>
/// <param name="Session">Its first <see cref="LearningRateDilemma.ShownSteps"/> steps, for the figures; null when α cannot run.</param>
/// <param name="ThetaAfter">θ after 1, 2 and 3 steps.</param>
/// <param name="Steps">The step count below the threshold, or <c>never</c>.</param>
/// <param name="Verdict">The sentence beside it: the loss reached, or why it never gets there.</param>
public sealed record DilemmaRow(int Run, double Alpha, LiveSession? Session, IReadOnlyList<double> ThetaAfter, string Steps, string Verdict);

/// <summary>The learning-rate dilemma: gradient descent on J(θ) = θ² from θ = 4 with three learning rates.</summary>
public sealed class LearningRateDilemma
{
    /// <summary>The three learning rates the page starts with.</summary>
    public static IReadOnlyList<double> DefaultAlphas { get; } = [0.01, 0.1, 1.1];

    /// <summary>The loss threshold the page starts with.</summary>
    public const double DefaultThreshold = 1e-3;

    /// <summary>The steps drawn in the figures.</summary>
    public const int ShownSteps = 30;

    /// <summary>How long a run may take to reach the threshold before it counts as never.</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Runs the three learning rates.</summary>
    public LearningRateDilemma(IReadOnlyList<double> alphas, double threshold)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        Alphas = [.. alphas];
        Threshold = threshold;
        Rows = [.. Alphas.Select((alpha, k) => Row(k + 1, alpha, threshold))];
    }

    /// <summary>The learning rates.</summary>
    public IReadOnlyList<double> Alphas { get; }

    /// <summary>The loss threshold.</summary>
    public double Threshold { get; }

    /// <summary>One row per learning rate, in order.</summary>
    public IReadOnlyList<DilemmaRow> Rows { get; }

    private static Scenario ScenarioFor(double alpha, int steps) =>
        Presets.Get("lr-good").Scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = alpha }, Steps = steps };

    private static DilemmaRow Row(int index, double alpha, double threshold)
    {
        LiveSession session;
        try
        {
            session = new LiveSession(ScenarioFor(alpha, ShownSteps));
        }
        catch (ScenarioException error)
        {
            return new DilemmaRow(index, alpha, null, [], "—", error.Message);
        }

        var run = ScenarioResolver.Resolve(ScenarioFor(alpha, MaxSteps)).CreateRun();
        while (run.Current.Loss >= threshold && run.Step())
        {
        }

        var thetas = session.Trajectory.Skip(1).Take(3).Select(p => p.Parameters[0]).ToArray();
        if (run.Current.Loss < threshold)
        {
            return new DilemmaRow(index, alpha, session, thetas, run.Current.Step.ToString(CultureInfo.InvariantCulture), $"steps (J = {N(run.Current.Loss)} at step {run.Current.Step})");
        }

        var t = run.Trajectory;
        var ratio = t.Count > 2 ? Math.Round(t[^1].Loss / t[^2].Loss, 4) : double.NaN;
        var verdict = run.StopReason == StopReason.Diverged
            ? $"diverges, ×{N(ratio)} per step; stopped at step {run.Current.Step}"
            : $"within {MaxSteps.ToString("N0", CultureInfo.InvariantCulture)} steps: the loss stays at {N(run.Current.Loss)} (×{N(ratio)} per step)";
        return new DilemmaRow(index, alpha, session, thetas, "never", verdict);
    }

    private static string N(double value) => RunPresentation.Number(value);
}
