using System.Globalization;

namespace GradientLab.Scenarios;

/// <summary>
/// What one scenario may ask for. <see cref="ScenarioResolver.Resolve"/> checks every limit before it allocates or
/// computes anything, and a scenario over a limit is a <see cref="ScenarioException"/> naming the field, its value and
/// the limit. The defaults bound one run to about 300 MB and a few seconds of arithmetic on this project's machine.
/// </summary>
public sealed record ScenarioLimits
{
    /// <summary>The defaults: what the command line and the library accept.</summary>
    public static ScenarioLimits Default { get; } = new();

    /// <summary>Most steps a run may take (default 1,000,000).</summary>
    public int MaxSteps { get; init; } = GradientLab.Core.Descent.DescentSettings.StepLimit;

    /// <summary>
    /// Most parameters (weights and bias, or a function's coordinates; default 256). The diagnosis decomposes an n × n
    /// Hessian, which stays well under a second at this size.
    /// </summary>
    public int MaxParameters { get; init; } = 256;

    /// <summary>
    /// Most numbers a run records, (steps + 1) × parameters (default 5,000,000). Every step keeps its parameters and its
    /// gradient (16 bytes a parameter) and about 220 bytes of its own, so a run at this limit holds at most about
    /// 80 MB of numbers plus 220 MB for a million steps: measured, 1,000,000 steps of 4 parameters peak at 285 MB and
    /// 24,999 steps of 200 parameters (the most a 200-dimensional bowl may take) at 137 MB, where a million steps of
    /// 200 parameters would need 3.4 GB.
    /// </summary>
    public long MaxRecordedValues { get; init; } = 5_000_000;

    /// <summary>Most rows of data, inline or from a CSV file (default 1,000,000).</summary>
    public int MaxRows { get; init; } = 1_000_000;

    /// <summary>Most columns a CSV file may have, checked on its header before any row is read (default 1,000).</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>Largest CSV file, in bytes (and characters) (default 10 MiB).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// Most arithmetic one run may cost, counted as steps × rows × parameters (every step evaluates the loss over all
    /// the data; default 10,000,000,000, a few seconds natively). A million rows allow 5,000 steps of a straight line.
    /// </summary>
    public long MaxWork { get; init; } = 10_000_000_000;

    /// <summary>The limits a CSV file read for a scenario is held to.</summary>
    public CsvLimits Csv => new((int)Math.Min(MaxFileBytes, int.MaxValue), MaxRows, MaxColumns);

    /// <summary>A number as the messages write it: 1,000,000.</summary>
    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
