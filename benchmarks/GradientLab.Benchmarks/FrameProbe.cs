using System.Diagnostics;
using GradientLab.Figures;
using GradientLab.Lessons.Runs;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Benchmarks;

/// <summary>
/// `--probe-frame`: the parts of one /live frame timed apart with a stopwatch (the data, contour and loss views, the
/// readout and the diagnosis), at step 100 and at step 100,000, to find what still grows with the step.
/// </summary>
internal static class FrameProbe
{
    public static void Run()
    {
        var session = new LiveSession(Workloads.LiveDemoSteps(100_000));
        var figures = new RunFigures(session.Resolved, session.Trajectory) { ViewSize = (620, 484), LossSize = (620, 372) };
        (string Name, Func<int, int> Part)[] parts =
        [
            ("data view", c => figures.DataStatic(c).Length + figures.DataDynamic(c).Length),
            ("contour view", c => figures.ContourStatic(c).Length + figures.ContourDynamic(c).Length),
            ("loss view", c => figures.LossStatic(c).Length + figures.LossDynamic(c).Length),
            ("(data figure)", c => figures.DataFigure(c).Series.Count),
            ("(data figure+layout)", c => figures.DataFigure(c).Layout(620, 484).Width),
            ("(data dynamic render)", c => SvgRenderer.Render(figures.DataFigure(c).Layout(620, 484), new SvgOptions(FigureLayer.Dynamic)).Length),
            ("(contour figure+layout)", c => figures.ContourFigure(c).Layout(620, 484).Width),
            ("(loss figure+layout)", c => figures.LossFigure(c).Layout(620, 372).Width),
            ("readout", _ => FrameCost.Readout(session)),
            ("diagnosis", _ => session.Diagnosis.Diagnosis.Evidence.Length),
        ];
        // Twice over: the first round warms the JIT up, the second is printed.
        foreach (var (step, round) in new[] { (100, 0), (100_000, 0), (100, 1), (100_000, 1) })
        {
            var times = new double[parts.Length];
            var bytes = new long[parts.Length];
            const int Frames = 400;
            for (var frame = 0; frame < Frames * 2; frame++)
            {
                var cursor = step - (frame % 2);
                session.Reset();
                session.Advance(cursor);
                for (var p = 0; p < parts.Length; p++)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var clock = Stopwatch.StartNew();
                    parts[p].Part(cursor);
                    if (frame >= Frames)
                    {
                        times[p] += clock.Elapsed.TotalMicroseconds;
                        bytes[p] += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    }
                }
            }

            if (round == 0)
            {
                continue;
            }

            Console.WriteLine($"step {step:N0}: " + string.Join(", ", parts.Select((p, i) => $"{p.Name} {times[i] / Frames:F1} µs {bytes[i] / Frames / 1024.0:F1} KB")) + $"; in all {times.Sum() / Frames:F1} µs");
        }
    }

    /// <summary>The FrameCost frame at <paramref name="step"/> (and the step before it, in turn) again and again for <paramref name="duration"/>.</summary>
    public static void Loop(int step, TimeSpan duration)
    {
        var session = new LiveSession(Workloads.LiveDemoSteps(Math.Max(step, 100)));
        var figures = new RunFigures(session.Resolved, session.Trajectory) { ViewSize = (620, 484), LossSize = (620, 372) };
        var clock = Stopwatch.StartNew();
        var frames = 0;
        while (clock.Elapsed < duration)
        {
            var cursor = step - (frames++ % 2);
            session.Reset();
            session.Advance(cursor);
            _ = FrameCost.Figures(figures, cursor) + FrameCost.Readout(session) + session.Diagnosis.Diagnosis.Evidence.Length;
        }

        Console.WriteLine($"{frames:N0} frames at step {step:N0} in {clock.Elapsed.TotalSeconds:F1} s: {clock.Elapsed.TotalMicroseconds / frames:F1} µs a frame");
        Console.WriteLine($"markup drawn again at every frame: data {figures.DataDynamic(step).Length:N0} characters, contour {figures.ContourDynamic(step).Length:N0}, loss {figures.Loss(step).Length:N0} (static layers: data {figures.DataStatic(step).Length:N0}, contour {figures.ContourStatic(step).Length:N0})");
    }
}
