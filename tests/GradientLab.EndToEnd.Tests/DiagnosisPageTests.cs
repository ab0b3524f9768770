using System.Globalization;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class DiagnosisPageTests(WebAppFixture web)
{

    [Fact]
    [Trait("Category", "Journey")]
    public async Task TheLiveDemo_DiagnosesTooLargeARate_AndApplyingTheAdviceFixesIt()
    {
        var page = await web.OpenAsync("/live?preset=course-lab");

        // The course lab's Hessian [[2.5, 1.5], [1.5, 1]] has λmax = (3.5 + √11.25)/2, so 2/λmax = 0.583592.
        var limit = 4 / (3.5 + Math.Sqrt(11.25));
        (await page.GetByTestId("max-stable-lr").NumberAsync()).ShouldBe(limit, 1e-5);
        (await page.GetByTestId("condition-number").NumberAsync()).ShouldBe((3.5 + Math.Sqrt(11.25)) / (3.5 - Math.Sqrt(11.25)), 1e-3);

        await page.GetByTestId("learning-rate").FillAsync("0.8");
        await page.GetByTestId("learning-rate").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveTextAsync("diverging");
        await Assertions.Expect(page.GetByTestId("advice")).ToContainTextAsync("α = 0.8 is above the largest stable rate for this problem, 2/λmax = 0.5836");
        await page.GetByTestId("speed").SelectOptionAsync("0");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Diverged at step 13");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "live-diagnosis.png"), FullPage = true });

        await page.GetByTestId("apply-advice").ClickAsync();
        await Assertions.Expect(page.GetByTestId("learning-rate")).ToHaveValueAsync("0.571");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).Not.ToContainTextAsync("Diverged");
        await Assertions.Expect(page.GetByTestId("verdict")).ToHaveTextAsync("converged");
    }

    [Theory]
    [InlineData("alpha-too-large", "diverging")]
    [InlineData("alpha-too-small", "slow")]
    [InlineData("unscaled-features", "slow")]
    [InlineData("saddle-point", "saddle")]
    [InlineData("plateau", "plateau")]
    [InlineData("sequential-update", "converged")]
    public async Task EachFailure_GetsItsVerdict(string failure, string verdict)
    {
        var page = await web.OpenAsync("/failures");
        var section = page.GetByTestId($"failure-{failure}");
        await Assertions.Expect(section.GetByTestId("verdict")).ToHaveTextAsync(verdict);
        if (failure == "sequential-update")
        {
            await Assertions.Expect(section.GetByTestId("advice")).ToContainTextAsync("switch to the simultaneous update");
        }
    }

    [Fact]
    public async Task ScalingTheFeatures_CollapsesTheStepCount()
    {
        var page = await web.OpenAsync("/failures");
        var section = page.GetByTestId("failure-unscaled-features");
        await Assertions.Expect(section.GetByTestId("steps-to-converge")).ToHaveTextAsync("more than 10000");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "failures.png"), FullPage = true });
        await section.GetByTestId("scale-toggle").CheckAsync();
        await Assertions.Expect(section.GetByTestId("verdict")).ToHaveTextAsync("converged");
        (await section.GetByTestId("steps-to-converge").NumberAsync()).ShouldBeLessThan(100);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "failures-scaled.png") });
    }

    [Fact]
    public async Task TheOptimizerLab_DiagnosesTheSelectedRun()
    {
        var page = await web.OpenAsync("/optimizers");
        await page.GetByTestId("state-run").SelectOptionAsync("gd");
        for (var i = 0; i < 3; i++)
        {
            await page.GetByTestId("race-step").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("race-section").GetByTestId("verdict")).ToBeVisibleAsync();
        var limit = await page.GetByTestId("race-section").GetByTestId("max-stable-lr").NumberAsync();
        limit.ShouldBeGreaterThan(0);
    }
}

[Collection("web")]
public sealed class FailureLinkTests(WebAppFixture web)
{
    [Fact]
    [Trait("Category", "Journey")]
    public async Task ThePlateauLink_OpensTheSaturatedNeuron()
    {
        var page = await web.OpenAsync("/failures");
        await page.GetByTestId("failure-plateau").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-w")).ToHaveValueAsync("-5");
        await Assertions.Expect(page.GetByTestId("scenario")).ToHaveValueAsync("plateau");
    }

    [Fact]
    public async Task TheUnscaledLink_OpensTheSameTwoParameterRun_WithItsContour()
    {
        var page = await web.OpenAsync("/failures");
        await page.GetByTestId("failure-unscaled-features").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("live\\?v=2&s=")); // a scenario no preset's short form says: written whole
        await Assertions.Expect(page.GetByTestId("contour-plot")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("start-w")).ToHaveValueAsync("0");
        (await page.GetByTestId("param-w2").CountAsync()).ShouldBe(0);
        await Assertions.Expect(page.GetByTestId("learning-rate")).ToHaveValueAsync("2E-07");
    }
}
