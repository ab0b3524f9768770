using System.Xml.Linq;

namespace GradientLab.Plotting.Tests;

public sealed class FigureTests
{
    private static readonly int[] Widths = [390, 1440, 2560];

    private static Figure Housing()
    {
        // The Portland sizes and prices of REFERENCE.md's live demo, in their units.
        DataPoint[] houses = [new(2.104, 399.9), new(1.6, 329.9), new(2.4, 369), new(1.416, 232), new(3, 539.9), new(1.985, 299.9), new(1.534, 314.9), new(4.478, 699.9), new(0.852, 179.9)];
        var figure = new Figure("data", "House prices against size");
        figure.X.Title = "size (1000 sq ft)";
        figure.Y.Title = "price ($1000s)";
        figure.X.IncludeZero = true;
        figure.Add(new ScatterSeries("houses", houses) { CssClass = "gl-data", InLegend = true });
        figure.Add(new FunctionSeries("model", x => 70 + (140 * x)) { InLegend = true, Layer = FigureLayer.Dynamic });
        figure.Add(new Annotation("f(1.25) = 245", new DataPoint(1.25, 245)) { Layer = FigureLayer.Dynamic, TestId = "prediction-note" });
        return figure;
    }

    [Fact]
    public void Every_text_has_its_own_place_at_every_width()
    {
        foreach (var width in Widths)
        {
            var layout = Housing().Layout(width, width * 3 / 4);
            LayoutAudit.Problems(layout).ShouldBeEmpty($"at {width} px");
            layout.Texts.ShouldContain(t => t.Role == "annotation");
        }
    }

    [Fact]
    public void Text_grows_with_the_figure_and_never_falls_below_13_px()
    {
        Housing().Layout(390, 300).FontSize.ShouldBeGreaterThanOrEqualTo(13);
        Housing().Layout(2560, 1400).FontSize.ShouldBeGreaterThan(Housing().Layout(390, 300).FontSize + 5);
    }

    [Fact]
    public void The_left_margin_is_as_wide_as_the_longest_tick_label()
    {
        Figure Of(double scale)
        {
            var figure = new Figure("f", "t");
            figure.Y.Title = "y";
            figure.Add(new LineSeries("l", [new(0, 0), new(1, scale)]));
            return figure;
        }

        var narrow = Of(1).Layout(600, 400);
        var wide = Of(123_456).Layout(600, 400);
        var widest = wide.Texts.Where(t => t.Role == "tick-y").Max(t => t.Box.Width);
        (wide.PlotArea.Left - narrow.PlotArea.Left).ShouldBe(widest - narrow.Texts.Where(t => t.Role == "tick-y").Max(t => t.Box.Width), 1e-9);
    }

    [Fact]
    public void Losses_over_more_than_three_decades_get_a_log_axis_and_others_a_linear_one()
    {
        Figure Loss(double last)
        {
            var figure = new Figure("loss", "loss");
            figure.Y.Scale = ScaleKind.Auto;
            figure.Add(new LineSeries("J", [.. Enumerable.Range(0, 50).Select(i => new DataPoint(i, 1 + ((last - 1) * i / 49)))]));
            return figure;
        }

        Loss(1.6e11).Layout(600, 300).YLog.ShouldBeTrue();
        Loss(900).Layout(600, 300).YLog.ShouldBeFalse();
        Loss(1.6e11).ToSvg(600, 300).ShouldContain("class=\"axis-y\" data-scale=\"log\"");
    }

