using GradientLab.Benchmarks;
using BenchmarkDotNet.Running;

// BenchmarkDotNet's own arguments (--filter, --list, …), plus --report FILE: after the run, write the ratio tables, the
// goals and the machine to FILE (Markdown); or --probe-frame: the parts of a /live frame timed apart (FrameProbe).
if (args.Contains("--probe-frame"))
{
    FrameProbe.Run();
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
