namespace GradientLab.Plotting;

/// <summary>A text placed by the layout: its box (for overlap tests), its anchor point and how it is drawn.</summary>
/// <param name="Text">What it says.</param>
/// <param name="Box">The pixels it covers.</param>
/// <param name="X">The anchor's x (start, middle or end of the text, by <paramref name="Anchor"/>).</param>
/// <param name="Baseline">The baseline's y (for rotated text: the x of the rotated baseline).</param>
/// <param name="Anchor">SVG text-anchor: start, middle or end.</param>
/// <param name="Size">Font size in pixels.</param>
/// <param name="Bold">Bold weight.</param>
/// <param name="Role">tick-x, tick-y, title-x, title-y, legend, colorbar, annotation or banner.</param>
/// <param name="Rotated">Rotated a quarter turn anticlockwise (the y title).</param>
/// <param name="CssClass">The class that colours it.</param>
/// <param name="TestId">A data-testid, for annotations that ask for one.</param>
/// <param name="Source">The annotation it draws, if any.</param>
public sealed record PlacedText(string Text, PixelRect Box, double X, double Baseline, string Anchor, double Size, bool Bold, string Role, bool Rotated = false, string CssClass = "gl-tick", string? TestId = null, Annotation? Source = null);

/// <summary>A legend entry placed by the layout.</summary>
public sealed record LegendEntry(Series Series, double SwatchX, double SwatchY, PlacedText Label);

/// <summary>The colour bar beside a contour plot: one band per level, with labels.</summary>
public sealed record ColorBarLayout(PixelRect Bar, IReadOnlyList<(double Level, string Color, double Y)> Bands);

/// <summary>A contour series traced over the laid-out view.</summary>
public sealed record ContourLayout(ContourSeries Series, IReadOnlyList<ContourLine> Lines, IReadOnlyList<double> Levels, Func<double, string> ColorOf);

/// <summary>
/// A <see cref="Figure"/> measured for a pixel size: the view's data ranges and scales, the plot area, and every text
/// with its box. Margins come from the measured widths of the tick labels and titles in the figures' font (see
/// <see cref="FontMetrics"/>), the legend goes where it covers the fewest data (outside the plot area when every
/// corner would cover some), and text size grows with the figure's width.
/// </summary>
public sealed class FigureLayout
{
    private const double TickLength = 5;

    private FigureLayout(Figure figure, int width, int height)
    {
        Figure = figure;
        Width = width;
        Height = height;
        FontSize = Math.Clamp(12 + (width / 200.0), 13, 24);
    }

    /// <summary>The figure laid out.</summary>
    public Figure Figure { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The size of tick labels and legend text, in pixels (13 on a phone, up to 24 on a 4K screen).</summary>
    public double FontSize { get; }

    /// <summary>The size of axis titles and annotations.</summary>
    public double TitleSize => FontSize * 1.08;

    /// <summary>The data shown.</summary>
    public DataRect Domain { get; private set; }

    /// <summary>Whether the x axis is logarithmic.</summary>
    public bool XLog { get; private set; }

    /// <summary>Whether the y axis is logarithmic.</summary>
    public bool YLog { get; private set; }

    /// <summary>Where the data are drawn.</summary>
    public PixelRect PlotArea { get; private set; }

    /// <summary>The horizontal scale.</summary>
    public IScale X { get; private set; } = null!;

    /// <summary>The vertical scale (pixels grow downwards).</summary>
    public IScale Y { get; private set; } = null!;

    /// <summary>The ticks of the x axis.</summary>
    public IReadOnlyList<Tick> XTicks { get; private set; } = [];

    /// <summary>The ticks of the y axis.</summary>
    public IReadOnlyList<Tick> YTicks { get; private set; } = [];

    /// <summary>Every text of the figure with its box.</summary>
    public IReadOnlyList<PlacedText> Texts { get; private set; } = [];

    /// <summary>The legend's frame, if it has entries.</summary>
    public PixelRect? LegendBox { get; private set; }

    /// <summary>Whether the legend sits outside the plot area.</summary>
    public bool LegendOutside { get; private set; }

    /// <summary>The legend's entries.</summary>
    public IReadOnlyList<LegendEntry> LegendEntries { get; private set; } = [];

    /// <summary>The colour bar, for a figure with contours.</summary>
    public ColorBarLayout? ColorBar { get; private set; }

    /// <summary>The contours traced over the view.</summary>
    public IReadOnlyList<ContourLayout> ContourLines { get; private set; } = [];

    /// <summary>The pixel position of a data point.</summary>
    public (double X, double Y) ToPixel(DataPoint point) => (X.ToPixel(point.X), Y.ToPixel(point.Y));

    /// <summary>The data point under a pixel (as a click gives it).</summary>
    public DataPoint ToData(double pixelX, double pixelY) => new(X.ToData(pixelX), Y.ToData(pixelY));

    /// <summary>Whether a pixel lies inside the plot area.</summary>
    public bool InPlotArea(double pixelX, double pixelY) =>
        pixelX >= PlotArea.Left && pixelX <= PlotArea.Right && pixelY >= PlotArea.Top && pixelY <= PlotArea.Bottom;

    /// <summary>Whether both scales can place the point (finite, and above zero on a log axis).</summary>
    public bool CanShow(DataPoint point) => X.CanShow(point.X) && Y.CanShow(point.Y);

    /// <summary>Every point a series draws, in pixels (function curves sampled), for legend placement and the layout tests.</summary>
    public IEnumerable<(double X, double Y)> PixelPoints(Series series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series is FunctionSeries function)
        {
            return SampleFunction(function).Where(CanShow).Select(ToPixel);
        }

        if (series is ContourSeries or HeatmapSeries or ReferenceLine or Annotation)
        {
            return [];
        }

        return series.Points.Where(CanShow).Select(ToPixel);
    }

