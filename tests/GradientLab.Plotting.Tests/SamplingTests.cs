using System.Xml.Linq;

namespace GradientLab.Plotting.Tests;

/// <summary>How function curves are sampled, and what a layout keeps so a frame redrawn at every step works it out once.</summary>
public sealed class SamplingTests
{
    private static Figure Line(bool straight)
    {
        var figure = new Figure("data", "a line");
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (0, 5, 0, 800);
        figure.Add(new FunctionSeries("model", x => 70 + (140 * x)) { Straight = straight, TestId = "model-line", Layer = FigureLayer.Dynamic });
        return figure;
    }

    private static (double X, double Y)[] DrawnPoints(FigureLayout layout)
    {
        var svg = XDocument.Parse(SvgRenderer.Render(layout, new SvgOptions()));
        var d = svg.Descendants().Single(e => (string?)e.Attribute("data-testid") == "model-line").Descendants().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        return [.. d.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(' ')).Select(p => (double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    [Fact]
    public void AStraightLine_IsDrawnWithAnEighthOfThePoints_AndIsTheSameLine()
    {
        var curve = Line(straight: false).Layout(640, 480);
        var straight = Line(straight: true).Layout(640, 480);
        var dense = DrawnPoints(curve);
        var sparse = DrawnPoints(straight);

        sparse.Length.ShouldBeLessThan(dense.Length / 6);
        sparse.Length.ShouldBeGreaterThan(10); // still enough points for the legend and the notes to see the line
        // It starts and ends where the densely sampled line does, and every point lies on it (to the drawn tenth of a pixel).
        sparse[0].ShouldBe(dense[0]);
        sparse[^1].ShouldBe(dense[^1]);
        foreach (var (x, y) in sparse)
        {
            var along = (x - dense[0].X) / (dense[^1].X - dense[0].X);
            y.ShouldBe(dense[0].Y + (along * (dense[^1].Y - dense[0].Y)), 0.15);
        }
    }

    [Fact]
    public void ACurve_IsSampledAboutEveryTwoPixels_EvenWhenCalledStraightOnALogAxis()
    {
        var figure = Line(straight: true);
        (figure.X.Min, figure.X.Scale) = (0.01, ScaleKind.Log);
        var layout = figure.Layout(640, 480);
        layout.SampleFunction((FunctionSeries)figure.Series[0]).Count.ShouldBeGreaterThan((int)(layout.PlotArea.Width / 2) - 2);
    }

    [Fact]
    public void AFunction_IsSampledOncePerLayout()
    {
        var calls = 0;
        var figure = new Figure("f", "x²");
        (figure.X.Min, figure.X.Max) = (-2, 2);
        var series = new FunctionSeries("x²", x =>
        {
            calls++;
            return x * x;
        }) { InLegend = true };
        figure.Add(series);
        var layout = figure.Layout(640, 480);
        var afterLayout = calls;
        _ = SvgRenderer.Render(layout, new SvgOptions());
        _ = layout.SampleFunction(series);

        calls.ShouldBe(afterLayout);
        layout.SampleFunction(series).ShouldBeSameAs(layout.SampleFunction(series));
    }

    [Fact]
    public void TheLevelsOfAContourSeries_AreWorkedOutOncePerGrid()
    {
        var contours = new ContourSeries("J", (x, y) => (x * x) + (4 * y * y), new DataRect(-2, 2, -2, 2), floor: 0);
        Figure At(int step)
        {
            var figure = new Figure("c", $"step {step}");
            figure.Add(contours);
            figure.Add(new PathSeries("path", [new(-1.5, 1), new(-1, 0.5 / step)]) { Layer = FigureLayer.Dynamic });
            return figure;
        }

        var first = At(1).Layout(640, 480);
        var second = At(2).Layout(640, 480);

        second.ContourLines[0].Levels.ShouldBeSameAs(first.ContourLines[0].Levels);
        second.Texts.Where(t => t.Role == "colorbar").Select(t => t.Text).ShouldBe(first.Texts.Where(t => t.Role == "colorbar").Select(t => t.Text));
        first.ContourLines[0].Levels.Count.ShouldBeGreaterThan(5);
    }
}
