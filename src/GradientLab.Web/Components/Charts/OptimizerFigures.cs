using System.Runtime.CompilerServices;
using GradientLab.Lessons.Optimizers;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Figures;
using GradientLab.Plotting;
using GradientLab.Web.State;

namespace GradientLab.Web.Components.Charts;

/// <summary>The charts of the optimizer lab, as figures of the plot model.</summary>
public static class OptimizerFigures
{
    /// <summary>The race plot's designed width in pixels (it is laid out for the width the page gives it).</summary>
    public const int RaceWidth = 460;

    /// <summary>The race plot's designed height in pixels.</summary>
    public const int RaceHeight = 420;

    /// <summary>The race plot's height when it is <paramref name="width"/> pixels wide.</summary>
    public static int RaceHeightFor(int width) => Figure.HeightFor(width, RaceWidth, RaceHeight);

    /// <summary>J(θ) = θ² with each run's first iterates as dots joined by its steps.</summary>
    public static Figure ParabolaFigure(IReadOnlyList<RunSeries> runs, int shown)
    {
        ArgumentNullException.ThrowIfNull(runs);
        const double Reach = 8;
        var figure = new Figure("dilemma", "J(θ) = θ² with the first iterates of each learning rate")
        {
            Description = string.Join("; ", runs.Select(r => $"{r.Name}: θ = {NiceNumbers.Significant(r.Points[Math.Min(shown, r.Points.Count - 1)].Parameters[0], 4)} after {Math.Min(shown, r.Points.Count - 1)} steps")) + ".",
        };
        figure.X.Title = "θ";
        figure.Y.Title = "J(θ) = θ²";
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (-Reach, Reach, 0, Reach * Reach * 1.02);
        figure.Add(new FunctionSeries("J(θ) = θ²", t => t * t) { CssClass = "gl-curve" });
        foreach (var run in runs)
        {
            var points = run.Points.Take(shown + 1).Select(p => new DataPoint(p.Parameters[0], p.Loss)).ToList();
            figure.Add(new LineSeries(run.Name, points) { CssClass = run.CssClass, DotRadius = 3.5, InLegend = true });
        }

        return figure;
    }

    /// <summary>The SVG of <see cref="ParabolaFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Parabola(IReadOnlyList<RunSeries> runs, int shown, int width = 440, int? height = null) =>
        ParabolaFigure(runs, shown).ToSvg(width, height ?? Figure.HeightFor(width, 440, 320), new SvgOptions(TestId: "dilemma-plot"));

    /// <summary>θ against iteration for several runs, zero marked, with the first crossing below zero of <paramref name="overshooting"/>, and an arrow for the velocity at <paramref name="at"/>.</summary>
    public static Figure ThetaAgainstIterationFigure(IReadOnlyList<RunSeries> runs, RunSeries overshooting, int at, double step)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(overshooting);
        var figure = new Figure("momentum", "θ against iteration, with and without momentum");
        figure.X.Title = "iteration";
        figure.Y.Title = "θ";
        figure.X.Min = 0;
        figure.X.Max = runs.Max(r => r.Points[^1].Step);
        figure.Y.Padding = 0.08;
        figure.Add(new ReferenceLine("θ = 0", 0, vertical: false) { CssClass = "gl-marker-line" });
        foreach (var run in runs)
        {
            figure.Add(new LineSeries(run.Name, [.. run.Points.Select(p => new DataPoint(p.Step, p.Parameters[0]))]) { CssClass = run.CssClass, InLegend = true });
        }

        var below = overshooting.Points.FirstOrDefault(p => p.Parameters[0] < 0);
        if (below is not null)
        {
            var point = new DataPoint(below.Step, below.Parameters[0]);
            figure.Add(new MarkerSeries("overshoot", point, MarkerShape.Cross) { CssClass = "gl-current", Size = 5 });
            figure.Add(new Annotation($"overshoots below 0 at step {below.Step}", point) { TestId = "overshoot-note" });
            figure.Description = $"{overshooting.Name} overshoots below 0 at step {below.Step}.";
        }

