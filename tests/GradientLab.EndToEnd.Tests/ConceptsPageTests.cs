using System.Globalization;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class ConceptsPageTests(WebAppFixture web)
{

    [Fact]
    [Trait("Category", "Journey")]
    public async Task TheUpdateRule_OnThetaSquared_GivesTheReferenceSteps()
    {
        var page = await web.OpenAsync("/concepts");
        PageNumbers.ShouldMatch(await page.NumberAsync("rule-slope"), 8);
        PageNumbers.ShouldMatch(await page.NumberAsync("rule-step"), 0.8);
        PageNumbers.ShouldMatch(await page.NumberAsync("rule-theta-next"), 3.2);
        await page.GetByTestId("rule-alpha").FillAsync("1.1");
        await page.GetByTestId("rule-alpha").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("rule-theta-next")).ToHaveTextAsync("-4.8");
        await Assertions.Expect(page.GetByTestId("rule-section")).ToContainTextAsync("never settles");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "concepts.png"), FullPage = true });
    }

    [Fact]
    public async Task SequentialUpdate_OnHimmelblau_LandsInAnotherMinimum()
    {
        var page = await web.OpenAsync("/concepts");
        var correct = ScenarioResolver.Resolve(Presets.Get("sequential-himmelblau").Scenario with { Update = "simultaneous", Steps = 300 }).CreateRun();
        correct.RunToEnd();
        var bug = ScenarioResolver.Resolve(Presets.Get("sequential-himmelblau").Scenario with { Steps = 300 }).CreateRun();
        bug.RunToEnd();
        await Assertions.Expect(page.GetByTestId("order-end-simultaneous")).ToContainTextAsync(GradientLab.Plotting.NiceNumbers.Significant(correct.Current.Parameters[1]));
        await Assertions.Expect(page.GetByTestId("order-end-sequential")).ToContainTextAsync(GradientLab.Plotting.NiceNumbers.Significant(bug.Current.Parameters[1]));
        (correct.Current.Parameters[1] * bug.Current.Parameters[1]).ShouldBeLessThan(0); // the two minima lie on opposite sides of y = 0
    }

    [Fact]
    public async Task SequentialUpdate_MeasuresTheBiasSlopeAtTheNewW()
    {
        var page = await web.OpenAsync("/concepts");
        await page.GetByTestId("order-data").SelectOptionAsync("course-lab");
        await Assertions.Expect(page.GetByTestId("order-steps")).ToHaveValueAsync("50");
        PageNumbers.ShouldMatch(await page.NumberAsync("order-w-simultaneous"), 6.5);
        PageNumbers.ShouldMatch(await page.NumberAsync("order-w-sequential"), 6.5);
        PageNumbers.ShouldMatch(await page.NumberAsync("order-b-simultaneous"), 4.0);
        PageNumbers.ShouldMatch(await page.NumberAsync("order-b-sequential"), 3.9025);
        PageNumbers.ShouldMatch(await page.NumberAsync("order-db-sequential"), -390.25);
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task TheBatchSizeStudy_RunsInTheBrowser_AndShowsTheEngineNumbers()
    {
        var page = await web.OpenAsync("/concepts");
        await page.GetByTestId("batch-study-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("batch-study-table")).ToBeVisibleAsync();
        var runs = BatchSizeStudy.Run();
        foreach (var run in runs)
        {
            await Assertions.Expect(page.GetByTestId($"batch-rises-{run.BatchSize}")).ToHaveTextAsync(run.Rises.ToString("N0", CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId($"batch-excess-{run.BatchSize}")).ToHaveTextAsync(BatchSizeStudy.TwoDigits(run.ExcessLoss));
        }

        await Assertions.Expect(page.GetByTestId("batch-study-summary")).ToHaveTextAsync(BatchSizeStudy.Summary(runs));
        await Assertions.Expect(page.GetByTestId("batch-sizes-plot")).ToBeVisibleAsync();
        await page.GetByTestId("batch-study").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "concepts-batch-sizes.png") });
    }

    [Fact]
    public async Task TheThreeVariants_CountIterationsAndEpochs()
    {
        var page = await web.OpenAsync("/concepts");
        (await page.NumberAsync("iterations-full")).ShouldBe(30);
        (await page.NumberAsync("iterations-mini")).ShouldBe(90);
        (await page.NumberAsync("iterations-stochastic")).ShouldBe(150);
        (await page.NumberAsync("epochs-mini")).ShouldBe(30);
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
        PageNumbers.ShouldMatch(await page.NumberAsync("tour-dw"), run.Trajectory[0].Gradient![0]);
        PageNumbers.ShouldMatch(await page.NumberAsync("tour-db"), run.Trajectory[0].Gradient![1]);
        await page.GetByTestId("tour-next").ClickAsync();
        PageNumbers.ShouldMatch(await page.NumberAsync("tour-w-next"), run.Trajectory[1].Parameters[0]);
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

    [Fact]
    public async Task TheConvexitySection_ShowsOneMinimumForTheBowl_AndFourForHimmelblau()
    {
        var page = await web.OpenAsync("/concepts", 1920, 1080);
        var section = page.GetByTestId("convexity-section");
        var bowlEnds = await page.GetByTestId("convexity-bowl").Locator("tr td:nth-child(2)").AllInnerTextsAsync();
        bowlEnds.Count.ShouldBe(3);
        bowlEnds.Distinct().Count().ShouldBe(1);
        bowlEnds[0].ShouldStartWith("200");
        var himmelblauEnds = await page.GetByTestId("convexity-himmelblau").Locator("tr td:nth-child(2)").AllInnerTextsAsync();
        himmelblauEnds.Distinct().Count().ShouldBe(4);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "concepts-convexity.png") });
    }
}
