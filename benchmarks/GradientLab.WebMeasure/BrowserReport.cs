using System.Globalization;
using System.Text;

namespace GradientLab.WebMeasure;

/// <summary>Everything one run of the browser measurements found.</summary>
internal sealed class BrowserResults
{
    public DateTime When { get; init; }

    public double Seconds { get; init; }

    public string Browser { get; set; } = "";

    public (long Bytes, double Median, double Min, double Max) FirstVisit { get; set; }

    public double IdleFrameRate { get; set; }

    public List<(string Label, bool Surface, int Start, PlaybackMeasure Measured)> Playbacks { get; } = [];

    public List<(int Budget, int Speed, PlaybackMeasure Measured)> Races { get; } = [];

    public IReadOnlyList<ProfilePart> Profile { get; set; } = [];

    public (double Browser, double Native) Engine { get; set; }
}

/// <summary>
/// Writes the section "In the browser" of docs/benchmarks.md and the browser rows of its goals table (rows that start
/// with <see cref="RowPrefix"/>), replacing those of an earlier run and leaving the rest of the file as it was.
/// </summary>
internal static class BrowserReport
{
    /// <summary>How the browser rows of the goals table begin (the BenchmarkDotNet report keeps them when it rewrites the file).</summary>
    public const string RowPrefix = "| in the browser: ";

    public const string Heading = "## In the browser";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(string path, BrowserResults results)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : ["# Benchmarks", "", "## Goals", "", "| goal | measured | met |", "| --- | --- | --- |", ""];
        lines.RemoveAll(l => l.StartsWith(RowPrefix, StringComparison.Ordinal));

        // The goals table: the browser rows after its last row.
        var goals = lines.IndexOf("## Goals");
        if (goals >= 0)
        {
            var tableEnd = lines.FindIndex(goals + 1, l => l.StartsWith('|'));
            tableEnd = tableEnd < 0 ? goals + 1 : tableEnd;
            while (tableEnd < lines.Count && lines[tableEnd].StartsWith('|'))
            {
                tableEnd++;
            }

            lines.InsertRange(tableEnd, GoalRows(results));
        }

        // The section: in place of the old one, else after the goals.
        var section = Section(results).Split('\n').ToList();
        var at = lines.IndexOf(Heading);
        if (at >= 0)
        {
            var end = at + 1;
            while (end < lines.Count && !lines[end].StartsWith("## ", StringComparison.Ordinal))
            {
                end++;
            }

            lines.RemoveRange(at, end - at);
        }
        else
        {
            at = goals >= 0 ? lines.FindIndex(goals + 1, l => l.StartsWith("## ", StringComparison.Ordinal)) : -1;
            at = at < 0 ? lines.Count : at;
        }

