namespace GradientLab.Plotting;

/// <summary>How a marker is drawn.</summary>
public enum MarkerShape
{
    /// <summary>A dot.</summary>
    Circle,

    /// <summary>A five-pointed star (a minimum).</summary>
    Star,

    /// <summary>A diagonal cross (a start, an overshoot).</summary>
    Cross,
}

/// <summary>
/// Something drawn against a figure's axes. Its <see cref="Name"/> is its legend entry and its <c>data-name</c> in the
/// SVG; <see cref="CssClass"/> lets the page theme it; <see cref="Color"/>, when set, is written inline (and used by
/// the legend's swatch).
/// </summary>
public abstract class Series
{
    /// <summary>A series called <paramref name="name"/>.</summary>
    protected Series(string name) => Name = name ?? "";

    /// <summary>What the series is: its legend text and its <c>data-name</c>.</summary>
    public string Name { get; }

    /// <summary>The CSS class that styles it on the page and in files.</summary>
    public string CssClass { get; init; } = "gl-line";

    /// <summary>An inline colour (stroke for lines, fill for markers), or null to leave it to the CSS class.</summary>
    public string? Color { get; init; }

    /// <summary>Whether the legend lists it.</summary>
    public bool InLegend { get; init; }

    /// <summary>The page's static layer (redrawn when the view changes) or dynamic layer (redrawn at every step).</summary>
    public FigureLayer Layer { get; init; } = FigureLayer.Static;

    /// <summary>Whether the automatic axis ranges include it (a path that leaves the view widens the view).</summary>
    public bool FitsView { get; init; } = true;

    /// <summary>A <c>data-testid</c> for the series' element.</summary>
    public string? TestId { get; init; }

    /// <summary>A tooltip (<c>&lt;title&gt;</c>) on the series' element.</summary>
    public string? Tooltip { get; init; }

    /// <summary>The points that define its extent and what it covers (for legend placement and the layout tests).</summary>
    public abstract IReadOnlyList<DataPoint> Points { get; }

    internal bool Drawn(FigureLayer layer) => layer == FigureLayer.All || layer == Layer;
}

/// <summary>A polyline; points an axis cannot show (non-finite, or ≤ 0 on a log axis) break it.</summary>
public sealed class LineSeries(string name, IReadOnlyList<DataPoint> points) : Series(name)
{
    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points { get; } = points ?? throw new ArgumentNullException(nameof(points));

    /// <summary>Draw a dot at every point as well.</summary>
    public double DotRadius { get; init; }
}

/// <summary>Dots at the points.</summary>
public sealed class ScatterSeries(string name, IReadOnlyList<DataPoint> points) : Series(name)
{
    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points { get; } = points ?? throw new ArgumentNullException(nameof(points));

    /// <summary>The dots' radius in pixels.</summary>
    public double Radius { get; init; } = 4;

    /// <summary>The marker drawn at each point (a dot unless set: two classes can differ by shape as well as colour).</summary>
    public MarkerShape Shape { get; init; } = MarkerShape.Circle;
}

/// <summary>
/// A descent path: a line through the iterates with arrowheads on the steps <see cref="ArrowAt"/> picks, and its last
/// point drawn as the current point (<c>circle.current-point</c>). Points closer than half a pixel on screen are drawn
/// once, so a path of 100,000 steps costs what its pixels cost.
/// </summary>
public sealed class PathSeries(string name, IReadOnlyList<DataPoint> points) : Series(name)
{
    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points { get; } = points ?? throw new ArgumentNullException(nameof(points));

    /// <summary>Which steps (index of the step's first point) get an arrowhead.</summary>
    public Func<int, bool> ArrowAt { get; init; } = i => i < 6;

    /// <summary>Mark the last point as the current point.</summary>
    public bool ShowCurrent { get; init; } = true;

    /// <summary>The current point's tooltip.</summary>
    public string? CurrentTooltip { get; init; }

    /// <summary>The current point's radius in pixels.</summary>
    public double CurrentRadius { get; init; } = 6;

    /// <summary>A <c>data-testid</c> for the current point.</summary>
    public string? CurrentTestId { get; init; }
}

/// <summary>One marked point: a minimum, a start, the current value.</summary>
public sealed class MarkerSeries(string name, DataPoint at, MarkerShape shape = MarkerShape.Circle) : Series(name)
{
    /// <summary>Where it is.</summary>
    public DataPoint At { get; } = at;

    /// <summary>How it is drawn.</summary>
    public MarkerShape Shape { get; } = shape;

    /// <summary>Its size in pixels (radius of a dot).</summary>
    public double Size { get; init; } = 6;

    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points => [At];
}

/// <summary>y = f(x) sampled across the view after layout (a model's line, a tangent); never widens the view.</summary>
public sealed class FunctionSeries : Series
{
    /// <summary>The curve of <paramref name="function"/>, optionally only between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public FunctionSeries(string name, Func<double, double> function, double from = double.NegativeInfinity, double to = double.PositiveInfinity)
        : base(name)
    {
        Function = function ?? throw new ArgumentNullException(nameof(function));
        From = from;
        To = to;
    }

    /// <summary>The function drawn.</summary>
    public Func<double, double> Function { get; }

