using BenchmarkDotNet.Attributes;
using GradientLab.Figures;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Benchmarks;

/// <summary>
/// One frame of /live's playback, as the page draws it: the data, contour and loss views at the cursor (the static
/// layers from their cache, the dynamic ones drawn again), the readout (status, ledger, captions) and the diagnosis, at
/// step 100 against step 100,000 of the live demo's run. Each call moves the cursor by one, as playback does, so no
/// per-cursor cache answers for it.
/// </summary>
[Config(typeof(FrameRunInProcess))]
public class FrameCost
{
    private const int LongRun = 100_000;
    private LiveSession _session = null!;
    private RunFigures _figures = null!;
    private int _flip;

    [GlobalSetup]
    public void Setup()
    {
        _session = new LiveSession(Workloads.LiveDemoSteps(LongRun));
        _figures = new RunFigures(_session.Resolved, _session.Trajectory) { ViewSize = (620, 484), LossSize = (620, 372) };
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
        _session.Reset();
        _session.Advance(cursor);
        return Figures(_figures, cursor) + Readout(_session) + _session.Diagnosis.Diagnosis.Evidence.Length;
    }

    /// <summary>The three views at <paramref name="cursor"/>, as /live draws them.</summary>
    internal static int Figures(RunFigures figures, int cursor) =>
        figures.DataStatic(cursor).Length + figures.DataDynamic(cursor).Length
        + figures.ContourStatic(cursor).Length + figures.ContourDynamic(cursor).Length
        + figures.LossStatic(cursor).Length + figures.LossDynamic(cursor).Length;

    /// <summary>What /live writes about the step besides the views and the diagnosis.</summary>
    internal static int Readout(LiveSession session) =>
        session.Status.Length + session.StatusKind.Length + (session.Ledger?.Count ?? 0) + (session.Caption?.Length ?? 0)
        + (session.ParameterMeaning?.Length ?? 0) + (session.LineInDataUnits?.Length ?? 0);
}
