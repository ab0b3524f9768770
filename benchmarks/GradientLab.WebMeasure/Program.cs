// Measures the published web lab as a learner's browser meets it: headless Chromium against the static site served as
// any static host would (no lab process). Waits here are measuring windows, not waits for a condition.
//  1. a first visit to /live: bytes transferred (Brotli as served) and time from navigation to data-interactive;
//  2. /live playing at its fastest finite speed for 10 s with the default views (data, contour, loss), from step 100
//     and from near the end of a 100,000-step run, then the same with the 3-D view: frames per second (counted twice:
//     requestAnimationFrame callbacks, and DOM updates of the step counter), steps shown per second, long tasks;
//  3. the optimizer race playing for 10 s, counted the same way;
//  4. where the time of a frame at step 100,000 goes (the CDP profiler: .NET in WebAssembly, Blazor's script, the browser);
//  5. the engine in the browser against the same work natively: 100,000 steps of the live demo's preset (a ratio).
// Usage: dotnet publish src/GradientLab.Web -c Release -o artifacts/site
//        dotnet run -c Release --project benchmarks/GradientLab.WebMeasure [-- --report docs/benchmarks.md] [--seconds 10]
// With --report, the section "In the browser" and the browser rows of the goals table are written into that file;
// --site DIR measures another published copy (its wwwroot); --quick measures only /live's playback with the default
// views (part 2 without the 3-D view) and where its time goes (part 4), to try a change, and writes no report.
using System.Diagnostics;
using System.Globalization;
using GradientLab.Cli.Lab;
using GradientLab.Scenarios;
using GradientLab.WebMeasure;
using Microsoft.Playwright;

var reportAt = Array.IndexOf(args, "--report");
var reportPath = reportAt >= 0 && reportAt + 1 < args.Length ? args[reportAt + 1] : null;
var quick = args.Contains("--quick");
var secondsAt = Array.IndexOf(args, "--seconds");
var window = secondsAt >= 0 && secondsAt + 1 < args.Length ? double.Parse(args[secondsAt + 1], CultureInfo.InvariantCulture) : 10;

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "GradientLab.slnx")))
{
    root = root.Parent;
}

var siteAt = Array.IndexOf(args, "--site");
var site = siteAt >= 0 && siteAt + 1 < args.Length ? args[siteAt + 1] : Path.Combine(root?.FullName ?? ".", "artifacts", "site", "wwwroot");
if (!File.Exists(Path.Combine(site, "index.html")))
{
    Console.Error.WriteLine($"Publish the web lab first (dotnet publish src/GradientLab.Web -c Release -o artifacts/site); not found: {site}");
    return 2;
}

