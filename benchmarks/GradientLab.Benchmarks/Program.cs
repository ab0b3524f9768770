using GradientLab.Benchmarks;
using BenchmarkDotNet.Running;

// BenchmarkDotNet's own arguments (--filter, --list, …), plus --report FILE: after the run, write the ratio tables, the
// goals and the machine to FILE (Markdown); or --probe-frame: the parts of a /live frame timed apart (FrameProbe); or
// --frame-loop STEP [SECONDS]: /live's frames at STEP for 20 s (or SECONDS), to run under a profiler (dotnet-trace
// collect -- …); it prints the time a frame took.
if (args.Contains("--probe-frame"))
{
    FrameProbe.Run();
    return;
}

if (Array.IndexOf(args, "--frame-loop") is var loop and >= 0)
{
    var seconds = loop + 2 < args.Length ? double.Parse(args[loop + 2], System.Globalization.CultureInfo.InvariantCulture) : 20;
    FrameProbe.Loop(int.Parse(args[loop + 1], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds));
    return;
}

var at = Array.IndexOf(args, "--report");
var report = at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
string[] rest = report is null ? args : [.. args[..at], .. args[(at + 2)..]];
var summaries = BenchmarkSwitcher.FromAssembly(typeof(LinearRegressionGradient).Assembly).Run(rest).ToArray();
if (report is not null)
{
    BenchmarkReport.Write(report, summaries, string.Join(' ', rest));
}
