using System.Globalization;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;

namespace GradientLab.Benchmarks;

/// <summary>
/// Writes docs/benchmarks.md from one run of the suites: the machine, the goals of the statistics work with the figures
/// that decide them, the memory of a recorded step, and each suite's table with its Ratio column.
/// </summary>
internal static class BenchmarkReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // As benchmarks/GradientLab.WebMeasure writes them.
    private const string BrowserRowPrefix = "| in the browser: ";
    private const string BrowserHeading = "## In the browser";

    public static void Write(string path, IReadOnlyList<Summary> summaries, string arguments)
    {
        // What `benchmarks/run.sh --browser` wrote (the section "In the browser" and its rows of the goals table) stays.
        var old = File.Exists(path) ? File.ReadAllLines(path) : [];
        var browserRows = old.Where(l => l.StartsWith(BrowserRowPrefix, StringComparison.Ordinal)).ToList();
        var browserSection = old.SkipWhile(l => l != BrowserHeading).TakeWhile((l, i) => i == 0 || !l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var text = new StringBuilder();
        Line(text, "# Benchmarks");
        Line(text, "");
        Line(text, $"Written by `benchmarks/run.sh` (BenchmarkDotNet, arguments `{arguments}`) on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Each suite runs BenchmarkDotNet's ShortRun (1 launch, 3 warm-up and 3 measured iterations) in-process; read the Ratio column, the mean of each method over its suite's baseline, measured side by side in one run.");
        Line(text, "");
        Machine(text, summaries);
        Goals(text, summaries, browserRows);
        foreach (var line in browserSection)
        {
            Line(text, line);
        }

        Memory(text);
        foreach (var summary in summaries)
        {
            Table(text, summary);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"Wrote {path}.");
    }

    private static void Machine(StringBuilder text, IReadOnlyList<Summary> summaries)
    {
        Line(text, "## The machine");
        Line(text, "");
        Line(text, "```");
        foreach (var line in summaries.Count > 0 ? summaries[0].HostEnvironmentInfo.ToFormattedString() : [])
        {
            Line(text, line);
        }

        Line(text, "```");
        Line(text, "");
        Line(text, $"A virtual machine with {Environment.ProcessorCount} logical cores, shared with two other engineers' builds while this ran: absolute times carry their noise (up to several-fold between runs of the same code), ratios less so, though both sides of a ratio are measured a few minutes apart and the load can change in between. Its last-level cache is large (32 MB of L3 on this AMD EPYC): 10⁶ rows of x and y (16 MB) fit in it, 10⁷ rows (160 MB) do not, which is why the kernel suite runs both. A \"pass\" below is one evaluation of the cost and gradient over the 10⁶ rows by the pass over the rows (the kernel).");
        Line(text, "");
    }

    private static void Goals(StringBuilder text, IReadOnlyList<Summary> summaries, IReadOnlyList<string> browserRows)
    {
        Line(text, "## Goals");
        Line(text, "");
        Line(text, "| goal | measured | met |");
        Line(text, "| --- | --- | --- |");
        var descentDirect = Mean(summaries, nameof(FullBatchDescent), nameof(FullBatchDescent.Direct));
        var descentStatistics = Mean(summaries, nameof(FullBatchDescent), nameof(FullBatchDescent.Statistics));
        var fivePasses = Mean(summaries, nameof(FullBatchDescent), nameof(FullBatchDescent.FivePasses));
        if (descentStatistics is { } steps && fivePasses is { } five)
        {
            var passes = steps / (five / 5);
            Line(text, $"| 10,000 full-batch steps on 10⁶ rows (statistics pass and recording included) in at most the time of 5 passes | {Time(steps)} = {passes:0.00} passes (a pass: {Time(five / 5)}){(descentDirect is { } direct ? $"; {direct / steps:N0}× faster than 10,000 passes ({Time(direct)})" : "")} | {(passes <= 5 ? "yes" : "no")} |");
        }

        var gridDirect = Mean(summaries, nameof(ContourGrid), nameof(ContourGrid.Direct));
        var gridStatistics = Mean(summaries, nameof(ContourGrid), nameof(ContourGrid.Statistics));
        if (gridDirect is { } perPoint && gridStatistics is { } quadratic)
        {
            Line(text, $"| 200 × 200 contour grid on 10⁶ rows ≥ 1,000× faster than a pass per point | {perPoint / quadratic:N0}× ({Time(quadratic)} against {Time(perPoint)}) | {(perPoint / quadratic >= 1000 ? "yes" : "no")} |");
            var difference = GridDifference();
            Line(text, $"| … and equal to it within 1e-11 relative | largest \\|statistics − direct\\| / \\|direct\\| over the 40,000 points: {difference:0.0e+0} | {(difference <= 1e-11 ? "yes" : "no")} |");
        }

        var frameShort = Mean(summaries, nameof(FrameCost), nameof(FrameCost.AtStep100));
        var frameLong = Mean(summaries, nameof(FrameCost), nameof(FrameCost.AtStep100000));
        if (frameShort is { } early && frameLong is { } late)
        {
            Line(text, $"| one /live frame (data, contour and loss views, readout, diagnosis) at step 100,000 within 1.5× of one at step 100 | {late / early:0.00}× ({Time(late)} against {Time(early)}) | {(late / early <= 1.5 ? "yes" : "no")} |");
        }

        foreach (var rows in new[] { "1000000", "10000000" })
        {
            var kernel = Mean(summaries, nameof(LinearRegressionGradient), nameof(LinearRegressionGradient.GradientLabKernel), rows);
            var readOnly = Mean(summaries, nameof(LinearRegressionGradient), nameof(LinearRegressionGradient.ReadOnly), rows);
            var plain = Mean(summaries, nameof(LinearRegressionGradient), nameof(LinearRegressionGradient.PlainLoop), rows);
            if (kernel is { } k && readOnly is { } r && plain is { } p)
            {
                Line(text, $"| the kernel (one pass over the rows) near the memory bound, {int.Parse(rows, Invariant):N0} rows | kernel / read-only probe {k / r:0.00}; plain loop / kernel {p / k:0.00} ({Time(k)}, {k / int.Parse(rows, Invariant):0.000} ns per row) | (reference) |");
            }
        }

        foreach (var row in browserRows)
        {
            Line(text, row);
        }

        Line(text, "");
    }

    private static void Memory(StringBuilder text)
    {
        // A run on two rows, so that the data is nothing beside the trajectory.
        var objective = new LinearRegression(Dataset.FromPairs([1.0, 2.0], [300.0, 500.0]));
        const int Steps = 100_000;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var run = new DescentRun(new DescentSettings(objective, [0.0, 0.0], new Core.Optimizers.GradientDescentSettings(), new Core.Schedules.ConstantRate(1e-3), Steps));
        run.RunToEnd();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var unread = GC.GetTotalMemory(forceFullCollection: true) - before;
        var records = run.Trajectory.ToArray();

        var read = GC.GetTotalMemory(forceFullCollection: true) - before - (records.Length * 8L);
        GC.KeepAlive(run);
        GC.KeepAlive(records);
        Line(text, "## Memory per recorded step");
        Line(text, "");
        Line(text, $"A run of {Steps:N0} steps of linear regression with one feature (two parameters) keeps **{unread / (double)Steps:0} bytes per recorded step** while nobody reads its points ({allocated / (double)Steps:0} bytes allocated per step in all), and {read / (double)Steps:0} bytes per step once every point has been read. The run stores its trajectory as a structure of arrays (`Recording`, in chunks of 256 points): the parameters, the gradient of the update that left the point, the loss, the gradient's norm and the rate as doubles and the epoch as an int, 8·(2p + 3) + 4 = 60 bytes for p = 2. The public API is unchanged: `Trajectory` is still an `IReadOnlyList<StepRecord>`, and a point becomes a `StepRecord` the first time it is read (72 bytes, with two read-only views of 32 bytes on the stored parameters and gradient, and a slot in the chunk's cache of records), which is kept, so every read sees the same record. Before this work every step made its records at once (a record of the new point, then its replacement with the update that left it): 275 bytes allocated and 186 kept per step, every byte of it work for the garbage collector while the run recorded; now a run that is read in full keeps about 10 % more than that, and one that is not, a third.");
        Line(text, "");
    }

    // The largest relative difference between the grid from the statistics and the grid by passes over the rows, on the
    // benchmark's data and window.
    private static double GridDifference()
    {
        var (x, y) = Workload.Line(1_000_000);
        var objective = new LinearRegression(Dataset.FromPairs(x, y));
        var fit = objective.Minimum()!;
        var gradient = new double[2];
        var direct = Workload.Grid((w, b) => objective.EvaluateDirect([w, b], gradient), fit);
        var quadratic = Workload.Grid((w, b) => objective.Value([w, b]), fit);
        var largest = 0.0;
        for (var r = 0; r < direct.Rows; r++)
        {
            for (var c = 0; c < direct.Columns; c++)
            {
                largest = Math.Max(largest, Math.Abs(quadratic.Values[r, c] - direct.Values[r, c]) / Math.Abs(direct.Values[r, c]));
            }
        }

        return largest;
    }

    private static void Table(StringBuilder text, Summary summary)
    {
        var logger = new AccumulationLogger();
        MarkdownExporter.GitHub.ExportToLog(summary, logger);
        var table = logger.GetLog().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('|')).ToList();
        if (table.Count == 0)
        {
            return;
        }

        var type = summary.BenchmarksCases.First().Descriptor.Type;
        Line(text, $"## {type.Name}");
        Line(text, "");
        Line(text, Describe(type.Name));
        Line(text, "");
        foreach (var line in table)
        {
            Line(text, line);
        }

        Line(text, "");
    }

    private static string Describe(string suite) => suite switch
    {
        nameof(LinearRegressionGradient) => "One evaluation of the cost and gradient by the pass over the rows (GradientLabKernel, `LinearRegression.EvaluateDirect`) against the plainest loop (the baseline) and against merely reading x and y (ReadOnly: one vectorised pass with a sum; ReadOnlyTwoPasses: TensorPrimitives.Sum of each array).",
        nameof(FullBatchDescent) => "10,000 full-batch steps of plain gradient descent from (0, 0) at a rate of 0.1, every step recorded: a pass over the rows per step (Direct, the baseline) against the statistics from a fresh objective (its passes included); FivePasses is the yardstick of the goal.",
        nameof(ContourGrid) => "The cost on the 200 × 200 grid a contour plot of the run is traced on: a pass over the rows per point (Direct, the baseline) against the quadratic form from the statistics of a fresh objective (its passes included).",
        nameof(FrameCost) => "One frame of /live's playback as the page draws it (the data, contour and loss views at the cursor, static layers from their cache and dynamic ones drawn again; the readout: status, ledger and captions; the diagnosis), at step 100 (the baseline) against step 100,000 of the live demo's run, the cursor moving by one each call; 5 warm-up and 15 measured iterations (a frame takes about a millisecond, and the other builds' bursts move a mean of 3 too much).",
        nameof(OptimizerStep) => "One update of 10,000 parameters by each optimizer against plain gradient descent.",
        _ => "",
    };

    private static double? Mean(IReadOnlyList<Summary> summaries, string suite, string method, string? rows = null)
    {
        foreach (var summary in summaries)
        {
            foreach (var report in summary.Reports)
            {
                var benchmark = report.BenchmarkCase;
                if (benchmark.Descriptor.Type.Name == suite && benchmark.Descriptor.WorkloadMethod.Name == method
                    && (rows is null || benchmark.Parameters.Items.Any(p => p.Name == "Rows" && Convert.ToString(p.Value, Invariant) == rows))
                    && report.ResultStatistics is { } statistics)
                {
                    return statistics.Mean;
                }
            }
        }

        return null;
    }

    private static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("0.00 's'", Invariant),
        >= 1e6 => (nanoseconds / 1e6).ToString("0.00 'ms'", Invariant),
        _ => (nanoseconds / 1e3).ToString("0.0 'µs'", Invariant),
    };

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
