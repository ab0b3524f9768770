using System.Globalization;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Each view of /concepts (and of the other pages with views, /optimizers and /failures) presented on a 1920 × 1080
/// projector fits the screen: nothing to scroll, down or sideways.</summary>
[Collection("web")]
public sealed class ConceptsPresentingTests(WebAppFixture web)
{
    /// <summary>How far the page reaches below and beside the screen, in CSS pixels, and what reaches lowest.</summary>
    private const string Overflow = """
        () => {
          const shown = [...document.querySelectorAll('main [data-slide] *')].filter(e => e.getClientRects().length > 0);
          const lowest = shown.reduce((a, e) => !a || e.getBoundingClientRect().bottom > a.getBoundingClientRect().bottom ? e : a, null);
          return [document.documentElement.scrollHeight - window.innerHeight, document.documentElement.scrollWidth - window.innerWidth,
                  lowest ? Math.round(lowest.getBoundingClientRect().bottom) : 0, lowest ? lowest.tagName + '.' + lowest.className + ' ' + (lowest.getAttribute('data-testid') || '') : ''].map(String);
        }
        """;

    public static TheoryData<string> Views => ["rule", "order", "variants", "tour", "experiments", "convexity"];

    /// <summary>The everyday check: the batch variants, the tallest view (223 px over before the batch-size question moved beside the figures).</summary>
    [Fact]
    public Task The_batch_variants_view_presented_fits_the_screen() => The_view_presented_fits_the_screen("/concepts", "variants", measure: false);

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(Views))]
    public Task Each_view_presented_at_1920_by_1080_fits_the_screen(string slide) => The_view_presented_fits_the_screen("/concepts", slide, measure: false);

    /// <summary>The views of the optimizer and failure pages (the race was 58 px over, the unscaled features 73 px, before each was fitted).</summary>
    public static TheoryData<string, string> OtherViews() => new()
    {
        { "/optimizers", "dilemma" }, { "/optimizers", "momentum" }, { "/optimizers", "race" }, { "/optimizers", "schedule-helps" },
        { "/failures", "alpha-too-large" }, { "/failures", "alpha-too-small" }, { "/failures", "unscaled-features" },
        { "/failures", "sequential-update" }, { "/failures", "saddle-point" }, { "/failures", "plateau" },
    };

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(OtherViews))]
    public Task Each_optimizer_and_failure_view_presented_at_1920_by_1080_fits_the_screen(string path, string slide) => The_view_presented_fits_the_screen(path, slide, measure: false);

    /// <summary>The batch-size question answered: its table, figure and summary appear beside the variants and the view still fits.</summary>
    [Fact]
    public Task The_batch_variants_view_presented_still_fits_once_the_batch_sizes_are_measured() => The_view_presented_fits_the_screen("/concepts", "variants", measure: true);

    private async Task The_view_presented_fits_the_screen(string path, string slide, bool measure)
    {
        var page = await web.OpenAsync($"{path}?present=1&slide={slide}", 1920, 1080);
        await Assertions.Expect(page.GetByTestId("app")).ToHaveAttributeAsync("data-presenting", "true");
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('main [data-slide]')].filter(s => s.getClientRects().length > 0).map(s => s.getAttribute('data-slide')).join() === '{slide}'");
        if (measure)
        {
            await page.GetByTestId("batch-study-run").ClickAsync();
            await Assertions.Expect(page.GetByTestId("batch-study-summary")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#figure-batch-sizes svg")).ToBeVisibleAsync();
        }

        await page.WaitForFunctionAsync(PresentingEveryPageTests.FiguresMeasured, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var overflow = await page.EvaluateAsync<string[]>(Overflow);
        await PresentingEveryPageTests.SaveScreenAsync(page, path, $"present-{slide}{(measure ? "-measured" : "")}-1920");
        var below = int.Parse(overflow[0], CultureInfo.InvariantCulture);
        var beside = int.Parse(overflow[1], CultureInfo.InvariantCulture);
        below.ShouldBeLessThanOrEqualTo(0, $"the {slide} view reaches {below} px below the screen (lowest: {overflow[3]} at {overflow[2]} px)");
        beside.ShouldBeLessThanOrEqualTo(0, $"the {slide} view reaches {beside} px beside the screen");
        await page.CloseAsync();
    }
}
