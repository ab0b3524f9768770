using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>
/// Every page read on a phone (text at least 14 px, every control at least 40 px high for a finger) and on a 4K screen
/// (the text grows). Figure text may be 12 px on a phone (the figure's own layout picks it from its width); the home
/// page's card thumbnails are pictures of the pages, not read, and are left out.
/// </summary>
[Collection("web")]
public sealed class ScreenFitTests(WebAppFixture web)
{
    /// <summary>Every visible text element smaller than the limit, every SVG text smaller than its own limit (in screen pixels, zoom included), and every control lower than 40 px.</summary>
    internal const string Offenders = """
        ([textLimit, figureLimit, targetLimit]) => {
          const out = [];
          const shown = e => {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || e.closest('.gl-sr, option, .gl-preview, details:not([open]) > :not(summary)')) return false;
            const s = getComputedStyle(e);
            return s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
          };
          const name = e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' "' + (e.textContent || e.value || '').trim().slice(0, 30) + '"';
          for (const e of document.querySelectorAll('body *')) {
            if (e.closest('svg') || !shown(e)) continue;
            if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const size = parseFloat(getComputedStyle(e).fontSize);
            if (size < textLimit - 0.01) out.push(`text ${size}px: ${name(e)}`);
          }
          for (const t of document.querySelectorAll('svg text')) {
            if (!shown(t)) continue;
            const svg = t.ownerSVGElement;
            const scale = svg.getBoundingClientRect().width / (svg.width.baseVal.value || svg.getBoundingClientRect().width);
            const size = parseFloat(getComputedStyle(t).fontSize) * scale;
            if (size < figureLimit - 0.01) out.push(`figure text ${size.toFixed(1)}px: "${t.textContent.slice(0, 30)}"`);
          }
          if (targetLimit > 0) {
            for (const e of document.querySelectorAll('button, select, input, summary')) {
              if (!shown(e)) continue;
              let height = e.getBoundingClientRect().height;
              const label = e.closest('label');
              if (label && (e.type === 'checkbox' || e.type === 'radio' || e.type === 'file')) height = Math.max(height, label.getBoundingClientRect().height);
              if (height < targetLimit - 0.5) out.push(`target ${height.toFixed(1)}px high: ${name(e)}`);
            }
          }
          return out.slice(0, 15);
        }
        """;

    public static TheoryData<string> Pages() => ["/", "/live", "/neuron", "/concepts", "/optimizers", "/failures", "/network", "/benchmark"];

    /// <summary>The everyday check: the chain-rule page on a phone.</summary>
    [Fact]
    public Task The_chain_rule_page_reads_and_works_by_touch_on_a_phone() => On_a_phone_text_is_at_least_14px_and_controls_40px_high("/neuron");

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(Pages))]
    public async Task On_a_phone_text_is_at_least_14px_and_controls_40px_high(string path)
    {
        var page = await OpenMeasuredAsync(path, 390, 844);
        await PresentingEveryPageTests.SaveScreenAsync(page, path, "390");
        var offenders = await page.EvaluateAsync<string[]>(Offenders, new object[] { 14, 12, 40 });
        offenders.ShouldBeEmpty($"{path} at 390 × 844");
        await page.CloseAsync();
    }

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(Pages))]
    public async Task On_a_4K_screen_body_text_grows_to_16px_and_more_and_nothing_is_below_14px(string path)
    {
        var page = await OpenMeasuredAsync(path, 2560, 1440);
        (await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)")).ShouldBeGreaterThanOrEqualTo(16);
        var paragraphs = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('main p:not(.gl-hint), main td, main label')].filter(e => e.getClientRects().length > 0 && !e.closest('.gl-hint')).map(e => parseFloat(getComputedStyle(e).fontSize))");
        paragraphs.ShouldNotBeEmpty();
        paragraphs.Min().ShouldBeGreaterThanOrEqualTo(16, $"the smallest paragraph, cell or label on {path} at 2560 px");
        var offenders = await page.EvaluateAsync<string[]>(Offenders, new object[] { 14, 14, 0 });
        offenders.ShouldBeEmpty($"{path} at 2560 × 1440");
        await page.CloseAsync();
    }

    private async Task<IPage> OpenMeasuredAsync(string path, int width, int height)
    {
        var page = await web.OpenAsync(path, width, height);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.gl-figure-frame')].every(f => f.firstElementChild && f.firstElementChild.getBoundingClientRect().width <= f.clientWidth + 1)", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        return page;
    }
}
