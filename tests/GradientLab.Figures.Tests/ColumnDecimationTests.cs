using GradientLab.Plotting;

namespace GradientLab.Figures.Tests;

public sealed class ColumnDecimationTests
{
    // A noisy falling curve with one spike and a step down, as a loss or a step-decay schedule has.
    private static DataPoint[] Curve(int count)
    {
        var random = new Random(3);
        return [.. Enumerable.Range(0, count).Select(i => new DataPoint(i, (i == 1234 ? 50 : 0) + (i < 3000 ? 10 : 1) * Math.Exp(-i / 2000.0) + random.NextDouble()))];
    }

    [Fact]
    public void EachBlock_KeepsItsLowestAndHighestPoint_InOrder_AndTheCurveEndsAtItsLastPoint()
    {
        var curve = Curve(5_001);
        var kept = ColumnDecimation.MinMax(curve.Length, i => curve[i], 11.2);

        kept.Length.ShouldBeLessThanOrEqualTo((2 * ((curve.Length + 10) / 11)) + 1);
        kept[^1].ShouldBe(curve[^1]);
        kept.Select(p => p.X).ShouldBeInOrder(SortDirection.Ascending);
        for (var start = 0; start < curve.Length; start += 11)
        {
            var block = curve.Skip(start).Take(11).ToArray();
            var inBlock = kept.Where(p => p.X >= start && p.X < start + 11).ToArray();
            inBlock.ShouldContain(block.MinBy(p => p.Y));
            inBlock.ShouldContain(block.MaxBy(p => p.Y));
        }

        kept.ShouldContain(curve[1234], "the spike stays on the chart");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(2.9)]
    [InlineData(double.NaN)]
    public void AtTwoPointsAColumnOrFewer_EveryPointIsKept(double perColumn)
    {
        var curve = Curve(300);
        ColumnDecimation.MinMax(curve.Length, i => curve[i], perColumn).ShouldBe(curve);
    }

    [Fact]
    public void AnEmptyCurve_StaysEmpty() => ColumnDecimation.MinMax(0, _ => throw new InvalidOperationException("no point to read"), 10).ShouldBeEmpty();
}
