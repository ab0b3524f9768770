using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace GradientLab.WebMeasure;

/// <summary>
/// `--quick --trace`: what the main thread's long tasks (over 50 ms) were made of, from a Chromium trace of the playback
/// window: for each, the events inside it by name and their total time (GC, script, layout, paint, wasm compiling…).
/// </summary>
internal sealed class LongTaskTrace
{
    private readonly ICDPSession _cdp;
    private readonly List<JsonElement> _events = [];
    private readonly TaskCompletionSource _complete = new();

    private LongTaskTrace(ICDPSession cdp) => _cdp = cdp;

    /// <summary>Starts a Chromium trace of <paramref name="page"/> (the timeline, V8 and its garbage collector).</summary>
    public static async Task<LongTaskTrace> StartAsync(IPage page)
    {
        var trace = new LongTaskTrace(await page.Context.NewCDPSessionAsync(page));
        trace._cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            foreach (var item in e!.Value.GetProperty("value").EnumerateArray())
            {
                trace._events.Add(item.Clone());
            }
        };
        trace._cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => trace._complete.TrySetResult();
        await trace._cdp.SendAsync("Tracing.start", new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,blink,blink.user_timing",
            ["transferMode"] = "ReportEvents",
        });
        return trace;
    }

    /// <summary>Stops the trace and returns its events.</summary>
    public async Task<IReadOnlyList<JsonElement>> StopAsync()
    {
        await _cdp.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await _cdp.DetachAsync();
        return _events;
    }

    public static void Print(IReadOnlyList<JsonElement> trace)
    {
        var events = trace
            .Where(e => e.TryGetProperty("ph", out var ph) && ph.GetString() == "X" && e.TryGetProperty("dur", out _))
            .Select(e => (Name: e.GetProperty("name").GetString() ?? "", Pid: e.GetProperty("pid").GetInt64(), Tid: e.GetProperty("tid").GetInt64(), Ts: e.GetProperty("ts").GetDouble(), Dur: e.GetProperty("dur").GetDouble()))
            .ToList();
        // The main thread: the one with the most time in tasks. Its time by kind of work (an event's own time, less the
        // events inside it, is not worked out: nested names overlap, so read these as "time spent inside").
        var main = events.Where(e => e.Name == "RunTask").GroupBy(e => (e.Pid, e.Tid)).OrderByDescending(g => g.Sum(e => e.Dur)).First().Key;
        var onMain = events.Where(e => e.Pid == main.Pid && e.Tid == main.Tid).ToList();
        var span = (onMain.Max(e => e.Ts + e.Dur) - onMain.Min(e => e.Ts)) / 1000;
        string[] kinds = ["RunTask", "FunctionCall", "v8.callFunction", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "ParseHTML", "HitTest", "V8.GC_SCAVENGER", "MajorGC", "MinorGC", "wasm.SyncCompile", "UpdateLayerTree", "CompositeLayers"];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  main thread over {span:F0} ms: ") + string.Join("; ", kinds
            .Select(k => (Kind: k, Ms: onMain.Where(e => e.Name == k).Sum(e => e.Dur) / 1000, Count: onMain.Count(e => e.Name == k)))
            .Where(k => k.Count > 0)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Kind} {k.Ms:F0} ms ×{k.Count}"))));
        var tasks = events.Where(e => e.Name == "RunTask" && e.Dur > 50_000).OrderBy(e => e.Ts).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  traced: {tasks.Count} long tasks"));
        foreach (var task in tasks)
        {
            var inside = events.Where(e => e.Pid == task.Pid && e.Tid == task.Tid && e.Ts >= task.Ts && e.Ts + e.Dur <= task.Ts + task.Dur && e.Name != "RunTask")
                .GroupBy(e => e.Name, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Ms: g.Sum(e => e.Dur) / 1000, Count: g.Count()))
                .OrderByDescending(g => g.Ms)
                .Take(8);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  task of {task.Dur / 1000:F0} ms: ") + string.Join("; ", inside.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Name} {g.Ms:F1} ms ×{g.Count}"))));
        }
    }
}