// --shot PATH WIDTH HEIGHT FILE [--url ADDRESS] [--wait SELECTOR]: a full-page screenshot of the published site (or of the lab at ADDRESS) at PATH, once its figures are laid out for
// the page's own width (the browser's real clock: a screenshot under Chromium's virtual time may be taken before the
// page has measured its width), then exits.
var shotAt = Array.IndexOf(args, "--shot");
var results = new BrowserResults { Seconds = window, When = DateTime.UtcNow };
await using var server = await StaticSiteServer.StartAsync(site);
var url = server.Address.ToString().TrimEnd('/');
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
results.Browser = browser.Version;
if (shotAt >= 0 && shotAt + 4 < args.Length)
{
    var shot = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = int.Parse(args[shotAt + 2], CultureInfo.InvariantCulture), Height = int.Parse(args[shotAt + 3], CultureInfo.InvariantCulture) } });
    var serverAt = Array.IndexOf(args, "--url"); // another server's address (the lab as `dotnet run` serves it), else the published site
    await shot.GotoAsync((serverAt >= 0 && serverAt + 1 < args.Length ? args[serverAt + 1].TrimEnd('/') : url) + args[shotAt + 1]);
    await shot.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    var waitAt = Array.IndexOf(args, "--wait"); // a selector to wait for first (a page that trains before it draws)
    if (waitAt >= 0 && waitAt + 1 < args.Length)
    {
        await shot.WaitForSelectorAsync(args[waitAt + 1], new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
    }

    // The width watcher reports on an animation frame and the page lays its figures out again: wait until every figure
    // fits the page's width (or 20 s, and shoot what is there).
    try
    {
        await shot.WaitForFunctionAsync("() => [...document.querySelectorAll('.gl-view svg, .gl-figure-frame svg')].every(s => s.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
    }
    catch (TimeoutException)
    {
        Console.WriteLine("a figure is still wider than the page after 20 s");
    }

    await shot.ScreenshotAsync(new PageScreenshotOptions { Path = args[shotAt + 4], FullPage = true });
    Console.WriteLine($"wrote {args[shotAt + 4]}");
    return 0;
}

// 1. First visits, each in a fresh context (empty cache, no service worker).
var times = new List<double>();
long bytes = 0;
for (var i = 0; i < (quick ? 0 : 5); i++)
{
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, ServiceWorkers = ServiceWorkerPolicy.Block });
    var page = await context.NewPageAsync();
    var requests = new List<IRequest>();
    page.RequestFinished += (_, request) => requests.Add(request);
    await page.GotoAsync(url + "/live");
    await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    times.Add(await page.EvaluateAsync<double>("() => window.gradientLabInteractiveAt"));
    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    bytes = 0;
    foreach (var request in requests.ToList())
    {
        var sizes = await request.SizesAsync();
        bytes += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
    }
}