    /// <summary>
    /// The points of a function series across the view, about two pixels apart (a <see cref="FunctionSeries.Straight"/>
    /// line: about sixteen), sampled once per arrangement of the layout.
    /// </summary>
    public IReadOnlyList<DataPoint> SampleFunction(FunctionSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _samples ??= new Dictionary<FunctionSeries, DataPoint[]>(ReferenceEqualityComparer.Instance);
        if (_samples.TryGetValue(series, out var kept))
        {
            return kept;
        }

        var from = Math.Max(series.From, Domain.XMin);
        var to = Math.Min(series.To, Domain.XMax);
        if (!(to >= from))
        {
            return _samples[series] = [];
        }

        var spacing = series.Straight && !XLog ? 16 : 2;
        var count = Math.Clamp((int)((X.ToPixel(to) - X.ToPixel(from)) / spacing), 2, 2000);
        var points = new DataPoint[count + 1];
        for (var i = 0; i <= count; i++)
        {
            var x = XLog ? Math.Pow(10, Math.Log10(from) + ((Math.Log10(to) - Math.Log10(from)) * i / count)) : from + ((to - from) * i / count);
            points[i] = new DataPoint(x, series.Function(x));
        }

        return _samples[series] = points;
    }

    /// <summary>The layout of <paramref name="figure"/>, made from <paramref name="previous"/> where only what moves differs (<see cref="Reuse"/>).</summary>
    internal static FigureLayout Measure(Figure figure, int width, int height, FigureLayout? previous) =>
        previous?.Reuse(figure, width, height) ?? Measure(figure, width, height);

    internal static FigureLayout Measure(Figure figure, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        if (width < 120 || height < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"A figure needs at least 120 × 100 pixels; asked for {width} × {height}.");
        }

        var layout = new FigureLayout(figure, width, height);
        layout.Arrange(legendOutside: figure.LegendOutside);
        if (!figure.LegendOutside && layout.LegendEntries.Count > 0 && layout.LegendCover(layout.LegendBox!.Value) > 0)
        {
            layout.Arrange(legendOutside: true);
        }

        // A note with no clear place beside its point (a small figure crowded with lines) is written above the plot
        // instead of being left out.
        if (layout._unplaced.Count > 0)
        {
            layout._docked.UnionWith(layout._unplaced);
            layout.Arrange(legendOutside: layout.LegendOutside);
        }

