using System.Globalization;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class NeuronPageTests(WebAppFixture web)
{

    /// <summary>The everyday journey: the first scenario.</summary>
    [Theory]
    [InlineData("neuron-underprediction", 2.0, 1.0, 0.5, 0.0, 1.0)]
    [Trait("Category", "Journey")]
    public Task TheFirstIteration_OfTheFirstScenario_MatchesTheFormulasByHand(string preset, double x, double y, double w, double b, double alpha) =>
        TheFirstIteration_MatchesTheFormulasByHand(preset, x, y, w, b, alpha);

    /// <summary>The other scenarios (the full suite).</summary>
    [Theory]
    [InlineData("neuron-overprediction", 2.0, 0.0, 0.5, 0.0, 1.0)]
    [InlineData("neuron-oscillation", 2.0, 0.6, 0.5, 0.0, 4.0)]
    [InlineData("neuron-cycle", 2.0, 0.5, 0.5, 0.0, 4.0)]
    [Trait("Category", "Full")]
    public async Task TheFirstIteration_MatchesTheFormulasByHand(string preset, double x, double y, double w, double b, double alpha)
    {
        var page = await web.OpenAsync($"/neuron?preset={preset}");
        PageNumbers.ShouldMatch(double.Parse(await page.GetByTestId("x").InputValueAsync(), CultureInfo.InvariantCulture), x, "x");
        PageNumbers.ShouldMatch(double.Parse(await page.GetByTestId("alpha").InputValueAsync(), CultureInfo.InvariantCulture), alpha, "α");

        // By hand, from REFERENCE.md: z = w·x + b, ŷ = 1/(1 + e^−z), L = (ŷ − y)², ∂L/∂ŷ = 2(ŷ − y), ∂ŷ/∂z = ŷ(1 − ŷ), ∂z/∂w = x.
        var z = (w * x) + b;
        var yHat = 1 / (1 + Math.Exp(-z));
        var dLdYHat = 2 * (yHat - y);
        var dYHatDz = yHat * (1 - yHat);
        PageNumbers.ShouldMatch(await page.NumberAsync("z"), z, "z");
        PageNumbers.ShouldMatch(await page.NumberAsync("y-hat"), yHat, "ŷ");
        PageNumbers.ShouldMatch(await page.NumberAsync("loss"), (yHat - y) * (yHat - y), "L");
        PageNumbers.ShouldMatch(await page.NumberAsync("dl-dyhat"), dLdYHat, "∂L/∂ŷ");
        PageNumbers.ShouldMatch(await page.NumberAsync("dyhat-dz"), dYHatDz, "∂ŷ/∂z");
        PageNumbers.ShouldMatch(await page.NumberAsync("dz-dw"), x, "∂z/∂w");
        PageNumbers.ShouldMatch(await page.NumberAsync("dl-dw"), dLdYHat * dYHatDz * x, "∂L/∂w");
        PageNumbers.ShouldMatch(await page.NumberAsync("dl-db"), dLdYHat * dYHatDz, "∂L/∂b");
        PageNumbers.ShouldMatch(await page.NumberAsync("w"), w, "w");
        PageNumbers.ShouldMatch(await page.NumberAsync("b"), b, "b");
        PageNumbers.ShouldMatch(await page.NumberAsync("w-next"), w - (alpha * dLdYHat * dYHatDz * x), "w next");
        (await page.NumberAsync("iteration")).ShouldBe(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, $"{preset}.png"), FullPage = true });
    }

    [Theory]
    [InlineData("neuron-underprediction")]
    [InlineData("neuron-overprediction")]
    [InlineData("neuron-oscillation")]
    [InlineData("neuron-cycle")]
    [InlineData("plateau")]
    public async Task SteppingThrough_ShowsTheEnginesNumbersAtEveryIteration(string preset)
    {
        var page = await web.OpenAsync($"/neuron?preset={preset}");
        var run = ScenarioResolver.Resolve(Presets.Get(preset).Scenario with { Steps = 60 }).CreateRun();
        run.RunToEnd();
        for (var k = 1; k <= 5; k++)
        {
            await page.GetByTestId("next").ClickAsync();
            await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync(k.ToString(CultureInfo.InvariantCulture));
            var point = run.Trajectory[k];
            PageNumbers.ShouldMatch(await page.NumberAsync("w"), point.Parameters[0], $"w at {k}");
            PageNumbers.ShouldMatch(await page.NumberAsync("b"), point.Parameters[1], $"b at {k}");
            PageNumbers.ShouldMatch(await page.NumberAsync("loss"), point.Loss, $"L at {k}");
            PageNumbers.ShouldMatch(await page.NumberAsync("dl-dw"), point.Gradient![0], $"∂L/∂w at {k}");
            PageNumbers.ShouldMatch(await page.NumberAsync("dl-db"), point.Gradient[1], $"∂L/∂b at {k}");
            PageNumbers.ShouldMatch(await page.NumberAsync("w-next"), run.Trajectory[k + 1].Parameters[0], $"next w at {k}");
            PageNumbers.ShouldMatch(await page.NumberAsync("b-next"), run.Trajectory[k + 1].Parameters[1], $"next b at {k}");
        }

        await page.GetByTestId("previous").ClickAsync();
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("4");
    }

    [Fact]
    public async Task Underprediction_SaysWIncreases_OscillationConverges_AndTheCycleNeedsBTrained()
    {
        var page = await web.OpenAsync("/neuron?preset=neuron-underprediction");
        await Assertions.Expect(page.GetByTestId("hint")).ToContainTextAsync("is negative");
        await Assertions.Expect(page.GetByTestId("hint")).ToContainTextAsync("w increases. Over 60 iterations");
        await Assertions.Expect(page.GetByTestId("bias-note")).ToContainTextAsync("b is fixed");
        await page.GetByTestId("scenario").SelectOptionAsync("neuron-oscillation");
        await Assertions.Expect(page.GetByTestId("hint")).ToContainTextAsync("flips sign at every iteration");
        await Assertions.Expect(page.GetByTestId("hint")).ToContainTextAsync("the run converges");
        await page.GetByTestId("scenario").SelectOptionAsync("neuron-cycle");
        await Assertions.Expect(page.GetByTestId("train-bias")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("hint")).ToContainTextAsync("two-step cycle");
    }

    [Fact]
    public async Task YourOwnNumbers_Restart_TheStepper()
    {
        var page = await web.OpenAsync("/neuron");
        await page.GetByTestId("next").ClickAsync();
        await page.GetByTestId("x").FillAsync("-1");
        await page.GetByTestId("x").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("0");
        PageNumbers.ShouldMatch(await page.NumberAsync("z"), -0.5, "z");
        PageNumbers.ShouldMatch(await page.NumberAsync("dz-dw"), -1, "∂z/∂w");
    }
}
