using System.Globalization;
using System.Xml.Linq;
using GradientLab.Plotting;
using SkiaSharp;

namespace GradientLab.Cli.Tests;

/// <summary>PNGs are drawn in-process, text included, with the embedded figure font and never a font of the machine.</summary>
public sealed class PngRenderingTests
{
    private const string Figures = "'GradientLab Sans','DejaVu Sans',sans-serif";

    private static string TextOnly(string text, string family = Figures, string weight = "normal") =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="240" height="40" viewBox="0 0 240 40"><text x="10" y="28" style="font-family:{family};font-size:20px;font-weight:{weight}" fill="#222">{text}</text></svg>""";

    [Fact]
    public void Text_IsDrawn_WhereTheTextIs()
    {
        using var drawn = SvgRasterizer.Render(TextOnly("Gradient descent"), 240, 40);
        using var empty = SvgRasterizer.Render(TextOnly(""), 240, 40);

        // The text sits on the baseline y = 28, from x = 10: 20 px glyphs rise about 15 px above it.
        Png.Dark(drawn, new SKRectI(10, 10, 230, 33)).ShouldBeGreaterThan(300);
        Png.Dark(drawn, new SKRectI(0, 0, 240, 8)).ShouldBe(0);
        Png.Dark(empty, new SKRectI(0, 0, 240, 40)).ShouldBe(0);
    }

    [Fact]
    public void TheDrawnText_IsAsWideAsTheFontMetricsSay()
    {
        const string Text = "J (cost) = 2058";
        using var bitmap = SvgRasterizer.Render(TextOnly(Text), 240, 40);
        var columns = Enumerable.Range(0, 240).Where(x => Png.Dark(bitmap, new SKRectI(x, 0, x + 1, 40)) > 0).ToList();
        double drawnWidth = columns[^1] - columns[0] + 1;
        // The layout measures with the same font, so the ink spans the measured advance (less the side bearings).
        drawnWidth.ShouldBeInRange(FontMetrics.Width(Text, 20) - 6, FontMetrics.Width(Text, 20) + 1);
    }

    [Fact]
    public void BoldText_IsDrawnWithTheBoldFace()
    {
        using var regular = SvgRasterizer.Render(TextOnly("Gradient"), 240, 40);
        using var bold = SvgRasterizer.Render(TextOnly("Gradient", weight: "bold"), 240, 40);
        var all = new SKRectI(0, 0, 240, 40);
        Png.Dark(bold, all).ShouldBeGreaterThan(Png.Dark(regular, all) * 5 / 4);
    }

    [Theory]
    [InlineData("'No Such Font'")]
    [InlineData("serif")]
    [InlineData("monospace")]
    [InlineData("Arial, Helvetica")]
    public void EveryFamily_IsDrawnWithTheFigureFont(string family)
    {
        using var figureFont = SvgRasterizer.Render(TextOnly("Loss 0.25 w b"), 240, 40);
        using var other = SvgRasterizer.Render(TextOnly("Loss 0.25 w b", family), 240, 40);
        other.Bytes.ShouldBe(figureFont.Bytes);
    }

    [Fact]
    public void TheTypefaceProvider_AnswersEveryFamily_WithTheEmbeddedFaces()
    {
        var fonts = SvgRasterizer.Fonts;
        fonts.Regular.FamilyName.ShouldBe("DejaVu Sans");
        fonts.FromFamilyName("Times New Roman", SKFontStyleWeight.Normal, SKFontStyleWidth.Normal, SKFontStyleSlant.Upright).ShouldBeSameAs(fonts.Regular);
        fonts.FromFamilyName(Figures, SKFontStyleWeight.Bold, SKFontStyleWidth.Normal, SKFontStyleSlant.Italic).ShouldBeSameAs(fonts.Bold);
        fonts.FromFamilyName("sans-serif", SKFontStyleWeight.Medium, SKFontStyleWidth.Condensed, SKFontStyleSlant.Upright).ShouldBeSameAs(fonts.Regular);
    }

    [Fact]
    public void TheNativeLibrary_HasNoFontManager_SoNoSystemFontCanBeRead()
    {
        // SkiaSharp.NativeAssets.Linux.NoDependencies: no fontconfig. The machine's own fonts (e.g. Debian's DejaVu in
        // /usr/share/fonts) are invisible to it: the default typeface is empty and no character matches any font.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        SKFontManager.Default.FontFamilies.Where(f => f.Length > 0).ShouldBeEmpty();
        SKFontManager.Default.MatchCharacter('A').ShouldBeNull();
        SKTypeface.Default.GlyphCount.ShouldBe(0);
    }

    [Fact]
    public void ACharacterTheFontLacks_IsDrawnAsAQuestionMark_NotFromAnotherFont()
    {
        SvgRasterizer.Fonts.Covers('中').ShouldBeFalse();
        SvgRasterizer.Fonts.Covers('γ').ShouldBeTrue();
        using var lacking = SvgRasterizer.Render(TextOnly("price 中"), 240, 40);
        using var replaced = SvgRasterizer.Render(TextOnly("price ?"), 240, 40);
        lacking.Bytes.ShouldBe(replaced.Bytes);
    }

    [Fact]
    public void MarkupWithoutLackingCharacters_IsRenderedAsWritten()
    {
        var svg = TextOnly("θ − α∇J(θ) ≈ 0.5");
        SvgRasterizer.Fonts.WithCoveredText(svg).ShouldBeSameAs(svg);
        SvgRasterizer.Fonts.WithCoveredText(TextOnly("a 中 b")).ShouldContain(">a ? b</text>");
    }

    [Theory]
    [InlineData("loss", "step")]
    [InlineData("data", "size (1000 sq ft)")]
    [InlineData("contour", "w")]
    public void ARealFigure_HasItsAxisTitleDrawn(string figure, string title)
    {
        using var folder = new TempFolder();
        var svgPath = Path.Combine(folder.Path, "figure.svg");
        var pngPath = Path.Combine(folder.Path, "figure.png");
        Gradlab.Run("plot", "housing-live-demo", "--figure", figure, "--out", svgPath).ExitCode.ShouldBe(0);
        var result = Gradlab.Run("plot", "housing-live-demo", "--figure", figure, "--scale", "1", "--out", pngPath);
        result.ExitCode.ShouldBe(0, result.Error);

        // Where the SVG puts the title: its anchor point, centred (text-anchor: middle), 13 px glyphs.
        var text = XDocument.Parse(File.ReadAllText(svgPath)).Descendants().Single(e => e.Name.LocalName == "text" && e.Value == title);
        var x = double.Parse(text.Attribute("x")!.Value, CultureInfo.InvariantCulture);
        var y = double.Parse(text.Attribute("y")!.Value, CultureInfo.InvariantCulture);
        text.Attribute("text-anchor")?.Value.ShouldBe("middle");
        var half = (int)Math.Ceiling(FontMetrics.Width(title, 13) / 2);
        var box = new SKRectI((int)x - half, (int)y - 11, (int)x + half + 1, (int)y + 4);

        using var bitmap = Png.Decode(File.ReadAllBytes(pngPath));
        Png.Dark(bitmap, box).ShouldBeGreaterThan(4 * title.Replace(" ", "", StringComparison.Ordinal).Length);
        // Below the title is the figure's white margin.
        Png.Dark(bitmap, new SKRectI(box.Left, box.Bottom + 1, box.Right, bitmap.Height)).ShouldBe(0);
    }
}

/// <summary>Reading our own PNGs back (in tests only).</summary>
internal static class Png
{
    public static (int Width, int Height) Size(byte[] png)
    {
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        int Big(int offset) => (png[offset] << 24) | (png[offset + 1] << 16) | (png[offset + 2] << 8) | png[offset + 3];
        return (Big(16), Big(20)); // IHDR width, height
    }

    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");

    /// <summary>How many pixels in <paramref name="box"/> are dark (luminance below half): ink, not background or light grid.</summary>
    public static int Dark(SKBitmap bitmap, SKRectI box)
    {
        var count = 0;
        for (var y = Math.Max(0, box.Top); y < Math.Min(bitmap.Height, box.Bottom); y++)
        {
            for (var x = Math.Max(0, box.Left); x < Math.Min(bitmap.Width, box.Right); x++)
            {
                var c = bitmap.GetPixel(x, y);
                if ((0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue) < 128)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
