using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;

namespace GradientLab.Web.Components.Charts;

/// <summary>A named path on a shared chart, with its CSS colour class.</summary>
/// <param name="Name">The legend's text.</param>
/// <param name="CssClass">The line's class (gl-s1, gl-s2, gl-s3).</param>
/// <param name="Points">The run's trajectory.</param>
/// <param name="UpdatesPerEpoch">Updates in one pass over the data, to place each step at its fractional epoch.</param>
public sealed record Series(string Name, string CssClass, IReadOnlyList<StepRecord> Points, int UpdatesPerEpoch = 1);

/// <summary>The small charts of the concepts page.</summary>
public static class ConceptFigures
{
    /// <summary>J(θ) = θ² with the point θ, its tangent, and the step to θ − α·J′(θ).</summary>
    public static string UpdateRule(double theta, double thetaNext)
    {
        var reach = Math.Max(Math.Max(Math.Abs(theta), Math.Abs(thetaNext)) * 1.2, 1);
        var curve = Enumerable.Range(0, 121).Select(i => -reach + (2 * reach * i / 120)).Select(t => new DataPoint(t, t * t)).ToList();
        var plot = Plot.Create(420, 300, new DataRect(-reach, reach, 0, reach * reach * 1.05), id: "rule")
            .Axes("θ", "J(θ) = θ²")
            .Line(curve, "gl-loss");
        var slope = 2 * theta;
        var half = reach * 0.35;
        plot.Line([new DataPoint(theta - half, (theta * theta) - (slope * half)), new DataPoint(theta + half, (theta * theta) + (slope * half))], "gl-tangent");
        plot.Path([new DataPoint(theta, theta * theta), new DataPoint(thetaNext, thetaNext * thetaNext)], _ => true);
        plot.Marker(new DataPoint(theta, theta * theta), "gl-current", size: 5, title: "θ");
        plot.Marker(new DataPoint(thetaNext, thetaNext * thetaNext), "gl-next", size: 5, title: "new θ");
        plot.Note(new DataPoint(thetaNext, thetaNext * thetaNext), "new θ", "gl-tick");
        return plot.ToSvg(null, "rule-plot");
    }

    /// <summary>Several runs of one two-parameter objective on one contour plot.</summary>
    public static string Paths(IObjective objective, IReadOnlyList<Series> runs, IReadOnlyList<double>? minimum, string id, string testId)
    {
        var points = runs.SelectMany(r => r.Points).Where(p => p.Parameters.All(double.IsFinite) && double.IsFinite(p.Loss) && p.Loss <= runs[0].Points[0].Loss * 1.5)
            .Select(p => new DataPoint(p.Parameters[0], p.Parameters[1])).ToList();
        if (minimum is not null)
        {
            points.Add(new DataPoint(minimum[0], minimum[1]));
        }

        var window = DataRect.Around(points, 0.12);
        var grid = SurfaceGrid.Sample((a, b) => objective.Value([a, b]), window, 70, 70);
        var (min, max) = grid.Range();
        var floor = minimum is null ? min : Math.Min(min, objective.Value([.. minimum]));
        var levels = Contours.LevelsAbove(floor, max, 12);
        var plot = Plot.Create(440, 330, window, id: id)
            .Axes(objective.ParameterNames[0], objective.ParameterNames[1])
            .Contours(Contours.Trace(grid, levels), level => ColorRamp.At(Math.Log((level - floor) / (levels[0] - floor)) / Math.Log((levels[^1] - floor) / (levels[0] - floor))));
        if (minimum is not null)
        {
            plot.Marker(new DataPoint(minimum[0], minimum[1]), "gl-minimum", "star", 6, "minimum");
        }

        foreach (var run in runs)
        {
            plot.Line(run.Points.Select(p => new DataPoint(p.Parameters[0], p.Parameters[1])), run.CssClass);
            var last = run.Points[^1];
            plot.Marker(new DataPoint(last.Parameters[0], last.Parameters[1]), run.CssClass + "-dot", size: 4, title: run.Name);
        }

        return plot.Raw(Legend(runs, plot.Area, atBottom: true)).ToSvg(null, testId);
    }

    /// <summary>The loss of several runs against epoch (steps placed at their fractional epoch), log scale, on shared axes.</summary>
    public static string Losses(IReadOnlyList<Series> runs, string id, string testId, string xLabel = "epoch")
    {
        var finite = runs.SelectMany(r => r.Points).Select(p => p.Loss).Where(v => double.IsFinite(v) && v > 0).DefaultIfEmpty(1).ToArray();
        var xMax = Math.Max(1, runs.Max(r => r.Points[^1].Step / (double)r.UpdatesPerEpoch));
        var plot = Plot.Create(440, 260, new DataRect(0, xMax, finite.Min() / 2, finite.Max() * 2), logY: true, id: id)
            .Axes(xLabel, "cost J (log scale)");
        foreach (var run in runs)
        {
            plot.Line(run.Points.Select(p => new DataPoint(p.Step / (double)run.UpdatesPerEpoch, p.Loss)), run.CssClass);
        }

        return plot.Raw(Legend(runs, plot.Area, atBottom: false)).ToSvg(null, testId);
    }

    private static string Legend(IReadOnlyList<Series> runs, PixelRect area, bool atBottom)
    {
        var legend = new System.Text.StringBuilder();
        var top = atBottom ? area.Bottom - (runs.Count * 16) - 12 : area.Top + 6;
        var width = 12 + (runs.Max(r => r.Name.Length) * 7);
        legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<rect class=\"gl-legend\" x=\"{area.Right - width - 6:0}\" y=\"{top:0}\" width=\"{width:0}\" height=\"{(runs.Count * 16) + 6:0}\" rx=\"4\"/>");
        for (var i = 0; i < runs.Count; i++)
        {
            var y = top + 16 + (i * 16);
            legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<line class=\"{runs[i].CssClass}\" x1=\"{area.Right - width:0}\" y1=\"{y - 4:0}\" x2=\"{area.Right - width + 14:0}\" y2=\"{y - 4:0}\"/>");
            legend.Append(System.Globalization.CultureInfo.InvariantCulture, $"<text class=\"gl-tick\" x=\"{area.Right - width + 18:0}\" y=\"{y:0}\">{Plot_Escape(runs[i].Name)}</text>");
        }

        return legend.ToString();
    }

    private static string Plot_Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
