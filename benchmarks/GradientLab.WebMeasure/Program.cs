// Measures the published web lab as a learner's browser meets it: headless Chromium against the static site served as
// any static host would (no lab process). Sleeps here are measuring windows, not waits for a condition.
//  1. a first visit to /live: bytes transferred (Brotli as served) and time from navigation to data-interactive;
//  2. frames rendered per second and steps shown per second while /live plays at full speed with all three views;
//  3. the engine in the browser against the same work natively: 100,000 steps of the live demo's preset (a ratio).
// Usage: dotnet publish src/GradientLab.Web -c Release -o artifacts/site
//        dotnet run -c Release --project benchmarks/GradientLab.WebMeasure
using System.Diagnostics;
using System.Globalization;
using GradientLab.Cli.Lab;
using GradientLab.Scenarios;
using Microsoft.Playwright;

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "GradientLab.slnx")))
{
    root = root.Parent;
}

var site = Path.Combine(root?.FullName ?? ".", "artifacts", "site", "wwwroot");
if (!File.Exists(Path.Combine(site, "index.html")))
{
    Console.Error.WriteLine($"Publish the web lab first (dotnet publish src/GradientLab.Web -c Release -o artifacts/site); not found: {site}");
    return 2;
}

await using var server = await StaticSiteServer.StartAsync(site);
var url = server.Address.ToString().TrimEnd('/');
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// 1. First visits, each in a fresh context (empty cache, no service worker).
var times = new List<double>();
long bytes = 0;
for (var i = 0; i < 5; i++)
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

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first visit to /live: {bytes / 1e6:F2} MB transferred; navigation to data-interactive: median {times[2]:F0} ms (min {times[0]:F0}, max {times[^1]:F0}, 5 cold visits)"));

// 2. Frames per second at full speed, all three views.
var live = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
await live.GotoAsync(url + "/live?preset=course-lab");
await live.WaitForSelectorAsync("[data-testid=step-count]");
await live.GetByTestId("speed").SelectOptionAsync("200");
await live.EvaluateAsync("""
    () => { window.__frames = 0; window.__longTasks = 0;
            new PerformanceObserver(list => window.__longTasks += list.getEntries().length).observe({ entryTypes: ['longtask'] });
            const target = document.querySelector('[data-testid=step-count]');
            new MutationObserver(() => window.__frames++).observe(target, { childList: true, characterData: true, subtree: true }); }
    """);
var before = int.Parse(await live.GetByTestId("step-count").InnerTextAsync(), CultureInfo.InvariantCulture);
await live.GetByTestId("play").ClickAsync();
var clock = Stopwatch.StartNew();
await Task.Delay(5000);
var frames = await live.EvaluateAsync<int>("() => window.__frames");
var longTasks = await live.EvaluateAsync<int>("() => window.__longTasks");
var seconds = clock.Elapsed.TotalSeconds;
var after = int.Parse(await live.GetByTestId("step-count").InnerTextAsync(), CultureInfo.InvariantCulture);
await live.GetByTestId("play").ClickAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"/live at full speed (200 steps/s asked), 1920x1080, three views: {frames / seconds:F1} rendered frames/s, {(after - before) / seconds:F1} steps/s shown, {longTasks} long tasks (> 50 ms) in {seconds:F1} s"));

// 3. The engine: the same 100,000 steps in the browser and here.
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
var browserMedian = browserTimes[browserTimes.Count / 2];
var nativeMedian = nativeTimes[nativeTimes.Count / 2];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine, {Steps:N0} steps of the live preset: browser (WebAssembly, interpreter) {browserMedian:F0} ms, native {nativeMedian:F1} ms: ratio {browserMedian / nativeMedian:F1}"));
return 0;
