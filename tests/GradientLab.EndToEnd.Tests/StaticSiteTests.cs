using System.Text.RegularExpressions;
using GradientLab.Cli.Lab;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>The published lab as a static site: one security policy, every page under it, deep links, offline use.</summary>
[Collection("web")]
public sealed partial class StaticSiteTests(WebAppFixture web)
{
    [GeneratedRegex("^/([a-z]*)")]
    private static partial Regex PageRoot();

    /// <summary>Every page of the lab.</summary>
    private static readonly string[] PagePaths = ["/", "/live", "/neuron", "/concepts", "/optimizers", "/failures", "/network", "/benchmark"];

    /// <summary>Every page of the lab, as theory rows.</summary>
    public static TheoryData<string> Pages => new(PagePaths);

    [Fact]
    public void TheMetaTag_TheHeadersFile_AndGradlabLab_DeclareOnePolicy()
    {
        var index = File.ReadAllText(Path.Combine(WebAppFixture.SiteFolder, "index.html"));
        var meta = MetaPolicy().Match(index);
        meta.Success.ShouldBeTrue("index.html has no Content-Security-Policy meta tag");
        meta.Groups[1].Value.ShouldBe(StaticSiteServer.ContentSecurityPolicy);

        var headers = File.ReadAllLines(Path.Combine(WebAppFixture.SiteFolder, "_headers"));
        headers.ShouldContain("  Content-Security-Policy: " + StaticSiteServer.ContentSecurityPolicy);
        StaticSiteServer.ContentSecurityPolicy.ShouldContain("script-src 'self' 'wasm-unsafe-eval';");
        StaticSiteServer.ContentSecurityPolicy.ShouldNotContain("'unsafe-eval'", Case.Sensitive, "only WebAssembly compilation is allowed, not eval");
        index.ShouldNotContain("<script>", Case.Sensitive, "an inline script would need the policy to allow it");
    }

    /// <summary>Every page, each loaded on its own (a cold start of the lab per page): the full suite's check.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    [Trait("Category", "Full")]
    public async Task EveryPage_BecomesInteractive_UnderThePolicy_WithoutAViolation(string path)
    {
        var (page, errors) = await WatchedPageAsync();
        await page.GotoAsync(web.BaseUrl + path);
        await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        (await page.EvaluateAsync<string[]>("() => window.__violations")).ShouldBeEmpty();
        errors.ShouldBeEmpty();
        await page.CloseAsync();
    }

    /// <summary>
    /// The everyday suite's version: the lab starts once, then the learner goes to every other page inside it, as the
    /// navigation does; each page must become ready (its root's <c>data-ready</c>) under the policy, with no error.
    /// </summary>
    [Fact]
    [Trait("Category", "Journey")]
    public async Task EveryPage_ReachedFromTheLab_BecomesReady_UnderThePolicy_WithoutAViolation()
    {
        var (page, errors) = await WatchedPageAsync();
        await page.GotoAsync(web.BaseUrl + "/");
        await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        foreach (var path in PagePaths.Where(p => p != "/").Append("/"))
        {
            await page.EvaluateAsync("path => Blazor.navigateTo(path)", path);
            await page.WaitForURLAsync(web.BaseUrl + path);
            var root = PageRoot().Match(path).Groups[1].Value;
            await page.WaitForSelectorAsync($".gl-{(root.Length == 0 ? "home" : root)}[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        }

        (await page.EvaluateAsync<string[]>("() => window.__violations")).ShouldBeEmpty();
        errors.ShouldBeEmpty();
        await page.CloseAsync();
    }

    /// <summary>A new page that records console errors, page errors and security-policy violations (in <c>window.__violations</c>).</summary>
    private async Task<(IPage Page, List<string> Errors)> WatchedPageAsync()
    {
        var page = await web.Browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        return (page, errors);
    }

    [Fact]
    public async Task ADeepLink_IsAnsweredWithTheLab_AndOpensItsRun()
    {
        var page = await web.OpenAsync("/live?preset=alpha-too-large");
        await Assertions.Expect(page.GetByTestId("preset")).ToHaveValueAsync("alpha-too-large");
        (await page.EvaluateAsync<string>("() => document.querySelector('#app').innerText")).ShouldNotContain("Loading the lab");
    }

    [Fact]
    public async Task TheLongestLinkTheLabAccepts_ReachesThePage()
    {
        // LinkQuery.MaxLength in the web lab: a link carries at most 16,384 characters after its '?'.
        const int longestQuery = 16_384;
        using var http = new HttpClient();
        var response = await http.GetAsync(web.BaseUrl + "/live?s=" + new string('A', longestQuery - 2));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<div id=\"app\">");
    }

    [Fact]
    public async Task AfterAFirstVisit_TheLabOpensOffline()
    {
        await using var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow });
        var page = await context.NewPageAsync();
        await page.GotoAsync(web.BaseUrl + "/live");
        await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        // The service worker has cached the site once it is active.
        await page.EvaluateAsync("() => navigator.serviceWorker.ready");
        await page.WaitForFunctionAsync("async () => (await caches.keys()).some(k => k.startsWith('gradientlab-'))", null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        await context.SetOfflineAsync(true);
        var offline = await context.NewPageAsync();
        await offline.GotoAsync(web.BaseUrl + "/neuron");
        await offline.WaitForSelectorAsync("[data-ready=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await Assertions.Expect(offline.Locator("h1").First).ToBeVisibleAsync();
    }

    [GeneratedRegex("""<meta http-equiv="Content-Security-Policy" content="([^"]*)" />""")]
    private static partial Regex MetaPolicy();
}