        return layout;
    }

    private readonly HashSet<Annotation> _docked = [];
    private readonly List<Annotation> _unplaced = [];
    private Dictionary<Series, (double X, double Y)[]>? _coverPoints;
    private Dictionary<FunctionSeries, DataPoint[]>? _samples;
    private (double X, double Y)[]? _drawnByX;

    private void Arrange(bool legendOutside)
    {
        (_coverPoints, _drawnByX, _samples) = (null, null, null); // the scales change with the arrangement
        var figure = Figure;
        var (xValues, yValues) = ValuesInView(figure);
        var (xMin, xMax, xLog) = Range(figure.X, xValues);
        var (yMin, yMax, yLog) = Range(figure.Y, yValues);
        Domain = new DataRect(xMin, xMax, yMin, yMax);
        XLog = xLog;
        YLog = yLog;

        var font = FontSize;
        var line = FontMetrics.LineHeight(font);
        var titleLine = FontMetrics.LineHeight(TitleSize);
        var pad = Math.Round(font * 0.5);
        var gap = Math.Round(font * 0.3);
        var texts = new List<PlacedText>();

        // The legend's own size, for an outside legend (below the plot on narrow figures, right of it on wide ones).
        var entries = figure.Series.Where(s => s.InLegend && s.Name.Length > 0).DistinctBy(s => s.Name, StringComparer.Ordinal).ToList();
        var swatch = font * 1.8;
        var entryWidths = entries.Select(s => swatch + gap + FontMetrics.Width(s.Name, font)).ToList();
        var legendRow = line * 1.25;
        var outsideRight = legendOutside && Width >= 900;
        var legendColumnWidth = outsideRight ? entryWidths.DefaultIfEmpty(0).Max() + (2 * pad) : 0;
        var legendRows = 0;
        if (legendOutside && !outsideRight)
        {
            legendRows = FlowRows(entryWidths, Width - (2 * pad), font * 1.2).Count;
        }

        // The colour bar: bands of the contour levels, with a few labels and the bar's title written along it.
        var contours = figure.Series.OfType<ContourSeries>().FirstOrDefault();
        var barWidth = 0.0;
        IReadOnlyList<double> levels = [];
        IReadOnlyList<(int Index, string Label)> levelLabels = [];
        SurfaceGrid? grid = null;
        Func<double, string> colorOf = _ => "#888";
        if (contours is not null)
        {
            var resolution = Math.Clamp(Width / 6, 40, 110);
            grid = contours.Sample(Domain, resolution, resolution);
            var contourLevels = contours.LevelsOn(grid, g =>
            {
                var (gridMin, gridMax) = g.Range();
                var floor = contours.Floor is { } f && double.IsFinite(f) ? Math.Min(f, gridMin) : gridMin;
                var levelsAbove = Contours.LevelsAbove(floor, gridMax, contours.LevelCount);
                return new ContourLevels(floor, levelsAbove, LevelLabels(levelsAbove));
            });
            levels = contourLevels.Levels;
            levelLabels = contourLevels.Labels;
            if (levels.Count >= 2)
            {
                var floor = contourLevels.Floor;
                var first = levels[0] - floor;
                var last = levels[^1] - floor;
                colorOf = level => ColorRamp.At(Math.Log((level - floor) / first) / Math.Log(last / first));
                var labelWidth = levelLabels.Max(l => FontMetrics.Width(l.Label, font));
                barWidth = gap + (font * 0.9) + gap + labelWidth + gap + (figure.ColorBarTitle is null ? 0 : titleLine) + pad;
            }
        }

        // A heat map (when there are no contours) has its own bar: its bands, labelled at the ends and the middle.
        var heatmap = contours is null ? figure.Series.OfType<HeatmapSeries>().FirstOrDefault() : null;
        var heatLabels = heatmap?.BarLabels.Select(v => (Value: v, Label: NiceNumbers.Label(v, 3))).ToList() ?? [];
        if (heatmap is not null)
        {
            barWidth = gap + (font * 0.9) + gap + heatLabels.Max(l => FontMetrics.Width(l.Label, font)) + gap + (figure.ColorBarTitle is null ? 0 : titleLine) + pad;
        }

        var bottom = TickLength + gap + line + gap + titleLine + pad + (legendRows > 0 ? (legendRows * legendRow) + gap : 0);
        // The strip above the plot area: the banner, then the docked notes, a line each.
        var stripLines = new List<(string Text, bool Bold, string Css, Annotation? Source)>();
        if (figure.Banner is { } banner)
        {
            stripLines.Add((banner, true, "gl-note", null));
        }

        stripLines.AddRange(figure.Series.OfType<Annotation>().Where(a => a.Docked || _docked.Contains(a)).Select(a => (a.Text, a.Bold, a.CssClass, (Annotation?)a)));
        var bannerHeight = stripLines.Count * (titleLine + gap);
        var top = pad + bannerHeight + (line / 2);
        var plotHeight = Height - top - bottom;
        var yTicks = MakeTicks(yLog, yMin, yMax, Math.Clamp((int)Math.Round(plotHeight / (font * 3.4)), 2, 8));
        var yLabelWidth = yTicks.Select(t => FontMetrics.Width(t.Label, font)).DefaultIfEmpty(0).Max();
        var left = pad + titleLine + gap + yLabelWidth + gap + TickLength;

        // The x ticks: as many as fit without their labels touching; the last label's half-width sets the right margin.
        var right = Math.Max(pad, barWidth + legendColumnWidth);
        IReadOnlyList<Tick> xTicks = [];
        for (var pass = 0; pass < 2; pass++)
        {
            var plotWidth = Width - left - right;
            var xScale = Scale(xLog, xMin, xMax, left, left + plotWidth);
            var count = Math.Clamp((int)(plotWidth / (font * 5)), 2, 10);
            for (; count >= 2; count--)
            {
                xTicks = MakeTicks(xLog, xMin, xMax, count);
                if (!XLabelsOverlap(xTicks, xScale, font))
                {
                    break;
                }
            }

            var overhang = xTicks.Count == 0 ? 0 : (FontMetrics.Width(xTicks[^1].Label, font) / 2) - (left + plotWidth - xScale.ToPixel(xTicks[^1].Value));
            right = Math.Max(Math.Max(pad, overhang + 2), barWidth + legendColumnWidth);
        }

        var area = new PixelRect(left, top, Math.Max(20, Width - left - right), Math.Max(20, Height - top - bottom));
        PlotArea = area;
        X = Scale(xLog, xMin, xMax, area.Left, area.Right);
        Y = Scale(yLog, yMin, yMax, area.Bottom, area.Top);
        XTicks = xTicks;
        YTicks = yTicks;

        // Tick labels and titles.
        foreach (var tick in xTicks)
        {
            var x = X.ToPixel(tick.Value);
            var baseline = area.Bottom + TickLength + gap + FontMetrics.Ascent(font);
            texts.Add(Text(tick.Label, x, baseline, "middle", font, false, "tick-x"));
        }

        foreach (var tick in yTicks)
        {
            var y = Y.ToPixel(tick.Value);
            var baseline = y + (FontMetrics.Ascent(font) * 0.35);
            var label = Text(tick.Label, area.Left - TickLength - gap, baseline, "end", font, false, "tick-y");
            // In the corner the lowest y label can meet the first x label (large fonts): the x axis keeps its label.
            if (!texts.Any(t => t.Role == "tick-x" && Overlap(t.Box, label.Box)))
            {
                texts.Add(label);
            }
        }

        if (figure.X.Title.Length > 0)
        {
            var baseline = area.Bottom + TickLength + gap + line + gap + FontMetrics.Ascent(TitleSize);
            texts.Add(Text(figure.X.Title, area.Left + (area.Width / 2), baseline, "middle", TitleSize, false, "title-x", "gl-label"));
        }

        if (figure.Y.Title.Length > 0)
        {
            var titleWidth = FontMetrics.Width(figure.Y.Title, TitleSize);
            var centreY = area.Top + (area.Height / 2);
            var baselineX = pad + FontMetrics.Ascent(TitleSize);
            var box = new PixelRect(pad, centreY - (titleWidth / 2), titleLine, titleWidth);
            texts.Add(new PlacedText(figure.Y.Title, box, baselineX, centreY, "middle", TitleSize, false, "title-y", Rotated: true, CssClass: "gl-label"));
        }

        for (var i = 0; i < stripLines.Count; i++)
        {
            texts.Add(StripText(i, stripLines[i], area));
        }

        // The colour bar beside the plot area.
        ContourLines = [];
        ColorBar = null;
        if (contours is not null && grid is not null && levels.Count >= 2)
        {
            // The level curves are traced on the coarse grid the levels came from: about one cell per six pixels.
            ContourLines = [new ContourLayout(contours, contours.Trace(grid, levels), levels, colorOf)];
            var barLeft = area.Right + gap;
            var bar = new PixelRect(barLeft, area.Top, font * 0.9, area.Height);
            var bands = new List<(double, string, double)>();
            for (var i = 0; i < levels.Count; i++)
            {
                bands.Add((levels[i], colorOf(levels[i]), bar.Bottom - (bar.Height * (i + 1) / levels.Count)));
            }

            ColorBar = new ColorBarLayout(bar, bands);
            var labelled = levelLabels;
            var lastBottom = double.PositiveInfinity;
            foreach (var (index, label) in labelled)
            {
                var y = bar.Bottom - (bar.Height * (index + 0.5) / levels.Count);
                var baseline = y + (FontMetrics.Ascent(font) * 0.35);
                if (baseline + FontMetrics.Descent(font) > lastBottom - 2)
                {
                    continue;
                }

                var text = Text(label, bar.Right + gap, baseline, "start", font, false, "colorbar");
                texts.Add(text);
                lastBottom = text.Box.Top;
            }

            if (figure.ColorBarTitle is { } barTitle)
            {
                var titleWidth = FontMetrics.Width(barTitle, TitleSize);
                var x = bar.Right + gap + levelLabels.Max(l => FontMetrics.Width(l.Label, font)) + gap;
                var centreY = area.Top + (area.Height / 2);
                texts.Add(new PlacedText(barTitle, new PixelRect(x, centreY - (titleWidth / 2), titleLine, titleWidth), x + FontMetrics.Ascent(TitleSize), centreY, "middle", TitleSize, false, "colorbar-title", Rotated: true, CssClass: "gl-label"));
            }
        }

        if (heatmap is not null)
        {
            var bar = new PixelRect(area.Right + gap, area.Top, font * 0.9, area.Height);
            ColorBar = new ColorBarLayout(bar, [.. Enumerable.Range(0, heatmap.BandCount).Select(i => (heatmap.BandValue(i), heatmap.BandColor(i), bar.Bottom - (bar.Height * (i + 1) / heatmap.BandCount)))]);
            foreach (var (value, label) in heatLabels)
            {
                var y = bar.Bottom - (bar.Height * (value - heatmap.Min) / (heatmap.Max - heatmap.Min));
                var baseline = Math.Clamp(y + (FontMetrics.Ascent(font) * 0.35), bar.Top + FontMetrics.Ascent(font), bar.Bottom);
                texts.Add(Text(label, bar.Right + gap, baseline, "start", font, false, "colorbar"));
            }

            if (figure.ColorBarTitle is { } heatTitle)
            {
                var titleWidth = FontMetrics.Width(heatTitle, TitleSize);
                var x = bar.Right + gap + heatLabels.Max(l => FontMetrics.Width(l.Label, font)) + gap;
                var centreY = area.Top + (area.Height / 2);
                texts.Add(new PlacedText(heatTitle, new PixelRect(x, centreY - (titleWidth / 2), titleLine, titleWidth), x + FontMetrics.Ascent(TitleSize), centreY, "middle", TitleSize, false, "colorbar-title", Rotated: true, CssClass: "gl-label"));
            }
        }

        // The legend: inside, in the corner that covers the fewest data; or outside when every corner covers some.
        LegendOutside = legendOutside;
        LegendEntries = [];
        LegendBox = null;
        if (entries.Count > 0)
        {
            PixelRect box;
            var placed = new List<LegendEntry>();
            if (legendOutside && !outsideRight)
            {
                var rows = FlowRows(entryWidths, Width - (2 * pad), font * 1.2);
                var top0 = Height - pad - (rows.Count * legendRow);
                box = new PixelRect(pad, top0, Width - (2 * pad), rows.Count * legendRow);
                var k = 0;
                for (var r = 0; r < rows.Count; r++)
                {
                    var x = pad;
                    foreach (var w in rows[r])
                    {
                        placed.Add(Entry(entries[k], x, top0 + (r * legendRow), swatch, gap, font, legendRow));
                        x += w + (font * 1.2);
                        k++;
                    }
                }
            }
            else
            {
                var boxWidth = entryWidths.Max() + (2 * pad);
                var boxHeight = (entries.Count * legendRow) + pad;
                var candidates = outsideRight
                    ? [new PixelRect(Width - boxWidth, area.Top, boxWidth, boxHeight)]
                    : InsideLegendPlaces(area, boxWidth, boxHeight, gap);
                box = candidates.OrderBy(LegendCover).First();
                for (var i = 0; i < entries.Count; i++)
                {
                    placed.Add(Entry(entries[i], box.Left + pad, box.Top + (pad / 2) + (i * legendRow), swatch, gap, font, legendRow));
                }
            }

            LegendBox = box;
            LegendEntries = placed;
            texts.AddRange(placed.Select(e => e.Label));
        }

        // Annotations beside their points: the first position that stays inside the plot area and touches no other text.
        _unplaced.Clear();
        foreach (var note in figure.Series.OfType<Annotation>().Where(a => !a.Docked && !_docked.Contains(a)))
        {
            if (Place(note, texts) is { } text)
            {
                texts.Add(text);
            }
            else if (double.IsFinite(note.At.X) && double.IsFinite(note.At.Y))
            {
                _unplaced.Add(note);
            }
        }

        Texts = texts;
    }

    /// <summary>Line <paramref name="index"/> of the strip above the plot area (the banner, then the docked notes), shrunk to fit the figure's width where a phone leaves too little room.</summary>
    private PlacedText StripText(int index, (string Text, bool Bold, string Css, Annotation? Source) line, PixelRect area)
    {
        var (text, bold, css, source) = line;
        var pad = Math.Round(FontSize * 0.5);
        var gap = Math.Round(FontSize * 0.3);
        var titleLine = FontMetrics.LineHeight(TitleSize);
        var size = Math.Max(10, Math.Min(TitleSize, TitleSize * (Width - (2 * pad)) / FontMetrics.Width(text, TitleSize, bold)));
        var x = Math.Max(pad, Math.Min(area.Left, Width - pad - FontMetrics.Width(text, size, bold)));
        var baseline = pad + (index * (titleLine + gap)) + FontMetrics.Ascent(TitleSize);
        return Text(text, x, baseline, "start", size, bold, source is null ? "banner" : "annotation", css) with { TestId = source?.TestId, Source = source };
    }

    /// <summary>The places an inside legend of <paramref name="width"/> × <paramref name="height"/> may take, in order of preference.</summary>
    private static PixelRect[] InsideLegendPlaces(PixelRect area, double width, double height, double gap) =>
    [
        new PixelRect(area.Right - width - gap, area.Top + gap, width, height),
        new PixelRect(area.Left + gap, area.Top + gap, width, height),
        new PixelRect(area.Right - width - gap, area.Bottom - height - gap, width, height),
        new PixelRect(area.Left + gap, area.Bottom - height - gap, width, height),
        new PixelRect(area.Left + ((area.Width - width) / 2), area.Top + gap, width, height),
        new PixelRect(area.Left + ((area.Width - width) / 2), area.Bottom - height - gap, width, height),
    ];

    /// <summary>
    /// The layout of <paramref name="figure"/> made from this one, when everything the axes, the colour bar and the legend
    /// depend on is the same (the size, the axes' settings and data range, the banner, the strip's line count, the legend's
    /// entries and its place, the contour or heat map series): only the notes are placed again. Null when something
    /// differs, and the figure needs a layout of its own. A frame of playback changes only what moves, so it is laid out
    /// here in a fraction of the time; the drawing is the same as a fresh layout's.
    /// </summary>
    internal FigureLayout? Reuse(Figure figure, int width, int height)
    {
        var old = Figure;
        if (width != Width || height != Height || _docked.Count > 0 || figure.LegendOutside != old.LegendOutside
            || (LegendOutside && !figure.LegendOutside)
            || !SameAxis(figure.X, old.X) || !SameAxis(figure.Y, old.Y)
            || !string.Equals(figure.Banner, old.Banner, StringComparison.Ordinal) || !string.Equals(figure.ColorBarTitle, old.ColorBarTitle, StringComparison.Ordinal)
            || !ReferenceEquals(figure.Series.OfType<ContourSeries>().FirstOrDefault(), old.Series.OfType<ContourSeries>().FirstOrDefault())
            || !ReferenceEquals(figure.Series.OfType<HeatmapSeries>().FirstOrDefault(), old.Series.OfType<HeatmapSeries>().FirstOrDefault())
            || figure.Series.OfType<Annotation>().Count(a => a.Docked) != old.Series.OfType<Annotation>().Count(a => a.Docked)
            || !LegendSignature(figure).SequenceEqual(LegendSignature(old)))
        {
            return null;
        }

        var (xValues, yValues) = ValuesInView(figure);
        var (xMin, xMax, xLog) = Range(figure.X, xValues);
        var (yMin, yMax, yLog) = Range(figure.Y, yValues);
        if (new DataRect(xMin, xMax, yMin, yMax) != Domain || xLog != XLog || yLog != YLog)
        {
            return null;
        }

        var layout = new FigureLayout(figure, width, height)
        {
            Domain = Domain, XLog = XLog, YLog = YLog, PlotArea = PlotArea, X = X, Y = Y, XTicks = XTicks, YTicks = YTicks,
            LegendBox = LegendBox, LegendOutside = LegendOutside, LegendEntries = LegendEntries, ColorBar = ColorBar, ContourLines = ContourLines,
        };

        // The legend must still be where a fresh layout puts it: the place that covers the fewest points, none.
        if (LegendBox is { } box && !LegendOutside)
        {
            var best = InsideLegendPlaces(PlotArea, box.Width, box.Height, Math.Round(FontSize * 0.3)).OrderBy(layout.LegendCover).First();
            if (best != box || layout.LegendCover(best) > 0)
            {
                return null;
            }
        }

        // The texts that stay, then the strip's docked notes and the notes beside their points, in a fresh layout's order.
        var texts = Texts.Where(t => t.Role != "annotation").ToList();
        var strip = figure.Series.OfType<Annotation>().Where(a => a.Docked).Select(a => (a.Text, a.Bold, a.CssClass, (Annotation?)a)).ToList();
        var first = figure.Banner is null ? 0 : 1;
        var at = texts.FindLastIndex(t => t.Role is "banner" or "title-y" or "title-x" or "tick-x" or "tick-y") + 1;
        texts.InsertRange(at, strip.Select((line, i) => layout.StripText(first + i, line, PlotArea)));
        foreach (var note in figure.Series.OfType<Annotation>().Where(a => !a.Docked))
        {
            if (layout.Place(note, texts) is not { } text)
            {
                return null; // nowhere clear: a fresh layout docks it in the strip
            }

            texts.Add(text);
        }

        layout.Texts = texts;
        return layout;
    }

    private static bool SameAxis(Axis a, Axis b) =>
        string.Equals(a.Title, b.Title, StringComparison.Ordinal) && a.Scale == b.Scale && a.Min == b.Min && a.Max == b.Max
        && a.IncludeZero == b.IncludeZero && a.Padding == b.Padding && a.Grid == b.Grid;

    // What the legend draws of each entry.
    private static IEnumerable<(string Name, string Kind, string Css, string? Color, MarkerShape Shape)> LegendSignature(Figure figure) =>
        figure.Series.Where(s => s.InLegend && s.Name.Length > 0).DistinctBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => (s.Name, s.GetType().Name, s.CssClass, s.Color, s switch { MarkerSeries m => m.Shape, ScatterSeries c => c.Shape, _ => MarkerShape.Circle }));

    private PlacedText? Place(Annotation note, List<PlacedText> taken)
    {
        var size = TitleSize;
        var at = note.At;
        if (!double.IsFinite(at.X) || (XLog && at.X <= 0))
        {
            return null;
        }

        var area = PlotArea;
        var text = note.Text;
        double px, py;
        if (!Y.CanShow(at.Y))
        {
            return null;
        }

        px = X.ToPixel(at.X);
        py = Y.ToPixel(at.Y);
        if (py < area.Top)
        {
            text += " ↑";
        }
        else if (py > area.Bottom)
        {
            text += " ↓";
        }

        px = Math.Clamp(px, area.Left, area.Right);
        py = Math.Clamp(py, area.Top, area.Bottom);
        var width = FontMetrics.Width(text, size, note.Bold);
        var ascent = FontMetrics.Ascent(size);
        // Beside the point first, then further out along the same eight directions, then the plot area's corners:
        // the nearest place that covers no drawn point wins (a note on top of the curve it explains hides it).
        var candidates = new List<(double X, double Baseline, string Anchor)>();
        foreach (var d in new[] { 0.6, 1.8, 3.5, 6 }.Select(k => k * size))
        {
            candidates.AddRange(
            [
                (px + d, py - d, "start"), (px - d, py - d, "end"), (px + d, py + d + ascent, "start"), (px - d, py + d + ascent, "end"),
                (px + d, py + (ascent / 2), "start"), (px - d, py + (ascent / 2), "end"), (px, py - d, "middle"), (px, py + d + ascent, "middle"),
            ]);
        }

        var inset = size * 0.5;
        candidates.AddRange(
        [
            (area.Left + inset, area.Top + inset + ascent, "start"), (area.Right - inset, area.Top + inset + ascent, "end"),
            (area.Left + inset, area.Bottom - inset - FontMetrics.Descent(size), "start"), (area.Right - inset, area.Bottom - inset - FontMetrics.Descent(size), "end"),
        ]);
        // Last, anywhere in the plot area that is clear, nearest the point first.
        var descent = FontMetrics.Descent(size);
        var free = new List<(double X, double Baseline, string Anchor)>();
        for (var i = 0; i <= 8; i++)
        {
            for (var j = 0; j <= 8; j++)
            {
                var left = area.Left + inset + (i * Math.Max(0, area.Width - (2 * inset) - width) / 8);
                var baseline = area.Top + inset + ascent + (j * Math.Max(0, area.Height - (2 * inset) - ascent - descent) / 8);
                free.Add((left, baseline, "start"));
            }
        }

        candidates.AddRange(free.OrderBy(c => Math.Pow(c.X + (width / 2) - px, 2) + Math.Pow(c.Baseline - (ascent / 2) - py, 2)));
        // Every drawn point, sorted by x once per arrangement: a candidate's cover is counted from the points in its columns.
        var drawn = _drawnByX ??= [.. Figure.Series.Where(s => s is not Annotation).SelectMany(KeptPixelPoints).OrderBy(p => p.X)];
        PlacedText? best = null;
        var bestCover = int.MaxValue;
        foreach (var (x, baseline, anchor) in candidates)
        {
            var placed = Text(text, x, baseline, anchor, size, note.Bold, "annotation", note.CssClass) with { TestId = note.TestId, Source = note };
            var box = placed.Box;
            if (box.Left < area.Left + 2 || box.Right > area.Right - 2 || box.Top < area.Top + 2 || box.Bottom > area.Bottom - 2)
            {
                continue;
            }

            if (taken.Any(t => Overlap(t.Box, box)) || (LegendBox is { } legend && Overlap(legend, box)))
            {
                continue;
            }

            var cover = CountInside(drawn, box, 2);
            if (cover < bestCover)
            {
                best = placed;
                bestCover = cover;
                if (cover == 0)
                {
                    break;
                }
            }
        }

        // Nowhere clear: none, and the layout writes it in the strip above the plot area instead.
        return bestCover == 0 ? best : null;
    }

    private static LegendEntry Entry(Series series, double x, double top, double swatch, double gap, double font, double row)
    {
        var baseline = top + ((row - FontMetrics.LineHeight(font)) / 2) + FontMetrics.Ascent(font);
        var label = Text(series.Name, x + swatch + gap, baseline, "start", font, false, "legend");
        return new LegendEntry(series, x, baseline - (FontMetrics.Ascent(font) * 0.35), label);
    }

    /// <summary>How many of <paramref name="byX"/> (sorted by x) lie inside <paramref name="box"/> widened by <paramref name="margin"/>: those of <see cref="Inside"/>, found from the first in its columns.</summary>
    internal static int CountInside((double X, double Y)[] byX, PixelRect box, double margin)
    {
        int low = 0, high = byX.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (byX[middle].X < box.Left - margin)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var count = 0;
        for (var i = low; i < byX.Length && byX[i].X <= box.Right + margin; i++)
        {
            if (Inside(box, byX[i], margin))
            {
                count++;
            }
        }

        return count;
    }

    // How many of the series' points a legend box would cover.
    private int LegendCover(PixelRect box)
    {
        var cover = 0;
        foreach (var series in Figure.Series)
        {
            foreach (var point in KeptPixelPoints(series))
            {
                if (Inside(box, point, 4))
                {
                    cover++;
                }
            }
        }

        return cover;
    }

    // The pixel points of a series, found once per arrangement (the scales are set by then) and kept for every candidate
    // place of the legend and the notes: a function curve is sampled once, not once per candidate box.
    private (double X, double Y)[] KeptPixelPoints(Series series)
    {
        _coverPoints ??= new Dictionary<Series, (double X, double Y)[]>(ReferenceEqualityComparer.Instance);
        if (!_coverPoints.TryGetValue(series, out var points))
        {
            _coverPoints[series] = points = [.. PixelPoints(series)];
        }

        return points;
    }

    private static bool Inside(PixelRect box, (double X, double Y) p, double margin) =>
        p.X >= box.Left - margin && p.X <= box.Right + margin && p.Y >= box.Top - margin && p.Y <= box.Bottom + margin;

    /// <summary>Whether two boxes share any pixels.</summary>
    public static bool Overlap(PixelRect a, PixelRect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    private static List<List<double>> FlowRows(IReadOnlyList<double> widths, double available, double spacing)
    {
        var rows = new List<List<double>>();
        var current = new List<double>();
        var used = 0.0;
        foreach (var w in widths)
        {
            if (current.Count > 0 && used + spacing + w > available)
            {
                rows.Add(current);
                current = [];
                used = 0;
            }

            used += (current.Count > 0 ? spacing : 0) + w;
            current.Add(w);
        }

        if (current.Count > 0)
        {
            rows.Add(current);
        }

        return rows;
    }

    private static PlacedText Text(string text, double x, double baseline, string anchor, double size, bool bold, string role, string cssClass = "gl-tick")
    {
        var width = FontMetrics.Width(text, size, bold);
        var left = anchor switch { "middle" => x - (width / 2), "end" => x - width, _ => x };
        var box = new PixelRect(left, baseline - FontMetrics.Ascent(size), width, FontMetrics.LineHeight(size));
        return new PlacedText(text, box, x, baseline, anchor, size, bold, role, CssClass: cssClass);
    }

    private static bool XLabelsOverlap(IReadOnlyList<Tick> ticks, IScale scale, double font)
    {
        for (var i = 1; i < ticks.Count; i++)
        {
            var previousRight = scale.ToPixel(ticks[i - 1].Value) + (FontMetrics.Width(ticks[i - 1].Label, font) / 2);
            var left = scale.ToPixel(ticks[i].Value) - (FontMetrics.Width(ticks[i].Label, font) / 2);
            if (left - previousRight < font * 0.8)
            {
                return true;
            }
        }

        return false;
    }

    // Enough for levels a millionth apart on a cost near 1 (a plateau): 0.9999045, 0.999905, 0.9999055.
    private const int MaxLevelDigits = 10;

    private static IReadOnlyList<(int Index, string Label)> LevelLabels(IReadOnlyList<double> levels)
    {
        // Every level's label, with as few significant digits as keep neighbours apart.
        for (var digits = 2; digits <= MaxLevelDigits; digits++)
        {
            var labels = levels.Select(l => NiceNumbers.Label(l, digits)).ToList();
            if (labels.Distinct(StringComparer.Ordinal).Count() == labels.Count || digits == MaxLevelDigits)
            {
                return [.. labels.Select((label, i) => (i, label))];
            }
        }

        return [];
    }

    private static IReadOnlyList<Tick> MakeTicks(bool log, double min, double max, int count) =>
        log ? new LogScale(min, max, 0, 1).Ticks(count) : NiceNumbers.Ticks(min, max, count);

    private static IScale Scale(bool log, double min, double max, double from, double to) =>
        log ? new LogScale(min, max, from, to) : new LinearScale(min, max, from, to);

    /// <summary>The axis range: fixed limits where given, else the data's (log when asked, or automatically over three decades), padded; never empty.</summary>
    /// <summary>What an axis's range is worked out from: its finite values' extremes, and those of its values above zero.</summary>
    private struct ValueSpread
    {
        public int Finite;
        public int Positive;
        public double Min;
        public double Max;
        public double PositiveMin;
        public double PositiveMax;

        public void Add(double value)
        {
            if (!double.IsFinite(value))
            {
                return;
            }

            (Min, Max) = Finite++ == 0 ? (value, value) : (Math.Min(Min, value), Math.Max(Max, value));
            if (value > 0)
            {
                (PositiveMin, PositiveMax) = Positive++ == 0 ? (value, value) : (Math.Min(PositiveMin, value), Math.Max(PositiveMax, value));
            }
        }
    }

    // One pass over the points of the series that fit the view (a loss curve of a thousand points is read once, with no lists).
    private static (ValueSpread X, ValueSpread Y) ValuesInView(Figure figure)
    {
        var (x, y) = (default(ValueSpread), default(ValueSpread));
        foreach (var series in figure.Series)
        {
            if (!series.FitsView)
            {
                continue;
            }

            var points = series.Points;
            for (var i = 0; i < points.Count; i++)
            {
                x.Add(points[i].X);
                y.Add(points[i].Y);
            }
        }

        return (x, y);
    }

    private static (double Min, double Max, bool Log) Range(Axis axis, ValueSpread values)
    {
        var log = axis.Scale switch
        {
            ScaleKind.Log => true,
            ScaleKind.Auto => values.Positive > 0 && values.Positive == values.Finite && (axis.Min is null || axis.Min > 0) && values.PositiveMax / values.PositiveMin > 1000,
            _ => false,
        };

        if (log)
        {
            var low = axis.Min is > 0 ? axis.Min.Value : values.Positive > 0 ? values.PositiveMin : 0.1;
            var high = axis.Max is { } fixedHigh && fixedHigh > low ? fixedHigh : values.Positive > 0 ? values.PositiveMax : 10;
            if (!(high > low * 1.0001))
            {
                (low, high) = (low / 10, high * 10);
            }

            var ratio = Math.Pow(high / low, axis.Padding);
            return (axis.Min is > 0 ? low : low / ratio, axis.Max is not null ? high : high * ratio, true);
        }

        var min = axis.Min ?? (values.Finite > 0 ? values.Min : 0);
        var max = axis.Max ?? (values.Finite > 0 ? values.Max : 1);
        if (axis.IncludeZero)
        {
            min = axis.Min ?? Math.Min(min, 0);
            max = axis.Max ?? Math.Max(max, 0);
        }

        var span = max - min;
        var scale = Math.Max(Math.Abs(min), Math.Abs(max));
        if (!(span > 1e-12 * Math.Max(1, scale)))
        {
            // All values (nearly) equal: a sensible range around them, never ±1e-16.
            var half = scale > 1e-6 ? scale * 0.1 : 1;
            return (min - half, max + half, false);
        }

        var padding = span * axis.Padding;
        return (axis.Min ?? min - padding, axis.Max ?? max + padding, false);
    }
}
