using System.Globalization;
using GradientLab.Lessons.Speed;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>The benchmark page under WebAssembly: it times the engine in the browser, and the engine there computes what it computes natively.</summary>
[Collection("web")]
public sealed class BenchmarkPageTests(WebAppFixture web)
{
    [Fact]
    public async Task ATiming_InTheBrowser_EndsAtTheCostTheEngineReachesNatively()
    {
        var native = new EngineBenchmark();
        native.SetSteps("2000");
        var expected = native.Run(TimeProvider.System);

        var page = await web.OpenAsync("/benchmark");
        await page.GetByTestId("bench-steps").FillAsync("2000");
        await page.GetByTestId("bench-steps").DispatchEventAsync("change");
        await page.GetByTestId("bench-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("bench-result")).ToContainTextAsync("2,000 full-batch steps");

        var loss = double.Parse(await page.GetByTestId("bench-loss").InnerTextAsync(), CultureInfo.InvariantCulture);
        loss.ShouldBe(expected.Loss, 1e-12 * expected.Loss, "WebAssembly and native runs of the same steps end at the same cost");
        var ms = double.Parse(await page.GetByTestId("bench-ms").InnerTextAsync(), CultureInfo.InvariantCulture);
        var perStep = await page.GetByTestId("bench-per-step").InnerTextAsync();
        perStep.ShouldBe((ms * 1000 / 2000).ToString("F2", CultureInfo.InvariantCulture) + " µs", $"{ms} ms over 2,000 steps");
    }

    [Fact]
    public async Task ABadStepCount_IsNamed_AndTheRunKeepsTheLastGoodOne()
    {
        var page = await web.OpenAsync("/benchmark");
        await page.GetByTestId("bench-steps").FillAsync("0");
        await page.GetByTestId("bench-steps").DispatchEventAsync("change");
        await Assertions.Expect(page.GetByTestId("bench-steps-error")).ToHaveTextAsync("Steps must be a whole number from 1 to 1,000,000; kept 100,000.");
    }
}
