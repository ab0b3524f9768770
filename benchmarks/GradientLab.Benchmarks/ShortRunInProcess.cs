using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GradientLab.Benchmarks;

/// <summary>
/// BenchmarkDotNet's ShortRun (1 launch, 3 warm-up and 3 measured iterations) in-process, with allocations: minutes for
/// the whole suite rather than an hour, on a machine shared with other builds. In-process, because an out-of-process
/// run would build a copy of this project; with a timeout long enough for the baselines that make 10,000 or 40,000 passes
/// over 10⁶ rows in one operation.
/// </summary>
public sealed class ShortRunInProcess : ManualConfig
{
    public ShortRunInProcess()
    {
        AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false)));
        AddDiagnoser(MemoryDiagnoser.Default);

        // Ratios as "908.00x faster" rather than 0.001: the statistics sides are three or four orders of magnitude apart.
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
    }
}

/// <summary>
/// <see cref="ShortRunInProcess"/> with 5 warm-up and 15 measured iterations, for a suite whose operations take a
/// millisecond (a frame): enough iterations that a burst of another build's work moves the mean less.
/// </summary>
public sealed class FrameRunInProcess : ManualConfig
{
    public FrameRunInProcess()
    {
        AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(15).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false)));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
    }
}
