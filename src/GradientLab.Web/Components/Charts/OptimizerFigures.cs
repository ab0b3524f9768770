using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;
using GradientLab.Web.State;

namespace GradientLab.Web.Components.Charts;

/// <summary>The charts of the optimizer lab.</summary>
public static class OptimizerFigures
{
    /// <summary>J(θ) = θ² with each run's first iterates as dots joined by its steps.</summary>
    public static string Parabola(IReadOnlyList<Series> runs, int shown)
    {
        const double Reach = 8;
        var curve = Enumerable.Range(0, 161).Select(i => -Reach + (2 * Reach * i / 160)).Select(t => new DataPoint(t, t * t)).ToList();
        var plot = Plot.Create(440, 320, new DataRect(-Reach, Reach, 0, Reach * Reach * 1.02), id: "dilemma")
            .Axes("θ", "J(θ) = θ²")
            .Line(curve, "gl-loss");
        foreach (var run in runs)
        {
            var points = run.Points.Take(shown + 1).Select(p => new DataPoint(p.Parameters[0], p.Loss)).ToList();
            plot.Line(points, run.CssClass);
            foreach (var point in points)
            {
                plot.Marker(point, run.CssClass + "-dot", size: 3.5);
            }
        }

        return plot.Raw(Legend(runs.Select(r => (r.Name, r.CssClass)).ToList(), plot.Area, top: false)).ToSvg(null, "dilemma-plot");
    }

    /// <summary>θ against iteration for several runs, zero marked, with the first crossing below zero of <paramref name="overshooting"/>, and an arrow for the velocity at <paramref name="at"/>.</summary>
    public static string ThetaAgainstIteration(IReadOnlyList<Series> runs, Series overshooting, int at, double step)
    {
        var all = runs.SelectMany(r => r.Points).Select(p => p.Parameters[0]).Where(double.IsFinite).ToArray();
        var last = runs.Max(r => r.Points[^1].Step);
        var plot = Plot.Create(440, 300, new DataRect(0, last, Math.Min(-0.5, all.Min() * 1.1), all.Max() * 1.1), id: "momentum")
            .Axes("iteration", "θ")
            .Line([new DataPoint(0, 0), new DataPoint(last, 0)], "gl-marker-line");
        foreach (var run in runs)
        {
            plot.Line(run.Points.Select(p => new DataPoint(p.Step, p.Parameters[0])), run.CssClass);
        }

        var below = overshooting.Points.FirstOrDefault(p => p.Parameters[0] < 0);
        if (below is not null)
        {
            plot.Marker(new DataPoint(below.Step, below.Parameters[0]), "gl-current", "cross", 5);
            plot.Note(new DataPoint(below.Step, below.Parameters[0]), $"overshoots below 0 at step {below.Step}", "gl-note", dy: 16, testId: "overshoot-note");
        }

        if (at < overshooting.Points.Count)
        {
            var from = overshooting.Points[at];
            var to = new DataPoint(at, from.Parameters[0] + step);
            plot.Path([new DataPoint(at, from.Parameters[0]), to], _ => true, "gl-velocity");
            plot.Marker(new DataPoint(at, from.Parameters[0]), "gl-s3-dot", size: 4);
        }

        return plot.Raw(Legend(runs.Select(r => (r.Name, r.CssClass)).ToList(), plot.Area, top: true)).ToSvg(null, "momentum-plot");
    }

    /// <summary>The race: the surface's contours, every racer's path so far, the start and the minima.</summary>
    public static string Race(RaceSession race, string contours)
    {
        var plot = RacePlot(race);
        foreach (var (racer, _, run) in race.Runs)
        {
            var path = run.Trajectory.Select(p => new DataPoint(p.Parameters[0], p.Parameters[1])).ToList();
            plot.Line(path, racer.CssClass);
            plot.Marker(path[^1], racer.CssClass + "-dot", size: 4.5, title: racer.Label);
        }

        plot.Marker(new DataPoint(race.Start[0], race.Start[1]), "gl-start", "cross", 6, "start");
        return plot.Raw(Legend(race.Runs.Select(r => (r.Racer.Label, r.Racer.CssClass)).ToList(), plot.Area, top: true)).ToSvg("gl-layer");
    }