        if (at < overshooting.Points.Count)
        {
            var from = overshooting.Points[at];
            var origin = new DataPoint(at, from.Parameters[0]);
            figure.Add(new ArrowSeries("velocity", origin, new DataPoint(at, from.Parameters[0] + step)) { CssClass = "gl-velocity", InLegend = true, FitsView = false });
            figure.Add(new MarkerSeries("at", origin) { CssClass = "gl-s3-dot", Size = 4 });
        }

        return figure;
    }

    /// <summary>The SVG of <see cref="ThetaAgainstIterationFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string ThetaAgainstIteration(IReadOnlyList<RunSeries> runs, RunSeries overshooting, int at, double step, int width = 440, int? height = null) =>
        ThetaAgainstIterationFigure(runs, overshooting, at, step).ToSvg(width, height ?? Figure.HeightFor(width, 440, 300), new SvgOptions(TestId: "momentum-plot"));

    // One contour series per race, kept as long as the race: the series keeps its sampled grid and traced lines, so the
    // dynamic layer's layout (which needs the levels for the colour bar's room) does not sample and trace the surface
    // again at every frame of playback.
    private static readonly ConditionalWeakTable<RaceSession, ContourSeries> Surfaces = [];

    // Each racer's path thinned to the points that differ on the race's view, read as the run grows: a frame reads only
    // the steps made since the last one, and draws only what shows (at 300 steps/s a path was thousands of points).
    private static readonly ConditionalWeakTable<DescentRun, ThinnedPath> Paths = [];

    private static DataPoint[] RacePath(DescentRun run, DataRect window)
    {
        var trajectory = run.Trajectory;
        DataPoint PointAt(int i) => new(trajectory[i].Parameters[0], trajectory[i].Parameters[1]);
        var thinned = Paths.GetValue(run, _ => new ThinnedPath(window, RaceWidth, RaceHeightFor(RaceWidth)));
        thinned.Extend(trajectory.Count, PointAt);
        return thinned.UpTo(trajectory.Count - 1, PointAt);
    }

    /// <summary>The race as one figure: the surface's contours and minima (static), every racer's path so far and the start (dynamic).</summary>
    public static Figure RaceFigure(RaceSession race)
    {
        ArgumentNullException.ThrowIfNull(race);
        var window = race.Surface.Window;
        var figure = new Figure("race", $"Optimizers racing on the {race.Surface.Label}")
        {
            ColorBarTitle = "f(x, y)",
            LegendOutside = true,
            Description = $"Step {race.StepCount}: " + string.Join("; ", race.Runs.Select(r => $"{r.Racer.Label} at f = {NiceNumbers.Significant(r.Run.Current.Loss, 4)}")) + ".",
        };
        figure.X.Title = "x";
        figure.Y.Title = "y";
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (window.XMin, window.XMax, window.YMin, window.YMax);
        figure.Add(Surfaces.GetValue(race, r => new ContourSeries("f", (x, y) => r.Function.Value([x, y]), r.Surface.Window, r.Function.MinimumValue, 16)));
        foreach (var minimum in race.Function.Minima)
        {
            figure.Add(new MarkerSeries("minimum", new DataPoint(minimum[0], minimum[1]), MarkerShape.Star) { CssClass = "gl-minimum" });
        }

        foreach (var (racer, _, run) in race.Runs)
        {
            var path = RacePath(run, window);
            figure.Add(new PathSeries(racer.Label, path) { CssClass = racer.CssClass, Layer = FigureLayer.Dynamic, InLegend = true, ArrowAt = _ => false, CurrentRadius = 4.5, CurrentTooltip = racer.Label, FitsView = false });
        }

        figure.Add(new MarkerSeries("start", new DataPoint(race.Start[0], race.Start[1]), MarkerShape.Cross) { CssClass = "gl-start-mark", Layer = FigureLayer.Dynamic, Tooltip = "start" });
        return figure;
    }

    /// <summary>
    /// The race in 3-D: the surface f(x, y) over the race's window, seen from <paramref name="azimuth"/> and
    /// <paramref name="elevation"/> degrees, with every racer's path so far drawn on it in the racer's colour. The height
    /// is on a log scale above the lowest value when the surface spans decades: when its highest value is over 40 times its
    /// lowest quarter's (Rosenbrock's valley would be flat).
    /// </summary>
    public static SurfaceView RaceSurfaceFigure(RaceSession race, double azimuth, double elevation)
    {
        ArgumentNullException.ThrowIfNull(race);
        double F(double x, double y) => race.Function.Value([x, y]);
        var sample = SurfaceGrid.Sample(F, race.Surface.Window, 21, 21);
        var (low, high) = sample.Range();
        var quartile = sample.Values.Cast<double>().Where(double.IsFinite).Order().ElementAtOrDefault(110);
        return new SurfaceView("race-surface", $"The {race.Surface.Label} in 3-D with every racer's path", F, race.Surface.Window)
        {
            XTitle = "x",
            YTitle = "y",
            ZTitle = "f(x, y)",
            Azimuth = azimuth,
            Elevation = elevation,
            Resolution = 48, // Rosenbrock's valley is narrower than a cell of the default 28: coarser, its floor is drawn as teeth
            LogHeight = high - low > 40 * (quartile - low), // Rosenbrock (×61) and Beale (×213); the bowls, Himmelblau (×14) and Booth (×25) stay linear
            Paths = [.. race.Runs.Select(r => new SurfacePath(r.Racer.Label, r.Racer.CssClass, RacePath(r.Run, race.Surface.Window)) { CurrentClass = r.Racer.CssClass + "-dot" })],
            Description = $"Step {race.StepCount}, seen from azimuth {azimuth:0}°, elevation {elevation:0}°: " + string.Join("; ", race.Runs.Select(r => $"{r.Racer.Label} at f = {NiceNumbers.Significant(r.Run.Current.Loss, 4)}")) + ".",
        };
    }

    /// <summary>The race's 3-D view for the page, <paramref name="width"/> pixels wide.</summary>
    public static string RaceSurface(RaceSession race, double azimuth, double elevation, int width = RaceWidth) =>
        RaceSurfaceFigure(race, azimuth, elevation).ToSvg(width, RaceHeightFor(width), new SvgOptions(TestId: "race-surface-plot"));

    /// <summary>The race's dynamic layer: every racer's path so far, the start, the legend.</summary>
    public static string Race(RaceSession race, int width = RaceWidth) =>
        RaceFigure(race).ToSvg(width, RaceHeightFor(width), new SvgOptions(FigureLayer.Dynamic, CssClass: "gl-layer"));

    /// <summary>The race's static layer: the surface's contours, colour bar and minima (drawn once per surface).</summary>
    public static string RaceContours(RaceSession race, int width = RaceWidth) =>
        RaceFigure(race).ToSvg(width, RaceHeightFor(width), new SvgOptions(FigureLayer.Static, CssClass: "gl-layer"));

    /// <summary>The data point under a click on the race plot, or null outside its plot area.</summary>
    public static DataPoint? RacePointAt(RaceSession race, double pixelX, double pixelY, int width = RaceWidth)
    {
        var layout = RaceFigure(race).Layout(width, RaceHeightFor(width));
        return layout.InPlotArea(pixelX, pixelY) ? layout.ToData(pixelX, pixelY) : null;
    }

    /// <summary>The loss of every racer against step: above the surface's minimum value where it has one, log when it spans decades.</summary>
    public static Figure RaceLossFigure(RaceSession race)
    {
        ArgumentNullException.ThrowIfNull(race);
        var floor = race.Function.MinimumValue;
        var figure = new Figure("race-loss", "Each racer's loss against step");
        figure.X.Title = "step";
        figure.Y.Title = floor is null ? "f" : floor == 0 ? "f" : "f − f_min";
        figure.Y.Scale = floor is null ? ScaleKind.Linear : ScaleKind.Auto;
        figure.X.Min = 0;
        figure.X.Max = Math.Max(1, race.Budget);
        var stepsPerColumn = figure.X.Max.Value / RaceWidth;
        foreach (var (racer, _, run) in race.Runs)
        {
            var trajectory = run.Trajectory;
            var points = ColumnDecimation.MinMax(trajectory.Count, i => new DataPoint(trajectory[i].Step, floor is { } f ? trajectory[i].Loss - f : trajectory[i].Loss), stepsPerColumn);
            figure.Add(new LineSeries(racer.Label, points) { CssClass = racer.CssClass, InLegend = true });
        }

        figure.Add(new ReferenceLine("now", race.StepCount, vertical: true) { CssClass = "gl-marker-line" });
        return figure;
    }

    /// <summary>The SVG of <see cref="RaceLossFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string RaceLoss(RaceSession race, int width = 440, int? height = null) =>
        RaceLossFigure(race).ToSvg(width, height ?? Figure.HeightFor(width, 440, 290), new SvgOptions(TestId: "race-loss-plot"));

    /// <summary>The learning rate against step, with the current step marked.</summary>
    public static Figure ScheduleFigure(DescentRun run, int budget, int current)
    {
        ArgumentNullException.ThrowIfNull(run);
        var schedule = run.Settings.Schedule;
        var figure = new Figure("schedule", "The learning rate at each step")
        {
            Description = $"Step {current}: γ = {NiceNumbers.Significant(schedule.At(current), 4)}.",
        };
        figure.X.Title = "step";
        figure.Y.Title = "learning rate γ";
        figure.X.Min = 0;
        figure.X.Max = Math.Max(1, budget);
        figure.Y.IncludeZero = true;
        figure.Add(new LineSeries("γ", ColumnDecimation.MinMax(Math.Max(2, budget + 1), t => new DataPoint(t, schedule.At(t)), figure.X.Max.Value / RaceWidth)) { CssClass = "gl-loss" });
        figure.Add(new ReferenceLine("now", current, vertical: true) { CssClass = "gl-marker-line" });
        figure.Add(new MarkerSeries("current", new DataPoint(current, schedule.At(current))) { CssClass = "gl-current", Size = 4 });
        return figure;
    }

    /// <summary>The SVG of <see cref="ScheduleFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Schedule(DescentRun run, int budget, int current, int width = 440, int? height = null) =>
        ScheduleFigure(run, budget, current).ToSvg(width, height ?? Figure.HeightFor(width, 440, 240), new SvgOptions(TestId: "schedule-plot"));

    /// <summary>
    /// The cost above the least-squares line's, J − J*, against update for the constant and the decayed rate of
    /// <see cref="GradientLab.Lessons.Optimizers.ScheduleHelps"/>, overlaid (log when it spans decades), the last 20 % marked.
    /// </summary>
    public static Figure ScheduleHelpsFigure(ScheduleHelps helps)
    {
        ArgumentNullException.ThrowIfNull(helps);
        var figure = new Figure("schedule-helps", "The cost above the least-squares line's against update, constant α and cosine decay")
        {
            Description = $"Mean over the last 20 % of the updates: {helps.Constant.Label} J − J* = {NiceNumbers.Significant(helps.Constant.TailMeanLoss - helps.LeastSquaresCost, 3)}, "
                + $"{helps.Decay.Label} J − J* = {NiceNumbers.Significant(helps.Decay.TailMeanLoss - helps.LeastSquaresCost, 3)}.",
        };
        figure.X.Title = "update (one house each)";
        figure.Y.Title = "J − J*";
        figure.Y.Scale = ScaleKind.Auto;
        figure.X.Min = 0;
        figure.X.Max = Math.Max(1, helps.Steps);
        foreach (var (outcome, css) in new[] { (helps.Constant, "gl-r2"), (helps.Decay, "gl-r1") })
        {
            figure.Add(new LineSeries(outcome.Label, [.. outcome.Trajectory.Select(p => new DataPoint(p.Step, p.Loss - helps.LeastSquaresCost))]) { CssClass = css, InLegend = true });
        }

        figure.Add(new ReferenceLine("last 20 %", helps.TailStart, vertical: true) { CssClass = "gl-marker-line" });
        return figure;
    }

    /// <summary>The SVG of <see cref="ScheduleHelpsFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string ScheduleHelpsSvg(ScheduleHelps helps, int width = 440, int? height = null) =>
        ScheduleHelpsFigure(helps).ToSvg(width, height ?? Figure.HeightFor(width, 440, 290), new SvgOptions(TestId: "schedule-helps-plot"));
}
