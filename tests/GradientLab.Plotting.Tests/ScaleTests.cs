using GradientLab.Plotting;

namespace GradientLab.Plotting.Tests;

public sealed class ScaleTests
{
    [Theory]
    [InlineData(0.0, 1.0, 5, "0,0.2,0.4,0.6,0.8,1.0")]
    [InlineData(0.0, 0.35, 7, "0,0.05,0.10,0.15,0.20,0.25,0.30,0.35")]
    [InlineData(-0.1, 0.95, 10, "-0.1,0,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9")]
    [InlineData(-350.0, 180.0, 5, "-300,-200,-100,0,100")]
    [InlineData(852.0, 4478.0, 6, "1000,1500,2000,2500,3000,3500,4000")]
    public void Ticks_FallOn125Steps_WithCleanLabels(double min, double max, int count, string expected)
    {
        var ticks = NiceNumbers.Ticks(min, max, count);
        string.Join(",", ticks.Select(t => t.Label)).ShouldBe(expected);
        ticks.ShouldAllBe(t => t.Value >= min - 1e-12 && t.Value <= max + 1e-12);
    }

    [Fact]
    public void Ticks_NeverShowFloatingPointNoise()
    {
        for (var count = 2; count <= 12; count++)
        {
            foreach (var (min, max) in new[] { (0.0, 0.3), (0.1, 0.7), (-1e-3, 2.2e-3), (12.3, 45.6) })
            {
                NiceNumbers.Ticks(min, max, count).ShouldAllBe(t => t.Label.Length <= 8, $"{min}..{max} in {count}");
            }
        }
    }

    [Theory]
    [InlineData(7.0, 1.0)]
    [InlineData(9.0, 2.0)]
    [InlineData(0.3, 0.05)]
    [InlineData(460.0, 100.0)]
    [InlineData(1.0, 0.2)]
    public void Step_IsOneTwoOrFiveTimesAPowerOfTen(double span, double expected) =>
        NiceNumbers.Step(span, 5).ShouldBe(expected, 1e-12);

    [Fact]
    public void LinearScale_MapsBothWays_AndFlipsForScreenY()
    {
        var y = new LinearScale(0, 10, 300, 100);
        y.ToPixel(0).ShouldBe(300);
        y.ToPixel(10).ShouldBe(100);
        y.ToPixel(2.5).ShouldBe(250);
        y.ToData(y.ToPixel(7.3)).ShouldBe(7.3, 1e-12);
    }

    [Fact]
    public void LogScale_TicksAreDecades_AndNonPositiveValuesCannotBeShown()
    {
        var scale = new LogScale(0.003, 2e5, 400, 0);
        scale.Ticks(10).Select(t => t.Label).ShouldBe(["0.01", "0.1", "1", "10", "100", "1000", "10000", "10⁵"]);
        scale.ToPixel(0.003).ShouldBe(400, 1e-9);
        scale.ToData(scale.ToPixel(42)).ShouldBe(42, 1e-9);
        scale.CanShow(0).ShouldBeFalse();
        scale.CanShow(double.NaN).ShouldBeFalse();
    }

    [Theory]
    [InlineData(85000.0, "85000")]
    [InlineData(79274.8125, "79274.8")]
    [InlineData(0.000123456, "0.000123456")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1.5e12, "1.5e+12")]
    [InlineData(double.NaN, "NaN")]
    public void Significant_ShowsSixDigitsWithoutNoise(double value, string expected) =>
        NiceNumbers.Significant(value).ShouldBe(expected);

    [Theory]
    [InlineData(5.42464e11, 2, "5.4×10¹¹")]
    [InlineData(5.42464e11, 3, "5.42×10¹¹")]
    [InlineData(-2.5e-7, 3, "-2.5×10⁻⁷")]
    [InlineData(1e6, 3, "1×10⁶")]
    [InlineData(9.996e8, 3, "1×10⁹")]
    [InlineData(1234.5678, 3, "1230")]
    [InlineData(1234.5678, 4, "1235")]
    [InlineData(14944, 2, "15000")]
    [InlineData(106557, 2, "1.1×10⁵")]
    [InlineData(0.1 + 0.2, 3, "0.3")]
    [InlineData(0.0000123456, 2, "1.2×10⁻⁵")]
    [InlineData(0.0, 3, "0")]
    public void Label_PrintsTwoOrThreeDigits_AndLargeOrSmallNumbersAsPowersOfTen(double value, int digits, string expected) =>
        NiceNumbers.Label(value, digits).ShouldBe(expected);

    [Theory]
    [InlineData(0, 5e11, 6)]
    [InlineData(1e-6, 9e-6, 5)]
    [InlineData(0, 3.3e7, 8)]
    public void Ticks_OfLargeOrSmallRanges_HaveNoExponentNoise_AndStayDistinct(double min, double max, int count)
    {
        var labels = NiceNumbers.Ticks(min, max, count).Select(t => t.Label).ToList();
        labels.Count.ShouldBeGreaterThan(2);
        labels.ShouldAllBe(l => !l.Contains('e', StringComparison.Ordinal) && l.Length <= 9, string.Join(" | ", labels));
        labels.Distinct().Count().ShouldBe(labels.Count, string.Join(" | ", labels));
    }

    [Fact]
    public void Ticks_OfALargeRange_ReadAsPowersOfTen() =>
        NiceNumbers.Ticks(0, 2.6e11, 6).Select(t => t.Label).ShouldBe(["0", "5×10¹⁰", "1×10¹¹", "1.5×10¹¹", "2×10¹¹", "2.5×10¹¹"]);

    [Fact]
    public void Significant_KeepsTheDigitsAskedFor_EvenInExponentForm() =>
        NiceNumbers.Significant(5.42464e11, 3).ShouldBe("5.42e+11");
}