if (!quick)
{
    times.Sort();
    results.FirstVisit = (bytes, times[2], times[0], times[^1]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first visit to /live: {bytes / 1e6:F2} MB transferred; navigation to data-interactive: median {times[2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0}, 5 cold visits)"));
}

// 2. /live at 200 steps/s (the fastest finite speed), 1920×1080, on the live demo's preset run for 100,000 steps with no
// early stop (the FrameCost benchmark's run), carried whole in the address (?s=, as a shared link carries it). The
// longest run the page computes is 100,000 steps (LiveLinks.MaxSteps), so "at step 100,000" opens step 97,900: 10 s at
// 200 steps/s ends near 99,900.
var longRun = LongRunQuery();
var viewport = new ViewportSize { Width = 1920, Height = 1080 };
var idle = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
await idle.GotoAsync(url + "/live");
await idle.WaitForSelectorAsync("[data-testid=step-count]");
results.IdleFrameRate = await idle.EvaluateAsync<double>(Playback.IdleFrameRateScript, 3);
await idle.CloseAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle /live: {results.IdleFrameRate:F1} requestAnimationFrame callbacks/s (the browser's ceiling here)"));

foreach (var surface in quick ? new[] { false } : [false, true])
{
    foreach (var start in new[] { 100, 97_900 })
    {
        var live = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
        if (quick)
        {
            live.Console += (_, message) => Console.WriteLine("  console: " + message.Text);
        }

        await live.GotoAsync(string.Create(CultureInfo.InvariantCulture, $"{url}/live?{longRun}&step={start}{(surface ? "&view=3d" : "")}"));
        await live.WaitForFunctionAsync(string.Create(CultureInfo.InvariantCulture, $"() => document.querySelector('[data-testid=step-count]')?.textContent === '{start}'"), null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await live.GetByTestId("speed").SelectOptionAsync("200");
        var tracing = quick && args.Contains("--trace") ? await LongTaskTrace.StartAsync(live) : null;

        var measured = await Playback.MeasureAsync(live, "play", "step-count", window);
        if (tracing is not null)
        {
            LongTaskTrace.Print(await tracing.StopAsync());
        }

        var label = $"/live, {(surface ? "data, 3-D surface and loss" : "data, contour and loss")}, from step {start:N0}";
        results.Playbacks.Add((label, surface, start, measured));
        Console.WriteLine($"{label}: {measured}");
        if (quick && measured.LongTasks.Count > 0)
        {
            Console.WriteLine("  long tasks (start after play, duration, ms): " + string.Join(", ", measured.LongTasks.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Start:F0} +{t.Duration:F0}"))));
        }
        await live.CloseAsync();
    }
}

// 3. The optimizer race: its default budget (500 steps) at 30 steps/s, which lasts the window, and a budget of 5,000
// at its default speed (300 steps/s), which would.
foreach (var (raceBudget, speed) in quick ? [] : new[] { (500, "30"), (5000, "300") })
{
    var race = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
    await race.GotoAsync(url + "/optimizers");
    await race.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
    var budget = race.GetByTestId("race-budget");
    await budget.FillAsync(raceBudget.ToString(CultureInfo.InvariantCulture));
    await budget.DispatchEventAsync("change");
    await race.WaitForFunctionAsync("() => document.querySelector('[data-testid=race-plot]') !== null");
    await race.GetByTestId("race-speed").SelectOptionAsync(speed);
    await race.GetByTestId("race-section").ScrollIntoViewIfNeededAsync();
    var measured = await Playback.MeasureAsync(race, "race-play", "race-step-count", window);
    results.Races.Add((raceBudget, int.Parse(speed, CultureInfo.InvariantCulture), measured));
    Console.WriteLine($"/optimizers, the race, budget {raceBudget:N0}, at {speed} steps/s: {measured}");
    await race.CloseAsync();
}

// 4. Where a frame's time goes at step 100,000: the CDP sampling profiler during 5 s of playback.
var profiled = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
await profiled.GotoAsync(url + "/live?" + longRun + "&step=97900");
await profiled.WaitForFunctionAsync("() => document.querySelector('[data-testid=step-count]')?.textContent === '97900'", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
await profiled.GetByTestId("speed").SelectOptionAsync("200");
results.Profile = await Profile.DuringPlaybackAsync(profiled, "play", 5);
Console.WriteLine("profile of /live playing from step 97,900 (5 s): " + string.Join("; ", results.Profile.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Part} {p.Share:P0}"))));
await profiled.CloseAsync();
if (quick)
{
    return 0;
}

// 5. The engine: the same 100,000 steps in the browser and here.
const int Steps = 100_000;
var bench = await browser.NewPageAsync();
await bench.GotoAsync(url + "/benchmark");
await bench.WaitForSelectorAsync("[data-ready=true]");
var browserTimes = new List<double>();
for (var i = 0; i < 5; i++)
{
    await bench.GetByTestId("bench-run").ClickAsync();
    await bench.WaitForSelectorAsync("[data-testid=bench-ms]");
    browserTimes.Add(double.Parse(await bench.GetByTestId("bench-ms").InnerTextAsync(), CultureInfo.InvariantCulture));
}

var nativeTimes = new List<double>();
for (var i = 0; i < 7; i++)
{
    var run = ScenarioResolver.Resolve(Workloads.LiveDemoSteps(Steps)).CreateRun();
    var watch = Stopwatch.StartNew();
    run.RunToEnd();
    nativeTimes.Add(watch.Elapsed.TotalMilliseconds);
}

browserTimes.Sort();
nativeTimes.Sort();
results.Engine = (browserTimes[browserTimes.Count / 2], nativeTimes[nativeTimes.Count / 2]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine, {Steps:N0} steps of the live preset: browser (WebAssembly, interpreter) {results.Engine.Browser:F0} ms, native {results.Engine.Native:F1} ms: ratio {results.Engine.Browser / results.Engine.Native:F1}"));

if (reportPath is not null)
{
    BrowserReport.Write(reportPath, results);
}

return 0;

// The live demo's run of 100,000 steps with no early stop as /live's whole-scenario parameter (ShareLinks.Encode).
static string LongRunQuery()
{
    var json = ScenarioJson.Write(Workloads.LiveDemoSteps(100_000) with { Description = null })
        .Replace("\n", "", StringComparison.Ordinal)
        .Replace("  ", "", StringComparison.Ordinal);
    return "s=" + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
}
