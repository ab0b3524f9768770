using System.Xml;
using System.Xml.Linq;
using GradientLab.Plotting;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace GradientLab.Cli;

/// <summary>
/// Draws our own figures' SVG into pixels in-process (Svg.Skia on SkiaSharp), for PNG files and animation frames.
/// Text is always drawn with the figures' font, the DejaVu Sans subset embedded in GradientLab.Plotting: every
/// font-family maps to it (bold for a bold weight), and a character the subset lacks is drawn as '?' rather than looked
/// up among the machine's fonts. On Linux the native library is SkiaSharp's NoDependencies build, which has no font
/// manager at all, so the output is the same on every machine.
/// </summary>
internal static class SvgRasterizer
{
    /// <summary>What a character the figure font lacks is drawn as.</summary>
    public const char Replacement = '?';

    /// <summary>The figure font as Skia typefaces, loaded once from the embedded files.</summary>
    internal static EmbeddedFontProvider Fonts => LazyFonts.Value;

    private static readonly Lazy<EmbeddedFontProvider> LazyFonts = new(() => new EmbeddedFontProvider(Load(bold: false), Load(bold: true)));

    /// <summary>Writes <paramref name="svg"/> (of <paramref name="width"/> × <paramref name="height"/> pixels) as a PNG at <paramref name="scale"/> × that size.</summary>
    public static void WritePng(string svg, int width, int height, Stream destination, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var bitmap = Render(svg, width, height, scale);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100) ?? throw new InvalidOperationException("SkiaSharp could not encode the figure as PNG.");
        data.SaveTo(destination);
    }

    /// <summary>
    /// <paramref name="svg"/> drawn on white at <paramref name="scale"/> × its <paramref name="width"/> × <paramref name="height"/>
    /// pixels, as opaque RGBA (8 bits a channel).
    /// </summary>
    public static SKBitmap Render(string svg, int width, int height, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        try
        {
            return Draw(svg, width, height, scale);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw new UsageException($"PNG and GIF output need SkiaSharp's native library, which could not be loaded on this machine ({FirstLine(error)}); write an .svg file instead.");
        }
    }

    private static SKBitmap Draw(string svg, int width, int height, int scale)
    {
        var fonts = Fonts;
        using var document = new SKSvg();
        document.Settings.TypefaceProviders = [fonts];
        document.Settings.EnableJavaScript = false;
        document.Settings.EnableExternalJavaScript = false;
        var picture = document.FromSvg(fonts.WithCoveredText(svg)) ?? throw new InvalidOperationException("Svg.Skia could not read the figure's SVG.");
        var bitmap = new SKBitmap(new SKImageInfo(width * scale, height * scale, SKColorType.Rgba8888, SKAlphaType.Premul));
        try
        {
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            canvas.ClipRect(new SKRect(0, 0, width, height));
            canvas.DrawPicture(picture);
            canvas.Flush();
            return bitmap;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    private static SKTypeface Load(bool bold)
    {
        using var stream = FontMetrics.OpenFont(bold);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("SkiaSharp could not read the embedded figure font.");
    }

    private static string FirstLine(Exception error)
    {
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message.Split('\n')[0].Trim();
    }

    /// <summary>Every family name, generic or not, resolves to the embedded figure font: regular, or bold from weight 600.</summary>
    internal sealed class EmbeddedFontProvider(SKTypeface regular, SKTypeface bold) : ITypefaceProvider
    {
        public SKTypeface Regular { get; } = regular;

        public SKTypeface Bold { get; } = bold;

        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            fontWeight >= SKFontStyleWeight.SemiBold ? Bold : Regular;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _covered = new();

        /// <summary>Whether both faces draw <paramref name="codepoint"/> (white space always counts as drawn).</summary>
        public bool Covers(int codepoint) =>
            codepoint < 0x21 || _covered.GetOrAdd(codepoint, c => Draws(Regular, c) && Draws(Bold, c));

        private static bool Draws(SKTypeface typeface, int codepoint)
        {
            using var font = new SKFont(typeface);
            return font.ContainsGlyph(codepoint);
        }

        /// <summary>
        /// <paramref name="svg"/> with every character of its text that the figure font lacks replaced by <see cref="Replacement"/>,
        /// so the renderer never falls back to another font (a platform font manager would look among the machine's fonts).
        /// </summary>
        public string WithCoveredText(string svg)
        {
            ArgumentNullException.ThrowIfNull(svg);
            if (svg.EnumerateRunes().All(r => Covers(r.Value)))
            {
                return svg; // markup and text alike: nothing to replace, nothing to parse
            }

            var document = XDocument.Parse(svg, LoadOptions.PreserveWhitespace);
            var changed = false;
            foreach (var text in document.DescendantNodes().OfType<XText>().Where(t => t.Parent?.Name.LocalName != "style"))
            {
                var value = text.Value;
                if (value.EnumerateRunes().All(r => Covers(r.Value)))
                {
                    continue;
                }

                text.Value = string.Concat(value.EnumerateRunes().Select(r => Covers(r.Value) ? r.ToString() : Replacement.ToString()));
                changed = true;
            }

            if (!changed)
            {
                return svg;
            }

            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, NewLineHandling = NewLineHandling.None };
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            using (var xml = XmlWriter.Create(writer, settings))
            {
                document.Save(xml);
            }

            return writer.ToString();
        }
    }
}
