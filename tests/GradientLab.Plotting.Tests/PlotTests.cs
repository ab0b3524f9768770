using GradientLab.Plotting;

namespace GradientLab.Plotting.Tests;

public sealed class PlotTests
{
    [Fact]
    public void ClickPixels_MapBackToTheDataUnderThem()
    {
        var plot = Plot.Create(600, 400, new DataRect(-100, 300, 0, 1000));
        var pixelX = plot.X.ToPixel(134.5);
        var pixelY = plot.Y.ToPixel(71.3);
        var data = plot.ToData(pixelX, pixelY);
        data.X.ShouldBe(134.5, 1e-9);
        data.Y.ShouldBe(71.3, 1e-9);
        plot.InArea(pixelX, pixelY).ShouldBeTrue();
        plot.InArea(2, 2).ShouldBeFalse();
    }

    [Fact]
    public void TheSvg_HasAxesLabelsTicksAndTheTestId()
    {
        var svg = Plot.Create(500, 300, new DataRect(0, 5, 0, 700))
            .Axes("size (1000 sq ft)", "price ($1000s)")
            .Points([new DataPoint(2.104, 399.9)])
            .Line([new DataPoint(0, 100), new DataPoint(5, 600)])
            .ToSvg(testId: "data-plot", standalone: true);
        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"500\" height=\"300\"");
        svg.ShouldContain("data-testid=\"data-plot\"");
        svg.ShouldContain(">size (1000 sq ft)</text>");
        svg.ShouldContain(">price ($1000s)</text>");
        svg.ShouldContain(">600</text>");
        svg.ShouldContain("<circle cx=");
        svg.ShouldEndWith("</svg>");
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
    }

    [Fact]
    public void NonFinitePoints_BreakTheLineInsteadOfDrawingNaN()
    {
        var svg = Plot.Create(400, 300, new DataRect(0, 10, 1, 1000), logY: true)
            .Line([new DataPoint(0, 10), new DataPoint(1, double.NaN), new DataPoint(2, 0), new DataPoint(3, 100), new DataPoint(4, 50)])
            .ToSvg();
        svg.ShouldNotContain("NaN");
        svg.ShouldNotContain("Infinity");
        svg.ShouldContain("M70 ");
    }

    [Fact]
    public void TextIsEscaped()
    {
        var svg = Plot.Create(400, 300, new DataRect(0, 1, 0, 1)).Axes("a < b & c", "y").ToSvg();
        svg.ShouldContain("a &lt; b &amp; c");
        System.Xml.Linq.XDocument.Parse(svg);
    }
}
