using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>
/// Presenting mode on every page at a 1920 × 1080 projector: the page's secondary parts go, the main figure's text is
/// at least 20 px on screen, nothing scrolls sideways, and Escape restores the page. The playback keys work on every
/// page with playback, never while the learner types; reduced motion starts every page paused.
/// </summary>
[Collection("web")]
public sealed class PresentingEveryPageTests(WebAppFixture web)
{
    /// <summary>The parts presenting mode hides, on every page.</summary>
    private const string Secondary = ".gl-secondary, .gl-activities, section.gl-path, .gl-progress-tools, main h1";

    /// <summary>The smallest text of the figures matching the selector, in screen pixels (the presenting zoom included).</summary>
    private const string SmallestFigureText = """
        (selector) => {
          const sizes = [...document.querySelectorAll(selector + ' svg text')].filter(t => t.getClientRects().length > 0).map(t => {
            const svg = t.ownerSVGElement;
            return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.width.baseVal.value;
          });
          return sizes.length === 0 ? 0 : Math.min(...sizes);
        }
        """;

    /// <summary>Every figure frame's figure fits the frame (the figures have been laid out for the width they were given).</summary>
    internal const string FiguresMeasured = "() => [...document.querySelectorAll('.gl-figure-frame')].every(f => f.firstElementChild && f.firstElementChild.getBoundingClientRect().width <= f.clientWidth + 1)";

