using System.Globalization;
using System.Text.RegularExpressions;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class OptimizersPageTests(WebAppFixture web)
{

    private static DescentRun Run(IObjective objective, double[] start, OptimizerSettings optimizer, double rate, int steps) =>
        new(new DescentSettings(objective, start, optimizer, new ConstantRate(rate), steps));

    [Fact]
    public async Task TheThreeLearningRates_ShowTheStepsTheEngineNeeds()
    {
        var page = await web.OpenAsync("/optimizers");
        double[] alphas = [0.01, 0.1];
        for (var k = 0; k < 2; k++)
        {
            var run = Run(new Quadratic1D(), [4], new GradientDescentSettings(), alphas[k], 100_000);
            while (run.Current.Loss >= 1e-3 && run.Step())
            {
            }

            (await page.NumberAsync($"lr-steps-{k + 1}")).ShouldBe(run.Current.Step);
        }

        await Assertions.Expect(page.GetByTestId("lr-steps-3")).ToHaveTextAsync("never");
        await Assertions.Expect(page.GetByTestId("lr-verdict-3")).ToContainTextAsync("diverges, ×1.44 per step");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "optimizers.png"), FullPage = true });
    }

    [Fact]
    public async Task MomentumAgainstVanilla_ShowsTheReferenceIteratesAndTheOvershoot()
    {
        var page = await web.OpenAsync("/optimizers");
        PageNumbers.ShouldMatch(await page.NumberAsync("momentum-theta"), 3.6);
        PageNumbers.ShouldMatch(await page.NumberAsync("vanilla-theta"), 3.6);
        await Assertions.Expect(page.GetByTestId("overshoot-note")).ToHaveTextAsync("overshoots below 0 at step 19");
    }

    [Fact]
    [Trait("Category", "Journey")]
    public async Task ARace_OfAdamAgainstGd_OnRosenbrock_AdvancesBoth()
    {
        var page = await web.OpenAsync("/optimizers");
        for (var i = 0; i < 3; i++)
        {
            await page.GetByTestId("race-step").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("race-step-count")).ToHaveTextAsync("3");
        var gd = Run(new Rosenbrock(), [-1.2, 1], new GradientDescentSettings(), 0.001, 3);
        var adam = Run(new Rosenbrock(), [-1.2, 1], new AdamSettings(), 0.02, 3);
        gd.RunToEnd();
        adam.RunToEnd();
        PageNumbers.ShouldMatch(await page.NumberAsync("final-loss-gd"), gd.Current.Loss);
        PageNumbers.ShouldMatch(await page.NumberAsync("final-loss-adam"), adam.Current.Loss);
        gd.Current.Loss.ShouldBeLessThan(24.2);
        adam.Current.Loss.ShouldBeLessThan(24.2);

        await page.GetByTestId("race-play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("race-step-count")).Not.ToHaveTextAsync(new Regex("^[0-9]{1,2}$"), new() { Timeout = 30_000 }); // the race plays on, past step 99
        await page.GetByTestId("race-play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("race-play")).ToContainTextAsync("Play");
        (await page.NumberAsync("race-step-count")).ShouldBeGreaterThan(99);
        await page.GetByTestId("race-plot").Locator("xpath=ancestor::section[1]").ScreenshotAsync(new() { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "race.png") });
        await page.GetByTestId("race-reset").ClickAsync();
        await Assertions.Expect(page.GetByTestId("race-step-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task TheMenu_AndTheStatePanel_DescribeTheSameRun_WhenTheChosenRunLeavesTheRace()
    {
        var page = await web.OpenAsync("/optimizers");
        await page.GetByTestId("state-run").SelectOptionAsync("adam");
        await Assertions.Expect(page.GetByTestId("state-firstMoment-0")).ToBeVisibleAsync();

        // Take Adam out of the race: the menu must move to a run that exists, and the panel must show that run's state.
        await page.GetByTestId("racer-adam").UncheckAsync();
        var shown = await page.GetByTestId("state-run").InputValueAsync();
        shown.ShouldNotBe("adam");
        (await page.GetByTestId("state-run").Locator("option").AllInnerTextsAsync()).Count.ShouldBeGreaterThan(0);
        (await page.GetByTestId("state-firstMoment-0").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task TheStatePanel_ShowsAdamsMomentsAfterStep1()
    {
        var page = await web.OpenAsync("/optimizers");
        await page.GetByTestId("state-run").SelectOptionAsync("adam");
        await page.GetByTestId("race-step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("race-step-count")).ToHaveTextAsync("1");

        // Rosenbrock's gradient at (−1.2, 1), by hand: ∂f/∂x = −2(1 − x) − 400x(y − x²) = −215.6, ∂f/∂y = 200(y − x²) = −88.
        double[] g = [-215.6, -88];
        for (var i = 0; i < 2; i++)
        {
            PageNumbers.ShouldMatch(await page.NumberAsync($"state-firstMoment-{i}"), (1 - 0.9) * g[i]);
            PageNumbers.ShouldMatch(await page.NumberAsync($"state-secondMoment-{i}"), (1 - 0.999) * g[i] * g[i]);
            PageNumbers.ShouldMatch(await page.NumberAsync($"state-firstMomentCorrected-{i}"), g[i]);
        }

        // Adam's first step moves each coordinate by the learning rate against the gradient's sign.
        PageNumbers.ShouldMatch(await page.NumberAsync("state-effective-0"), -0.02 * 215.6 / (215.6 + 1e-8));
    }

    [Fact]
    public async Task ClickingTheRace_MovesTheStart_AndTheDecayToggleRacesAdamAgainstAdamW()
    {
        var page = await web.OpenAsync("/optimizers");
        await page.GetByTestId("race-decay-compare").CheckAsync();
        await Assertions.Expect(page.GetByTestId("final-loss-adamw")).ToBeVisibleAsync();
        (await page.GetByTestId("final-loss-gd").CountAsync()).ShouldBe(0);
        var box = (await page.GetByTestId("race-plot").BoundingBoxAsync())!;
        await page.GetByTestId("race-plot").ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.6f, Y = box.Height * 0.4f } });
        await page.GetByTestId("race-step").ClickAsync();
        await page.GetByTestId("race-step").ClickAsync();
        var adam = await page.NumberAsync("final-loss-adam");
        var adamw = await page.NumberAsync("final-loss-adamw");
        adam.ShouldNotBe(adamw);
    }

    [Fact]
    public async Task WhenAScheduleHelps_TheSectionShowsBothRunsNumbers()
    {
        var page = await web.OpenAsync("/optimizers");
        var helps = new GradientLab.Lessons.Optimizers.ScheduleHelps();
        await Assertions.Expect(page.GetByTestId("schedule-helps-plot")).ToBeVisibleAsync();
        PageNumbers.ShouldMatch(await page.NumberAsync("schedule-final-constant"), helps.Constant.FinalLoss);
        PageNumbers.ShouldMatch(await page.NumberAsync("schedule-final-decay"), helps.Decay.FinalLoss);
        PageNumbers.ShouldMatch(await page.NumberAsync("schedule-tail-constant"), helps.Constant.TailMeanLoss);
        PageNumbers.ShouldMatch(await page.NumberAsync("schedule-tail-decay"), helps.Decay.TailMeanLoss);
        (await page.NumberAsync("schedule-tail-decay")).ShouldBeLessThan(await page.NumberAsync("schedule-tail-constant"));
        await page.GetByTestId("schedule-live-decay").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("live?v=2&preset=stochastic-decay", StringComparison.Ordinal));
    }
}
