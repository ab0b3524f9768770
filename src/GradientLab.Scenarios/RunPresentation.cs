using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;
using GradientLab.Plotting;

namespace GradientLab.Scenarios;

/// <summary>
/// How a run is told, written once for the command line and the web: why it stopped (one sentence), its verdict in a
/// word, and the number format of sentences and tables.
/// </summary>
public static class RunPresentation
{
    /// <summary>The number format of sentences and tables: six significant digits, no exponent for everyday
    /// magnitudes, and words for the numbers that are not finite (<c>not a number</c>, <c>∞</c>, <c>−∞</c>).</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "not a number" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : NiceNumbers.Significant(value);

    /// <summary>A number in a short label (a legend, a menu): three significant digits.</summary>
    public static string Brief(double value) =>
        double.IsFinite(value) ? NiceNumbers.Significant(value, 3) : Number(value);

    /// <summary>The stop reason as the data formats spell it: <c>max-steps</c>, <c>converged</c> or <c>diverged</c>.</summary>
    public static string StopReasonName(StopReason reason) => reason switch
    {
        StopReason.MaxSteps => "max-steps",
        StopReason.Converged => "converged",
        _ => "diverged",
    };

    /// <summary>A diagnosis's verdict as one lower-case word: running, converged, diverging, oscillating, slow, plateau.</summary>
    public static string VerdictWord(Verdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>How a run ended, in a few words, for a table's status column: <c>converged</c>, <c>diverged at step N</c>,
    /// <c>budget used</c>, or <c>running</c> while the run goes on (<paramref name="reason"/> null).</summary>
    public static string Outcome(StopReason? reason, int step) => reason switch
    {
        StopReason.Diverged => string.Create(CultureInfo.InvariantCulture, $"diverged at step {step}"),
        StopReason.Converged => "converged",
        StopReason.MaxSteps => "budget used",
        _ => "running",
    };

    /// <summary>Why a run stopped, in one sentence with its numbers: <c>Converged at step N: …</c>,
    /// <c>Diverged at step N: …</c> or <c>Stopped after the budget of N steps: …</c>.</summary>
    /// <param name="reason">Why it stopped.</param>
    /// <param name="start">Its first point.</param>
    /// <param name="final">Its last point.</param>
    /// <param name="stop">Its stopping rules (the tolerance and the divergence factor).</param>
    public static string StopSentence(StopReason reason, StepRecord start, StepRecord final, StopCriteria stop)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(stop);
        var finite = double.IsFinite(final.Loss) && final.Parameters.All(double.IsFinite);
        return reason switch
        {
            StopReason.Diverged when !finite => Say($"Diverged at step {final.Step}: the cost or a parameter is no longer a finite number — each step overshot further until the numbers overflowed. The learning rate is too large; try a smaller one."),
            StopReason.Diverged => Say($"Diverged at step {final.Step}: the cost rose from {Number(start.Loss)} to {Number(final.Loss)}, more than {Number(stop.DivergenceFactor)} × its start, and the parameters are heading to infinity. The learning rate is too large; try a smaller one."),
            StopReason.Converged => Say($"Converged at step {final.Step}: the gradient's length {Number(final.GradientNorm)} is within the tolerance {Number(stop.GradientTolerance)}; the cost is {Number(final.Loss)}."),
            _ => Say($"Stopped after the budget of {final.Step} steps: the cost went from {Number(start.Loss)} to {Number(final.Loss)} and the gradient's length is still {Number(final.GradientNorm)}."),
        };
    }

    /// <summary>Why <paramref name="run"/> stopped, in one sentence (see <see cref="StopSentence(StopReason, StepRecord, StepRecord, StopCriteria)"/>).</summary>
    public static string StopSentence(DescentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var reason = run.StopReason ?? throw new ArgumentException("The run has not stopped yet.", nameof(run));
        return StopSentence(reason, run.Trajectory[0], run.Current, run.Settings.Stop);
    }

    /// <summary>An accuracy as a percentage with at most one decimal: <c>100 %</c>, <c>52 %</c>, <c>97.5 %</c>.</summary>
    public static string Percent(double fraction) => Say($"{Math.Round(100 * fraction, 1):0.#} %");

    /// <summary>
    /// A classifier's training accuracy at <paramref name="parameters"/>, in one sentence: <c>Training accuracy: 100 %
    /// (200 of 200 points classified right).</c>; null when the scenario classifies nothing.
    /// </summary>
    public static string? AccuracySentence(ResolvedScenario scenario, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameters);
        if (scenario.Classifier is not { } classifier || !parameters.All(double.IsFinite))
        {
            return null;
        }

        var accuracy = scenario.Accuracy(parameters);
        var points = classifier.Data.SampleCount;
        return Say($"Training accuracy: {Percent(accuracy)} ({(int)Math.Round(accuracy * points)} of {points} points classified right).");
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
