using System.Globalization;
using GradientLab.Core.Descent;

namespace GradientLab.Scenarios;

/// <summary>A run as a lesson sees it: the scenario as it ran, every recorded point, and why it stopped.</summary>
/// <param name="Scenario">The resolved scenario.</param>
/// <param name="Trajectory">Every point, θ₀ first.</param>
/// <param name="StopReason">Why the run stopped.</param>
public sealed record LessonRun(ResolvedScenario Scenario, IReadOnlyList<StepRecord> Trajectory, StopReason StopReason)
{
    /// <summary>Resolves <paramref name="scenario"/> and runs it to its stop.</summary>
    public static LessonRun Of(Scenario scenario)
    {
        var resolved = ScenarioResolver.Resolve(scenario);
        var run = resolved.CreateRun();
        var reason = run.RunToEnd();
        return new LessonRun(resolved, run.Trajectory, reason);
    }

    /// <summary>The last point.</summary>
    public StepRecord Last => Trajectory[^1];

    /// <summary>The loss at every point.</summary>
    public IReadOnlyList<double> Losses => [.. Trajectory.Select(p => p.Loss)];

    /// <summary>Parameter <paramref name="index"/> at every point.</summary>
    public IReadOnlyList<double> Parameter(int index) => [.. Trajectory.Select(p => p.Parameters[index])];

    /// <summary>The training accuracy at the last point: the fraction of the points a classifier gets right.</summary>
    /// <exception cref="InvalidOperationException">The objective is not a classifier.</exception>
    public double Accuracy() => Scenario.Accuracy(Last.Parameters);

    /// <summary>The training accuracy at step <paramref name="step"/>.</summary>
    public double AccuracyAt(int step) => Scenario.Accuracy(Trajectory[step].Parameters);

    /// <summary>The first step at which <paramref name="condition"/> holds, or null.</summary>
    public int? FirstStep(Func<StepRecord, bool> condition) => Trajectory.FirstOrDefault(condition)?.Step;
}

/// <summary>
/// The claim a demo makes in words ("the slope turns positive within 5 steps"), as a check on its own run. Every preset
/// carries one; the tests run each preset and hold it to its claim, so a change that breaks a lesson fails a test.
/// </summary>
/// <param name="Claim">The claim, in the words the demo uses.</param>
/// <param name="Check">Null when the run bears the claim out, else what the run did instead, with its numbers.</param>
public sealed record Lesson(string Claim, Func<LessonRun, string?> Check)
{
    /// <summary>Checks the claim against <paramref name="run"/>: null when it holds, else why not.</summary>
    public string? Verify(LessonRun run) => Check(run ?? throw new ArgumentNullException(nameof(run)));

    /// <summary>All of <paramref name="lessons"/>, in order; the first that fails says why.</summary>
    public static Lesson All(params Lesson[] lessons) =>
        new(string.Join("; ", lessons.Select(l => l.Claim)), run => lessons.Select(l => l.Verify(run)).FirstOrDefault(f => f is not null));

    /// <summary>A claim checked by a yes/no condition; <paramref name="evidence"/> says what the run did instead.</summary>
    public static Lesson That(string claim, Func<LessonRun, bool> holds, Func<LessonRun, string> evidence) =>
        new(claim, run => holds(run) ? null : evidence(run));

    /// <summary>The run stops as diverged within <paramref name="steps"/> steps.</summary>
    public static Lesson DivergesWithin(int steps) => That(
        $"the run diverges within {steps} steps",
        run => run.StopReason == StopReason.Diverged && run.Last.Step <= steps,
        run => $"it stopped as {run.StopReason} at step {run.Last.Step}");

    /// <summary>The loss never rises (within rounding) and ends below <paramref name="fraction"/> of its start.</summary>
    public static Lesson LossFallsBelow(double fraction) => That(
        string.Create(CultureInfo.InvariantCulture, $"the loss falls at every step, to below {fraction * 100:G3} % of where it started"),
        run => Monotone(run.Losses) && run.Last.Loss < fraction * run.Trajectory[0].Loss,
        run => string.Create(CultureInfo.InvariantCulture, $"loss {run.Trajectory[0].Loss:G6} → {run.Last.Loss:G6}, monotone: {Monotone(run.Losses)}"));

    /// <summary>The run ends within <paramref name="tolerance"/> of <paramref name="point"/> (each coordinate).</summary>
    public static Lesson EndsNear(IReadOnlyList<double> point, double tolerance) => That(
        string.Create(CultureInfo.InvariantCulture, $"it ends within {tolerance:G3} of ({string.Join(", ", point.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))})"),
        run => run.Last.Parameters.Zip(point).All(p => Math.Abs(p.First - p.Second) <= tolerance),
        run => $"it ends at ({string.Join(", ", run.Last.Parameters.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))})");

    /// <summary>True when every value is at most the one before it (a relative 1e-12 of slack for rounding).</summary>
    public static bool Monotone(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var k = 1; k < values.Count; k++)
        {
            if (!(values[k] <= values[k - 1] + (1e-12 * Math.Abs(values[k - 1]))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many steps in a row, from the first, the sign of <paramref name="series"/>'s change alternates.</summary>
    public static int AlternatingChanges(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var count = 0;
        for (var k = 2; k < series.Count; k++)
        {
            var before = series[k - 1] - series[k - 2];
            var now = series[k] - series[k - 1];
            if (Math.Sign(before) * Math.Sign(now) >= 0)
            {
                break;
            }

            count++;
        }

        return count == 0 ? 0 : count + 1;
    }
}
