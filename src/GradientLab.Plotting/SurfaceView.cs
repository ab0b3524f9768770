using System.Globalization;
using System.Text;

namespace GradientLab.Plotting;

/// <summary>
/// A cost surface z = f(x, y) in 3-D, with a descent path drawn on it: a projected mesh filled on the viridis scale and
/// drawn back to front (painter's order), the box's three axes with their titles and end values, the path lifted onto
/// the surface and the current point. Rotated by <see cref="Azimuth"/> and <see cref="Elevation"/> (the page turns them
/// by dragging or with the arrow keys). The SVG names its parts as the 2-D figures do (<c>.series</c> with
/// <c>data-name</c>, <c>circle.current-point</c>, <c>rect.plot-area</c>, a title and a description).
/// </summary>
public sealed class SurfaceView
{
    private readonly Func<double, double, double> _function;

    /// <summary>The surface of <paramref name="function"/> over <paramref name="window"/>.</summary>
    public SurfaceView(string id, string title, Func<double, double, double> function, DataRect window)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Title = title ?? "";
        _function = function ?? throw new ArgumentNullException(nameof(function));
        Window = window;
    }

    /// <summary>A prefix for the ids inside the SVG.</summary>
    public string Id { get; }

    /// <summary>What the figure is.</summary>
    public string Title { get; }

    /// <summary>What it shows now.</summary>
    public string Description { get; set; } = "";

    /// <summary>The region of (x, y) drawn.</summary>
    public DataRect Window { get; }

    /// <summary>The x axis title.</summary>
    public string XTitle { get; set; } = "x";

    /// <summary>The y axis title.</summary>
    public string YTitle { get; set; } = "y";

    /// <summary>The height's title.</summary>
    public string ZTitle { get; set; } = "z";

    /// <summary>The turn about the vertical axis, in degrees.</summary>
    public double Azimuth { get; set; } = -55;

    /// <summary>The view's height above the (x, y) plane, in degrees (clamped to 5–85).</summary>
    public double Elevation { get; set; } = 30;

    /// <summary>Mesh cells along each side.</summary>
    public int Resolution { get; set; } = 28;

    /// <summary>The descent path in (x, y); drawn on the surface, its last point as the current point.</summary>
    public IReadOnlyList<DataPoint> Path { get; set; } = [];

    /// <summary>Several named paths (a race), each drawn on the surface in its own colour with its current point; when set, <see cref="Path"/> is not drawn.</summary>
    public IReadOnlyList<SurfacePath> Paths { get; set; } = [];

    /// <summary>Where each path's points were drawn, in pixels, from the last <see cref="ToSvg"/> (for layout tests).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> PathPixels { get; private set; } = [];

    /// <summary>Draw the height on a log scale above the surface's lowest value (for costs that span decades); linear by default, the bowl as it is.</summary>
    public bool LogHeight { get; set; }

    /// <summary>The texts drawn, with their boxes, from the last <see cref="ToSvg"/> (for layout tests).</summary>
    public IReadOnlyList<PlacedText> Texts { get; private set; } = [];

    /// <summary>The SVG at <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public string ToSvg(int width, int height, SvgOptions? options = null)
    {
        options ??= new SvgOptions();
        var n = Math.Clamp(Resolution, 4, 80);
        var grid = SurfaceGrid.Sample(_function, Window, n + 1, n + 1);
        var (zMin, zMax) = grid.Range();
        if (!double.IsFinite(zMin) || !double.IsFinite(zMax) || !(zMax > zMin))
        {
            (zMin, zMax) = (0, 1);
        }

        double Height(double z) => !double.IsFinite(z) ? 1 : LogHeight
            ? Math.Clamp(Math.Log10(1 + ((z - zMin) / (zMax - zMin) * 999)) / 3, 0, 1)
            : Math.Clamp((z - zMin) / (zMax - zMin), 0, 1);

        var font = Math.Clamp(12 + (width / 200.0), 13, 24);
        var pad = font * 2.4;
        var azimuth = Azimuth * Math.PI / 180;
        var elevation = Math.Clamp(Elevation, 5, 85) * Math.PI / 180;
        double ca = Math.Cos(azimuth), sa = Math.Sin(azimuth), ce = Math.Cos(elevation), se = Math.Sin(elevation);

        // Unit cube coordinates: u, v in [−½, ½] across the window, h in [0, ⅔] up. Projected orthographically.
        (double Sx, double Sy, double Depth) Raw(double u, double v, double h)
        {
            var x = (u * ca) - (v * sa);
            var y = (u * sa) + (v * ca);
            return (x, (-h * ce) + (y * se), (y * ce) + (h * se));
        }

        double U(double x) => ((x - Window.XMin) / (Window.XMax - Window.XMin)) - 0.5;
        double V(double y) => ((y - Window.YMin) / (Window.YMax - Window.YMin)) - 0.5;
        const double Tall = 0.66;

        // Scale the projected unit box into the figure, leaving room for the axis texts.
        var corners = new List<(double Sx, double Sy, double Depth)>();
        foreach (var u in new[] { -0.5, 0.5 })
        {
            foreach (var v in new[] { -0.5, 0.5 })
            {
                corners.Add(Raw(u, v, 0));
                corners.Add(Raw(u, v, Tall));
            }
        }

        double minX = corners.Min(c => c.Sx), maxX = corners.Max(c => c.Sx), minY = corners.Min(c => c.Sy), maxY = corners.Max(c => c.Sy);
        var scale = Math.Min((width - (2 * pad)) / (maxX - minX), (height - (2 * pad) - font) / (maxY - minY));
        var offsetX = (width / 2.0) - (scale * (minX + maxX) / 2);
        var offsetY = ((height + font) / 2.0) - (scale * (minY + maxY) / 2);
        (double X, double Y, double Depth) Project(double u, double v, double h)
        {
            var (sx, sy, depth) = Raw(u, v, h);
            return (offsetX + (scale * sx), offsetY + (scale * sy), depth);
        }

        var svg = new StringBuilder(16_384);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"{FontMetrics.FamilyList}\" role=\"img\" aria-labelledby=\"{Id}-title {Id}-desc\"");
        if (options.CssClass is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" class=\"{SvgRenderer.Escape(options.CssClass)}\"");
        }

        if (options.TestId is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" data-testid=\"{SvgRenderer.Escape(options.TestId)}\"");
        }

        svg.Append(CultureInfo.InvariantCulture, $"><title id=\"{Id}-title\">{SvgRenderer.Escape(Title)}</title><desc id=\"{Id}-desc\">{SvgRenderer.Escape(Description)}</desc>");
        if (options.Standalone)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<style>{SvgRenderer.DefaultStyle}</style><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"plot-area\" fill=\"none\" x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\"/>");

        // The floor's back edges and the vertical axis first, then the mesh back to front, then the path on top.
        var floor = new[] { Project(-0.5, -0.5, 0), Project(0.5, -0.5, 0), Project(0.5, 0.5, 0), Project(-0.5, 0.5, 0) };
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"gl-grid\" fill=\"none\" d=\"M{N(floor[0].X)} {N(floor[0].Y)}L{N(floor[1].X)} {N(floor[1].Y)}L{N(floor[2].X)} {N(floor[2].Y)}L{N(floor[3].X)} {N(floor[3].Y)}Z\"/>");

        // The axes' lines go under the mesh (a surface in front hides them); their texts go on top.
        var axisMark = svg.Length;
        var cells = new List<(double Depth, string Path, string Color)>(n * n);
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                double z00 = grid.Values[r, c], z01 = grid.Values[r, c + 1], z11 = grid.Values[r + 1, c + 1], z10 = grid.Values[r + 1, c];
                double u0 = U(grid.X(c)), u1 = U(grid.X(c + 1)), v0 = V(grid.Y(r)), v1 = V(grid.Y(r + 1));
                var p1 = Project(u0, v0, Tall * Height(z00));
                var p2 = Project(u1, v0, Tall * Height(z01));
                var p3 = Project(u1, v1, Tall * Height(z11));
                var p4 = Project(u0, v1, Tall * Height(z10));
                var mean = (Height(z00) + Height(z01) + Height(z11) + Height(z10)) / 4;
                // Painter's order by the cell's place on the floor, not its height: seen from above, a height field's
                // nearer cells can hide farther ones but never the reverse (the mean depth of a steep cell would put a
                // far wall in front of the valley floor, drawn as teeth).
                cells.Add((Raw((u0 + u1) / 2, (v0 + v1) / 2, 0).Depth, $"M{N(p1.X)} {N(p1.Y)}L{N(p2.X)} {N(p2.Y)}L{N(p3.X)} {N(p3.Y)}L{N(p4.X)} {N(p4.Y)}Z", ColorRamp.At(mean)));
            }
        }

        svg.Append("<g class=\"series gl-surface\" data-name=\"surface\" stroke=\"#000\" stroke-opacity=\".18\" stroke-width=\".6\">");
        // Depth grows towards the viewer (a point higher up or nearer the bottom of the screen is nearer): far cells first.
        foreach (var (_, path, color) in cells.OrderBy(cell => cell.Depth))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{color}\" d=\"{path}\"/>");
        }

        svg.Append("</g>");

        var paths = Paths.Count > 0 ? Paths : Path.Count > 0 ? [new SurfacePath("path", "gl-path", Path) { CurrentClass = "gl-current", CurrentRadius = 6 }] : [];
        var pixels = new List<(string Name, IReadOnlyList<(double X, double Y)> Points)>();
        foreach (var drawn in paths)
        {
            var path3d = drawn.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y) && p.X >= Window.XMin && p.X <= Window.XMax && p.Y >= Window.YMin && p.Y <= Window.YMax)
                .Select(p => Project(U(p.X), V(p.Y), (Tall * Height(_function(p.X, p.Y))) + 0.01)).ToList();
            if (path3d.Count == 0)
            {
                continue;
            }

            var d = new StringBuilder();
            double lastX = double.NaN, lastY = double.NaN;
            for (var i = 0; i < path3d.Count; i++)
            {
                var (x, y, _) = path3d[i];
                if (i > 0 && i < path3d.Count - 1 && Math.Abs(x - lastX) < 0.5 && Math.Abs(y - lastY) < 0.5)
                {
                    continue;
                }

                d.Append(i == 0 ? 'M' : 'L').Append(N(x)).Append(' ').Append(N(y));
                (lastX, lastY) = (x, y);
            }

            var current = path3d[^1];
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series {SvgRenderer.Escape(drawn.CssClass)}\" data-name=\"{SvgRenderer.Escape(drawn.Name)}\"><path fill=\"none\" d=\"{d}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"current-point {SvgRenderer.Escape(drawn.CurrentClass)}\" cx=\"{N(current.X)}\" cy=\"{N(current.Y)}\" r=\"{N(drawn.CurrentRadius)}\"><title>{SvgRenderer.Escape(drawn.Name)}</title></circle></g>");
            pixels.Add((drawn.Name, [.. path3d.Select(p => (p.X, p.Y))]));
        }

        PathPixels = pixels;

        // The axes: along the front floor edges, and up the nearest back corner.
        var texts = new List<PlacedText>();
        var lines = new StringBuilder();
        void Axis(string cssClass, (double X, double Y, double Depth) from, (double X, double Y, double Depth) to, string title, string low, string high)
        {
            lines.Append(CultureInfo.InvariantCulture, $"<line class=\"gl-axis {cssClass}-line\" x1=\"{N(from.X)}\" y1=\"{N(from.Y)}\" x2=\"{N(to.X)}\" y2=\"{N(to.Y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{cssClass}\" data-scale=\"{(cssClass == "axis-z" && LogHeight ? "log" : "linear")}\">");
            var (cx, cy) = (width / 2.0, height / 2.0);
            (double X, double Y) Out((double X, double Y, double Depth) p, double distance)
            {
                var (dx, dy) = (p.X - cx, p.Y - cy);
                var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
                return (p.X + (dx / length * distance), p.Y + (dy / length * distance));
            }

            var mid = ((from.X + to.X) / 2, (from.Y + to.Y) / 2, 0.0);
            foreach (var (text, at, size, role) in new[] { (title, Out(mid, font * 1.6), font * 1.08, "title"), (low, Out(from, font * 0.9), font, "tick"), (high, Out(to, font * 0.9), font, "tick") })
            {
                var textWidth = FontMetrics.Width(text, size);
                var x = Math.Clamp(at.X, (textWidth / 2) + 2, width - (textWidth / 2) - 2);
                var baseline = Math.Clamp(at.Y + (FontMetrics.Ascent(size) / 2), FontMetrics.Ascent(size) + 2, height - FontMetrics.Descent(size) - 2);
                var box = new PixelRect(x - (textWidth / 2), baseline - FontMetrics.Ascent(size), textWidth, FontMetrics.LineHeight(size));
                if (texts.Any(t => FigureLayout.Overlap(t.Box, box)))
                {
                    continue; // an end value that would sit on another text is left out; the title never is
                }

                texts.Add(new PlacedText(text, box, x, baseline, "middle", size, false, role, CssClass: role == "title" ? "gl-label" : "gl-tick"));
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{(role == "title" ? "gl-label" : "gl-tick")}\" x=\"{N(x)}\" y=\"{N(baseline)}\" font-size=\"{N(size)}\" text-anchor=\"middle\">{SvgRenderer.Escape(text)}</text>");
            }

            svg.Append("</g>");
        }

        // The front edges: the floor corners nearest the viewer.
        var floorCorners = new[] { (U: -0.5, V: -0.5), (U: 0.5, V: -0.5), (U: 0.5, V: 0.5), (U: -0.5, V: 0.5) };
        var nearest = floorCorners.OrderByDescending(c => Raw(c.U, c.V, 0).Depth).First();
        var xEdgeV = nearest.V;
        var yEdgeU = nearest.U;
        Axis("axis-x", Project(-0.5, xEdgeV, 0), Project(0.5, xEdgeV, 0), XTitle, F(Window.XMin), F(Window.XMax));
        Axis("axis-y", Project(yEdgeU, -0.5, 0), Project(yEdgeU, 0.5, 0), YTitle, F(Window.YMin), F(Window.YMax));
        // The height goes up the corner furthest left on screen, beside the surface rather than through it.
        var side = floorCorners.OrderBy(c => Raw(c.U, c.V, 0).Sx).First();
        Axis("axis-z", Project(side.U, side.V, 0), Project(side.U, side.V, Tall), ZTitle, F(zMin), F(zMax));
        Texts = texts;
        svg.Insert(axisMark, lines.ToString());
        return svg.Append("</svg>").ToString();
    }

    private static string F(double value) => NiceNumbers.Label(value, 3);

    private static string N(double value) => SvgRenderer.N(value);
}

/// <summary>One named path drawn on a <see cref="SurfaceView"/>.</summary>
/// <param name="Name">The path's name (the series' <c>data-name</c> and its current point's tooltip).</param>
/// <param name="CssClass">The line's class (its colour).</param>
/// <param name="Points">The path in (x, y); its last point is the current point.</param>
public sealed record SurfacePath(string Name, string CssClass, IReadOnlyList<DataPoint> Points)
{
    /// <summary>The current point's class (its colour; the line's own class by default).</summary>
    public string CurrentClass { get; init; } = CssClass;

    /// <summary>The current point's radius in pixels.</summary>
    public double CurrentRadius { get; init; } = 4.5;
}
