using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradientLab.EndToEnd.Tests;

/// <summary>The network lab in the browser: XOR learned by a hidden layer, and not by logistic regression.</summary>
[Collection("web")]
public sealed class NetworkPageTests(WebAppFixture web, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToHaveTextOptions Patience = new() { Timeout = 60_000 };

    private static async Task<double> Percent(IPage page) =>
        double.Parse((await page.GetByTestId("accuracy").InnerTextAsync()).TrimEnd('%', ' '), CultureInfo.InvariantCulture);

    private static async Task PlayToTheEnd(IPage page, string lastStep)
    {
        await page.GetByTestId("speed").SelectOptionAsync("1000");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-shown")).ToHaveTextAsync(lastStep, Patience);
        await Assertions.Expect(page.GetByTestId("play")).ToContainTextAsync("Play");
    }

    [Fact]
    [Trait("Category", "Journey")]
    public async Task XorIsLearnedByFourTanhUnits_ButNotByLogisticRegression()
    {
        var page = await web.OpenAsync("/network");
        await Assertions.Expect(page.GetByTestId("model")).ToHaveTextAsync("network 2-4-1 tanh");
        await page.GetByTestId("step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-shown")).ToHaveTextAsync("1");
        await PlayToTheEnd(page, "300");
        (await Percent(page)).ShouldBe(100);
        await Assertions.Expect(page.GetByTestId("boundary-plot").Locator("path.boundary")).Not.ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "network-xor.png"), FullPage = true });

        await page.GetByTestId("layers").SelectOptionAsync("0");
        await Assertions.Expect(page.GetByTestId("model")).ToHaveTextAsync("logistic regression", Patience);
        await PlayToTheEnd(page, "300");
        var line = await Percent(page);
        line.ShouldBeInRange(40, 60);
        page.Url.ShouldContain("hidden=none");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "network-xor-logistic.png"), FullPage = true });
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task TrainingSpeed_OfAThousandPointsAndEightHiddenUnits_IsMeasuredInTheBrowser()
    {
        // One hidden layer of 8 tanh units, full batch over 1,000 points, 300 steps: the page times the training itself.
        var page = await web.OpenAsync("/network?points=1000&hidden=8&steps=300");
        await Assertions.Expect(page.GetByTestId("speed-measured")).ToContainTextAsync("steps/s", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });
        var perSecond = double.Parse(await page.GetByTestId("speed-measured").GetAttributeAsync("data-steps-per-second") ?? "0", CultureInfo.InvariantCulture);
        var note = await page.GetByTestId("speed-measured").InnerTextAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"browser: 1,000 points, 2-8-1 tanh, full batch: {perSecond:F1} steps/s ({note})"));
        perSecond.ShouldBeGreaterThan(0);
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task ThePage_PassesTheAxeAndPhoneChecksOfEveryPage()
    {
        // The checks every page gets (AccessibilityTests, ScreenFitTests), run on /network.
        var axe = new AccessibilityTests(web);
        await axe.The_page_has_no_serious_or_critical_axe_violation("/network", dark: false);
        await axe.The_page_has_no_serious_or_critical_axe_violation("/network", dark: true);
    }
}
