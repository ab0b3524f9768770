using System.Globalization;
using System.Text;

namespace GradientLab.Plotting;

/// <summary>
/// Draws a <see cref="FigureLayout"/> as SVG that says what each part is: the plot area is <c>rect.plot-area</c>, each
/// series a <c>.series</c> with <c>data-name</c>, a path's current point <c>circle.current-point</c>, the axes
/// <c>g.axis-x</c> / <c>g.axis-y</c> with <c>data-scale</c>, and the figure has a <c>&lt;title&gt;</c> and a
/// <c>&lt;desc&gt;</c>. Colours come from CSS classes (the page themes them; <see cref="DefaultStyle"/> is written into
/// standalone files); sizes and the font are attributes, so the text measured is the text drawn.
/// </summary>
public static class SvgRenderer
{
    /// <summary>CSS for standalone figures (the web page brings its own, themed, with the same class names).</summary>
    public const string DefaultStyle =
        ".gl-axis{stroke:#444;stroke-width:1}.gl-grid{stroke:#e3e3e3;stroke-width:1}.gl-tick{fill:#333}.gl-label{fill:#222}" +
        ".gl-data{fill:#1f77b4;fill-opacity:.75}.gl-line{stroke:#d62728;stroke-width:2.5;fill:none}" +
        ".gl-path{stroke:#d62728;stroke-width:1.8;fill:none}.gl-current{fill:#d62728;stroke:#fff;stroke-width:1.5}" +
        ".gl-minimum{fill:#fff;stroke:#111;stroke-width:2}.gl-start-mark{fill:none;stroke:#111;stroke-width:2}.gl-note{fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}" +
        ".gl-marker-line{stroke:#888;stroke-dasharray:4 3;fill:none}.gl-bowl-fast{stroke:#e69f00;stroke-width:2.5;stroke-dasharray:8 4;fill:none}.gl-bowl-slow{stroke:#009e73;stroke-width:2.5;stroke-dasharray:2 4;fill:none}.gl-legend{fill:#fff;fill-opacity:.9;stroke:#ccc}" +
        ".gl-loss{stroke:#1f6feb;stroke-width:2;fill:none}.gl-curve{stroke:#777;stroke-width:1.8;fill:none}.gl-prediction{stroke:#d62728;stroke-width:1.5;fill:none}" +
        ".gl-tangent{stroke:#e67e22;stroke-width:2;stroke-dasharray:6 4;fill:none}.gl-next{fill:#2e7d32}.gl-velocity{stroke:#6a3d9a;stroke-width:2;fill:none}" +
        ".gl-s1{stroke:#0072b2;stroke-width:2;fill:none}.gl-s2{stroke:#d55e00;stroke-width:2;fill:none}.gl-s3{stroke:#009e73;stroke-width:2;fill:none}" +
        ".gl-s4{stroke:#cc79a7;stroke-width:2;fill:none}.gl-s5{stroke:#e69f00;stroke-width:2;fill:none}.gl-s6{stroke:#56b4e9;stroke-width:2;fill:none}.gl-s7{stroke:#111;stroke-width:2;fill:none}" +
        ".gl-boundary{stroke:#111;stroke-width:2.2;fill:none}.gl-class0{fill:#0b4f8c;stroke:#fff;stroke-width:.8}.gl-class1{fill:none;stroke:#8a3500;stroke-width:2.2}" +
        ".gl-s1-dot{fill:#0072b2}.gl-s2-dot{fill:#d55e00}.gl-s3-dot{fill:#009e73}.gl-s4-dot{fill:#cc79a7}.gl-s5-dot{fill:#e69f00}.gl-s6-dot{fill:#56b4e9}.gl-s7-dot{fill:#111}";

