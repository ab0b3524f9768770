using System.Diagnostics;
using GradientLab.Cli.Lab;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>
/// Serves the published static site (no lab process: the files only, as any static host would, with index.html for app
/// routes) on a free loopback port, and drives one headless Debian Chromium through Playwright. The site is
/// <c>artifacts/site/wwwroot</c>, which the test script publishes first; if it is missing the fixture publishes it.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private StaticSiteServer? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go: artifacts/screenshots at the repository's root.</summary>
    public static string ScreenshotFolder => Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "screenshots")).FullName;

    /// <summary>The published site: GRADIENTLAB_SITE if set, else artifacts/site/wwwroot.</summary>
    public static string SiteFolder => Environment.GetEnvironmentVariable("GRADIENTLAB_SITE") is { Length: > 0 } site
        ? site
        : Path.Combine(RepositoryRoot(), "artifacts", "site", "wwwroot");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(SiteFolder, "index.html")))
        {
            await PublishSiteAsync();
        }

        _server = await StaticSiteServer.StartAsync(SiteFolder);
        BaseUrl = _server.Address.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private static async Task PublishSiteAsync()
    {
        var output = Path.Combine(RepositoryRoot(), "artifacts", "site");
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(RepositoryRoot(), "src", "GradientLab.Web"), "-c", "Release", "-o", output, "-nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet publish");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of the web lab failed:\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>A fresh page at <paramref name="path"/>, waited on until the lab runs in the browser and the page is interactive.</summary>
    /// <param name="path">The address after the site's root.</param>
    /// <param name="width">The viewport's width.</param>
    /// <param name="height">The viewport's height.</param>
    /// <param name="watch">Called with the page before it opens the address (to listen to its console, say).</param>
    public async Task<IPage> OpenAsync(string path, int width = 1280, int height = 800, Action<IPage>? watch = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        watch?.Invoke(page);
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 30_000, State = WaitForSelectorState.Attached });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GradientLab.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("GradientLab.slnx not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition("web")]
public sealed class WebAppGroup : ICollectionFixture<WebAppFixture>;
