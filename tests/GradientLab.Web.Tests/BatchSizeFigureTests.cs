using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.Tests;

/// <summary>The batch-size study's chart: laid out without overlaps at every width, on log–log axes, the best size marked.</summary>
public sealed class BatchSizeFigureTests
{
    private static readonly Lazy<IReadOnlyList<BatchSizeRun>> Runs = new(() => BatchSizeStudy.Run());

    [Theory]
    [InlineData(390)]
    [InlineData(1440)]
    [InlineData(2560)]
    public void TheChart_HasNoLayoutProblems(int width)
    {
        var layout = BatchSizeFigures.Figure(Runs.Value).Layout(width, Figure.HeightFor(width, 440, 300));
        LayoutAudit.Problems(layout).ShouldBeEmpty();
    }

    [Fact]
    public void TheChart_IsLogLog_AndMarksTheLowestCost()
    {
        var figure = BatchSizeFigures.Figure(Runs.Value);
        var svg = figure.ToSvg(640, 440);
        svg.ShouldContain("class=\"axis-x\" data-scale=\"log\"", Case.Sensitive);
        svg.ShouldContain("class=\"axis-y\" data-scale=\"log\"", Case.Sensitive);
        var best = Runs.Value.MinBy(r => r.ExcessLoss)!;
        figure.Series.OfType<MarkerSeries>().Single().At.X.ShouldBe(best.BatchSize);
    }
}
