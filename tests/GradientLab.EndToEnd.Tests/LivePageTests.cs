using System.Globalization;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

[Collection("web")]
public sealed class LivePageTests(WebAppFixture web)
{

    private static async Task<int> StepCountAsync(IPage page) => (int)await page.NumberAsync("step-count");


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

        PageNumbers.ShouldMatch(await page.NumberAsync("param-w"), run.Current.Parameters[0]);
        PageNumbers.ShouldMatch(await page.NumberAsync("param-b"), run.Current.Parameters[1]);
        PageNumbers.ShouldMatch(await page.NumberAsync("cost"), run.Current.Loss);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "live-step3.png"), FullPage = true });
    }

    [Fact]
    [Trait("Category", "Journey")]
    public async Task Play_Advances_Pause_Stops_StepBack_And_Reset()
    {
        var page = await web.OpenAsync("/live");
        await page.GetByTestId("play").ClickAsync();
        // Playing: wait until the run has visibly moved on (a condition, not a time).
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=step-count]')?.textContent) >= 5");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("play")).ToContainTextAsync("Play"); // the pause has rendered
        var paused = await StepCountAsync(page);
        paused.ShouldBeGreaterThan(0);
        // Paused: let the browser draw 30 frames (playback would have moved on in two), then the count is unchanged.
        await page.EvaluateAsync("() => new Promise(done => { let frames = 0; const next = () => ++frames >= 30 ? done() : requestAnimationFrame(next); requestAnimationFrame(next); })");
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
        var wBefore = await page.NumberAsync("param-w");
        var box = (await page.GetByTestId("contour-plot").BoundingBoxAsync())!;
        await page.GetByTestId("contour-plot").ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.75f, Y = box.Height * 0.3f } });
        await Assertions.Expect(page.GetByTestId("param-w")).Not.ToHaveTextAsync(wBefore.ToString(CultureInfo.InvariantCulture));
        (await StepCountAsync(page)).ShouldBe(0);
        var w = await page.NumberAsync("param-w");
        var startW = double.Parse(await page.GetByTestId("start-w").InputValueAsync(), CultureInfo.InvariantCulture);
        w.ShouldBe(startW, Math.Abs(startW) * 1e-5);
        page.Url.ShouldContain("live?v=2&preset=housing-live-demo&start=");
    }

    [Fact]
    [Trait("Category", "Journey")]
    public async Task TheHomePage_LinksTheLab_WithAPreview()
    {
        var page = await web.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        await page.GotoAsync(web.BaseUrl + "/");
        await Assertions.Expect(page.GetByTestId("card-live")).ToBeVisibleAsync();
        (await page.Locator("[data-testid=card-live] svg").CountAsync()).ShouldBeGreaterThan(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "home.png"), FullPage = true });
    }

    [Fact]
    public async Task ACopiedLink_OpensTheSameRun()
    {
        var page = await web.OpenAsync("/live?preset=course-lab");
        await page.GetByTestId("learning-rate").FillAsync("0.05");
        await page.GetByTestId("learning-rate").PressAsync("Tab");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("live\\?v=2&preset=course-lab&alpha=0\\.05"));
        await page.GetByTestId("step").ClickAsync();
        await page.GetByTestId("step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("2");
        var w = await page.GetByTestId("param-w").InnerTextAsync();

        await page.WaitForURLAsync(url => url.Contains("step=2", StringComparison.Ordinal));

        var copy = await web.OpenAsync(page.Url[web.BaseUrl.Length..]);
        await Assertions.Expect(copy.GetByTestId("learning-rate")).ToHaveValueAsync("0.05");
        await Assertions.Expect(copy.GetByTestId("step-count")).ToHaveTextAsync("2"); // the link keeps the step shown
        await Assertions.Expect(copy.GetByTestId("param-w")).ToHaveTextAsync(w);
    }

    [Fact]
    public async Task AMalformedUpload_IsExplainedNextToTheUpload_AndTheRunIsKept()
    {
        var page = await web.OpenAsync("/live");
        await page.GetByTestId("step").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");
        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload
        {
            Name = "houses.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("size,price\n1,300\n2\n"),
        });
        await Assertions.Expect(page.GetByTestId("upload-error")).ToContainTextAsync("houses.csv, line 3: 1 cells, but the header has 2");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task AGoodUpload_ChoosesColumns_AndFitsThem()
    {
        var page = await web.OpenAsync("/live");
        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload
        {
            Name = "rooms.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("city,rooms,rent\nOslo,1,300\nRome,2,500\nLima,3,700\n"),
        });
        await page.GetByTestId("upload-x").SelectOptionAsync("rooms");
        await page.GetByTestId("upload-y").SelectOptionAsync("rent");
        await page.GetByTestId("upload-use").ClickAsync();
        await Assertions.Expect(page.GetByTestId("param-w")).ToHaveTextAsync("0");
        PageNumbers.ShouldMatch(await page.NumberAsync("cost"), ((300.0 * 300) + (500 * 500) + (700 * 700)) / 6); // half-mse at w = b = 0
        await Assertions.Expect(page.GetByTestId("samples")).ToContainTextAsync("700");
    }

    [Fact]
    public async Task TheDarkTheme_AndAProjectorSizedScreen()
    {
        var page = await web.OpenAsync("/live", 1920, 1080);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Assertions.Expect(page.GetByTestId("app")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("gl-dark"));
        await page.GetByTestId("speed").SelectOptionAsync("0");
        await page.GetByTestId("play").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Converged at step");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "live-dark-1920.png"), FullPage = true });
    }
}