    /// <summary>Where the curve starts (clamped to the view).</summary>
    public double From { get; }

    /// <summary>Where it ends (clamped to the view).</summary>
    public double To { get; }

    /// <summary>
    /// Whether the function is a straight line (affine in x, as a linear model over one feature): on a linear x axis it
    /// is then sampled every sixteen pixels instead of every two, which draws the same line with an eighth of the points.
    /// </summary>
    public bool Straight { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points => [];
}

/// <summary>
/// Level curves of z = f(x, y) over the view, traced by marching squares after layout at a resolution that follows the
/// pixel size, coloured on the colour-blind-safe viridis scale with a colour bar beside the plot.
/// </summary>
public sealed class ContourSeries : Series
{
    /// <summary>The contours of <paramref name="function"/>; <paramref name="window"/> is the region the view must show.</summary>
    public ContourSeries(string name, Func<double, double, double> function, DataRect? window = null, double? floor = null, int levelCount = 14)
        : base(name)
    {
        Function = function ?? throw new ArgumentNullException(nameof(function));
        Window = window;
        Floor = floor;
        LevelCount = levelCount;
        CssClass = "gl-contours";
    }

    /// <summary>The surface.</summary>
    public Func<double, double, double> Function { get; }

    /// <summary>The region the view must include, if any.</summary>
    public DataRect? Window { get; }

    /// <summary>The lowest value of the surface (its minimum), so the rings crowd towards it; else the grid's lowest value.</summary>
    public double? Floor { get; }

    /// <summary>How many levels to draw.</summary>
    public int LevelCount { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points => Window is { } w ? [new(w.XMin, w.YMin), new(w.XMax, w.YMax)] : [];

    private (DataRect Bounds, int Columns, int Rows, SurfaceGrid Grid)? _grid;
    private (SurfaceGrid Grid, IReadOnlyList<double> Levels, IReadOnlyList<ContourLine> Lines)? _lines;
    private (SurfaceGrid Grid, ContourLevels Levels)? _levels;

    /// <summary>The levels drawn over a grid, with their labels (those of the last grid kept, so a frame redrawn at every step works them out once).</summary>
    internal ContourLevels LevelsOn(SurfaceGrid grid, Func<SurfaceGrid, ContourLevels> levelsOf)
    {
        if (_levels is { } kept && ReferenceEquals(kept.Grid, grid))
        {
            return kept.Levels;
        }

        var levels = levelsOf(grid);
        _levels = (grid, levels);
        return levels;
    }

    /// <summary>The surface sampled over <paramref name="bounds"/>; the last grid is kept, so a figure redrawn at every step samples once.</summary>
    internal SurfaceGrid Sample(DataRect bounds, int columns, int rows)
    {
        if (_grid is { } g && g.Bounds == bounds && g.Columns == columns && g.Rows == rows)
        {
            return g.Grid;
        }

        var grid = SurfaceGrid.Sample(Function, bounds, columns, rows);
        _grid = (bounds, columns, rows, grid);
        return grid;
    }

    /// <summary>The level curves over a grid (the last ones kept).</summary>
    internal IReadOnlyList<ContourLine> Trace(SurfaceGrid grid, IReadOnlyList<double> levels)
    {
        if (_lines is { } l && ReferenceEquals(l.Grid, grid) && l.Levels.SequenceEqual(levels))
        {
            return l.Lines;
        }

        var lines = Contours.Trace(grid, levels);
        _lines = (grid, levels, lines);
        return lines;
    }
}

/// <summary>The levels of a contour plot over a grid: the lowest value they start from, the levels, and their colour bar labels.</summary>
internal sealed record ContourLevels(double Floor, IReadOnlyList<double> Levels, IReadOnlyList<(int Index, string Label)> Labels);

/// <summary>An arrow from one point to another (a velocity, a step).</summary>
public sealed class ArrowSeries(string name, DataPoint from, DataPoint to) : Series(name)
{
    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points { get; } = [from, to];
}

/// <summary>A vertical (x = value) or horizontal (y = value) line across the plot area.</summary>
public sealed class ReferenceLine(string name, double value, bool vertical) : Series(name)
{
    /// <summary>Where the line is, in data units.</summary>
    public double Value { get; } = value;

    /// <summary>Vertical (at an x) or horizontal (at a y).</summary>
    public bool Vertical { get; } = vertical;

    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points => [];
}

/// <summary>
/// A text pointing at a data point. The layout places it beside the point where it fits inside the plot area and covers
/// no other text and the fewest data; a point outside the view puts the text at the edge with an arrow (↑ ↓ ← →).
/// </summary>
public sealed class Annotation : Series
{
    /// <summary>The text <paramref name="text"/> about the point <paramref name="at"/>.</summary>
    public Annotation(string text, DataPoint at)
        : base(text)
    {
        Text = text ?? "";
        At = at;
        CssClass = "gl-note";
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The point it is about.</summary>
    public DataPoint At { get; }

    /// <summary>Bold text.</summary>
    public bool Bold { get; init; } = true;

    /// <summary>
    /// Written in the strip above the plot area instead of beside the point: for a value that changes at every step
    /// (the reader finds it in one place, and it never covers the data).
    /// </summary>
    public bool Docked { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points => [];
}
