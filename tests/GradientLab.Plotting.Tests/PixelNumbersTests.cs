using System.Globalization;
using System.Text;
using GradientLab.Plotting;

namespace GradientLab.Plotting.Tests;

public class PixelNumbersTests
{
    private static string Expected(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.04)]
    [InlineData(-0.04)]
    [InlineData(0.05)]
    [InlineData(-0.05)]
    [InlineData(0.25)]
    [InlineData(0.35)]
    [InlineData(12.95)]
    [InlineData(-12.95)]
    [InlineData(99999.96)]
    [InlineData(1e5)]
    [InlineData(-1e5)]
    [InlineData(123456789012.34)]
    [InlineData(1e13)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Format_WritesWhatTheFormatStringWrites(double value)
    {
        Assert.Equal(Expected(value), PixelNumbers.Format(value));
        Assert.Equal(Expected(value), PixelNumbers.Append(new StringBuilder("x"), value).ToString()[1..]);
    }

    [Fact]
    public void Format_WritesWhatTheFormatStringWrites_ForRandomPixelsAndEveryHalfTenth()
    {
        var random = new Random(15);
        var values = Enumerable.Range(0, 200_000).Select(_ => (random.NextDouble() - 0.5) * 4e5)
            .Concat(Enumerable.Range(-40_000, 80_001).Select(k => k / 20.0)) // 0.05 steps: every midpoint between tenths
            .Concat(Enumerable.Range(0, 20_000).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 12))));
        var different = values.Where(v => PixelNumbers.Format(v) != Expected(v)).Take(10).Select(v => $"{v:R}: {PixelNumbers.Format(v)} against {Expected(v)}").ToList();
        Assert.Empty(different);
    }
}
