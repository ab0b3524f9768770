// Measures the live demo as a person would use it, in headless Chromium against the Release build of the web app:
//  1. frames rendered per second, and steps shown per second, while playing at full speed (200 steps/s) with all three views;
//  2. server memory (resident set) per open /live page.
// Usage: dotnet run -c Release --project benchmarks/GradientLab.WebMeasure   (after building the solution in Release)
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Playwright;

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "GradientLab.slnx")))
{
    root = root.Parent;
}

if (root is null)
{
    Console.Error.WriteLine("Run from inside the GradientLab repository.");
    return 2;
}

var executable = Path.Combine(root.FullName, "artifacts", "bin", "GradientLab.Web", $"release_{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}", "GradientLab.Web");
if (!File.Exists(executable))
{
    Console.Error.WriteLine($"Build the web app in Release first (dotnet build GradientLab.slnx -c Release); not found: {executable}");
    return 2;
}

int port;
using (var listener = new TcpListener(System.Net.IPAddress.Loopback, 0))
{
    listener.Start();
    port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

var url = $"http://127.0.0.1:{port}";
var start = new ProcessStartInfo(executable) { WorkingDirectory = Path.Combine(root.FullName, "src", "GradientLab.Web"), RedirectStandardOutput = true, UseShellExecute = false };
start.Environment["ASPNETCORE_URLS"] = url;
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
using var server = Process.Start(start)!;
server.BeginOutputReadLine();
try
{
    using var http = new HttpClient();
    for (var i = 0; i < 120; i++)
    {
        try
        {
            if ((await http.GetAsync(url)).IsSuccessStatusCode)
            {
                break;
            }
        }
        catch (HttpRequestException)
        {
            await Task.Delay(250);
        }
    }

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    async Task<IPage> Open(string path)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var socket = page.WaitForWebSocketAsync(new PageWaitForWebSocketOptions { Predicate = ws => ws.Url.Contains("_blazor", StringComparison.Ordinal) });
        await page.GotoAsync(url + path);
        await socket;
        await page.WaitForSelectorAsync("[data-ready=true]");
        return page;
    }

    // 1. Frames per second at full speed.
    var live = await Open("/live?preset=course-lab");
    await live.GetByTestId("speed").SelectOptionAsync("200");
    await live.EvaluateAsync("""
        () => { window.__frames = 0; const target = document.querySelector('[data-testid=step-count]');
                new MutationObserver(() => window.__frames++).observe(target, { childList: true, characterData: true, subtree: true }); }
        """);
    var before = int.Parse(await live.GetByTestId("step-count").InnerTextAsync(), CultureInfo.InvariantCulture);
    await live.GetByTestId("play").ClickAsync();
    var clock = Stopwatch.StartNew();
    await Task.Delay(5000);
    var frames = await live.EvaluateAsync<int>("() => window.__frames");
    var seconds = clock.Elapsed.TotalSeconds;
    var after = int.Parse(await live.GetByTestId("step-count").InnerTextAsync(), CultureInfo.InvariantCulture);
    await live.GetByTestId("play").ClickAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full speed (200 steps/s asked): {frames / seconds:F1} rendered frames/s, {(after - before) / seconds:F1} steps/s shown, over {seconds:F1} s"));

    // 2. Server memory per open page.
    await Task.Delay(1000);
    var baseline = ResidentMegabytes(server.Id);
    const int Pages = 10;
    var pages = new List<IPage>();
    for (var i = 0; i < Pages; i++)
    {
        pages.Add(await Open("/live"));
    }

    await Task.Delay(2000);
    var loaded = ResidentMegabytes(server.Id);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server memory: {baseline:F1} MB with 1 page, {loaded:F1} MB with {Pages + 1}: about {(loaded - baseline) / Pages:F2} MB per open /live page"));
    return 0;
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
}

static double ResidentMegabytes(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}
