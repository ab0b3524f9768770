namespace GradientLab.Plotting;

/// <summary>How an axis maps data to pixels.</summary>
public enum ScaleKind
{
    /// <summary>Linear, or base-10 logarithmic when the data are positive and span more than three decades.</summary>
    Auto,

    /// <summary>Linear.</summary>
    Linear,

    /// <summary>Base-10 logarithmic (values at or below zero are not drawn).</summary>
    Log,
}

/// <summary>
/// Which drawing a part belongs to: the page stacks a static drawing (axes, data, contours: redrawn only when the view
/// changes) under a dynamic one (the run so far: redrawn at every step). A file gets both in one drawing.
/// </summary>
public enum FigureLayer
{
    /// <summary>Both layers, one standalone drawing.</summary>
    All,

    /// <summary>Axes, frame, colour bar and the series marked static.</summary>
    Static,

    /// <summary>The series marked dynamic, the legend and the annotations.</summary>
    Dynamic,
}

/// <summary>One axis of a figure: its title (with units), its scale and, optionally, fixed limits.</summary>
public sealed class Axis
{
    /// <summary>The axis title, with its units: "size (1000 sq ft)".</summary>
    public string Title { get; set; } = "";

    /// <summary>Linear, log, or chosen from the data.</summary>
    public ScaleKind Scale { get; set; } = ScaleKind.Linear;

    /// <summary>A fixed lower limit (otherwise from the data).</summary>
    public double? Min { get; set; }

    /// <summary>A fixed upper limit (otherwise from the data).</summary>
    public double? Max { get; set; }

    /// <summary>Stretch the automatic range to include zero (linear axes only).</summary>
    public bool IncludeZero { get; set; }

    /// <summary>The fraction of the data's span added on each side of an automatic range.</summary>
    public double Padding { get; set; } = 0.04;

    /// <summary>Draw grid lines at the ticks.</summary>
    public bool Grid { get; set; } = true;
}

/// <summary>
/// A chart as a model: two axes, the series drawn against them, a legend and (for contours) a colour bar, apart from
/// any renderer. <see cref="Layout"/> measures it for a pixel size (margins from the measured tick labels and titles,
/// the legend where it covers the fewest data); <see cref="SvgRenderer"/> draws a layout. The same figure is drawn
/// for the page, for a file and for a PNG.
/// </summary>
public sealed class Figure
{
    private readonly List<Series> _series = [];

    /// <summary>A figure whose SVG ids start with <paramref name="id"/> (unique on a page).</summary>
    public Figure(string id, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Title = title ?? "";
    }

    /// <summary>A prefix for the ids inside the SVG (clip path, arrowheads, title).</summary>
    public string Id { get; }

    /// <summary>What the figure is (the SVG's <c>&lt;title&gt;</c>).</summary>
    public string Title { get; set; }

    /// <summary>What it shows now, in one sentence (the SVG's <c>&lt;desc&gt;</c>, read by screen readers).</summary>
    public string Description { get; set; } = "";

    /// <summary>The horizontal axis.</summary>
    public Axis X { get; } = new();

    /// <summary>The vertical axis.</summary>
    public Axis Y { get; } = new();

    /// <summary>The colour bar's title (for the contour series), such as "J (cost)".</summary>
    public string? ColorBarTitle { get; set; }

    /// <summary>The series, in drawing order.</summary>
    public IReadOnlyList<Series> Series => _series;

    /// <summary>
    /// Put the legend outside the plot area whatever the data (for figures whose dynamic layer changes from step to
    /// step while the static layer is drawn once: the plot area then never moves).
    /// </summary>
    public bool LegendOutside { get; set; }

    /// <summary>A note shown above the plot area (for example "view zoomed out ×8 to follow the run").</summary>
    public string? Banner { get; set; }

    /// <summary>
    /// The height for a figure drawn <paramref name="width"/> pixels wide that was designed at
    /// <paramref name="designWidth"/> × <paramref name="designHeight"/>: the same shape, but never flatter than 80 % or
    /// taller than twice the designed height (a phone keeps room for the axes; a projector does not scroll).
    /// </summary>
    public static int HeightFor(int width, int designWidth, int designHeight) =>
        (int)Math.Round(Math.Clamp(width * (double)designHeight / designWidth, designHeight * 0.8, designHeight * 2.0));

    /// <summary>Adds a series (drawn after the ones before it).</summary>
    public Figure Add(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _series.Add(series);
        return this;
    }

    /// <summary>Measures the figure for <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public FigureLayout Layout(int width, int height) => FigureLayout.Measure(this, width, height);

    /// <summary>
    /// The layout at <paramref name="width"/> × <paramref name="height"/>, made from <paramref name="previous"/> (the layout
    /// of the frame before) when only what moves differs: the axes, legend and colour bar are kept, the notes placed again.
    /// It draws exactly what a fresh layout draws.
    /// </summary>
    public FigureLayout Layout(int width, int height, FigureLayout? previous) => FigureLayout.Measure(this, width, height, previous);

    /// <summary>Lays out and draws the figure as one SVG element.</summary>
    public string ToSvg(int width, int height, SvgOptions? options = null) => SvgRenderer.Render(Layout(width, height), options ?? new SvgOptions());
}

/// <summary>How a figure is written as SVG.</summary>
/// <param name="Layer">Which drawing: both (a file), or the page's static or dynamic layer.</param>
/// <param name="Standalone">Embed the default style and a background (for files and PNGs, not for the themed page).</param>
/// <param name="CssClass">A class on the svg element.</param>
/// <param name="TestId">A <c>data-testid</c> on the svg element.</param>
public sealed record SvgOptions(FigureLayer Layer = FigureLayer.All, bool Standalone = false, string? CssClass = null, string? TestId = null);
