namespace GradientLab.Plotting.Tests;

public class FontMetricsTests
{
    [Fact]
    public void A_digit_is_as_wide_as_the_fonts_advance_table_says()
    {
        // DejaVu Sans 2.37, hmtx: every digit advances 1303 of 2048 units (tabular figures).
        Assert.Equal(12 * 1303 / 2048.0, FontMetrics.Width("0", 12), 9);
        Assert.Equal(FontMetrics.Width("0123456789", 12), 10 * FontMetrics.Width("8", 12), 9);
    }

    [Fact]
    public void Widths_add_up_and_scale_with_the_size()
    {
        Assert.Equal(FontMetrics.Width("J (cost)", 12) + FontMetrics.Width("w", 12), FontMetrics.Width("J (cost)w", 12), 9);
        Assert.Equal(2 * FontMetrics.Width("price ($1000s)", 12), FontMetrics.Width("price ($1000s)", 24), 9);
        Assert.True(FontMetrics.Width("W", 12) > FontMetrics.Width("i", 12));
        Assert.True(FontMetrics.Width("θ", 14, bold: true) > FontMetrics.Width("θ", 14));
    }

    [Theory]
    [InlineData("J(w, b) = ½·Σ(ŷ − y)²")]
    [InlineData("∂L/∂w ≈ −0.0123 → θ* · α ≤ 2/λmax, β₁ β₂ ε η γ ∞")]
    [InlineData("size (1000 sq ft) · price ($1000s) · 1e-16")]
    public void The_bundled_font_covers_what_the_figures_print(string text) => Assert.True(FontMetrics.Covers(text), text);

    [Fact]
    public void The_font_files_are_embedded()
    {
        using var regular = FontMetrics.OpenFont();
        using var bold = FontMetrics.OpenFont(bold: true);
        Assert.True(regular.Length > 10_000);
        Assert.True(bold.Length > 10_000);
    }
}
