using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace GradientLab.WebMeasure;

/// <summary>What a page did during a measuring window of playback.</summary>
/// <param name="Seconds">The window, as the page's clock measured it.</param>
/// <param name="AnimationFrames">requestAnimationFrame callbacks in the window: the frames the browser produced.</param>
/// <param name="CounterUpdates">DOM updates of the step counter: the frames in which the page showed a new step.</param>
/// <param name="FromStep">The step shown when play was pressed.</param>
/// <param name="ToStep">The step shown at the end of the window.</param>
/// <param name="LongTasks">The long tasks (over 50 ms) in the window: when each started after play was pressed, and how long it took, in milliseconds.</param>
/// <param name="Pause">The long tasks of pressing pause: the task that closed the window (and pressed pause inside it) and any after it; they are not counted in the window.</param>
internal sealed record PlaybackMeasure(double Seconds, int AnimationFrames, int CounterUpdates, int FromStep, int ToStep, IReadOnlyList<(double Start, double Duration)> LongTasks, IReadOnlyList<(double Start, double Duration)> Pause)
{
    public double FramesPerSecond => AnimationFrames / Seconds;

    public double UpdatesPerSecond => CounterUpdates / Seconds;

    public double StepsPerSecond => (ToStep - FromStep) / Seconds;

    public double LongestTask => LongTasks.Count == 0 ? 0 : LongTasks.Max(t => t.Duration);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{FramesPerSecond:F1} animation frames/s, {UpdatesPerSecond:F1} step-counter updates/s, {StepsPerSecond:F1} steps/s shown (step {FromStep:N0} to {ToStep:N0}), {LongTasks.Count} long tasks{(LongTasks.Count > 0 ? $" (longest {LongestTask:F0} ms; the first at {LongTasks[0].Start:F0} ms after play, {LongTasks[0].Duration:F0} ms)" : "")} in {Seconds:F1} s{(Pause.Count > 0 ? $"; pressing pause: a long task of {Pause.Max(t => t.Duration):F0} ms" : "")}");
}

/// <summary>Measures playback inside the page, on the page's own clock, so the window is exact.</summary>
internal static class Playback
{
    /// <summary>requestAnimationFrame callbacks per second with nothing playing (argument: seconds).</summary>
    public const string IdleFrameRateScript = """
        async seconds => {
          let frames = 0, running = true;
          const tick = () => { if (running) { frames++; requestAnimationFrame(tick); } };
          start = performance.now();
          requestAnimationFrame(tick);
          await new Promise(resolve => setTimeout(resolve, seconds * 1000));
          running = false;
          return frames / ((performance.now() - start) / 1000);
        }
        """;

    // Presses play, counts for the window, presses pause. Long tasks come from a PerformanceObserver ('longtask': over
    // 50 ms); the records still queued at the end are taken after a moment for the browser to deliver them.
    private const string MeasureScript = """
        async ([play, counter, seconds]) => {
          const target = document.querySelector(`[data-testid=${counter}]`);
          const read = () => parseInt(target.textContent.replace(/[^0-9]/g, ''), 10);
          let frames = 0, updates = 0, running = true;
          const tasks = [];
          let start = performance.now();
          const observer = new PerformanceObserver(list => { for (const e of list.getEntries()) tasks.push([e.startTime - start, e.duration]); });
          observer.observe({ entryTypes: ['longtask'] });
          const mutations = new MutationObserver(() => updates++);
          mutations.observe(target, { childList: true, characterData: true, subtree: true });
          const tick = () => { if (running) { frames++; requestAnimationFrame(tick); } };
          const from = read();
          start = performance.now();
          requestAnimationFrame(tick);
          document.querySelector(`[data-testid=${play}]`).click();
          await new Promise(resolve => setTimeout(resolve, seconds * 1000));
          const elapsed = (performance.now() - start) / 1000;
          running = false;
          const frameCount = frames, updateCount = updates, to = read();
          mutations.disconnect();
          document.querySelector(`[data-testid=${play}]`).click();
          await new Promise(resolve => setTimeout(resolve, 200));
          for (const e of observer.takeRecords()) tasks.push([e.startTime - start, e.duration]);
          observer.disconnect();
          return { elapsed, frames: frameCount, updates: updateCount, from, to, tasks };
        }
        """;

    /// <summary>Plays the page for <paramref name="seconds"/> with the button <paramref name="play"/>, counting frames and updates of <paramref name="counter"/>.</summary>
    public static async Task<PlaybackMeasure> MeasureAsync(IPage page, string play, string counter, double seconds)
    {
        var result = await page.EvaluateAsync<JsonElement>(MeasureScript, new object[] { play, counter, seconds });
        var elapsed = result.GetProperty("elapsed").GetDouble();
        var tasks = result.GetProperty("tasks").EnumerateArray().Select(t => (Start: t[0].GetDouble(), Duration: t[1].GetDouble())).OrderBy(t => t.Start).ToList();
        return new PlaybackMeasure(
            elapsed,
            result.GetProperty("frames").GetInt32(),
            result.GetProperty("updates").GetInt32(),
            result.GetProperty("from").GetInt32(),
            result.GetProperty("to").GetInt32(),
            [.. tasks.Where(t => !PressesPause(t, elapsed))],
            [.. tasks.Where(t => PressesPause(t, elapsed))]);
    }

    // The window closes in the task of its timer, which then presses pause (Blazor handles the click inside it): that task
    // began a moment before the window's end was read and goes on past it (a task of playback ends before the timer's
    // task can begin), so a task still running after the end, or begun after it, is pause's.
    private static bool PressesPause((double Start, double Duration) task, double elapsed) =>
        task.Start + task.Duration > (elapsed * 1000) + 1;
}
