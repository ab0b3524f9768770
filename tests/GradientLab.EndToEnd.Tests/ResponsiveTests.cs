using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Every page on a phone, a tablet, a laptop, a projector and a 4K screen: no sideways scrolling, readable figures.</summary>
[Collection("web")]
public sealed class ResponsiveTests(WebAppFixture web)
{
    public static TheoryData<string, int, int> PagesAndScreens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var path in new[] { "/", "/live", "/neuron", "/concepts", "/optimizers", "/failures", "/network", "/benchmark" })
        {
            foreach (var (width, height) in new[] { (375, 667), (390, 844), (768, 1024), (1440, 900), (1920, 1080), (2560, 1440) })
            {
                data.Add(path, width, height);
            }
        }

        return data;
    }

    /// <summary>Up to five shown elements whose own text (outside the figures) is smaller than 14 px, with their size.</summary>
    private const string SmallPageText = """
        () => [...document.querySelectorAll('body *:not(svg):not(svg *)')]
          .filter(e => e.getClientRects().length > 0 && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0))
          .map(e => [e, parseFloat(getComputedStyle(e).fontSize)])
          .filter(([e, size]) => size < 14 && !e.closest('.gl-sr'))
          .slice(0, 5).map(([e, size]) => e.tagName + '.' + e.className + ' "' + e.textContent.trim().slice(0, 30) + '" ' + size + ' px')
        """;

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
        if (width <= 700)
        {
            var small = await page.EvaluateAsync<string[]>(SmallPageText);
            small.ShouldBeEmpty($"text under 14 px on {path} at {width} px");
        }

        await page.CloseAsync();
    }
}
