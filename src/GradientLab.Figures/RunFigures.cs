using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures;

/// <summary>
/// The three linked views of a run as figures of the plot model: the data with the model, the cost surface J(w, b)
/// with the path, and the loss curve. Every view shows the run up to a cursor (a step of the trajectory) and follows
/// it: the contour view always holds the whole path so far and the minimum (zooming out, and saying so, when a run
/// diverges, unless <see cref="PinView"/>), the loss axis turns logarithmic when the loss spans more than three decades,
/// and a prediction off the data chart is written at its edge with an arrow. The web page stacks a static layer (axes,
/// data, contours) under a dynamic one (redrawn at every step); a file gets one standalone drawing.
/// </summary>
public sealed class RunFigures
{
    /// <summary>Width of a figure written to a file, in pixels.</summary>
    public const int Width = 640;

    /// <summary>Height of the data and contour figures written to a file.</summary>
    public const int Height = 480;

    /// <summary>Height of the loss figure written to a file.</summary>
    public const int LossHeight = 360;

    private readonly ResolvedScenario _scenario;
    private readonly IReadOnlyList<StepRecord> _trajectory;
    private readonly IReadOnlyList<double>? _minimum;
    private readonly DataRect _dataDomain;
    private readonly DataRect? _contourWindow;
    private readonly int _lastFinite;
    private readonly LayeredFigure _dataLayers = new();
    private readonly LayeredFigure _contourLayers = new();
    private readonly LayeredFigure _autoLossLayers = new();
    private readonly LayeredFigure _logLossLayers = new();
    private readonly LayeredFigure _linearLossLayers = new();
    private (int Step, bool Positive)? _turn;
    private ThinnedPath? _thinnedPath;
    private PrefixExtents? _extents;
    private LossPyramid? _lossPyramid;
    private (int Zoom, ContourSeries Series)? _contours;
    private ScatterSeries? _samples;
    private Curvature? _curvature;

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
        _lastFinite = trajectory.Count - 1;
        while (_lastFinite > 0 && !trajectory[_lastFinite].Parameters.All(double.IsFinite))
        {
            _lastFinite--;
        }
    }

    /// <summary>Whether the run has exactly two parameters, so J(w, b) can be drawn as contours.</summary>
    public bool HasContour => _contourWindow is not null;

    /// <summary>Whether the objective has data to plot.</summary>
    public bool HasData => _scenario.InputData is not null;

    /// <summary>The x at which the data view writes the model's prediction.</summary>
    public double PredictionX { get; set; } = double.NaN;

    /// <summary>Keep the contour view on the region around the start and the minimum, even when the path leaves it.</summary>
    public bool PinView { get; set; }

    /// <summary>
    /// What the figures' SVG ids (clip path, title, arrowheads) start with: empty for a page with one run; the run's name
    /// where several runs share a page (the failure cases), so one figure never clips to another's plot area.
    /// </summary>
    public string IdPrefix { get; init; } = "";

    /// <summary>The width and height the page gives the data and contour views.</summary>
    public (int Width, int Height) ViewSize { get; set; } = (430, 330);

    /// <summary>The width and height the page gives the loss view.</summary>
    public (int Width, int Height) LossSize { get; set; } = (430, 260);

    /// <summary>The data view as a figure: the samples, the model's line at <paramref name="cursor"/> and its prediction.</summary>
    public Figure DataFigure(int cursor)
    {
        var input = _scenario.InputData ?? throw new InvalidOperationException("This scenario has no data to plot.");
        var parameters = _trajectory[Clamp(cursor)].Parameters;
        var figure = new Figure($"{IdPrefix}data", $"{AxisLabel(input.TargetName)} against {AxisLabel(input.FeatureNames[0])}, with the model at step {Clamp(cursor)}");
        figure.X.Title = AxisLabel(input.FeatureNames[0]);
        figure.Y.Title = AxisLabel(input.TargetName);
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (_dataDomain.XMin, _dataDomain.XMax, _dataDomain.YMin, _dataDomain.YMax);
        figure.Add(_samples ??= new ScatterSeries("samples", Samples()) { CssClass = "gl-data", InLegend = true }); // the same at every step
        if (input.FeatureCount == 1)
        {
            figure.Add(new FunctionSeries("model", x => _scenario.Predict(parameters, [x])) { CssClass = "gl-line", Layer = FigureLayer.Dynamic, InLegend = true, TestId = "model-line", Straight = _scenario.PredictsAffinely });
            var at = double.IsFinite(PredictionX) ? PredictionX : DefaultPredictionX(input.FeatureNames[0]);
            if (double.IsFinite(at))
            {
                var prediction = _scenario.Predict(parameters, [at]);
                figure.Add(new ReferenceLine($"x = {F(at)}", at, vertical: true) { CssClass = "gl-marker-line", Layer = FigureLayer.Dynamic });
                figure.Add(new MarkerSeries("prediction", new DataPoint(at, Math.Clamp(prediction, _dataDomain.YMin, _dataDomain.YMax))) { CssClass = "gl-current", Size = 5, Layer = FigureLayer.Dynamic });
                figure.Add(new Annotation($"f({F(at)}) = {F(prediction)}{(prediction > _dataDomain.YMax ? " ↑ above the chart" : prediction < _dataDomain.YMin ? " ↓ below the chart" : "")}", new DataPoint(at, prediction)) { Layer = FigureLayer.Dynamic, TestId = "prediction-note", Docked = true });
                figure.Description = $"Step {Clamp(cursor)}: the model predicts {F(prediction)} at {F(at)}.";
            }
        }
        else
        {
            // Several features: each sample's prediction, drawn above its first feature.
            var predictions = new List<DataPoint>();
            for (var row = 0; row < input.SampleCount; row++)
            {
                var features = Enumerable.Range(0, input.FeatureCount).Select(j => input.Column(j)[row]).ToArray();
                predictions.Add(new DataPoint(features[0], _scenario.Predict(parameters, features)));
            }

            figure.Add(new ScatterSeries("predictions", predictions) { CssClass = "gl-prediction", Radius = 3, Layer = FigureLayer.Dynamic, InLegend = true, FitsView = false });
            figure.Description = $"Step {Clamp(cursor)}: each sample's prediction beside its target.";
        }

        return figure;
    }

    /// <summary>The contour view as a figure: J's level curves over a view that holds the path up to <paramref name="cursor"/>, the path and the minimum.</summary>
    public Figure ContourFigure(int cursor)
    {
        var window = ContourView(cursor, out var zoom);
        var names = _scenario.ParameterNames;
        var objective = _scenario.Settings.Objective;
        var figure = new Figure($"{IdPrefix}contour", $"The cost J({names[0]}, {names[1]}) with the path of gradient descent") { ColorBarTitle = "J (cost)" };
        figure.X.Title = names[0];
        figure.Y.Title = names[1];
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (window.XMin, window.XMax, window.YMin, window.YMax);
        var floor = _minimum is { } m ? objective.Value([.. m]) : (double?)null;
        // Linear regression evaluates its quadratic form from the data's statistics: O(1) per point, however many rows.
        if (_contours is not { } contours || contours.Zoom != zoom)
        {
            // One series per view, so its sampled grid and traced levels are kept while the view stays.
            _contours = contours = (zoom, new ContourSeries("J", (w, b) => objective.Value([w, b]), window, floor));
        }

        figure.Add(contours.Series);
        if (zoom > 0)
        {
            figure.Banner = $"view zoomed out ×{Math.Pow(2, zoom):0} to follow the run";
        }

        AddBowlDirections(figure, window);
        if (_minimum is { } minimum)
        {
            figure.Add(new MarkerSeries("minimum", new DataPoint(minimum[0], minimum[1]), MarkerShape.Star) { CssClass = "gl-minimum", InLegend = true, Tooltip = $"minimum: {names[0]} = {F(minimum[0])}, {names[1]} = {F(minimum[1])}" });
        }

        var shown = Clamp(cursor);
        var path = PathPoints(window, shown);

        var every = Math.Max(1, (_trajectory.Count - 1) / 25);
        var current = path[^1];
        figure.Add(new PathSeries("path", path)
        {
            CssClass = "gl-path",
            Layer = FigureLayer.Dynamic,
            InLegend = true,
            FitsView = false,
            ArrowAt = i => i < 6 || i % every == 0,
            CurrentTooltip = $"{names[0]} = {F(current.X)}, {names[1]} = {F(current.Y)}",
            CurrentTestId = "current-point",
        });
        // The step where the first parameter changes sign, written in the strip above the plot from the first step on
        // (so the plot area never moves), and ringed on the path once the run has reached it.
        if ((_turn ??= FirstSignChange(_lastFinite)) is { } turn)
        {
            if (shown >= turn.Step)
            {
                var at = new DataPoint(_trajectory[turn.Step].Parameters[0], _trajectory[turn.Step].Parameters[1]);
                figure.Add(new MarkerSeries("turn", at) { CssClass = "gl-start-mark", Size = 7, Layer = FigureLayer.Dynamic });
                figure.Add(new Annotation($"○ {names[0]} turns {(turn.Positive ? "positive" : "negative")} at step {turn.Step}", at) { Docked = true, Layer = FigureLayer.Dynamic });
            }
            else
            {
                figure.Add(new Annotation($"{names[0]} still {(turn.Positive ? "negative" : "positive")} at step {shown}", current) { Docked = true, Layer = FigureLayer.Dynamic });
            }
        }

        var visible = window.XMin <= current.X && current.X <= window.XMax && window.YMin <= current.Y && current.Y <= window.YMax;
        figure.Description = visible
            ? $"Step {shown}: {names[0]} = {F(current.X)}, {names[1]} = {F(current.Y)}, J = {F(_trajectory[shown].Loss)}."
            : $"Step {shown}: the path has left every view ({names[0]} = {F(current.X)}, {names[1]} = {F(current.Y)}); the run diverged.";
        return figure;
    }

    /// <summary>
    /// The condition number above which a quadratic bowl's two directions are drawn: a thin valley, where the fast
    /// direction (the large eigenvalue of the Hessian) explains a first step that looks wrong and the slow one the crawl after it.
    /// </summary>
    public const double ThinBowl = 10;

    /// <summary>The Hessian's eigenvectors through the minimum, when the objective is a thin quadratic bowl.</summary>
    private void AddBowlDirections(Figure figure, DataRect window)
    {
        if (_minimum is not { Count: 2 } minimum || _scenario.Settings.Objective is not IQuadraticObjective)
        {
            return;
        }

        var curvature = _curvature ??= Curvature.Of(_scenario.Settings.Objective, minimum); // at the minimum: the same at every step
        if (!curvature.PositiveDefinite || curvature.ConditionNumber < ThinBowl)
        {
            return;
        }

        (string Name, string Css, int Index)[] directions =
        [
            ($"fast direction (λ = {F(curvature.LambdaMax)})", "gl-bowl-fast", 1),
            ($"slow direction (λ = {F(curvature.LambdaMin)})", "gl-bowl-slow", 0),
        ];
        foreach (var (name, css, index) in directions)
        {
            var v = curvature.Eigenvectors[index];
            // As far along ±v as the view reaches, so the line crosses the plot from edge to edge.
            var reach = Math.Min(
                Math.Abs(v[0]) > 1e-12 ? (window.XMax - window.XMin) / Math.Abs(v[0]) : double.PositiveInfinity,
                Math.Abs(v[1]) > 1e-12 ? (window.YMax - window.YMin) / Math.Abs(v[1]) : double.PositiveInfinity);
            var from = new DataPoint(minimum[0] - (reach * v[0]), minimum[1] - (reach * v[1]));
            var to = new DataPoint(minimum[0] + (reach * v[0]), minimum[1] + (reach * v[1]));
            figure.Add(new LineSeries(name, [from, to]) { CssClass = css, InLegend = true, FitsView = false });
        }
    }

    /// <summary>
    /// The path up to <paramref name="shown"/> as points that differ on screen: the run's points thinned once per view
    /// (a point is kept when it is half a pixel or more from the last one kept), so a frame draws only what shows.
    /// Thinning in order keeps every prefix of the run a prefix of the thinned run; the current point always ends it.
    /// </summary>
    private DataPoint[] PathPoints(DataRect window, int shown)
    {
        var (width, height) = ViewSize;
        if (_thinnedPath is not { } thinned || !thinned.IsFor(window, width, height))
        {
            _thinnedPath = thinned = new ThinnedPath(window, width, height);
            thinned.Extend(_lastFinite + 1, PointAt);
        }

        return thinned.UpTo(shown, PointAt);
    }

    private DataPoint PointAt(int index) => new(_trajectory[index].Parameters[0], _trajectory[index].Parameters[1]);

    /// <summary>The first step at which the first parameter changes sign from a non-zero start, if it has by <paramref name="shown"/>.</summary>
    private (int Step, bool Positive)? FirstSignChange(int shown)
    {
        var start = _trajectory[0].Parameters[0];
        if (start == 0 || !double.IsFinite(start))
        {
            return null;
        }

        for (var i = 1; i <= shown; i++)
        {
            var p = _trajectory[i].Parameters[0];
            if (Math.Sign(p) == -Math.Sign(start))
            {
                return (i, p > 0);
            }
        }

        return null;
    }

    /// <summary>
    /// The cost surface J(w, b) in 3-D over the contour view's region at <paramref name="cursor"/>, with the path on it:
    /// the points that differ on the contour view (<see cref="PathPoints"/>), ending at the current point.
    /// </summary>
    public SurfaceView SurfaceFigure(int cursor, double azimuth = -55, double elevation = 30)
    {
        var window = ContourView(cursor, out _);
        var names = _scenario.ParameterNames;
        var objective = _scenario.Settings.Objective;
        var shown = Clamp(cursor);
        var current = _trajectory[shown].Parameters;
        return new SurfaceView("surface", $"The cost surface J({names[0]}, {names[1]}) in 3-D with the path of gradient descent", (w, b) => objective.Value([w, b]), window)
        {
            XTitle = names[0],
            YTitle = names[1],
            ZTitle = "J",
            Azimuth = azimuth,
            Elevation = elevation,
            Path = PathPoints(window, shown), // the contour's thinned path: a frame at step 100,000 draws what shows, not every step
            Description = $"Step {shown}: {names[0]} = {F(current[0])}, {names[1]} = {F(current[1])}, J = {F(_trajectory[shown].Loss)}; seen from azimuth {azimuth:0}°, elevation {elevation:0}°.",
        };
    }

    /// <summary>The 3-D view for the page.</summary>
    public string Surface(int cursor, double azimuth, double elevation) =>
        SurfaceFigure(cursor, azimuth, elevation).ToSvg(ViewSize.Width, ViewSize.Height, new SvgOptions(TestId: "surface-plot"));

    /// <summary>The 3-D view as one standalone figure (for a file).</summary>
    public string SurfaceFigureSvg(int cursor, int width = Width, int height = Height) =>
        SurfaceFigure(cursor).ToSvg(width, height, new SvgOptions(Standalone: true));

    /// <summary>The loss curve up to <paramref name="cursor"/> with that step marked; log scale when asked, or (null) when the loss spans more than three decades.</summary>
    public Figure LossFigure(int cursor, bool? logScale = null)
    {
        var shown = Clamp(cursor);
        var figure = new Figure($"{IdPrefix}loss", "The cost J at each step");
        figure.X.Title = "step";
        figure.Y.Title = "cost J";
        // The step axis grows with the run, so the first steps are not squeezed against the left edge; it grows in steps
        // of a few per decade (LossAxisEnd), so the axes stay put for many frames of playback and are drawn once for them.
        figure.X.Min = 0;
        figure.X.Max = LossAxisEnd(shown, _trajectory.Count - 1);
        figure.Y.Scale = logScale switch { true => ScaleKind.Log, false => ScaleKind.Linear, null => ScaleKind.Auto };
        // At most a few points per pixel column (each column's lowest and highest J, in step order), from a pyramid of
        // block minima and maxima made once: a frame costs the same at step 100,000 as at step 100.
        var points = (_lossPyramid ??= new LossPyramid(_trajectory)).Points(shown, (figure.X.Max.Value - figure.X.Min.Value) / Math.Max(1, LossSize.Width));
        figure.Add(new LineSeries("J", points) { CssClass = "gl-loss", Layer = FigureLayer.Dynamic });
        figure.Add(new ReferenceLine("this step", shown, vertical: true) { CssClass = "gl-marker-line", Layer = FigureLayer.Dynamic });
        figure.Add(new MarkerSeries("current", new DataPoint(shown, _trajectory[shown].Loss)) { CssClass = "gl-current", Size = 4, Layer = FigureLayer.Dynamic });
        var loss = _trajectory[shown].Loss;
        figure.Description = $"Step {shown}: J = {F(loss)}" + (shown > 0 ? $", {(loss > _trajectory[0].Loss ? "above" : "below")} the start's {F(_trajectory[0].Loss)}." : ".");
        return figure;
    }

    /// <summary>
    /// Where the loss view's step axis ends when it shows step <paramref name="shown"/> of a run whose last step is
    /// <paramref name="lastStep"/>: the first of 1, 1.5, 2, 3, 4, 5, 6 and 8 times a power of ten at or beyond 1.1 times
    /// the step (at least 10, at most the run's last step).
    /// </summary>
    public static int LossAxisEnd(int shown, int lastStep)
    {
        var want = Math.Max(10, shown * 1.1);
        var power = Math.Pow(10, Math.Floor(Math.Log10(want)));
        var end = new[] { 1, 1.5, 2, 3, 4, 5, 6, 8, 10 }.Select(m => m * power).First(e => e >= want * (1 - 1e-12));
        return Math.Max(10, (int)Math.Min(lastStep, Math.Round(end)));
    }

    /// <summary>The loss view's axes (the page's static layer: drawn again only when the axes change).</summary>
    public string LossStatic(int cursor, bool? logScale = null) => LossLayers(logScale).Static(cursor, LossSize, c => LossFigure(c, logScale));

    /// <summary>The loss view's curve up to <paramref name="cursor"/> and its marker (the page's dynamic layer).</summary>
    public string LossDynamic(int cursor, bool? logScale = null) => LossLayers(logScale).Dynamic(cursor, LossSize, c => LossFigure(c, logScale));

    private LayeredFigure LossLayers(bool? logScale) => logScale switch
    {
        true => _logLossLayers,
        false => _linearLossLayers,
        null => _autoLossLayers,
    };

    /// <summary>The data view's axes and samples (the page's static layer).</summary>
    public string DataStatic(int cursor = 0) => _dataLayers.Static(cursor, ViewSize, DataFigure);

    /// <summary>The data view's current line and its prediction (the page's dynamic layer).</summary>
    public string DataDynamic(int cursor) => _dataLayers.Dynamic(cursor, ViewSize, DataFigure);

    /// <summary>The contour view's level curves, colour bar and minimum at <paramref name="cursor"/> (the page's static layer, redrawn only when the view zooms).</summary>
    public string ContourStatic(int cursor = 0) => _contourLayers.Static(cursor, ViewSize, ContourFigure);

    /// <summary>The contour view's path up to <paramref name="cursor"/> and the current point (the page's dynamic layer).</summary>
    public string ContourDynamic(int cursor) => _contourLayers.Dynamic(cursor, ViewSize, ContourFigure);

    /// <summary>The loss view for the page.</summary>
    public string Loss(int cursor, bool? logScale = null) =>
        LossFigure(cursor, logScale).ToSvg(LossSize.Width, LossSize.Height, new SvgOptions(TestId: "loss-plot"));

    /// <summary>The data view as one standalone figure (for a file).</summary>
    public string DataFigureSvg(int cursor, int width = Width, int height = Height) => DataFigure(cursor).ToSvg(width, height, new SvgOptions(Standalone: true));

    /// <summary>The contour view as one standalone figure (for a file).</summary>
    public string ContourFigureSvg(int cursor, int width = Width, int height = Height) => ContourFigure(cursor).ToSvg(width, height, new SvgOptions(Standalone: true));

    /// <summary>The loss view as one standalone figure (for a file).</summary>
    public string LossFigureSvg(int cursor, bool? logScale = null, int width = Width, int height = LossHeight) => LossFigure(cursor, logScale).ToSvg(width, height, new SvgOptions(Standalone: true));

    /// <summary>The data point under a click on the contour view at <paramref name="cursor"/>, or null outside its plot area.</summary>
    public DataPoint? ContourPointAt(double pixelX, double pixelY, int cursor = 0)
    {
        var layout = _contourLayers.Layout(cursor, ViewSize, ContourFigure);
        return layout.InPlotArea(pixelX, pixelY) ? layout.ToData(pixelX, pixelY) : null;
    }

    /// <summary>The region of J the contour view shows at <paramref name="cursor"/>: the start and the minimum, widened by powers of two until it holds the path so far.</summary>
    public DataRect ContourView(int cursor, out int zoom)
    {
        var window = _contourWindow ?? throw new InvalidOperationException("This run has no contour view: it needs exactly two parameters.");
        zoom = 0;
        if (PinView)
        {
            return window;
        }

        // The extent of the path so far from running minima and maxima (made once): O(1) at any step.
        var box = (_extents ??= new PrefixExtents(_trajectory, _lastFinite)).Upto(Math.Min(Clamp(cursor), _lastFinite));
        double xMin = Math.Min(window.XMin, box.XMin), xMax = Math.Max(window.XMax, box.XMax), yMin = Math.Min(window.YMin, box.YMin), yMax = Math.Max(window.YMax, box.YMax);

        double cx = (window.XMin + window.XMax) / 2, cy = (window.YMin + window.YMax) / 2;
        double hx = (window.XMax - window.XMin) / 2, hy = (window.YMax - window.YMin) / 2;
        while (zoom < 200 && (xMin < cx - hx || xMax > cx + hx || yMin < cy - hy || yMax > cy + hy))
        {
            hx *= 2;
            hy *= 2;
            zoom++;
        }

        return new DataRect(cx - hx, cx + hx, cy - hy, cy + hy);
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

    private int Clamp(int cursor) => Math.Clamp(cursor, 0, _trajectory.Count - 1);

    private static double DefaultPredictionX(string feature) => feature switch
    {
        "size_1000sqft" => 1.25,
        "size_sqft" => 1250,
        _ => double.NaN,
    };

    private static string F(double value) => double.IsNaN(value) ? "not a number" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : NiceNumbers.Significant(value);

    private DataPoint[] Samples()
    {
        var input = _scenario.InputData!;
        var samples = new DataPoint[input.SampleCount];
        for (var row = 0; row < input.SampleCount; row++)
        {
            samples[row] = new DataPoint(input.Column(0)[row], input.Targets[row]);
        }

        return samples;
    }

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
