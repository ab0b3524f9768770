using Deque.AxeCore.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>axe-core on every page, light and dark: no serious or critical violation.</summary>
[Collection("web")]
public sealed class AccessibilityTests(WebAppFixture web)
{
    public static TheoryData<string, bool> Pages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var path in new[] { "/", "/live", "/neuron", "/concepts", "/optimizers", "/failures" })
        {
            data.Add(path, false);
            data.Add(path, true);
        }

        return data;
    }

    /// <summary>The everyday check: the live demo in the light theme.</summary>
    [Fact]
    public Task The_live_demo_has_no_serious_or_critical_axe_violation() => The_page_has_no_serious_or_critical_axe_violation("/live", dark: false);

    [Theory]
    [Trait("Category", "Full")]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_serious_or_critical_axe_violation(string path, bool dark)
    {
        var page = await web.OpenAsync(path);
        if (dark)
        {
            await page.GetByTestId("theme-toggle").ClickAsync();
            await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("app")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("gl-dark"));
        }

        var results = await page.RunAxe();
        results.Passes.ShouldNotBeEmpty("axe ran no checks");
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))} ({v.Nodes.Length} nodes)")
            .ToList();
        serious.ShouldBeEmpty();
        await page.CloseAsync();
    }
}
