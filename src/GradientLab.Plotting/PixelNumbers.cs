using System.Globalization;
using System.Text;

namespace GradientLab.Plotting;

/// <summary>
/// Pixel coordinates as SVG writes them: rounded to a tenth of a pixel, half away from zero, with no trailing ".0"
/// (what <c>ToString("0.#", CultureInfo.InvariantCulture)</c> writes). A frame writes hundreds of them, and the custom
/// format string is parsed and applied anew for each one: under WebAssembly's interpreter that was a large part of a
/// frame. Here the tenths are an integer written digit by digit; values beyond ±10¹² (and NaN, ±∞) fall back to the
/// format string.
/// </summary>
internal static class PixelNumbers
{
    private const double Largest = 1e12;

    /// <summary>The number as a string.</summary>
    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[24];
        return Write(value, buffer, out var written) ? new string(buffer[..written]) : Fallback(value);
    }

    /// <summary>The number written straight into <paramref name="builder"/>, without a string per number.</summary>
    public static StringBuilder Append(StringBuilder builder, double value)
    {
        Span<char> buffer = stackalloc char[24];
        return Write(value, buffer, out var written) ? builder.Append(buffer[..written]) : builder.Append(Fallback(value));
    }

    private static string Fallback(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static bool Write(double value, Span<char> buffer, out int written)
    {
        written = 0;
        if (!(Math.Abs(value) < Largest))
        {
            return false;
        }

        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        if (value < 0)
        {
            buffer[written++] = '-'; // "0.#" keeps the sign of a negative number that rounds to zero: "-0"
        }

        var magnitude = Math.Abs(tenths);
        var whole = magnitude / 10;
        var tenth = (int)(magnitude % 10);
        // The whole part's digits, most significant first.
        var start = written;
        do
        {
            buffer[written++] = (char)('0' + (int)(whole % 10));
            whole /= 10;
        }
        while (whole > 0);
        buffer[start..written].Reverse();
        if (tenth != 0)
        {
            buffer[written++] = '.';
            buffer[written++] = (char)('0' + tenth);
        }

        return true;
    }
}
