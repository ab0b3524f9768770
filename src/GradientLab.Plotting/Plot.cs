using System.Globalization;
using System.Text;

namespace GradientLab.Plotting;

/// <summary>A rectangle in pixels, y growing downwards.</summary>
public readonly record struct PixelRect(double Left, double Top, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => Left + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Top + Height;
}

/// <summary>Space around the plot area for ticks and axis labels, in pixels.</summary>
public sealed record Margins(double Left = 70, double Top = 14, double Right = 16, double Bottom = 46);

/// <summary>
/// One SVG chart, laid out first (the plot area inside its margins, the two scales) and then drawn into, layer by layer.
/// Styling comes from CSS classes (<c>gl-axis</c>, <c>gl-grid</c>, …) so a page can theme it; <see cref="DefaultStyle"/>
/// gives a standalone figure its colours.
/// </summary>
public sealed class Plot
{
    private readonly StringBuilder _content = new();
    private readonly string _id;

    private Plot(int width, int height, PixelRect area, IScale x, IScale y, string id)
    {
        Width = width;
        Height = height;
        Area = area;
        X = x;
        Y = y;
        _id = id;
    }

    /// <summary>The figure's width in pixels.</summary>
    public int Width { get; }

    /// <summary>The figure's height in pixels.</summary>
    public int Height { get; }

    /// <summary>Where data is drawn.</summary>
    public PixelRect Area { get; }

    /// <summary>The horizontal scale.</summary>
    public IScale X { get; }

    /// <summary>The vertical scale (pixels grow downwards, data upwards).</summary>
    public IScale Y { get; }

    /// <summary>CSS for standalone figures (the web page brings its own, themed).</summary>
    public const string DefaultStyle =
        ".gl-axis{stroke:#444;stroke-width:1}.gl-grid{stroke:#ddd;stroke-width:1}.gl-tick{font:12px sans-serif;fill:#333}" +
        ".gl-label{font:13px sans-serif;fill:#222}.gl-data{fill:#1f77b4;fill-opacity:.75}.gl-line{stroke:#d62728;stroke-width:2.5;fill:none}" +
        ".gl-path{stroke:#d62728;stroke-width:1.8;fill:none}.gl-current{fill:#d62728;stroke:#fff;stroke-width:1.5}" +
        ".gl-minimum{fill:#fff;stroke:#111;stroke-width:2}.gl-note{font:bold 13px sans-serif;fill:#222}.gl-marker-line{stroke:#888;stroke-dasharray:4 3}" +
        ".gl-legend{fill:#fff;fill-opacity:.85;stroke:#ccc}.gl-loss{stroke:#1f6feb;stroke-width:2;fill:none}.gl-prediction{stroke:#d62728;stroke-width:1.5;fill:none}";

    /// <summary>A chart of <paramref name="width"/> × <paramref name="height"/> pixels showing <paramref name="domain"/>.</summary>
    /// <param name="logY">A base-10 vertical axis (the domain's y must then be above zero).</param>
    /// <param name="id">A prefix for the ids inside this SVG (clip path, arrowheads), unique on the page.</param>
    public static Plot Create(int width, int height, DataRect domain, bool logY = false, Margins? margins = null, string id = "plot")
    {
        margins ??= new Margins();
        var area = new PixelRect(margins.Left, margins.Top, width - margins.Left - margins.Right, height - margins.Top - margins.Bottom);
        IScale x = new LinearScale(domain.XMin, domain.XMax, area.Left, area.Right);
        IScale y = logY
            ? new LogScale(domain.YMin, domain.YMax, area.Bottom, area.Top)
            : new LinearScale(domain.YMin, domain.YMax, area.Bottom, area.Top);
        return new Plot(width, height, area, x, y, id);
    }

