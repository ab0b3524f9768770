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
    public void AStraightLine_IsSampledWithAnEighthOfThePoints_AndDrawnTheSame()
    {
        var curveFigure = Line(straight: false);
        var straightFigure = Line(straight: true);
        var curve = curveFigure.Layout(640, 480);
        var straight = straightFigure.Layout(640, 480);
        var dense = curve.SampleFunction((FunctionSeries)curveFigure.Series[0]);
        var sparse = straight.SampleFunction((FunctionSeries)straightFigure.Series[0]);

        sparse.Count.ShouldBeLessThan(dense.Count / 6);
        sparse.Count.ShouldBeGreaterThan(10); // still enough points for the legend and the notes to see the line
        sparse[0].ShouldBe(dense[0]);
        sparse[^1].ShouldBe(dense[^1]);
        DrawnPoints(straight).ShouldBe(DrawnPoints(curve));
    }

    /// <summary>A figure of one line series through <paramref name="points"/>, laid out at 640 × 480.</summary>
    private static FigureLayout Polyline(DataPoint[] points, double yMin = -2, double yMax = 2)
    {
        var figure = new Figure("data", "a line");
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (0, points.Length - 1, yMin, yMax);
        figure.Add(new LineSeries("model", points) { TestId = "model-line" });
        return figure.Layout(640, 480);
    }

    private static double DistanceToPolyline((double X, double Y) p, (double X, double Y)[] line)
    {
        var best = double.PositiveInfinity;
        for (var i = 1; i < line.Length; i++)
        {
            var (a, b) = (line[i - 1], line[i]);
            var (dx, dy) = (b.X - a.X, b.Y - a.Y);
            var t = (dx * dx) + (dy * dy) == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
            best = Math.Min(best, Math.Sqrt(Math.Pow(p.X - (a.X + (t * dx)), 2) + Math.Pow(p.Y - (a.Y + (t * dy)), 2)));
        }

        return best;
    }

    [Fact]
    public void AFlatStretchOfAThousandPoints_IsDrawnAsAFewSegments()
    {
        var flat = Enumerable.Range(0, 1000).Select(i => new DataPoint(i, i < 100 ? 1.5 - (i / 100.0) : 0.5)).ToArray();
        var drawn = DrawnPoints(Polyline(flat));

        drawn.Length.ShouldBeLessThan(10);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void EveryPointOfACurve_LiesWithinEightTenthsOfAPixelOfItsDrawing_AndTheEndsAreDrawn(int seed)
    {
        // A random walk with turns, spikes that go back, and gentle bends: every kind of stretch.
        var random = new Random(seed);
        var y = 0.0;
        var points = Enumerable.Range(0, 2000).Select(i =>
        {
            y += (random.NextDouble() - 0.5) * (i % 300 < 150 ? 0.002 : 0.05);
            return new DataPoint(i, Math.Sin(i / 200.0) + y);
        }).ToArray();
        var layout = Polyline(points, -4, 4);
        var drawn = DrawnPoints(layout);

        foreach (var p in points)
        {
            // Half a pixel in x and in y near the last point drawn (√2 · 0.5), or twice the straight stretch's tolerance, and
            // the tenth of a pixel the numbers are written to.
            DistanceToPolyline(layout.ToPixel(p), drawn).ShouldBeLessThan(0.71 + 0.08);
        }

        drawn[0].X.ShouldBe(layout.ToPixel(points[0]).X, 0.05);
        drawn[^1].X.ShouldBe(layout.ToPixel(points[^1]).X, 0.05);
        drawn[^1].Y.ShouldBe(layout.ToPixel(points[^1]).Y, 0.05);
        drawn.Length.ShouldBeLessThan(points.Length);
    }

    [Fact]
    public void APathThatTurnsBack_KeepsItsTurn()
    {
        // Along x and back again: the far end must be drawn, though every point is on one line.
        DataPoint[] there = [new(0, 0), new(1, 0), new(2, 0), new(3, 0), new(2, 0), new(1, 0)];
        var layout = Polyline(there);
        var drawn = DrawnPoints(layout);

        drawn.Max(p => p.X).ShouldBe(layout.ToPixel(there[3]).X, 0.05);
        drawn[^1].X.ShouldBe(layout.ToPixel(there[^1]).X, 0.05);
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
