using System.Globalization;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class LivePageTests(WebAppFixture web)
{
    private static async Task<double> NumberAsync(IPage page, string testId) =>
        double.Parse(await page.GetByTestId(testId).InnerTextAsync(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<int> StepCountAsync(IPage page) => (int)await NumberAsync(page, "step-count");

    private static void ShouldMatch(double shown, double engine) =>
        Math.Abs(shown - engine).ShouldBeLessThanOrEqualTo(Math.Abs(engine) * 1e-5 + 1e-9, $"page shows {shown}, engine has {engine}");

    [Fact]
    public async Task ThreeSteps_ShowTheEnginesNumbers()
    {
        var page = await web.OpenAsync("/live");
        for (var i = 0; i < 3; i++)
        {
            await page.GetByTestId("step").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("3");
        var run = ScenarioResolver.Resolve(Presets.Get("housing-live-demo").Scenario).CreateRun();
        for (var i = 0; i < 3; i++)
        {
            run.Step();
        }

        ShouldMatch(await NumberAsync(page, "param-w"), run.Current.Parameters[0]);
        ShouldMatch(await NumberAsync(page, "param-b"), run.Current.Parameters[1]);
        ShouldMatch(await NumberAsync(page, "cost"), run.Current.Loss);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "live-step3.png"), FullPage = true });
    }

    [Fact]
    public async Task Play_Advances_Pause_Stops_StepBack_And_Reset()
    {
        var page = await web.OpenAsync("/live");
        await page.GetByTestId("play").ClickAsync();
        await page.WaitForTimeoutAsync(1000);
        await page.GetByTestId("play").ClickAsync();
        var paused = await StepCountAsync(page);
        paused.ShouldBeGreaterThan(0);
        await page.WaitForTimeoutAsync(500);
        (await StepCountAsync(page)).ShouldBe(paused);
        (await page.GetByTestId("play").InnerTextAsync()).ShouldContain("Play");

        await page.GetByTestId("step-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync((paused - 1).ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("reset").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Keyboard_Steps_And_Resets()
    {
        var page = await web.OpenAsync("/live");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("2");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task CourseLab_WithAlpha08_SaysDiverged()
    {
        var page = await web.OpenAsync("/live?preset=course-lab");
        await page.GetByTestId("learning-rate").FillAsync("0.8");
        await page.GetByTestId("learning-rate").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("learning-rate")).ToHaveValueAsync("0.8");
        await page.GetByTestId("speed").SelectOptionAsync("0");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Diverged at step 13");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "live-diverged.png"), FullPage = true });
    }

    [Fact]
    public async Task ClickingTheContour_RestartsFromTheClickedPoint()
    {
        var page = await web.OpenAsync("/live");
        var wBefore = await NumberAsync(page, "param-w");
        var box = (await page.GetByTestId("contour-plot").BoundingBoxAsync())!;
        await page.GetByTestId("contour-plot").ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.75f, Y = box.Height * 0.3f } });
        await Assertions.Expect(page.GetByTestId("param-w")).Not.ToHaveTextAsync(wBefore.ToString(CultureInfo.InvariantCulture));
        (await StepCountAsync(page)).ShouldBe(0);
        var w = await NumberAsync(page, "param-w");
        var startW = double.Parse(await page.GetByTestId("start-w").InputValueAsync(), CultureInfo.InvariantCulture);
        w.ShouldBe(startW, Math.Abs(startW) * 1e-5);
        page.Url.ShouldContain("live?s=");
    }

    [Fact]
    public async Task TheHomePage_LinksTheLab_WithAPreview()
    {
        var page = await web.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(web.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("card-live")).ToBeVisibleAsync();
        (await page.Locator("[data-testid=card-live] svg").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "home.png"), FullPage = true });
    }
}
