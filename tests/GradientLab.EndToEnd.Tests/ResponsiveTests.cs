using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Every page on a phone, a tablet, a laptop, a projector and a 4K screen: no sideways scrolling, readable figures.</summary>
[Collection("web")]
public sealed class ResponsiveTests(WebAppFixture web)
{
    public static TheoryData<string, int, int> PagesAndScreens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { "/", "/live", "/neuron", "/concepts", "/optimizers", "/failures" })
        {
            foreach (var (width, height) in new[] { (390, 844), (768, 1024), (1440, 900), (1920, 1080), (2560, 1440) })
            {
                data.Add(path, width, height);
            }
        }

        return data;
    }

    /// <summary>The everyday check: the live demo on a phone.</summary>
    [Fact]
    public Task The_live_demo_fits_a_phone() => The_page_is_no_wider_than_the_screen_and_its_figures_fit("/live", 390, 844);

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(PagesAndScreens))]
    public async Task The_page_is_no_wider_than_the_screen_and_its_figures_fit(string path, int width, int height)
    {
        var page = await web.OpenAsync(path, width, height);
        // The figures are laid out for the width their frames report; wait until every frame has been measured.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.gl-figure-frame')].every(f => f.firstElementChild && f.firstElementChild.getBoundingClientRect().width <= f.clientWidth + 1)", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        overflow.ShouldBeLessThanOrEqualTo(0, $"{path} at {width} px is {overflow} px wider than the screen; widest: {string.Join(", ", wide)}");
        var smallest = await page.EvaluateAsync<double>("() => Math.min(...[...document.querySelectorAll('svg text')].map(t => parseFloat(getComputedStyle(t).fontSize)).filter(s => s > 0), 99)");
        smallest.ShouldBeGreaterThanOrEqualTo(width <= 400 ? 10 : 12, $"the smallest figure text on {path} at {width} px");
        await page.CloseAsync();
    }
}
