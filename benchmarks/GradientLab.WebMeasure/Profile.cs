using System.Text.Json;
using Microsoft.Playwright;

namespace GradientLab.WebMeasure;

/// <summary>A share of the main thread's time during playback.</summary>
/// <param name="Part">What ran: .NET under WebAssembly, Blazor's script, the browser's own work, idle…</param>
/// <param name="Share">Its share of the window (all parts add up to 1).</param>
/// <param name="Top">Its heaviest functions by self time, with their shares of the window.</param>
internal sealed record ProfilePart(string Part, double Share, IReadOnlyList<(string Function, double Share)> Top);

/// <summary>The CDP sampling profiler (the Profiler domain) over a window of playback, its samples sorted into parts.</summary>
internal static class Profile
{
    public const string Wasm = ".NET under WebAssembly (the interpreter running our code, the runtime, its GC)";
    public const string Blazor = "Blazor's and the runtime's script (applying render batches to the DOM, interop)";
    public const string Program = "the browser's own work outside script (style, layout, paint, parsing the SVG markup)";
    public const string Collector = "JavaScript's garbage collector";
    public const string Idle = "idle";
    public const string Other = "other script";

    /// <summary>Presses <paramref name="play"/>, samples the main thread every 100 µs for <paramref name="seconds"/>, presses it again.</summary>
    public static async Task<IReadOnlyList<ProfilePart>> DuringPlaybackAsync(IPage page, string play, double seconds)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Profiler.enable");
        await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object>(StringComparer.Ordinal) { ["interval"] = 100 });
        await cdp.SendAsync("Profiler.start");
        await page.GetByTestId(play).ClickAsync();
        await Task.Delay(TimeSpan.FromSeconds(seconds)); // the measuring window
        var stopped = await cdp.SendAsync("Profiler.stop");
        await page.GetByTestId(play).ClickAsync();
        await cdp.DetachAsync();
        return Sort(stopped!.Value.GetProperty("profile"));
    }

    private static List<ProfilePart> Sort(JsonElement profile)
    {
        var frames = new Dictionary<int, (string Function, string Url)>();
        foreach (var node in profile.GetProperty("nodes").EnumerateArray())
        {
            var frame = node.GetProperty("callFrame");
            frames[node.GetProperty("id").GetInt32()] = (frame.GetProperty("functionName").GetString() ?? "", frame.GetProperty("url").GetString() ?? "");
        }

        var samples = profile.GetProperty("samples").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        var deltas = profile.GetProperty("timeDeltas").EnumerateArray().Select(d => d.GetDouble()).ToArray();
        var byFunction = new Dictionary<(string Part, string Function), double>();
        var total = 0.0;
        // Each sample stands for the time until the next one.
        for (var i = 0; i + 1 < samples.Length; i++)
        {
            var (function, url) = frames[samples[i]];
            var part = PartOf(function, url);
            var key = (part, function.Length == 0 ? "(anonymous)" : function);
            byFunction[key] = byFunction.GetValueOrDefault(key) + deltas[i + 1];
            total += deltas[i + 1];
        }

        return [.. byFunction.GroupBy(f => f.Key.Part, StringComparer.Ordinal)
            .Select(g => new ProfilePart(g.Key, g.Sum(f => f.Value) / total, [.. g.OrderByDescending(f => f.Value).Take(5).Select(f => (f.Key.Function, f.Value / total))]))
            .OrderByDescending(p => p.Share)];
    }

    private static string PartOf(string function, string url) => function switch
    {
        "(idle)" => Idle,
        "(program)" => Program,
        "(garbage collector)" => Collector,
        _ when url.StartsWith("wasm://", StringComparison.Ordinal) || url.EndsWith(".wasm", StringComparison.Ordinal) => Wasm,
        _ when url.Contains("blazor", StringComparison.OrdinalIgnoreCase) || url.Contains("dotnet", StringComparison.OrdinalIgnoreCase) => Blazor,
        _ => Other,
    };
}
