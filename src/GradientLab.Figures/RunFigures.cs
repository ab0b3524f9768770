using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures;

/// <summary>
/// The three linked views of a run as SVG: the data with the model, the cost surface J(w, b) with the path, and the loss
/// curve. The web page stacks a static layer (axes, data, contours: drawn once per run) under a dynamic one (redrawn
/// at every step); a file gets both in one figure. Every view shows the run up to a cursor, a step of the trajectory.
/// </summary>
public sealed class RunFigures
{
    /// <summary>Width of each chart in pixels.</summary>
    public const int Width = 430;

    /// <summary>Height of each chart in pixels.</summary>
    public const int Height = 320;

    /// <summary>Height of the loss chart in pixels.</summary>
    public const int LossHeight = 250;

    private readonly ResolvedScenario _scenario;
    private readonly IReadOnlyList<StepRecord> _trajectory;
    private readonly IReadOnlyList<double>? _minimum;
    private readonly DataRect _dataDomain;
    private readonly DataRect? _contourWindow;
    private string? _dataStatic;
    private string? _contourStatic;

    /// <summary>Prepares the views of a run of <paramref name="scenario"/> with the points of <paramref name="trajectory"/>.</summary>
    public RunFigures(ResolvedScenario scenario, IReadOnlyList<StepRecord> trajectory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(trajectory);
        _scenario = scenario;
        _trajectory = trajectory;
        _minimum = scenario.KnownMinimum();
        _dataDomain = DataDomain();
        _contourWindow = scenario.ParameterNames.Count == 2 ? ContourWindow() : null;
    }

    /// <summary>Whether the run has exactly two parameters, so J(w, b) can be drawn as contours.</summary>
    public bool HasContour => _contourWindow is not null;

    /// <summary>Whether the objective has data to plot.</summary>
    public bool HasData => _scenario.InputData is not null;

    /// <summary>The x at which the data view writes the model's prediction.</summary>
    public double PredictionX { get; set; } = double.NaN;

    /// <summary>The data view's axes and samples.</summary>
    public string DataStatic() => _dataStatic ??= DrawDataStatic(DataPlot()).ToSvg("gl-layer");

    /// <summary>The data view's current line and its prediction at <see cref="PredictionX"/>.</summary>
    public string DataDynamic(int cursor) => DrawDataDynamic(DataPlot(), cursor).ToSvg("gl-layer");

    /// <summary>The data view as one standalone figure (for a file).</summary>
    public string DataFigure(int cursor) => DrawDataDynamic(DrawDataStatic(DataPlot()), cursor).ToSvg(standalone: true);

    /// <summary>The contour view as one standalone figure (for a file).</summary>
    public string ContourFigure(int cursor) => DrawContourDynamic(DrawContourStatic(ContourPlot()), cursor).ToSvg(standalone: true);

    private Plot DrawDataStatic(Plot plot) => plot
        .Axes(AxisLabel(_scenario.InputData!.FeatureNames[0]), AxisLabel(_scenario.InputData.TargetName))
        .Points(Samples());

    private Plot DrawDataDynamic(Plot plot, int cursor)
    {
        var parameters = _trajectory[cursor].Parameters;
        var input = _scenario.InputData!;
        if (input.FeatureCount == 1)
        {
            var line = Enumerable.Range(0, 121)
                .Select(i => _dataDomain.XMin + ((_dataDomain.XMax - _dataDomain.XMin) * i / 120))
                .Select(x => new DataPoint(x, _scenario.Predict(parameters, [x])))
                .ToList();
            plot.Line(line, "gl-line", "model-line");
            var at = double.IsFinite(PredictionX) ? PredictionX : DefaultPredictionX(input.FeatureNames[0]);
            var prediction = _scenario.Predict(parameters, [at]);
            plot.VerticalLine(at);
            plot.Marker(new DataPoint(at, prediction), "gl-current", size: 5);
            var offChart = prediction > _dataDomain.YMax ? " ↑ off the chart" : prediction < _dataDomain.YMin ? " ↓ off the chart" : "";
            plot.Note(new DataPoint(at, prediction), $"f({F(at)}) = {F(prediction)}{offChart}", dx: offChart.Length > 0 ? -8 : 8, anchor: offChart.Length > 0 ? "end" : "start", testId: "prediction-note");
        }
        else
        {
            // Several features: each sample's prediction, drawn above its first feature.
            for (var row = 0; row < input.SampleCount; row++)
            {
                var features = Enumerable.Range(0, input.FeatureCount).Select(j => input.Column(j)[row]).ToArray();
                plot.Marker(new DataPoint(features[0], _scenario.Predict(parameters, features)), "gl-prediction", "cross", 3);
            }
        }

        return plot;
    }

