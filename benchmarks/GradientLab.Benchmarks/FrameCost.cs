using BenchmarkDotNet.Attributes;
using GradientLab.Core.Descent;
using GradientLab.Figures;
using GradientLab.Scenarios;

namespace GradientLab.Benchmarks;

/// <summary>
/// One frame of /live's playback, as the page draws it: the data, contour and loss views at the cursor (the static
/// layers from their cache, the dynamic ones drawn again), at step 100 against step 100,000 of the live demo's run.
/// Each call moves the cursor by one, as playback does, so no per-cursor cache answers for it.
/// </summary>
[Config(typeof(ShortRunInProcess))]
public class FrameCost
{
    private const int LongRun = 100_000;
    private RunFigures _figures = null!;
    private int _flip;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioResolver.Resolve(Workloads.LiveDemoSteps(LongRun));
        var run = scenario.CreateRun();
        run.RunToEnd();
        _figures = new RunFigures(scenario, run.Trajectory) { ViewSize = (620, 484), LossSize = (620, 372) };
    }

    /// <summary>A frame at step 100 (or 99).</summary>
    [Benchmark(Baseline = true)]
    public int AtStep100() => Frame(100);

    /// <summary>A frame at step 100,000 (or 99,999).</summary>
    [Benchmark]
    public int AtStep100000() => Frame(LongRun);

    private int Frame(int step)
    {
        var cursor = step - (_flip ^= 1);
        return _figures.DataStatic(cursor).Length + _figures.DataDynamic(cursor).Length
            + _figures.ContourStatic(cursor).Length + _figures.ContourDynamic(cursor).Length
            + _figures.Loss(cursor).Length;
    }
}