        lines.InsertRange(at, section);
        File.WriteAllText(path, string.Join('\n', lines).TrimEnd('\n') + "\n");
        Console.WriteLine($"Wrote the section \"In the browser\" and the browser goals into {path}.");
    }

    private static IEnumerable<string> GoalRows(BrowserResults results)
    {
        foreach (var (label, surface, start, m) in results.Playbacks.Where(p => !p.Surface))
        {
            var met = m.FramesPerSecond >= 57 && m.UpdatesPerSecond >= 57 && m.LongTasks.Count == 0;
            yield return S($"{RowPrefix}/live at 60 frames per second with the default views (data, contour, loss), 0 long tasks, playing from step {start:N0} | {m.FramesPerSecond:F1} animation frames/s, {m.UpdatesPerSecond:F1} step-counter updates/s, {m.LongTasks.Count} long tasks{Longest(m)} | {(met ? "yes" : "no")} |");
        }

        var surfaces = results.Playbacks.Where(p => p.Surface).ToList();
        if (surfaces.Count > 0)
        {
            yield return S($"{RowPrefix}/live with the 3-D view (data, 3-D surface, loss) | {string.Join("; ", surfaces.Select(p => S($"from step {p.Start:N0}: {p.Measured.FramesPerSecond:F1} frames/s, {p.Measured.UpdatesPerSecond:F1} updates/s, {p.Measured.LongTasks.Count} long tasks{Longest(p.Measured)}")))} | (reference) |");
        }

        if (results.Engine.Native > 0)
        {
            var ratio = results.Engine.Browser / results.Engine.Native;
            yield return S($"{RowPrefix}the engine under WebAssembly within 10× of native (100,000 steps of the live preset) | {ratio:F1}× ({results.Engine.Browser:F0} ms against {results.Engine.Native:F1} ms) | {(ratio <= 10 ? "yes" : "no")} |");
        }
    }

    private static string Section(BrowserResults r)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line(Heading);
        Line("");
        Line(S($"Written by `benchmarks/run.sh --browser` (`benchmarks/GradientLab.WebMeasure`: the published site served as a static host would, headless Chromium {r.Browser} with `--disable-gpu`) on {r.When:yyyy-MM-dd HH:mm} UTC, on the machine above, sharing its 2 cores with other builds. Each playback is measured inside the page on its own clock: {r.Seconds:0} s after pressing play, counting requestAnimationFrame callbacks (the frames the browser produced), DOM updates of the step counter (the frames in which the page showed a new step: the playback clock ticks at most 60 times a second) and long tasks (a PerformanceObserver of type `longtask`: tasks over 50 ms) that begin in the window; the task of pressing pause after it is shown apart. /live plays at 200 steps/s, its fastest finite speed, at 1920 × 1080. The longest run /live computes is 100,000 steps (`steps=`, at most `LiveLinks.MaxSteps`), so \"at step 100,000\" opens step 97,900 and plays to about step 99,900. The run is the FrameCost benchmark's: the live demo's preset (47 houses, sizes standardised, α = 0.2) for 100,000 steps with no early stop, carried whole in the address (`/live?s=…`, as a shared link carries a scenario)."));
        Line("");
        Line(S($"With nothing playing the page gets {r.IdleFrameRate:F1} animation frames per second: the ceiling of this headless browser."));
        Line("");
        Line("| what played | animation frames/s | step-counter updates/s | steps/s shown | long tasks (> 50 ms) | longest (the first: how long, when after play) | pressing pause (after the window) |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (label, _, _, m) in r.Playbacks)
        {
            Line(Row(label + " (200 steps/s)", m));
        }

        foreach (var (budget, speed, measured) in r.Races)
        {
            Line(Row(S($"/optimizers, the race (its default racers and surface), budget {budget:N0}, at {speed} steps/s"), measured));
        }

        Line("");
        if (r.Profile.Count > 0)
        {
            Line(S($"Where the main thread's time goes while /live plays from step 97,900 with the default views (the CDP profiler, samples every 100 µs over 5 s):"));
            Line("");
            Line("| part | share of the time | heaviest functions (self time) |");
            Line("| --- | ---: | --- |");
            foreach (var part in r.Profile)
            {
                Line(S($"| {part.Part} | {part.Share:P1} | {string.Join(", ", part.Top.Where(t => t.Share >= 0.005).Select(t => S($"`{t.Function}` {t.Share:P1}")))} |"));
            }

            Line("");
        }

        Line(S($"The engine: 100,000 full-batch steps of the live demo's preset take {r.Engine.Browser:F0} ms in the browser (the /benchmark page, median of 5; WebAssembly under the interpreter and its jiterpreter, no AOT here) against {r.Engine.Native:F1} ms natively (median of 7): **{r.Engine.Browser / r.Engine.Native:F1}×**."));
        Line("");
        Line(S($"First visit to /live (5 cold visits, 1280 × 800): {r.FirstVisit.Bytes / 1e6:F2} MB transferred (Brotli as served); from navigation to interactive: median {r.FirstVisit.Median:F0} ms (min {r.FirstVisit.Min:F0}, max {r.FirstVisit.Max:F0})."));
        Line("");
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string Row(string label, PlaybackMeasure m) =>
        S($"| {label} | {m.FramesPerSecond:F1} | {m.UpdatesPerSecond:F1} | {m.StepsPerSecond:F1} | {m.LongTasks.Count} | {(m.LongTasks.Count == 0 ? "–" : S($"{m.LongestTask:F0} ms (the first: {m.LongTasks[0].Duration:F0} ms at {m.LongTasks[0].Start:F0} ms)"))} | {(m.Pause.Count == 0 ? "–" : S($"{m.Pause.Max(t => t.Duration):F0} ms"))} |");

    private static string Longest(PlaybackMeasure m) => m.LongTasks.Count == 0 ? "" : S($" (longest {m.LongestTask:F0} ms)");

    private static string S(FormattableString text) => text.ToString(Invariant);
}
