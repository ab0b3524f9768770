using System.Text.RegularExpressions;
using GradientLab.Plotting;

namespace GradientLab.Plotting.Tests;

public sealed partial class HeatmapTests
{
    // P(class 1) of a line through the origin: σ(4(x + y)), class 1 above x + y = 0.
    private static readonly SurfaceGrid Logistic = SurfaceGrid.Sample((x, y) => 1 / (1 + Math.Exp(-4 * (x + y))), new DataRect(-2, 2, -2, 2), 40, 40);

    private static Figure Plot(bool withPoints = true)
    {
        var figure = new Figure("heat", "P(class 1)") { ColorBarTitle = "P(class 1)", LegendOutside = true };
        figure.X.Title = "x₁";
        figure.Y.Title = "x₂";
        figure.Add(new HeatmapSeries("boundary p = 0.5", Logistic) { Boundaries = [0.5], InLegend = true });
        if (withPoints)
        {
            figure.Add(new ScatterSeries("class 0", [new(-1, -1), new(-1.5, 0.2)]) { CssClass = "gl-class0", InLegend = true });
            figure.Add(new ScatterSeries("class 1", [new(1, 1), new(0.3, 1.5)]) { CssClass = "gl-class1", Shape = MarkerShape.Cross, InLegend = true });
        }

        return figure;
    }

    [Fact]
    public void Bands_CutTheRangeEvenly_AndTheEndsAreBlueAndOrange()
    {
        var heat = new HeatmapSeries("p", Logistic);
        heat.BandOf(0).ShouldBe(0);
        heat.BandOf(0.51).ShouldBe(10);
        heat.BandOf(1).ShouldBe(19);
        heat.BandOf(-5).ShouldBe(0);
        heat.BandValue(0).ShouldBe(0.025, 1e-12);
        HeatmapSeries.DivergingAt(0).ShouldBe("#548cc4");
        HeatmapSeries.DivergingAt(0.5).ShouldBe("#f7f7f7");
        HeatmapSeries.DivergingAt(1).ShouldBe("#ec9646");
        Should.Throw<ArgumentException>(() => new HeatmapSeries("p", Logistic, 1, 1));
    }

    [Fact]
    public void TheSvg_HasOnePathPerBandShown_TheBoundaryLine_AndAColourBarLabelled0To1()
    {
        var svg = Plot().ToSvg(480, 440);
        var fills = FillPath().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        fills.Count.ShouldBeGreaterThan(10);
        fills.Count.ShouldBeLessThanOrEqualTo(20);
        fills.Distinct().Count().ShouldBe(fills.Count);
        svg.ShouldContain("class=\"boundary\"");
        svg.ShouldContain("class=\"colorbar\"");
        svg.ShouldContain(">P(class 1)</text>");
        svg.ShouldContain(">0.5</text>");
        svg.ShouldContain(">1</text>");
        svg.ShouldContain("data-name=\"class 1\"");
    }

    [Fact]
    public void TheBoundaryLine_FollowsTheHalfProbabilityLevel()
    {
        var heat = new HeatmapSeries("p", Logistic) { Boundaries = [0.5] };
        var line = heat.BoundaryLines().Single();
        line.Segments.Count.ShouldBeGreaterThan(10);
        line.Segments.ShouldAllBe(s => Math.Abs(s.From.X + s.From.Y) < 0.05 && Math.Abs(s.To.X + s.To.Y) < 0.05);
    }

    [Theory]
    [InlineData(390, 360)]
    [InlineData(480, 440)]
    [InlineData(1200, 800)]
    public void TheLayout_IsClean_FromAPhoneToAWideScreen(int width, int height)
    {
        var layout = Plot().Layout(width, height);
        LayoutAudit.Problems(layout).ShouldBeEmpty();
        layout.ColorBar.ShouldNotBeNull();
        layout.ColorBar.Bar.Left.ShouldBeGreaterThan(layout.PlotArea.Right);
        layout.Texts.Where(t => t.Role == "colorbar").Select(t => t.Text).ShouldBe(["0", "0.5", "1"]);
    }

    [GeneratedRegex("<path fill=\"(#[0-9a-f]{6})\" d=\"M")]
    private static partial Regex FillPath();
}