    /// <summary>The race surface's contours and minima: drawn once per surface.</summary>
    public static string RaceContours(RaceSession race)
    {
        var window = race.Surface.Window;
        var grid = SurfaceGrid.Sample((x, y) => race.Function.Value([x, y]), window, 90, 90);
        var (min, max) = grid.Range();
        var floor = race.Function.MinimumValue is { } m ? Math.Min(min, m) : min;
        var levels = Contours.LevelsAbove(floor, max, 16);
        var plot = RacePlot(race)
            .Axes("x", "y")
            .Contours(Contours.Trace(grid, levels), level => ColorRamp.At(Math.Log((level - floor) / (levels[0] - floor)) / Math.Log((levels[^1] - floor) / (levels[0] - floor))));
        foreach (var minimum in race.Function.Minima)
        {
            plot.Marker(new DataPoint(minimum[0], minimum[1]), "gl-minimum", "star", 6, "minimum");
        }

        return plot.ToSvg("gl-layer");
    }

    /// <summary>The data point under a click on the race plot, or null outside its plot area.</summary>
    public static DataPoint? RacePointAt(RaceSession race, double pixelX, double pixelY)
    {
        var plot = RacePlot(race);
        return plot.InArea(pixelX, pixelY) ? plot.ToData(pixelX, pixelY) : null;
    }

    /// <summary>The loss of every racer against step: log scale above the surface's minimum value where it has one.</summary>
    public static string RaceLoss(RaceSession race)
    {
        var floor = race.Function.MinimumValue;
        var values = race.Runs.SelectMany(r => r.Run.Trajectory).Select(p => floor is { } f ? p.Loss - f : p.Loss).Where(double.IsFinite).ToArray();
        var log = floor is not null && values.Where(v => v > 0).Any();
        var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToArray();
        var domain = log
            ? new DataRect(0, Math.Max(1, race.Budget), Math.Max(positive.Min() / 2, 1e-12), positive.Max() * 2)
            : new DataRect(0, Math.Max(1, race.Budget), values.DefaultIfEmpty(0).Min(), Math.Max(values.DefaultIfEmpty(1).Max(), values.DefaultIfEmpty(0).Min() + 1));
        var plot = Plot.Create(440, 280, domain, log, id: "race-loss")
            .Axes("step", log ? (floor == 0 ? "f (log scale)" : "f − f_min (log scale)") : "f");
        foreach (var (racer, _, run) in race.Runs)
        {
            plot.Line(run.Trajectory.Select(p => new DataPoint(p.Step, floor is { } f ? p.Loss - f : p.Loss)), racer.CssClass);
        }

        plot.VerticalLine(race.StepCount);
        return plot.ToSvg(null, "race-loss-plot");
    }

    /// <summary>The learning rate against step, with the current step marked.</summary>
    public static string Schedule(DescentRun run, int budget, int current)
    {
        var schedule = run.Settings.Schedule;
        var rates = Enumerable.Range(0, Math.Max(2, budget + 1)).Select(t => new DataPoint(t, schedule.At(t))).ToList();
        var max = Math.Max(rates.Max(p => p.Y), 1e-12);
        var plot = Plot.Create(440, 230, new DataRect(0, Math.Max(1, budget), 0, max * 1.1), id: "schedule")
            .Axes("step", "learning rate γ")
            .Line(rates, "gl-loss")
            .VerticalLine(current);
        plot.Marker(new DataPoint(current, schedule.At(current)), "gl-current", size: 4);
        return plot.ToSvg(null, "schedule-plot");
    }

    private static Plot RacePlot(RaceSession race) => Plot.Create(460, 400, race.Surface.Window, id: "race");

    private static string Legend(IReadOnlyList<(string Name, string Css)> entries, PixelRect area, bool top)
    {
        var legend = new System.Text.StringBuilder();
        var width = 24 + (entries.Max(e => e.Name.Length) * 7.2);
        var y0 = top ? area.Top + 6 : area.Bottom - (entries.Count * 16) - 12;
        legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<rect class=\"gl-legend\" x=\"{area.Right - width - 6:0}\" y=\"{y0:0}\" width=\"{width:0}\" height=\"{(entries.Count * 16) + 6:0}\" rx=\"4\"/>");
        for (var i = 0; i < entries.Count; i++)
        {
            var y = y0 + 16 + (i * 16);
            legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<line class=\"{entries[i].Css}\" x1=\"{area.Right - width:0}\" y1=\"{y - 4:0}\" x2=\"{area.Right - width + 14:0}\" y2=\"{y - 4:0}\"/>");
            legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<text class=\"gl-tick\" x=\"{area.Right - width + 18:0}\" y=\"{y:0}\">{entries[i].Name.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)}</text>");
        }

        return legend.ToString();
    }
}