    /// <summary>Axes with 1-2-5 ticks, grid lines and labels (give units in the label: "size (1000 sq ft)").</summary>
    public Plot Axes(string xLabel, string yLabel, int xTicks = 6, int yTicks = 5, bool grid = true)
    {
        var a = Area;
        foreach (var tick in X.Ticks(xTicks))
        {
            var px = X.ToPixel(tick.Value);
            if (grid)
            {
                Append($"<line class=\"gl-grid\" x1=\"{N(px)}\" y1=\"{N(a.Top)}\" x2=\"{N(px)}\" y2=\"{N(a.Bottom)}\"/>");
            }

            Append($"<line class=\"gl-axis\" x1=\"{N(px)}\" y1=\"{N(a.Bottom)}\" x2=\"{N(px)}\" y2=\"{N(a.Bottom + 5)}\"/>");
            Append($"<text class=\"gl-tick\" x=\"{N(px)}\" y=\"{N(a.Bottom + 18)}\" text-anchor=\"middle\">{Escape(tick.Label)}</text>");
        }

        foreach (var tick in Y.Ticks(yTicks))
        {
            var py = Y.ToPixel(tick.Value);
            if (grid)
            {
                Append($"<line class=\"gl-grid\" x1=\"{N(a.Left)}\" y1=\"{N(py)}\" x2=\"{N(a.Right)}\" y2=\"{N(py)}\"/>");
            }

            Append($"<line class=\"gl-axis\" x1=\"{N(a.Left - 5)}\" y1=\"{N(py)}\" x2=\"{N(a.Left)}\" y2=\"{N(py)}\"/>");
            Append($"<text class=\"gl-tick\" x=\"{N(a.Left - 8)}\" y=\"{N(py + 4)}\" text-anchor=\"end\">{Escape(tick.Label)}</text>");
        }

        Append($"<rect class=\"gl-axis\" fill=\"none\" x=\"{N(a.Left)}\" y=\"{N(a.Top)}\" width=\"{N(a.Width)}\" height=\"{N(a.Height)}\"/>");
        Append($"<text class=\"gl-label\" x=\"{N(a.Left + (a.Width / 2))}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\">{Escape(xLabel)}</text>");
        var yMid = a.Top + (a.Height / 2);
        Append($"<text class=\"gl-label\" x=\"14\" y=\"{N(yMid)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {N(yMid)})\">{Escape(yLabel)}</text>");
        return this;
    }

    /// <summary>Level curves, each coloured by <paramref name="colorOf"/>(level).</summary>
    public Plot Contours(IReadOnlyList<ContourLine> lines, Func<double, string> colorOf)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(colorOf);
        Append($"<g class=\"gl-contours\" clip-path=\"url(#{_id}-clip)\" fill=\"none\" stroke-width=\"1.4\">");
        foreach (var line in lines)
        {
            if (line.Segments.Count == 0)
            {
                continue;
            }

            var d = new StringBuilder();
            foreach (var (from, to) in line.Segments)
            {
                d.Append(CultureInfo.InvariantCulture, $"M{N(X.ToPixel(from.X))} {N(Y.ToPixel(from.Y))}L{N(X.ToPixel(to.X))} {N(Y.ToPixel(to.Y))}");
            }

            Append($"<path stroke=\"{colorOf(line.Level)}\" d=\"{d}\"><title>J = {Escape(NiceNumbers.Significant(line.Level, 4))}</title></path>");
        }