    /// <summary>The contour view's level curves, colour legend and minimum.</summary>
    public string ContourStatic() => _contourStatic ??= DrawContourStatic(ContourPlot()).ToSvg("gl-layer");

    /// <summary>The contour view's path up to <paramref name="cursor"/>, with arrows, and the current point.</summary>
    public string ContourDynamic(int cursor) => DrawContourDynamic(ContourPlot(), cursor).ToSvg("gl-layer");

    private Plot DrawContourStatic(Plot plot)
    {
        var window = _contourWindow!.Value;
        var objective = _scenario.Settings.Objective;
        // Linear regression evaluates its quadratic form from the data's statistics: O(1) per point, however many rows.
        var grid = SurfaceGrid.Sample((w, b) => objective.Value([w, b]), window, 90, 90);
        var (min, max) = grid.Range();
        var floor = _minimum is { } m ? Math.Min(min, objective.Value([.. m])) : min;
        var levels = Contours.LevelsAbove(floor, max, 14);
        string ColorOf(double level) => ColorRamp.At(levels.Count < 2 ? 0 : Math.Log((level - floor) / (levels[0] - floor)) / Math.Log((levels[^1] - floor) / (levels[0] - floor)));
        var names = _scenario.ParameterNames;
        plot.Axes(names[0], names[1]).Contours(Contours.Trace(grid, levels), ColorOf);
        if (_minimum is { } minimum)
        {
            plot.Marker(new DataPoint(minimum[0], minimum[1]), "gl-minimum", "star", 6, $"minimum: {names[0]} = {F(minimum[0])}, {names[1]} = {F(minimum[1])}");
        }

        // Legend: five of the levels with their colours, top right inside the plot area.
        var legend = new System.Text.StringBuilder();
        var area = plot.Area;
        var shown = levels.Count <= 5 ? levels : [levels[0], levels[levels.Count / 4], levels[levels.Count / 2], levels[3 * levels.Count / 4], levels[^1]];
        // The legend goes in the corner farthest from the start and the minimum, so it hides neither.
        var legendHeight = (shown.Count * 15) + 20;
        var marks = new List<DataPoint> { new(_trajectory[0].Parameters[0], _trajectory[0].Parameters[1]) };
        if (_minimum is { } mark)
        {
            marks.Add(new DataPoint(mark[0], mark[1]));
        }

        var corners = new[] { (X: area.Right - 104, Y: area.Top + 6), (X: area.Left + 6, Y: area.Top + 6), (X: area.Right - 104, Y: area.Bottom - legendHeight - 6), (X: area.Left + 6, Y: area.Bottom - legendHeight - 6) };
        var (left, top) = corners.OrderBy(c => marks.Count(m =>
        {
            var px = plot.X.ToPixel(m.X);
            var py = plot.Y.ToPixel(m.Y);
            return px > c.X - 12 && px < c.X + 110 && py > c.Y - 12 && py < c.Y + legendHeight + 12;
        })).First();
        legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<rect class=\"gl-legend\" x=\"{left:0}\" y=\"{top:0}\" width=\"98\" height=\"{legendHeight:0}\" rx=\"4\"/>");
        legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<text class=\"gl-tick\" x=\"{left + 6:0}\" y=\"{top + 14:0}\">J (cost)</text>");
        for (var i = 0; i < shown.Count; i++)
        {
            var y = top + 28 + (i * 15);
            legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<line x1=\"{left + 6:0}\" y1=\"{y - 4:0}\" x2=\"{left + 24:0}\" y2=\"{y - 4:0}\" stroke=\"{ColorOf(shown[i])}\" stroke-width=\"3\"/>");
            legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<text class=\"gl-tick\" x=\"{left + 28:0}\" y=\"{y:0}\">{NiceNumbers.Significant(shown[i], 3)}</text>");
        }

        return plot.Raw(legend.ToString());
    }

    private Plot DrawContourDynamic(Plot plot, int cursor)
    {
        var path = _trajectory.Take(cursor + 1).Select(p => new DataPoint(p.Parameters[0], p.Parameters[1])).ToList();
        var every = Math.Max(1, (_trajectory.Count - 1) / 25);
        plot.Path(path, i => i < 6 || i % every == 0);
        var current = path[^1];
        var names = _scenario.ParameterNames;
        plot.Marker(current, "gl-current", size: 6, title: $"{names[0]} = {F(current.X)}, {names[1]} = {F(current.Y)}", testId: "current-point");
        return plot;
    }

    /// <summary>The loss curve up to <paramref name="cursor"/>, on a linear or log axis, with that step marked.</summary>
    public string Loss(int cursor, bool logScale, bool standalone = false)
    {
        var trajectory = _trajectory;
        var finite = trajectory.Select(p => p.Loss).Where(double.IsFinite).ToArray();
        var positive = finite.Where(v => v > 0).DefaultIfEmpty(1).ToArray();
        // The step axis grows with the run, so the first steps are not squeezed against the left edge.
        var last = Math.Max(10, Math.Min(trajectory.Count - 1, (int)Math.Ceiling(cursor * 1.25 / 10) * 10));
        DataRect domain = logScale
            ? new DataRect(0, last, positive.Min() / 1.5, positive.Max() * 1.5)
            : new DataRect(0, last, Math.Min(0, finite.DefaultIfEmpty(0).Min()), finite.DefaultIfEmpty(1).Max() * 1.05);
        if (!(domain.YMax > domain.YMin))
        {
            domain = domain with { YMax = domain.YMin + 1 };
        }

        var plot = Plot.Create(Width, LossHeight, domain, logScale, id: "loss")
            .Axes("step", logScale ? "cost J (log scale)" : "cost J");
        var stride = Math.Max(1, cursor / 600);
        var points = trajectory.Take(cursor + 1).Where(p => p.Step % stride == 0 || p.Step == cursor)
            .Select(p => new DataPoint(p.Step, p.Loss)).ToList();
        plot.Line(points, "gl-loss");
        plot.VerticalLine(cursor);
        plot.Marker(points[^1], "gl-current", size: 4);
        return plot.ToSvg(null, "loss-plot", standalone);
    }

    /// <summary>The data point under a click on the contour view, or null outside its plot area.</summary>
    public DataPoint? ContourPointAt(double pixelX, double pixelY)
    {
        var plot = ContourPlot();
        return plot.InArea(pixelX, pixelY) ? plot.ToData(pixelX, pixelY) : null;
    }

    /// <summary>Readable axis labels with units for the built-in columns.</summary>
    public static string AxisLabel(string column) => column switch
    {
        "size_1000sqft" => "size (1000 sq ft)",
        "size_sqft" => "size (sq ft)",
        "price_1000usd" => "price ($1000s)",
        "price_usd" => "price ($)",
        "bedrooms" => "bedrooms",
        _ => column,
    };

    private static double DefaultPredictionX(string feature) => feature switch
    {
        "size_1000sqft" => 1.25,
        "size_sqft" => 1250,
        _ => double.NaN,
    };

    private static string F(double value) => double.IsNaN(value) ? "not a number" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : NiceNumbers.Significant(value);

    private IEnumerable<DataPoint> Samples()
    {
        var input = _scenario.InputData!;
        for (var row = 0; row < input.SampleCount; row++)
        {
            yield return new DataPoint(input.Column(0)[row], input.Targets[row]);
        }
    }

    private Plot DataPlot() => Plot.Create(Width, Height, _dataDomain, id: "data");

    private Plot ContourPlot() => Plot.Create(Width, Height, _contourWindow!.Value, id: "contour");

    private DataRect DataDomain()
    {
        var input = _scenario.InputData;
        if (input is null)
        {
            return new DataRect(0, 1, 0, 1);
        }

        var xs = input.Column(0).ToArray();
        var ys = input.Targets.ToArray();
        var around = DataRect.Around(xs.Zip(ys, (x, y) => new DataPoint(x, y)), 0.08);
        var xMin = Math.Min(0, around.XMin);
        var xMax = around.XMax;

        // Keep the starting line in view (the nonsensical w = −0.1, b = 900 line sits above every house), within reason.
        var span = around.YMax - around.YMin;
        var startAtEnds = input.FeatureCount == 1
            ? new[] { _scenario.Predict(_trajectory[0].Parameters, [xMin]), _scenario.Predict(_trajectory[0].Parameters, [xMax]) }
            : [];
        var yMin = Math.Min(Math.Min(0, around.YMin), startAtEnds.Where(double.IsFinite).DefaultIfEmpty(around.YMin).Min());
        var yMax = Math.Max(around.YMax, startAtEnds.Where(double.IsFinite).DefaultIfEmpty(around.YMax).Max() + (0.05 * span));
        yMin = Math.Max(yMin, around.YMin - (2 * span));
        yMax = Math.Min(yMax, around.YMax + (2 * span));
        return new DataRect(xMin, xMax, yMin, yMax);
    }

    private DataRect ContourWindow()
    {
        var start = _trajectory[0];
        var bound = Math.Abs(start.Loss) * 1.5;
        var points = _trajectory
            .Where(p => p.Parameters.All(double.IsFinite) && double.IsFinite(p.Loss) && Math.Abs(p.Loss) <= bound)
            .Select(p => new DataPoint(p.Parameters[0], p.Parameters[1]))
            .ToList();
        if (_minimum is { } minimum)
        {
            points.Add(new DataPoint(minimum[0], minimum[1]));
        }

        return DataRect.Around(points, 0.15);
    }
}