    /// <summary>The SVG of a laid-out figure.</summary>
    public static string Render(FigureLayout layout, SvgOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        var figure = layout.Figure;
        var id = figure.Id;
        var layer = options.Layer;
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{layout.Width}\" height=\"{layout.Height}\" viewBox=\"0 0 {layout.Width} {layout.Height}\" font-family=\"{FontMetrics.FamilyList}\"");
        if (options.CssClass is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" class=\"{Escape(options.CssClass)}\"");
        }

        if (options.TestId is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" data-testid=\"{Escape(options.TestId)}\"");
        }

        if (layer == FigureLayer.Static)
        {
            // The dynamic layer above it carries the title and the description of what the figure shows now.
            svg.Append(" aria-hidden=\"true\">");
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture, $" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
            svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Escape(figure.Title)}</title><desc id=\"{id}-desc\">{Escape(figure.Description)}</desc>");
        }

        if (options.Standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<style>{DefaultStyle}</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        }

        var a = layout.PlotArea;
        svg.Append(CultureInfo.InvariantCulture, $"<defs><clipPath id=\"{id}-clip\"><rect x=\"{N(a.Left)}\" y=\"{N(a.Top)}\" width=\"{N(a.Width)}\" height=\"{N(a.Height)}\"/></clipPath></defs>");

        if (layer != FigureLayer.Dynamic)
        {
            Axes(svg, layout);
        }

        // What stays from step to step comes first and whole (axes, static series, frame, colour bar), then what moves:
        // a file or an animation frame shares its first part with the frames before it.
        if (layer != FigureLayer.Dynamic)
        {
            SeriesGroup(svg, layout, FigureLayer.Static);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"plot-area gl-axis\" fill=\"none\" x=\"{N(a.Left)}\" y=\"{N(a.Top)}\" width=\"{N(a.Width)}\" height=\"{N(a.Height)}\"/>");
            ColorBar(svg, layout);
            foreach (var text in layout.Texts.Where(t => t.Role == "banner"))
            {
                Text(svg, text);
            }
        }

        if (layer != FigureLayer.Static)
        {
            SeriesGroup(svg, layout, FigureLayer.Dynamic);
        }

        var legendLayer = figure.Series.Any(s => s.InLegend && s.Layer == FigureLayer.Dynamic) ? FigureLayer.Dynamic : FigureLayer.Static;
        if (layer == FigureLayer.All || layer == legendLayer)
        {
            Legend(svg, layout);
        }

        foreach (var text in layout.Texts.Where(t => t.Role == "annotation" && t.Source is { } source && source.Drawn(layer)))
        {
            Text(svg, text);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void SeriesGroup(StringBuilder svg, FigureLayout layout, FigureLayer layer)
    {
        var drawn = layout.Figure.Series.Where(s => s.Layer == layer && s is not Annotation).ToList();
        if (drawn.Count == 0)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g clip-path=\"url(#{layout.Figure.Id}-clip)\">");
        foreach (var series in drawn)
        {
            Series(svg, layout, series);
        }

        svg.Append("</g>");
    }

    private static void Axes(StringBuilder svg, FigureLayout layout)
    {
        var a = layout.PlotArea;
        Axis(svg, layout, "x", layout.XLog, layout.XTicks, layout.Figure.X.Grid, tick =>
        {
            var x = layout.X.ToPixel(tick);
            return ((x, a.Top, x, a.Bottom), (x, a.Bottom, x, a.Bottom + 5));
        });
        Axis(svg, layout, "y", layout.YLog, layout.YTicks, layout.Figure.Y.Grid, tick =>
        {
            var y = layout.Y.ToPixel(tick);
            return ((a.Left, y, a.Right, y), (a.Left - 5, y, a.Left, y));
        });
    }

    /// <summary>One axis: its grid lines and tick marks (each a line from <paramref name="linesAt"/>), its tick labels and title.</summary>
    private static void Axis(
        StringBuilder svg,
        FigureLayout layout,
        string name,
        bool log,
        IReadOnlyList<Tick> ticks,
        bool grid,
        Func<double, ((double X1, double Y1, double X2, double Y2) Grid, (double X1, double Y1, double X2, double Y2) Mark)> linesAt)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis-{name}\" data-scale=\"{(log ? "log" : "linear")}\">");
        foreach (var tick in ticks)
        {
            var (gridLine, mark) = linesAt(tick.Value);
            if (grid)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"gl-grid\" x1=\"{N(gridLine.X1)}\" y1=\"{N(gridLine.Y1)}\" x2=\"{N(gridLine.X2)}\" y2=\"{N(gridLine.Y2)}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"gl-axis\" x1=\"{N(mark.X1)}\" y1=\"{N(mark.Y1)}\" x2=\"{N(mark.X2)}\" y2=\"{N(mark.Y2)}\"/>");
        }

        foreach (var text in layout.Texts.Where(t => t.Role == $"tick-{name}" || t.Role == $"title-{name}"))
        {
            Text(svg, text);
        }

        svg.Append("</g>");
    }

    private static void Series(StringBuilder svg, FigureLayout layout, Series series)
    {
        switch (series)
        {
            case ContourSeries contour:
                Contour(svg, layout, contour);
                return;
            case HeatmapSeries heatmap:
                Heatmap(svg, layout, heatmap);
                return;
            case ReferenceLine reference:
            {
                var a = layout.PlotArea;
                Open(svg, series);
                if (reference.Vertical && layout.X.CanShow(reference.Value))
                {
                    var x = Clamp(layout.X.ToPixel(reference.Value));
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" y1=\"{N(a.Top)}\" x2=\"{N(x)}\" y2=\"{N(a.Bottom)}\"/>");
                }
                else if (!reference.Vertical && layout.Y.CanShow(reference.Value))
                {
                    var y = Clamp(layout.Y.ToPixel(reference.Value));
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(a.Left)}\" y1=\"{N(y)}\" x2=\"{N(a.Right)}\" y2=\"{N(y)}\"/>");
                }

                svg.Append("</g>");
                return;
            }

            case ScatterSeries scatter:
                Open(svg, series);
                foreach (var p in scatter.Points.Where(layout.CanShow))
                {
                    var (x, y) = layout.ToPixel(p);
                    svg.Append(Shape(scatter.Shape, Clamp(x), Clamp(y), scatter.Radius, null));
                }

                svg.Append("</g>");
                return;
            case MarkerSeries marker:
                if (layout.CanShow(marker.At))
                {
                    Open(svg, series);
                    var (x, y) = layout.ToPixel(marker.At);
                    svg.Append(Shape(marker.Shape, Clamp(x), Clamp(y), marker.Size, null));
                    svg.Append("</g>");
                }

                return;
            case FunctionSeries function:
                Open(svg, series);
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{PathData(layout, layout.SampleFunction(function), 0)}\"/></g>");
                return;
            case ArrowSeries arrow:
                Open(svg, series);
                Arrow(svg, layout, arrow.Points[0], arrow.Points[1]);
                svg.Append("</g>");
                return;
            case PathSeries path:
                PathSeries(svg, layout, path);
                return;
            case LineSeries line:
                Open(svg, series);
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{PathData(layout, line.Points, 0.5)}\"/>");
                if (line.DotRadius > 0)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{Escape(line.CssClass)}-dot\">");
                    foreach (var p in line.Points.Where(layout.CanShow))
                    {
                        var (x, y) = layout.ToPixel(p);
                        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(Clamp(x))}\" cy=\"{N(Clamp(y))}\" r=\"{N(line.DotRadius)}\"/>");
                    }

                    svg.Append("</g>");
                }

                svg.Append("</g>");
                return;
            default:
                return;
        }
    }

    private static void PathSeries(StringBuilder svg, FigureLayout layout, PathSeries path)
    {
        Open(svg, path);
        var points = path.Points;
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{PathData(layout, points, 0.5)}\"/>");
        var arrows = 0;
        for (var i = 1; i < points.Count && arrows < 60; i++)
        {
            if (path.ArrowAt(i - 1) && layout.CanShow(points[i - 1]) && layout.CanShow(points[i]))
            {
                arrows += Arrow(svg, layout, points[i - 1], points[i]) ? 1 : 0;
            }
        }

        svg.Append("</g>");
        if (path.ShowCurrent && points.Count > 0 && layout.CanShow(points[^1]))
        {
            var (x, y) = layout.ToPixel(points[^1]);
            var tooltip = path.CurrentTooltip is null ? "" : $"<title>{Escape(path.CurrentTooltip)}</title>";
            var testId = path.CurrentTestId is null ? "" : $" data-testid=\"{Escape(path.CurrentTestId)}\"";
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"current-point gl-current\"{testId} cx=\"{N(Clamp(x))}\" cy=\"{N(Clamp(y))}\" r=\"{N(path.CurrentRadius)}\">{tooltip}</circle>");
        }
    }

    private static bool Arrow(StringBuilder svg, FigureLayout layout, DataPoint from, DataPoint to)
    {
        if (!layout.CanShow(from) || !layout.CanShow(to))
        {
            return false;
        }

        var (x0, y0) = layout.ToPixel(from);
        var (x1, y1) = layout.ToPixel(to);
        var length = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0)));
        if (length < 8 || length > 1e5)
        {
            return false; // too short for a visible arrowhead, or far outside the view
        }

        var ux = (x1 - x0) / length;
        var uy = (y1 - y0) / length;
        var head = Math.Min(9, length * 0.45);
        double lx = x1 - (head * ux) + (head * 0.5 * uy), ly = y1 - (head * uy) - (head * 0.5 * ux);
        double rx = x1 - (head * ux) - (head * 0.5 * uy), ry = y1 - (head * uy) + (head * 0.5 * ux);
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"gl-arrowhead\" d=\"M{N(x0)} {N(y0)}L{N(x1)} {N(y1)}M{N(lx)} {N(ly)}L{N(x1)} {N(y1)}L{N(rx)} {N(ry)}\"/>");
        return true;
    }

    private static void Contour(StringBuilder svg, FigureLayout layout, ContourSeries series)
    {
        var traced = layout.ContourLines.FirstOrDefault(c => ReferenceEquals(c.Series, series));
        if (traced is null)
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series {Escape(series.CssClass)}\" data-name=\"{Escape(series.Name)}\" fill=\"none\" stroke-width=\"1.4\">");
        foreach (var line in traced.Lines.Where(l => l.Segments.Count > 0))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path stroke=\"{traced.ColorOf(line.Level)}\" d=\"{SegmentPath(layout, line)}\"><title>{Escape(series.Name)} = {Escape(NiceNumbers.Label(line.Level, 4))}</title></path>");
        }

        svg.Append("</g>");
    }

    /// <summary>
    /// A heat map: per colour band one path of rectangles, each a run of neighbouring cells of that band in one grid row
    /// (the cells meet half-way between samples), then its boundary lines.
    /// </summary>
    private static void Heatmap(StringBuilder svg, FigureLayout layout, HeatmapSeries series)
    {
        var grid = series.Grid;
        var (columns, rows) = (grid.Columns, grid.Rows);
        var bounds = grid.Bounds;
        var dx = (bounds.XMax - bounds.XMin) / (columns - 1);
        var dy = (bounds.YMax - bounds.YMin) / (rows - 1);
        var paths = new StringBuilder[series.BandCount];
        for (var r = 0; r < rows; r++)
        {
            var top = Clamp(layout.Y.ToPixel(grid.Y(r) + (dy / 2)));
            var bottom = Clamp(layout.Y.ToPixel(grid.Y(r) - (dy / 2)));
            var c = 0;
            while (c < columns)
            {
                var band = series.BandOf(grid.Values[r, c]);
                var end = c + 1;
                while (end < columns && series.BandOf(grid.Values[r, end]) == band)
                {
                    end++;
                }

                var left = Clamp(layout.X.ToPixel(grid.X(c) - (dx / 2)));
                var right = Clamp(layout.X.ToPixel(grid.X(end - 1) + (dx / 2)));
                var d = paths[band] ??= new StringBuilder();
                Number(d.Append('M'), left).Append(' ');
                Number(d, top).Append('H');
                Number(d, right).Append('V');
                Number(d, bottom).Append('H');
                Number(d, left).Append('Z');
                c = end;
            }
        }

        Open(svg, series);
        svg.Append("<g stroke=\"none\" shape-rendering=\"crispEdges\">");
        for (var band = 0; band < paths.Length; band++)
        {
            if (paths[band] is { } d)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{series.BandColor(band)}\" d=\"{d}\"/>");
            }
        }

        svg.Append("</g>");
        foreach (var line in series.BoundaryLines().Where(l => l.Segments.Count > 0))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"boundary\" fill=\"none\" d=\"{SegmentPath(layout, line)}\"><title>{Escape(series.Name)}: {Escape(NiceNumbers.Label(line.Level, 3))}</title></path>");
        }

        svg.Append("</g>");
    }

    /// <summary>The path data of a level curve's segments, each a move and a line.</summary>
    private static StringBuilder SegmentPath(FigureLayout layout, ContourLine line)
    {
        var d = new StringBuilder();
        foreach (var (from, to) in line.Segments)
        {
            var (x0, y0) = layout.ToPixel(from);
            var (x1, y1) = layout.ToPixel(to);
            d.Append(CultureInfo.InvariantCulture, $"M{N(x0)} {N(y0)}L{N(x1)} {N(y1)}");
        }

        return d;
    }

    private static void ColorBar(StringBuilder svg, FigureLayout layout)
    {
        if (layout.ColorBar is not { } bar)
        {
            return;
        }

        svg.Append("<g class=\"colorbar\">");
        var bandHeight = bar.Bar.Height / bar.Bands.Count;
        foreach (var (level, color, y) in bar.Bands)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(bar.Bar.Left)}\" y=\"{N(y)}\" width=\"{N(bar.Bar.Width)}\" height=\"{N(bandHeight + 0.5)}\" fill=\"{color}\"><title>{Escape(NiceNumbers.Label(level, 4))}</title></rect>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"gl-axis\" fill=\"none\" x=\"{N(bar.Bar.Left)}\" y=\"{N(bar.Bar.Top)}\" width=\"{N(bar.Bar.Width)}\" height=\"{N(bar.Bar.Height)}\"/>");
        foreach (var text in layout.Texts.Where(t => t.Role is "colorbar" or "colorbar-title"))
        {
            Text(svg, text);
        }

        svg.Append("</g>");
    }

    private static void Legend(StringBuilder svg, FigureLayout layout)
    {
        if (layout.LegendBox is not { } box)
        {
            return;
        }

        svg.Append("<g class=\"legend\">");
        if (!layout.LegendOutside)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"gl-legend\" x=\"{N(box.Left)}\" y=\"{N(box.Top)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"4\"/>");
        }

        var swatch = layout.FontSize * 1.8;
        foreach (var entry in layout.LegendEntries)
        {
            var series = entry.Series;
            var color = series.Color is null ? "" : $" stroke=\"{series.Color}\" fill=\"{series.Color}\"";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{Escape(series.CssClass)}\"{color}>");
            if (series is ScatterSeries or MarkerSeries)
            {
                var shape = series switch { MarkerSeries marker => marker.Shape, ScatterSeries scatter => scatter.Shape, _ => MarkerShape.Circle };
                svg.Append(Shape(shape, entry.SwatchX + (swatch / 2), entry.SwatchY, layout.FontSize * 0.32, null));
            }
            else
            {
                var lineColor = series is ContourSeries ? " stroke=\"#3b528b\"" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(entry.SwatchX)}\" y1=\"{N(entry.SwatchY)}\" x2=\"{N(entry.SwatchX + swatch)}\" y2=\"{N(entry.SwatchY)}\"{lineColor}/>");
            }

            svg.Append("</g>");
            Text(svg, entry.Label);
        }

        svg.Append("</g>");
    }

    private static void Open(StringBuilder svg, Series series)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series {Escape(series.CssClass)}\" data-name=\"{Escape(series.Name)}\"");
        if (series.TestId is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" data-testid=\"{Escape(series.TestId)}\"");
        }

        if (series.Color is not null)
        {
            svg.Append(series is ScatterSeries or MarkerSeries ? " fill=\"" : " stroke=\"").Append(series.Color).Append('"');
        }

        svg.Append('>');
        if (series.Tooltip is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(series.Tooltip)}</title>");
        }
    }

    private static void Text(StringBuilder svg, PlacedText text)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{text.CssClass}\"");
        if (text.TestId is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" data-testid=\"{Escape(text.TestId)}\"");
        }

        if (text.Rotated)
        {
            svg.Append(CultureInfo.InvariantCulture, $" x=\"{N(text.X)}\" y=\"{N(text.Baseline)}\" transform=\"rotate(-90 {N(text.X)} {N(text.Baseline)})\"");
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture, $" x=\"{N(text.X)}\" y=\"{N(text.Baseline)}\"");
        }

        svg.Append(CultureInfo.InvariantCulture, $" font-size=\"{N(text.Size)}\"");
        if (text.Bold)
        {
            svg.Append(" font-weight=\"bold\"");
        }

        if (text.Anchor != "start")
        {
            svg.Append(CultureInfo.InvariantCulture, $" text-anchor=\"{text.Anchor}\"");
        }

        svg.Append(CultureInfo.InvariantCulture, $">{Escape(text.Text)}</text>");
    }

    private static string Shape(MarkerShape shape, double x, double y, double size, string? css)
    {
        var cls = css is null ? "" : $" class=\"{css}\"";
        return shape switch
        {
            MarkerShape.Star => $"<path{cls} d=\"{Star(x, y, size)}\"/>",
            MarkerShape.Cross => $"<path{cls} d=\"M{N(x - size)} {N(y - size)}L{N(x + size)} {N(y + size)}M{N(x - size)} {N(y + size)}L{N(x + size)} {N(y - size)}\"/>",
            _ => $"<circle{cls} cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(size)}\"/>",
        };
    }

    private static string Star(double x, double y, double size)
    {
        var d = new StringBuilder();
        for (var k = 0; k < 10; k++)
        {
            var radius = k % 2 == 0 ? size * 1.6 : size * 0.7;
            var angle = (Math.PI / 2) + (k * Math.PI / 5);
            d.Append(k == 0 ? 'M' : 'L').Append(N(x + (radius * Math.Cos(angle)))).Append(' ').Append(N(y - (radius * Math.Sin(angle))));
        }

        return d.Append('Z').ToString();
    }

    /// <summary>
    /// Path data through the points the scales can show, skipping points within <paramref name="minStep"/> px of the last
    /// one drawn, and points along a straight stretch: a point is left out while every point since the last one drawn
    /// lies within <see cref="StraightTolerance"/> px of the line from it, going forward (a flat loss curve of a thousand
    /// points is a few segments). The first and the last point of each stretch the scales can show are always drawn.
    /// </summary>
    private static string PathData(FigureLayout layout, IReadOnlyList<DataPoint> points, double minStep)
    {
        var d = new StringBuilder();
        var pen = false;
        var pending = false;
        double anchorX = 0, anchorY = 0, pendingX = 0, pendingY = 0, pendingAlong = 0, dirX = 0, dirY = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            if (!layout.CanShow(p))
            {
                if (pending)
                {
                    LineTo(d, pendingX, pendingY);
                }

                (pen, pending) = (false, false);
                continue;
            }

            var (x, y) = layout.ToPixel(p);
            x = Clamp(x);
            y = Clamp(y);
            var last = i == points.Count - 1;
            if (!pen)
            {
                Number(d.Append('M'), x).Append(' ');
                Number(d, y);
                (anchorX, anchorY, pen, pending) = (x, y, true, false);
                continue;
            }

            if (pending)
            {
                var (rx, ry) = (x - anchorX, y - anchorY);
                var along = (rx * dirX) + (ry * dirY);
                if (Math.Abs((rx * dirY) - (ry * dirX)) <= StraightTolerance && along >= pendingAlong)
                {
                    (pendingX, pendingY, pendingAlong) = (x, y, along); // the straight stretch goes on
                    continue;
                }

                LineTo(d, pendingX, pendingY);
                (anchorX, anchorY, pending) = (pendingX, pendingY, false);
            }

            var length = Math.Sqrt(((x - anchorX) * (x - anchorX)) + ((y - anchorY) * (y - anchorY)));
            if (!last && ((Math.Abs(x - anchorX) < minStep && Math.Abs(y - anchorY) < minStep) || length < 1e-9))
            {
                continue;
            }

            (pendingX, pendingY, pendingAlong, pending) = (x, y, length, true);
            (dirX, dirY) = length < 1e-9 ? (1.0, 0.0) : ((x - anchorX) / length, (y - anchorY) / length);
        }

        if (pending)
        {
            LineTo(d, pendingX, pendingY);
        }

        return d.ToString();
    }

    /// <summary>How far (px) a point may lie from a straight stretch of a path and still be left out of its drawing.</summary>
    internal const double StraightTolerance = 0.25;

    private static void LineTo(StringBuilder d, double x, double y)
    {
        Number(d.Append('L'), x).Append(' ');
        Number(d, y);
    }

    // Far outside the view a point is still drawn towards where it is, but with coordinates every renderer accepts.
    private static double Clamp(double pixel) => Math.Clamp(pixel, -1e5, 1e5);

    internal static string N(double value) => PixelNumbers.Format(value);

    // N(value) written straight into the builder, without a string per number (a path has thousands).
    private static StringBuilder Number(StringBuilder builder, double value) => PixelNumbers.Append(builder, value);

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