        Append("</g>");
        return this;
    }

    /// <summary>Dots at the points.</summary>
    public Plot Points(IEnumerable<DataPoint> points, string cssClass = "gl-data", double radius = 4)
    {
        ArgumentNullException.ThrowIfNull(points);
        Append($"<g class=\"{cssClass}\" clip-path=\"url(#{_id}-clip)\">");
        foreach (var p in points.Where(Showable))
        {
            Append($"<circle cx=\"{N(X.ToPixel(p.X))}\" cy=\"{N(Y.ToPixel(p.Y))}\" r=\"{N(radius)}\"/>");
        }

        Append("</g>");
        return this;
    }

    /// <summary>A polyline through the points, clipped to the plot area; points the scale cannot show break the line.</summary>
    public Plot Line(IEnumerable<DataPoint> points, string cssClass = "gl-line", string? testId = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        var d = PathData(points);
        if (d.Length > 0)
        {
            Append($"<path class=\"{cssClass}\"{TestId(testId)} clip-path=\"url(#{_id}-clip)\" d=\"{d}\"/>");
        }

        return this;
    }

    /// <summary>A path with an arrowhead on the segments whose index <paramref name="arrowAt"/> accepts.</summary>
    public Plot Path(IReadOnlyList<DataPoint> points, Func<int, bool> arrowAt, string cssClass = "gl-path")
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(arrowAt);
        Line(points, cssClass);
        Append($"<g class=\"{cssClass}\" clip-path=\"url(#{_id}-clip)\">");
        for (var i = 1; i < points.Count; i++)
        {
            if (!arrowAt(i - 1) || !Showable(points[i - 1]) || !Showable(points[i]))
            {
                continue;
            }

            double x0 = X.ToPixel(points[i - 1].X), y0 = Y.ToPixel(points[i - 1].Y), x1 = X.ToPixel(points[i].X), y1 = Y.ToPixel(points[i].Y);
            if (Math.Abs(x1 - x0) + Math.Abs(y1 - y0) < 6)
            {
                continue; // too short for a visible arrowhead
            }

            Append($"<line x1=\"{N(x0)}\" y1=\"{N(y0)}\" x2=\"{N(x1)}\" y2=\"{N(y1)}\" marker-end=\"url(#{_id}-arrow)\"/>");
        }

        Append("</g>");
        return this;
    }

    /// <summary>A marker at one point: <c>circle</c>, <c>star</c> or <c>cross</c>, with an optional tooltip.</summary>
    public Plot Marker(DataPoint point, string cssClass, string shape = "circle", double size = 6, string? title = null, string? testId = null)
    {
        if (!Showable(point))
        {
            return this;
        }

        double x = X.ToPixel(point.X), y = Y.ToPixel(point.Y);
        var tooltip = title is null ? "" : $"<title>{Escape(title)}</title>";
        var element = shape switch
        {
            "star" => $"<path class=\"{cssClass}\"{TestId(testId)} d=\"{Star(x, y, size)}\">{tooltip}</path>",
            "cross" => $"<path class=\"{cssClass}\"{TestId(testId)} d=\"M{N(x - size)} {N(y - size)}L{N(x + size)} {N(y + size)}M{N(x - size)} {N(y + size)}L{N(x + size)} {N(y - size)}\">{tooltip}</path>",
            _ => $"<circle class=\"{cssClass}\"{TestId(testId)} cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(size)}\">{tooltip}</circle>",
        };
        Append(element);
        return this;
    }

    /// <summary>A vertical line across the plot area at data x.</summary>
    public Plot VerticalLine(double x, string cssClass = "gl-marker-line")
    {
        var px = X.ToPixel(x);
        Append($"<line class=\"{cssClass}\" x1=\"{N(px)}\" y1=\"{N(Area.Top)}\" x2=\"{N(px)}\" y2=\"{N(Area.Bottom)}\"/>");
        return this;
    }

    /// <summary>Text at a data point, nudged by a pixel offset, kept inside the plot area.</summary>
    public Plot Note(DataPoint at, string text, string cssClass = "gl-note", double dx = 8, double dy = -8, string anchor = "start", string? testId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Showable(at))
        {
            return this;
        }

        var x = Math.Clamp(X.ToPixel(at.X) + dx, Area.Left + 4, Area.Right - 4);
        var y = Math.Clamp(Y.ToPixel(at.Y) + dy, Area.Top + 14, Area.Bottom - 4);
        if (anchor == "start" && x > Area.Right - (text.Length * 7.5))
        {
            anchor = "end";
            x = Math.Clamp(X.ToPixel(at.X) - dx, Area.Left + 4, Area.Right - 4);
        }

        Append($"<text class=\"{cssClass}\"{TestId(testId)} x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{Escape(text)}</text>");
        return this;
    }

    /// <summary>Raw SVG in pixel coordinates, for a caller's own legend.</summary>
    public Plot Raw(string svg)
    {
        Append(svg);
        return this;
    }

    /// <summary>The finished figure as one <c>&lt;svg&gt;</c> element.</summary>
    /// <param name="cssClass">A class on the svg element.</param>
    /// <param name="testId">A <c>data-testid</c> on the svg element.</param>
    /// <param name="standalone">Embed <see cref="DefaultStyle"/> (for files, not for the themed page).</param>
    public string ToSvg(string? cssClass = null, string? testId = null, bool standalone = false)
    {
        var a = Area;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\"");
        if (cssClass is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" class=\"{cssClass}\"");
        }

        svg.Append(TestId(testId)).Append('>');
        if (standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<style>{DefaultStyle}</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<defs><clipPath id=\"{_id}-clip\"><rect x=\"{N(a.Left)}\" y=\"{N(a.Top)}\" width=\"{N(a.Width)}\" height=\"{N(a.Height)}\"/></clipPath>");
        svg.Append(CultureInfo.InvariantCulture, $"<marker id=\"{_id}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"context-stroke\"/></marker></defs>");
        svg.Append(_content).Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The data point under a pixel of this chart (as a click gives it).</summary>
    public DataPoint ToData(double pixelX, double pixelY) => new(X.ToData(pixelX), Y.ToData(pixelY));

    /// <summary>Whether a pixel lies inside the plot area.</summary>
    public bool InArea(double pixelX, double pixelY) => pixelX >= Area.Left && pixelX <= Area.Right && pixelY >= Area.Top && pixelY <= Area.Bottom;

    internal static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static string TestId(string? testId) => testId is null ? "" : $" data-testid=\"{testId}\"";

    private bool Showable(DataPoint p) => X.CanShow(p.X) && Y.CanShow(p.Y) && Math.Abs(X.ToPixel(p.X)) < 1e6 && Math.Abs(Y.ToPixel(p.Y)) < 1e6;

    private string PathData(IEnumerable<DataPoint> points)
    {
        var d = new StringBuilder();
        var pen = false;
        foreach (var p in points)
        {
            if (!Showable(p))
            {
                pen = false;
                continue;
            }

            d.Append(pen ? 'L' : 'M').Append(N(X.ToPixel(p.X))).Append(' ').Append(N(Y.ToPixel(p.Y)));
            pen = true;
        }

        return d.ToString();
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

    private void Append(string svg) => _content.Append(svg);
}
