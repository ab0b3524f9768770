using System.Globalization;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Speed;

/// <summary>
/// One timing of the engine: how long <see cref="Steps"/> full-batch steps of the live demo's preset took, and the cost
/// they ended at (the same at every timing of the same steps, so a reader can see the work was done).
/// </summary>
public sealed record EngineTiming(int Steps, TimeSpan Elapsed, double Loss)
{
    /// <summary>The time taken, in milliseconds.</summary>
    public double Milliseconds => Elapsed.TotalMilliseconds;

    /// <summary>The time per step, in microseconds.</summary>
    public double MicrosecondsPerStep => Elapsed.TotalMicroseconds / Steps;

    /// <summary>The time as the benchmark page and its browser measurement read it: milliseconds with one decimal.</summary>
    public string MillisecondsText => Milliseconds.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The time per step with two decimals, in µs.</summary>
    public string PerStepText => MicrosecondsPerStep.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>The final cost, round-trippable.</summary>
    public string LossText => Loss.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The benchmark page's work: times <see cref="Workloads.LiveDemoSteps"/>, the same steps
/// <c>benchmarks/GradientLab.WebMeasure</c> times natively, so the browser's figure and the native one make a ratio.
/// </summary>
public sealed class EngineBenchmark
{
    /// <summary>The steps a timing runs unless the learner asks for others.</summary>
    public const int DefaultSteps = 100_000;

    /// <summary>The most steps one timing may run (checked before any work).</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>The steps the next timing runs.</summary>
    public int Steps { get; private set; } = DefaultSteps;

    /// <summary>Why the last text given to <see cref="SetSteps"/> was refused, or null when it was taken.</summary>
    public string? StepsError { get; private set; }

    /// <summary>
    /// Takes the learner's step count: a whole number from 1 to <see cref="MaxSteps"/>. Anything else keeps the previous
    /// count and says what to change.
    /// </summary>
    public bool SetSteps(string? text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var steps) && steps is >= 1 and <= MaxSteps)
        {
            Steps = steps;
            StepsError = null;
            return true;
        }

        StepsError = string.Create(CultureInfo.InvariantCulture, $"Steps must be a whole number from 1 to {MaxSteps:N0}; kept {Steps:N0}.");
        return false;
    }

    /// <summary>Runs <see cref="Steps"/> steps and times them by <paramref name="time"/>'s timestamps.</summary>
    public EngineTiming Run(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var run = ScenarioResolver.Resolve(Workloads.LiveDemoSteps(Steps)).CreateRun();
        var start = time.GetTimestamp();
        run.RunToEnd();
        var elapsed = time.GetElapsedTime(start);
        return new EngineTiming(run.Current.Step, elapsed, run.Current.Loss);
    }
}
