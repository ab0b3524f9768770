using System.Xml.Linq;
using GradientLab.Plotting;

namespace GradientLab.Plotting.Tests;

public sealed class PlotTests
{
    private static Figure Axes(double xMin, double xMax, double yMin, double yMax, string xTitle = "x", string yTitle = "y")
    {
        var figure = new Figure("plot", "test");
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (xMin, xMax, yMin, yMax);
        figure.X.Title = xTitle;
        figure.Y.Title = yTitle;
        return figure;
    }

    [Fact]
    public void ClickPixels_MapBackToTheDataUnderThem()
    {
        var layout = Axes(-100, 300, 0, 1000).Layout(600, 400);
        var (pixelX, pixelY) = layout.ToPixel(new DataPoint(134.5, 71.3));
        var data = layout.ToData(pixelX, pixelY);
        data.X.ShouldBe(134.5, 1e-9);
        data.Y.ShouldBe(71.3, 1e-9);
        layout.InPlotArea(pixelX, pixelY).ShouldBeTrue();
        layout.InPlotArea(2, 2).ShouldBeFalse();
    }

    [Fact]
    public void TheSvg_HasAxesLabelsTicksAndTheTestId()
    {
        var figure = Axes(0, 5, 0, 700, "size (1000 sq ft)", "price ($1000s)");
        figure.Add(new ScatterSeries("houses", [new DataPoint(2.104, 399.9)]));
        figure.Add(new LineSeries("line", [new DataPoint(0, 100), new DataPoint(5, 600)]));
        var svg = figure.ToSvg(500, 300, new SvgOptions(TestId: "data-plot", Standalone: true));
        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" height=\"300\"");
        svg.ShouldContain("data-testid=\"data-plot\"");
        svg.ShouldContain(">size (1000 sq ft)</text>");
        svg.ShouldContain(">price ($1000s)</text>");
        svg.ShouldContain(">700</text>");
        XDocument.Parse(svg);
    }

    [Fact]
    public void NonFinitePoints_BreakTheLineInsteadOfDrawingNaN()
    {
        var figure = Axes(0, 10, 1, 1000);
        figure.Y.Scale = ScaleKind.Log;
        figure.Add(new LineSeries("l", [new DataPoint(0, 10), new DataPoint(1, double.NaN), new DataPoint(2, 0), new DataPoint(3, 100), new DataPoint(4, 50)]));
        var svg = figure.ToSvg(400, 300);
        svg.ShouldNotContain("NaN");
        svg.ShouldNotContain("Infinity");
        // Three pieces: before the NaN, and from 100 on (0 cannot be placed on a log axis); the lone 10 is a move only.
        var d = XDocument.Parse(svg).Descendants().Single(e => (string?)e.Attribute("data-name") == "l").Elements().First().Attribute("d")!.Value;
        d.Count(c => c == 'M').ShouldBe(2);
        d.Count(c => c == 'L').ShouldBe(1);
    }

    [Fact]
    public void TextIsEscaped()
    {
        var svg = Axes(0, 1, 0, 1, "a < b & c").ToSvg(400, 300);
        svg.ShouldContain("a &lt; b &amp; c");
        XDocument.Parse(svg);
    }
}
