using System.Globalization;

namespace GradientLab.Plotting;

/// <summary>A tick on an axis: where it is in data units, and its label.</summary>
public readonly record struct Tick(double Value, string Label);

/// <summary>Maps data values along one axis to pixels and back.</summary>
public interface IScale
{
    /// <summary>The pixel position of a data value.</summary>
    double ToPixel(double value);

    /// <summary>The data value at a pixel position.</summary>
    double ToData(double pixel);

    /// <summary>Readable ticks inside the domain.</summary>
    IReadOnlyList<Tick> Ticks(int approximateCount);

    /// <summary>Whether a data value can be placed on this scale.</summary>
    bool CanShow(double value);
}

/// <summary>A linear map from [<see cref="DomainMin"/>, <see cref="DomainMax"/>] to [<see cref="PixelFrom"/>, <see cref="PixelTo"/>].</summary>
public sealed record LinearScale(double DomainMin, double DomainMax, double PixelFrom, double PixelTo) : IScale
{
    /// <inheritdoc/>
    public double ToPixel(double value) => PixelFrom + ((value - DomainMin) / (DomainMax - DomainMin) * (PixelTo - PixelFrom));

    /// <inheritdoc/>
    public double ToData(double pixel) => DomainMin + ((pixel - PixelFrom) / (PixelTo - PixelFrom) * (DomainMax - DomainMin));

    /// <inheritdoc/>
    public IReadOnlyList<Tick> Ticks(int approximateCount) => NiceNumbers.Ticks(DomainMin, DomainMax, approximateCount);

    /// <inheritdoc/>
    public bool CanShow(double value) => double.IsFinite(value);
}

/// <summary>A base-10 logarithmic map, for losses that fall over decades. Values at or below zero cannot be shown.</summary>
public sealed record LogScale(double DomainMin, double DomainMax, double PixelFrom, double PixelTo) : IScale
{
    /// <inheritdoc/>
    public double ToPixel(double value) =>
        PixelFrom + ((Math.Log10(value) - Math.Log10(DomainMin)) / (Math.Log10(DomainMax) - Math.Log10(DomainMin)) * (PixelTo - PixelFrom));

    /// <inheritdoc/>
    public double ToData(double pixel) =>
        Math.Pow(10, Math.Log10(DomainMin) + ((pixel - PixelFrom) / (PixelTo - PixelFrom) * (Math.Log10(DomainMax) - Math.Log10(DomainMin))));

    /// <inheritdoc/>
    public IReadOnlyList<Tick> Ticks(int approximateCount)
    {
        var low = (int)Math.Ceiling(Math.Log10(DomainMin) - 1e-9);
        var high = (int)Math.Floor(Math.Log10(DomainMax) + 1e-9);
        var stride = Math.Max(1, (int)Math.Ceiling((high - low + 1) / (double)Math.Max(1, approximateCount)));
        var ticks = new List<Tick>();
        for (var exponent = low; exponent <= high; exponent += stride)
        {
            ticks.Add(new Tick(Math.Pow(10, exponent), PowerOfTen(exponent)));
        }

        return ticks;
    }

    /// <inheritdoc/>
    public bool CanShow(double value) => double.IsFinite(value) && value > 0;

    private static string PowerOfTen(int exponent) => exponent switch
    {
        >= 0 and <= 4 => Math.Pow(10, exponent).ToString("0", CultureInfo.InvariantCulture),
        -1 => "0.1",
        -2 => "0.01",
        _ => "10" + NiceNumbers.Superscript(exponent),
    };
}

/// <summary>Tick positions on 1-2-5 steps, with labels that carry no floating-point noise.</summary>
public static class NiceNumbers
{
    /// <summary>The 1, 2 or 5 × 10ⁿ step that splits <paramref name="span"/> into about <paramref name="count"/> parts.</summary>
    public static double Step(double span, int count)
    {
        if (!(span > 0) || !double.IsFinite(span))
        {
            return 1;
        }

        var raw = span / Math.Max(1, count);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Ticks on multiples of a 1-2-5 step inside [min, max].</summary>
    public static IReadOnlyList<Tick> Ticks(double min, double max, int approximateCount)
    {
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            return [];
        }

        var step = Step(max - min, approximateCount);
        var first = Math.Ceiling((min / step) - 1e-9);
        var last = Math.Floor((max / step) + 1e-9);
        var ticks = new List<Tick>();
        for (var k = first; k <= last; k++)
        {
            var value = k * step;
            ticks.Add(new Tick(value, Format(value, step)));
        }

        return ticks;
    }

    /// <summary>A tick value with as many decimals as its step needs: 0.3, not 0.30000000000000004.</summary>
    public static string Format(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-6)
        {
            return "0";
        }

        var magnitude = Math.Max(Math.Abs(value), step);
        if (magnitude >= 1e6 || magnitude < 1e-4)
        {
            // As many mantissa digits as the step needs to tell neighbours apart, and no more than three.
            var digits = Math.Clamp((int)Math.Floor(Math.Log10(Math.Abs(value)) + 1e-9) - (int)Math.Floor(Math.Log10(step) + 1e-9) + 1, 1, 3);
            return Scientific(value, digits);
        }

        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(step) + 1e-9));
        return Math.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A number for people: <paramref name="digits"/> significant digits, invariant culture, no exponent for everyday magnitudes.</summary>
    public static string Significant(double value, int digits = 6)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e9 || magnitude < 1e-5)
        {
            // Still a number a program can parse back (the page's tables are read that way), with the digits asked for.
            return value.ToString("0." + new string('#', Math.Clamp(digits - 1, 1, 14)) + "e+0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(magnitude)), 0, 15);
        return Math.Round(value, decimals).ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A label for a figure: <paramref name="digits"/> significant digits (figures use two or three) with everyday
    /// magnitudes written out and the rest as a power of ten, "5.4×10¹¹" or "2.5×10⁻⁷", never "5.42464e+11".
    /// </summary>
    public static string Label(double value, int digits = 3)
    {
        digits = Math.Clamp(digits, 1, 15);
        if (!double.IsFinite(value) || value == 0)
        {
            return Significant(value, digits);
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-4)
        {
            return Scientific(value, digits);
        }

        // A whole number with more digits than asked for is rounded to them (14944 → 14900), never printed in full.
        var exponent = (int)Math.Floor(Math.Log10(magnitude));
        if (exponent >= digits)
        {
            var unit = Math.Pow(10, exponent - digits + 1);
            return (Math.Round(value / unit) * unit).ToString("0", CultureInfo.InvariantCulture);
        }

        return Significant(value, digits);
    }

    /// <summary><paramref name="value"/> as a mantissa of <paramref name="digits"/> significant digits (trailing zeros dropped) times a power of ten: "5.4×10¹¹".</summary>
    public static string Scientific(double value, int digits = 3)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return Significant(value, digits);
        }

        digits = Math.Clamp(digits, 1, 15);
        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = Math.Round(value / Math.Pow(10, exponent), digits - 1);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        var text = mantissa.ToString("0." + new string('#', Math.Max(1, digits - 1)), CultureInfo.InvariantCulture);
        return exponent == 0 ? text : text + "×10" + Superscript(exponent);
    }

    /// <summary>An integer in superscript digits: −7 as "⁻⁷".</summary>
    public static string Superscript(int exponent)
    {
        const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs((long)exponent).ToString(CultureInfo.InvariantCulture);
        return (exponent < 0 ? "⁻" : "") + string.Concat(text.Select(c => Digits[c - '0']));
    }
}