    /// <summary>The screen as the test left it, for a person to look at: artifacts/screenshots/screen-{page}-{what}.png.</summary>
    internal static Task SaveScreenAsync(IPage page, string path, string what) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, $"screen-{(path == "/" ? "home" : path.TrimStart('/'))}-{what}.png") });

    /// <summary>Each page and its main figure (none on the home and engine-speed pages, whose main views are text).</summary>
    public static TheoryData<string, string> Pages() => new()
    {
        { "/", "" },
        { "/live", "[data-testid=contour-plot]" },
        { "/neuron", "#figure-neuron-loss" },
        { "/concepts", "#figure-update-rule" },
        { "/optimizers", "#figure-dilemma" },
        { "/failures", "[data-testid=failure-alpha-too-large] .gl-figure-frame" },
        { "/network", "#figure-network-boundary" },
        { "/benchmark", "" },
    };

    /// <summary>The everyday check: the chain-rule page presented.</summary>
    [Fact]
    public Task The_chain_rule_page_presents_its_stepper_and_figures() => Presenting_hides_the_secondary_parts_enlarges_the_figure_text_and_Escape_restores("/neuron", "#figure-neuron-loss");

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(Pages))]
    public async Task Presenting_hides_the_secondary_parts_enlarges_the_figure_text_and_Escape_restores(string path, string figure)
    {
        var page = await web.OpenAsync(path, 1920, 1080);
        var secondary = page.Locator(Secondary).Filter(new LocatorFilterOptions { Visible = true });
        (await secondary.CountAsync()).ShouldBeGreaterThan(0, $"{path} shows no secondary part to hide");
        double before = 0;
        if (figure.Length > 0)
        {
            await page.WaitForFunctionAsync($"() => ({SmallestFigureText})('{figure}') > 0");
            before = await page.EvaluateAsync<double>(SmallestFigureText, figure);
        }

        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await SaveScreenAsync(page, path, "1920");
        await page.Locator("body").PressAsync("p");
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "true");
        await Assertions.Expect(secondary).ToHaveCountAsync(0);
        if (figure.Length > 0)
        {
            await Assertions.Expect(page.Locator(figure).First).ToBeVisibleAsync();
            await page.WaitForFunctionAsync($"() => ({SmallestFigureText})('{figure}') >= 20", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
            var presented = await page.EvaluateAsync<double>(SmallestFigureText, figure);
            presented.ShouldBeGreaterThan(before, $"the figure text on {path} did not grow");
        }

        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await SaveScreenAsync(page, path, "present-1920");

        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, $"{path} presented scrolls sideways");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "false");
        (await secondary.CountAsync()).ShouldBeGreaterThan(0);
        if (figure.Length > 0)
        {
            await page.WaitForFunctionAsync($"() => Math.abs(({SmallestFigureText})('{figure}') - {before.ToString(System.Globalization.CultureInfo.InvariantCulture)}) < 0.5", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        }

        await page.CloseAsync();
    }

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(Pages))]
    public async Task Embedded_in_a_960_by_640_frame_a_page_shows_its_view_and_nothing_around_it(string path, string figure)
    {
        var page = await web.OpenAsync(path + "?embed=1", 960, 640);
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-embed", "true");
        (await page.Locator("header.gl-top").CountAsync()).ShouldBe(0);
        await Assertions.Expect(page.Locator(Secondary).Filter(new LocatorFilterOptions { Visible = true })).ToHaveCountAsync(0);
        if (figure.Length > 0)
        {
            await Assertions.Expect(page.Locator(figure).First).ToBeVisibleAsync();
        }

        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0, $"{path} embedded scrolls sideways");
        await SaveScreenAsync(page, path, "embed-960");
        await page.CloseAsync();
    }

    /// <summary>Each page embedded plain and by its main view, on a projector and on a phone.</summary>
    public static TheoryData<string, int, int> EmbedsAndScreens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { "/", "/live", "/neuron", "/concepts", "/concepts?slide=variants", "/optimizers", "/optimizers?slide=race", "/failures", "/network", "/benchmark" })
        {
            foreach (var (width, height) in new[] { (1920, 1080), (390, 844) })
            {
                data.Add(path, width, height);
            }
        }

        return data;
    }

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(EmbedsAndScreens))]
    public async Task Embedded_on_a_projector_or_a_phone_the_view_is_no_wider_than_its_frame(string path, int width, int height)
    {
        var page = await web.OpenAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "embed=1", width, height);
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-embed", "true");
        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await SaveScreenAsync(page, path.Replace("?slide=", "-", StringComparison.Ordinal), $"embed-{width}");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} embedded at {width} px scrolls sideways");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_playback_keys_drive_the_chain_rule_stepper_while_presenting()
    {
        var page = await web.OpenAsync("/neuron?present=1", 1920, 1080);
        await Assertions.Expect(page.GetByTestId("x")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("next")).ToBeVisibleAsync();
        await page.Locator("body").PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("1");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("0");
        var speed = await page.GetByTestId("speed").InputValueAsync();
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(page.GetByTestId("speed")).Not.ToHaveValueAsync(speed);
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("auto")).ToContainTextAsync("Pause");
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.GetByTestId("auto")).ToContainTextAsync("Auto");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByTestId("iteration")).Not.ToHaveTextAsync("0");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("0");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_race_plays_steps_and_resets_by_key()
    {
        var page = await web.OpenAsync("/optimizers", 1920, 1080);
        await page.Locator("body").PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByTestId("race-step-count")).ToHaveTextAsync("1");
        await page.Keyboard.PressAsync("r");
        await Assertions.Expect(page.GetByTestId("race-step-count")).ToHaveTextAsync("0");
        await page.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Typing_p_space_and_r_into_a_field_the_challenge_editor_or_the_reorder_list_fires_no_shortcut()
    {
        // A number field on the chain-rule page: the stepper stays at iteration 1.
        var neuron = await web.OpenAsync("/neuron", 1280, 800);
        await neuron.GetByTestId("next").ClickAsync();
        await Assertions.Expect(neuron.GetByTestId("iteration")).ToHaveTextAsync("1");
        await neuron.GetByTestId("alpha").FocusAsync();
        await PressTheShortcutsAsync(neuron);
        await Assertions.Expect(neuron.GetByTestId("iteration")).ToHaveTextAsync("1");
        await Assertions.Expect(neuron.GetByTestId("auto")).ToContainTextAsync("Auto");
        await neuron.CloseAsync();

        // The challenge's editor on the optimizer page: the race stays at step 1, paused.
        var optimizers = await web.OpenAsync("/optimizers", 1280, 800);
        await optimizers.GetByTestId("race-step").ClickAsync();
        await Assertions.Expect(optimizers.GetByTestId("race-step-count")).ToHaveTextAsync("1");
        var challenge = optimizers.GetByTestId("activity-optimizers.momentum-challenge");
        await challenge.Locator("summary").ClickAsync();
        var editor = challenge.GetByTestId("challenge-editor");
        await editor.FillAsync("");
        await PressTheShortcutsAsync(optimizers);
        await Assertions.Expect(editor).ToHaveValueAsync("p r");
        await Assertions.Expect(optimizers.GetByTestId("race-step-count")).ToHaveTextAsync("1");
        await Assertions.Expect(optimizers.GetByTestId("race-play")).ToContainTextAsync("Play");
        await optimizers.CloseAsync();

        // The reorder list on the concepts page: the tour stays at its second stage.
        var concepts = await web.OpenAsync("/concepts", 1280, 800);
        await concepts.GetByTestId("tour-next").ClickAsync();
        await Assertions.Expect(concepts.GetByTestId("tour-stage-1")).ToHaveClassAsync(new Regex("gl-lit"));
        var reorder = concepts.GetByTestId("activity-concepts.training-loop-order");
        await reorder.Locator("summary").ClickAsync();
        var step = reorder.Locator("[data-step-id]").First;
        await step.FocusAsync();
        await PressTheShortcutsAsync(concepts);
        await Assertions.Expect(concepts.GetByTestId("tour-stage-1")).ToHaveClassAsync(new Regex("gl-lit"));
        await concepts.CloseAsync();
    }

    /// <summary>P, space, r and → into whatever has focus; presenting stays off.</summary>
    private static async Task PressTheShortcutsAsync(IPage page)
    {
        foreach (var key in new[] { "p", " ", "r", "ArrowRight" })
        {
            await page.Keyboard.PressAsync(key);
        }

        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "false");
    }

    public static TheoryData<string, string, string> PlaybackPages() => new()
    {
        { "/live", "play", "step-count" },
        { "/neuron", "auto", "iteration" },
        { "/optimizers?slide=race", "race-play", "race-step-count" },
    };

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(PlaybackPages))]
    public async Task With_reduced_motion_a_page_starts_paused_and_nothing_transitions(string path, string play, string count)
    {
        var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions { ReducedMotion = ReducedMotion.Reduce, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(web.BaseUrl + path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "present=1");
        await page.WaitForSelectorAsync("[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
        (await page.EvaluateAsync<bool>("() => matchMedia('(prefers-reduced-motion: reduce)').matches")).ShouldBeTrue();
        await Assertions.Expect(page.GetByTestId(play)).ToContainTextAsync("▶");
        await Assertions.Expect(page.GetByTestId(count)).ToHaveTextAsync("0");
        var transition = await page.EvaluateAsync<string>("() => { const b = document.createElement('div'); b.className = 'gl-boot-fill'; document.body.appendChild(b); const d = getComputedStyle(b).transitionDuration; b.remove(); return d; }");
        transition.ShouldBe("0s");

        // Playing is the learner's choice, and it still works.
        await page.GetByTestId(play).ClickAsync();
        await Assertions.Expect(page.GetByTestId(count)).Not.ToHaveTextAsync("0");
        await context.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task A_click_on_the_zoomed_race_starts_where_it_would_unzoomed()
    {
        // The same place on the figure, as a share of its box, with and without the presenting zoom. The layouts differ
        // a little (the margins follow the text size), so the starts agree within a tenth of the view; a click read in
        // zoomed pixels would land 1.6 times further from the corner.
        var starts = new List<double[]>();
        foreach (var presenting in new[] { false, true })
        {
            var page = await web.OpenAsync("/optimizers" + (presenting ? "?present=1&slide=race" : ""), 1920, 1080);
            var plot = page.GetByTestId("race-plot");
            await plot.ScrollIntoViewIfNeededAsync();
            await page.WaitForFunctionAsync("() => { const f = document.querySelector('#figure-race'); const s = f && f.firstElementChild; return s && Math.abs(s.getBoundingClientRect().width - f.clientWidth) < 40; }");
            var box = (await plot.BoundingBoxAsync())!;
            var before = await page.GetByTestId("state-table").Locator("tbody tr").First.TextContentAsync();
            await plot.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.3f, Y = box.Height * 0.4f } });
            await page.WaitForFunctionAsync("(b) => document.querySelector('[data-testid=state-table] tbody tr').textContent !== b", before);
            await SaveScreenAsync(page, "/optimizers", presenting ? "race-present-1920" : "race-1920");
            var cells = await page.GetByTestId("state-table").Locator("tbody tr").First.Locator("td.gl-num").AllTextContentsAsync();
            starts.Add([.. cells.Select(c => double.Parse(c.Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture))]);
            await page.CloseAsync();
        }

        Math.Abs(starts[1][0] - starts[0][0]).ShouldBeLessThan(0.4, $"x: {starts[0][0]} unzoomed, {starts[1][0]} zoomed");
        Math.Abs(starts[1][1] - starts[0][1]).ShouldBeLessThan(0.4, $"y: {starts[0][1]} unzoomed, {starts[1][1]} zoomed");
    }

    /// <summary>The names of the page's views on screen now.</summary>
    private const string ShownSlides = "() => [...document.querySelectorAll('main [data-slide]')].filter(s => s.getClientRects().length > 0).map(s => s.getAttribute('data-slide'))";

    [Fact]
    public async Task Presenting_the_concepts_page_shows_one_view_at_a_time_and_the_address_keeps_it()
    {
        var page = await web.OpenAsync("/concepts", 1920, 1080);
        await page.Locator("body").PressAsync("p");
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "true");
        await Assertions.Expect(page.GetByTestId("slide-position")).ToHaveTextAsync("1 / 6");
        (await page.EvaluateAsync<string[]>(ShownSlides)).ShouldBe(["rule"]);
        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await SaveScreenAsync(page, "/concepts", "slide-rule-1920");

        await page.Keyboard.PressAsync("PageDown");
        await Assertions.Expect(page.GetByTestId("slide-position")).ToHaveTextAsync("2 / 6");
        await page.WaitForURLAsync(new Regex("slide=order"));
        (await page.EvaluateAsync<string[]>(ShownSlides)).ShouldBe(["order"]);
        page.Url.ShouldContain("present=1");
        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        await SaveScreenAsync(page, "/concepts", "slide-order-1920");

        // A link reopens the same view; PageUp and the buttons move back and on.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-ready=true]", new PageWaitForSelectorOptions { Timeout = 30_000, State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("slide-title")).ToHaveTextAsync("Simultaneous versus sequential update");
        (await page.EvaluateAsync<string[]>(ShownSlides)).ShouldBe(["order"]);
        await page.Locator("body").PressAsync("PageUp");
        await page.WaitForURLAsync(new Regex("slide=rule"));
        await Assertions.Expect(page.GetByTestId("slide-previous")).ToBeDisabledAsync();
        await page.GetByTestId("slide-next").ClickAsync();
        await page.WaitForURLAsync(new Regex("slide=order"));
        await page.CloseAsync();
    }

    [Theory]
    [Trait("Category", "Full")]
    [InlineData("/concepts", "variants", "#figure-variants")]
    [InlineData("/optimizers", "momentum", "")]
    [InlineData("/optimizers", "race", "[data-testid=race-plot]")]
    [InlineData("/optimizers", "schedule-helps", "[data-testid=schedule-helps-plot]")]
    public async Task Embedding_one_view_shows_that_view_only(string path, string slide, string figure)
    {
        var page = await web.OpenAsync($"{path}?embed=1&slide={slide}", 960, 640);
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-embed", "true");
        (await page.EvaluateAsync<string[]>(ShownSlides)).ShouldBe([slide]);
        if (figure.Length > 0)
        {
            await Assertions.Expect(page.Locator(figure).First).ToBeVisibleAsync();
        }

        await page.WaitForFunctionAsync(FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await SaveScreenAsync(page, path, $"embed-{slide}-960");
        await page.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Embedding_without_a_view_shows_the_first_and_PageDown_scrolls_outside_presenting()
    {
        var page = await web.OpenAsync("/failures?embed=1", 960, 640);
        (await page.EvaluateAsync<string[]>(ShownSlides)).ShouldBe(["alpha-too-large"]);
        await page.CloseAsync();

        var plain = await web.OpenAsync("/concepts", 1280, 800);
        (await plain.EvaluateAsync<string[]>(ShownSlides)).Length.ShouldBe(6);
        (await plain.GetByTestId("slide-nav").CountAsync()).ShouldBe(0);
        await plain.CloseAsync();
    }

    [Fact]
    [Trait("Category", "Full")]
    public async Task Copy_embed_names_the_view_in_view()
    {
        var page = await web.OpenAsync("/concepts", 1280, 800);
        await page.EvaluateAsync("() => { window.copiedText = null; navigator.clipboard.writeText = t => { window.copiedText = t; return Promise.resolve(); }; }");
        await page.GetByTestId("variants-section").EvaluateAsync("s => s.scrollIntoView({ block: 'start' })");
        await page.WaitForFunctionAsync("() => { const r = document.querySelector('[data-testid=variants-section]').getBoundingClientRect(); return r.top < 200 && r.bottom > 300; }");
        // Pressed where it is, without scrolling (Copy_embed_on_a_long_page_embeds_the_view_being_read clicks it with the mouse).
        await page.GetByTestId("copy-embed").DispatchEventAsync("click");
        await page.WaitForFunctionAsync("() => window.copiedText !== null");
        var text = await page.EvaluateAsync<string>("() => window.copiedText");
        text.ShouldContain("<iframe src=\"");
        text.ShouldContain("embed=1");
        text.ShouldContain("slide=variants");
        text.ShouldNotContain("present=1");
        await page.CloseAsync();
    }
}
