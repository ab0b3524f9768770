using System.Globalization;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Reading the numbers a page shows (invariant culture, the number alone) and comparing them with the engine's.</summary>
internal static class PageNumbers
{
    public static async Task<double> NumberAsync(this IPage page, string testId) => await page.GetByTestId(testId).NumberAsync();

    public static async Task<double> NumberAsync(this ILocator locator) =>
        double.Parse(await locator.InnerTextAsync(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The page shows six significant digits: equal to the engine's value within a relative 1e-5.</summary>
    public static void ShouldMatch(double shown, double expected, string? what = null) =>
        Math.Abs(shown - expected).ShouldBeLessThanOrEqualTo((Math.Abs(expected) * 1e-5) + 1e-12, $"{what}: page shows {shown}, expected {expected}");
}
