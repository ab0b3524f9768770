using System.Globalization;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class ConceptsPageTests(WebAppFixture web)
{
    private static async Task<double> NumberAsync(IPage page, string testId) =>
        double.Parse(await page.GetByTestId(testId).InnerTextAsync(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void ShouldMatch(double shown, double expected) =>
        Math.Abs(shown - expected).ShouldBeLessThanOrEqualTo((Math.Abs(expected) * 1e-5) + 1e-12, $"page shows {shown}, expected {expected}");

    [Fact]
    public async Task TheUpdateRule_OnThetaSquared_GivesTheReferenceSteps()
    {
        var page = await web.OpenAsync("/concepts");
        ShouldMatch(await NumberAsync(page, "rule-slope"), 8);
        ShouldMatch(await NumberAsync(page, "rule-step"), 0.8);
        ShouldMatch(await NumberAsync(page, "rule-theta-next"), 3.2);
        await page.GetByTestId("rule-alpha").FillAsync("1.1");
        await page.GetByTestId("rule-alpha").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("rule-theta-next")).ToHaveTextAsync("-4.8");
        await Assertions.Expect(page.GetByTestId("rule-section")).ToContainTextAsync("never settles");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "concepts.png"), FullPage = true });
    }

    [Fact]
    public async Task SequentialUpdate_MeasuresTheBiasSlopeAtTheNewW()
    {
        var page = await web.OpenAsync("/concepts");
        ShouldMatch(await NumberAsync(page, "order-w-simultaneous"), 6.5);
        ShouldMatch(await NumberAsync(page, "order-w-sequential"), 6.5);
        ShouldMatch(await NumberAsync(page, "order-b-simultaneous"), 4.0);
        ShouldMatch(await NumberAsync(page, "order-b-sequential"), 3.9025);
        ShouldMatch(await NumberAsync(page, "order-db-sequential"), -390.25);
    }

    [Fact]
    public async Task TheThreeVariants_CountIterationsAndEpochs()
    {
        var page = await web.OpenAsync("/concepts");
        (await NumberAsync(page, "iterations-full")).ShouldBe(30);
        (await NumberAsync(page, "iterations-mini")).ShouldBe(90);
        (await NumberAsync(page, "iterations-stochastic")).ShouldBe(150);
        (await NumberAsync(page, "epochs-mini")).ShouldBe(30);
        await page.GetByTestId("variants-batch-size").FillAsync("4");
        await page.GetByTestId("variants-batch-size").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("iterations-mini")).ToHaveTextAsync("60");
    }

    [Fact]
    public async Task TheTour_ShowsTheEnginesGradientAndUpdate()
    {
        var page = await web.OpenAsync("/concepts");
        var run = ScenarioResolver.Resolve(Presets.Get("minibatch-line").Scenario).CreateRun();
        run.Step();
        for (var stage = 0; stage < 3; stage++)
        {
            await page.GetByTestId("tour-next").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("tour-stage-3")).ToHaveClassAsync("gl-lit");
        ShouldMatch(await NumberAsync(page, "tour-dw"), run.Trajectory[0].Gradient![0]);
        ShouldMatch(await NumberAsync(page, "tour-db"), run.Trajectory[0].Gradient![1]);
        await page.GetByTestId("tour-next").ClickAsync();
        ShouldMatch(await NumberAsync(page, "tour-w-next"), run.Trajectory[1].Parameters[0]);
    }

    [Theory]
    [InlineData("alpha-large", "Diverged at step")]
    [InlineData("parabola-line", "Stopped after the budget")]
    [InlineData("parabola-poly", "Stopped after the budget")]
    public async Task Experiments_AreOneClickAway_AndExplainedByTheirNumbers(string experiment, string status)
    {
        var page = await web.OpenAsync("/concepts");
        await page.GetByTestId($"experiment-{experiment}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("experiment-status")).ToContainTextAsync(status);
        await Assertions.Expect(page.GetByTestId("experiment-lesson")).ToContainTextAsync("the base run ends at");
    }
}