    [Fact]
    public void An_axis_whose_values_are_all_equal_widens_instead_of_printing_float_noise()
    {
        var figure = new Figure("flat", "flat");
        figure.Add(new LineSeries("w", [new(0, 1e-16), new(1, -1e-16), new(2, 0)]));
        var layout = figure.Layout(500, 300);
        (layout.Domain.YMax - layout.Domain.YMin).ShouldBeGreaterThanOrEqualTo(1);
        layout.YTicks.ShouldAllBe(t => !t.Label.Contains("e-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_legend_goes_to_a_corner_without_data_or_outside_when_every_corner_has_some()
    {
        var sparse = new Figure("a", "a");
        sparse.Add(new LineSeries("diagonal", [.. Enumerable.Range(0, 100).Select(i => new DataPoint(i, i))]) { InLegend = true });
        var layout = sparse.Layout(600, 400);
        layout.LegendOutside.ShouldBeFalse();
        LayoutAudit.Problems(layout).ShouldBeEmpty();

        var everywhere = new Figure("b", "b");
        var random = new Random(7);
        everywhere.Add(new ScatterSeries("noise", [.. Enumerable.Range(0, 3000).Select(_ => new DataPoint(random.NextDouble(), random.NextDouble()))]) { InLegend = true });
        everywhere.Add(new LineSeries("trend", [new(0, 0), new(1, 1)]) { InLegend = true });
        var crowded = everywhere.Layout(600, 400);
        crowded.LegendOutside.ShouldBeTrue();
        crowded.LegendBox!.Value.Top.ShouldBeGreaterThan(crowded.PlotArea.Bottom);
        LayoutAudit.Problems(crowded).ShouldBeEmpty();
    }

    [Fact]
    public void A_series_named_twice_is_listed_once()
    {
        var figure = new Figure("d", "d");
        for (var i = 0; i < 5; i++)
        {
            figure.Add(new LineSeries("1", [new(i, 0), new(i, 1)]) { InLegend = true });
        }

        figure.Layout(500, 300).LegendEntries.Count.ShouldBe(1);
    }

    [Fact]
    public void A_note_about_a_point_above_the_view_stays_inside_and_points_up()
    {
        var figure = new Figure("n", "n");
        figure.Y.Min = 0;
        figure.Y.Max = 10;
        figure.Add(new LineSeries("l", [new(0, 0), new(10, 10)]));
        figure.Add(new Annotation("f(5) = 1e6", new DataPoint(5, 1e6)));
        var layout = figure.Layout(500, 300);
        var note = layout.Texts.Single(t => t.Role == "annotation");
        note.Text.ShouldEndWith("↑");
        note.Box.Top.ShouldBeGreaterThanOrEqualTo(layout.PlotArea.Top);
        note.Box.Bottom.ShouldBeLessThanOrEqualTo(layout.PlotArea.Bottom);
    }

    [Fact]
    public void A_note_with_no_clear_place_in_the_plot_is_written_above_it_rather_than_on_the_data_or_left_out()
    {
        var figure = new Figure("n", "n");
        // A dense zigzag fills the plot area: every place beside the point and every free spot covers drawn points.
        figure.Add(new LineSeries("zigzag", [.. Enumerable.Range(0, 400).Select(i => new DataPoint(i / 4.0, i % 8))]));
        figure.Add(new LineSeries("grid", [.. Enumerable.Range(0, 2000).Select(i => new DataPoint((i % 100) + 0.5, (i / 100 * 0.4) + 0.2))]));
        figure.Add(new Annotation("a long note about the point", new DataPoint(50, 4)));
        var layout = figure.Layout(300, 220);
        var note = layout.Texts.Single(t => t.Role == "annotation");
        note.Box.Bottom.ShouldBeLessThanOrEqualTo(layout.PlotArea.Top, "docked in the strip above the plot");
        LayoutAudit.Problems(layout).ShouldBeEmpty();
    }

    [Fact]
    public void The_svg_says_what_each_part_is()
    {
        var figure = new Figure("contour", "Cost J(w, b) with the descent path") { Description = "Step 3 of 100: w = 1, b = 2.", ColorBarTitle = "J (cost)" };
        figure.X.Title = "w";
        figure.Y.Title = "b";
        figure.Add(new ContourSeries("J", (w, b) => (w * w) + (3 * b * b), new DataRect(-2, 2, -2, 2), 0));
        figure.Add(new PathSeries("path", [new(1.8, 1.5), new(1, 0.4), new(0.5, 0.1)]) { CssClass = "gl-path", Layer = FigureLayer.Dynamic, InLegend = true });
        figure.Add(new MarkerSeries("minimum", new DataPoint(0, 0), MarkerShape.Star) { CssClass = "gl-minimum", InLegend = true });
        var xml = XElement.Parse(figure.ToSvg(640, 480, new SvgOptions(Standalone: true)));
        XNamespace svg = "http://www.w3.org/2000/svg";
        xml.Elements(svg + "title").Single().Value.ShouldBe("Cost J(w, b) with the descent path");
        xml.Elements(svg + "desc").Single().Value.ShouldBe("Step 3 of 100: w = 1, b = 2.");
        xml.Descendants(svg + "rect").Count(e => Classes(e).Contains("plot-area")).ShouldBe(1);
        xml.Descendants(svg + "circle").Count(e => Classes(e).Contains("current-point")).ShouldBe(1);
        xml.Descendants(svg + "g").Where(e => Classes(e).Contains("series")).Select(e => (string?)e.Attribute("data-name")).ShouldBe(["J", "path", "minimum"], ignoreOrder: true);
        xml.Descendants(svg + "g").Single(e => Classes(e).Contains("axis-x")).Attribute("data-scale")!.Value.ShouldBe("linear");
        xml.Descendants(svg + "g").Single(e => Classes(e).Contains("colorbar")).Descendants(svg + "rect").Count().ShouldBeGreaterThan(10);
        LayoutAudit.Problems(figure.Layout(640, 480)).ShouldBeEmpty();
    }

    [Fact]
    public void The_static_and_dynamic_layers_split_the_drawing_and_share_one_layout()
    {
        var figure = Housing();
        var still = figure.ToSvg(600, 400, new SvgOptions(FigureLayer.Static));
        var moving = figure.ToSvg(600, 400, new SvgOptions(FigureLayer.Dynamic));
        still.ShouldContain("data-name=\"houses\"");
        still.ShouldNotContain("data-name=\"model\"");
        moving.ShouldContain("data-name=\"model\"");
        moving.ShouldNotContain("class=\"axis-x\"");
        moving.ShouldContain("<desc");
        still.ShouldContain("aria-hidden=\"true\"");
    }

    [Fact]
    public void A_path_of_many_steps_costs_what_its_pixels_cost()
    {
        // 100,000 iterates crawling along a curve: the drawing keeps about one point per pixel it crosses.
        var steps = Enumerable.Range(0, 100_000).Select(i => new DataPoint(Math.Cos(i * 1e-5), Math.Sin(i * 1e-5))).ToList();
        var figure = new Figure("p", "p");
        figure.Add(new PathSeries("path", steps));
        var svg = figure.ToSvg(600, 400);
        svg.Length.ShouldBeLessThan(40_000);
    }

    [Fact]
    public void Colour_bar_levels_a_millionth_apart_each_get_their_own_label()
    {
        // A plateau's cost: J from 0.999904 to 0.999909 over the view, as the saturated neuron's (x = 2, y = 1, w near −5).
        var figure = new Figure("plateau", "a flat cost") { ColorBarTitle = "J (cost)" };
        figure.Add(new ContourSeries("J", (w, b) => 0.999904 + (0.000005 * ((w + 1) / 2)), new DataRect(-1, 1, -1, 1)));
        var xml = XElement.Parse(figure.ToSvg(430, 330, new SvgOptions(Standalone: true)));
        XNamespace svg = "http://www.w3.org/2000/svg";
        var labels = xml.Descendants(svg + "g").Single(e => Classes(e).Contains("colorbar")).Descendants(svg + "text")
            .Select(t => t.Value).Where(v => v.StartsWith("0.99", StringComparison.Ordinal)).ToList();
        labels.Count.ShouldBeGreaterThan(3);
        labels.Distinct(StringComparer.Ordinal).Count().ShouldBe(labels.Count, string.Join(", ", labels));
    }

    private static string[] Classes(XElement element) => ((string?)element.Attribute("class") ?? "").Split(' ');
}

public sealed class SurfaceViewTests
{
    private static SurfaceView Bowl(double azimuth) => new("s", "bowl", (x, y) => (x * x) + (4 * y * y), new DataRect(-2, 2, -2, 2))
    {
        Azimuth = azimuth,
        XTitle = "w",
        YTitle = "b",
        ZTitle = "J",
        Path = [new(1.8, 1.5), new(1.2, -0.6), new(0.7, 0.3), new(0.3, -0.1)],
    };

    [Theory]
    [InlineData(-55)]
    [InlineData(30)]
    [InlineData(150)]
    [InlineData(-140)]
    public void From_every_side_the_mesh_path_and_axes_are_drawn_and_no_texts_collide(double azimuth)
    {
        var view = Bowl(azimuth);
        var xml = System.Xml.Linq.XElement.Parse(view.ToSvg(600, 450));
        XNamespace svg = "http://www.w3.org/2000/svg";
        xml.Descendants(svg + "g").Single(e => (string?)e.Attribute("data-name") == "surface").Elements(svg + "path").Count().ShouldBe(28 * 28);
        xml.Descendants(svg + "circle").Count(e => ((string?)e.Attribute("class") ?? "").Contains("current-point", StringComparison.Ordinal)).ShouldBe(1);
        view.Texts.Where(t => t.Role == "title").Select(t => t.Text).ShouldBe(["w", "b", "J"], ignoreOrder: true);
        for (var i = 0; i < view.Texts.Count; i++)
        {
            var box = view.Texts[i].Box;
            (box.Left >= 0 && box.Right <= 600 && box.Top >= 0 && box.Bottom <= 450).ShouldBeTrue($"'{view.Texts[i].Text}' leaves the figure");
            for (var j = i + 1; j < view.Texts.Count; j++)
            {
                FigureLayout.Overlap(box, view.Texts[j].Box).ShouldBeFalse($"'{view.Texts[i].Text}' overlaps '{view.Texts[j].Text}'");
            }
        }
    }

    [Fact]
    public void Turning_the_view_moves_the_picture()
    {
        Bowl(-55).ToSvg(600, 450).ShouldNotBe(Bowl(35).ToSvg(600, 450));
    }
}
