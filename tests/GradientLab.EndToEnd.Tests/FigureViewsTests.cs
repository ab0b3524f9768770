using System.Text.RegularExpressions;
using System.Xml.Linq;
using GradientLab.Figures;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>The race in 3-D, and a run's view taken away as an animation made in the browser.</summary>
[Collection("web")]
public sealed partial class FigureViewsTests(WebAppFixture web)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    [Trait("Category", "Full")]
    public async Task The_race_in_3D_shows_the_surface_with_every_racers_path_and_turns_with_the_keys()
    {
        var page = await web.OpenAsync("/optimizers");
        await page.GetByTestId("race-view-3d").CheckAsync();
        var view = page.GetByTestId("race-surface-view");
        await Assertions.Expect(view.Locator("g.series[data-name=surface] path").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("race-plot")).ToHaveCountAsync(0);

        for (var i = 0; i < 5; i++)
        {
            await page.GetByTestId("race-step").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("race-step-count")).ToHaveTextAsync("5");
        var racers = view.Locator("g.series:not([data-name=surface])");
        await Assertions.Expect(racers).ToHaveCountAsync(3); // the page starts with gradient descent, momentum and Adam
        for (var i = 0; i < 3; i++)
        {
            (await racers.Nth(i).Locator("path").GetAttributeAsync("d"))!.ShouldContain("L", Case.Sensitive, "a path of five steps has segments");
            await Assertions.Expect(racers.Nth(i).Locator("circle.current-point")).ToHaveCountAsync(1);
        }

        var before = await view.Locator("desc").TextContentAsync();
        before!.ShouldContain("azimuth -55°");
        await view.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(view.Locator("desc")).ToContainTextAsync("azimuth -45°");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, "race-3d.png"), FullPage = true });
        await page.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task The_contour_view_downloads_as_an_animated_svg_of_the_whole_run()
    {
        var page = await web.OpenAsync("/live");
        var run = ScenarioResolver.Resolve(Presets.Get("housing-live-demo").Scenario).CreateRun();
        run.RunToEnd();
        var lastStep = run.Trajectory.Count - 1;
        var expectedFrames = (int)RunAnimation.FrameCount(lastStep, RunAnimation.EveryFor(lastStep, RunAnimation.BrowserMaxFrames));

        await page.Locator("summary[aria-label^='Download this figure (contour)']").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByTestId("download-anim-contour").ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 120_000 });
        download.SuggestedFilename.ShouldBe("contour-animation.svg");
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        text.ShouldStartWith("<svg");
        AnimateElement().Count(text).ShouldBe(expectedFrames, "one <animate> switches each frame");
        var svg = XElement.Parse(text);
        var frames = svg.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "gl-frame").ToList();
        frames.Count.ShouldBe(expectedFrames);
        ((string?)frames[^1].Attribute("data-step")).ShouldBe(run.Trajectory[^1].Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        frames.ShouldAllBe(f => f.Descendants(Svg + "circle").Any(c => ((string?)c.Attribute("class") ?? "").Contains("current-point")));
        await page.CloseAsync();
    }

    [GeneratedRegex("<animate ")]
    private static partial Regex AnimateElement();
}
