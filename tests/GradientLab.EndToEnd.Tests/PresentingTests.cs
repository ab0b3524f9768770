using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>For the teacher: presenting mode (P), embedding, and links that keep the mode.</summary>
[Collection("web")]
public sealed class PresentingTests(WebAppFixture web)
{
    [Fact]
    [Trait("Category", "Journey")]
    public async Task P_presents_the_live_demo_with_only_its_views_and_playback_and_Escape_restores_the_page()
    {
        var page = await web.OpenAsync("/live", 1920, 1080);
        await Assertions.Expect(page.GetByTestId("preset")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("p");
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "true");
        page.Url.ShouldContain("present=1");
        await Assertions.Expect(page.GetByTestId("preset")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("contour-plot")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("step")).ToBeVisibleAsync();

        // The keyboard still drives the run: → steps, + speeds up.
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");
        var speed = await page.GetByTestId("speed").InputValueAsync();
        await page.Keyboard.PressAsync("+");
        await Assertions.Expect(page.GetByTestId("speed")).Not.ToHaveValueAsync(speed);

        // The figures are laid out again for the wider space, with larger type.
        var width = (await page.GetByTestId("contour-plot").BoundingBoxAsync())!.Width;
        width.ShouldBeGreaterThan(540);

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "false");
        await Assertions.Expect(page.GetByTestId("preset")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task Typing_p_into_a_field_does_not_start_presenting()
    {
        var page = await web.OpenAsync("/live");
        await page.GetByTestId("steps").FillAsync("");
        await page.GetByTestId("steps").PressSequentiallyAsync("p");
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "false");
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_presenting_link_opens_presenting_and_an_embed_link_shows_the_view_without_the_site_around_it()
    {
        var presenting = await web.OpenAsync("/live?present=1");
        await Assertions.Expect(presenting.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "true");
        await presenting.CloseAsync();

        var embedded = await web.OpenAsync("/live?embed=1", 800, 600);
        await Assertions.Expect(embedded.GetByTestId("app")).ToHaveAttributeAsync("data-embed", "true");
        (await embedded.Locator("header.gl-top").CountAsync()).ShouldBe(0);
        await Assertions.Expect(embedded.GetByTestId("contour-plot")).ToBeVisibleAsync();
        await Assertions.Expect(embedded.GetByTestId("step")).ToBeVisibleAsync();
        (await embedded.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await embedded.CloseAsync();
    }

    [Fact]
    public async Task Copy_embed_gives_an_iframe_of_this_page_in_embed_mode()
    {
        var page = await web.OpenAsync("/live?preset=alpha-too-large");
        await page.GetByTestId("copy-embed").ClickAsync();
        // Headless Chromium may refuse the clipboard; the page then shows the code to copy by hand. Either way it says so.
        await Assertions.Expect(page.GetByTestId("copied")).ToBeVisibleAsync();
        var status = await page.GetByTestId("copied").InnerTextAsync();
        if (status.StartsWith("Copy this:", StringComparison.Ordinal))
        {
            status.ShouldContain("<iframe src=\"");
            status.ShouldContain("embed=1");
            status.ShouldContain("preset=alpha-too-large");
        }
        else
        {
            status.ShouldContain("Embed code copied");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task Copy_embed_on_a_long_page_embeds_the_view_being_read()
    {
        await using var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(web.BaseUrl + "/concepts");
        await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });

        // The fourth view of the page, read from its top: the bar with "Embed" is still on screen.
        // (Scrolled again until it stays: the figures above it still settle their heights as they measure their widths.)
        await page.WaitForFunctionAsync("() => { const s = document.querySelector('[data-testid=tour-section]'); s.scrollIntoView({ block: 'start' }); const top = s.getBoundingClientRect().top; return top >= 0 && top < 120; }");
        await Assertions.Expect(page.GetByTestId("copy-embed")).ToBeInViewportAsync();
        // The mouse where the button is (a locator's click would first scroll its element "into view", here: elsewhere).
        var button = (await page.GetByTestId("copy-embed").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(button.X + (button.Width / 2), button.Y + (button.Height / 2));

        await Assertions.Expect(page.GetByTestId("copied")).ToContainTextAsync("Embed code copied");
        var html = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        html.ShouldContain("embed=1");
        html.ShouldContain("slide=tour");
    }
}
