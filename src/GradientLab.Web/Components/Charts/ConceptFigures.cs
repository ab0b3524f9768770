using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;

namespace GradientLab.Web.Components.Charts;

/// <summary>A named path on a shared chart, with its CSS colour class.</summary>
/// <param name="Name">The legend's text.</param>
/// <param name="CssClass">The line's class (gl-s1, gl-s2, gl-s3).</param>
/// <param name="Points">The run's trajectory.</param>
/// <param name="UpdatesPerEpoch">Updates in one pass over the data, to place each step at its fractional epoch.</param>
public sealed record RunSeries(string Name, string CssClass, IReadOnlyList<StepRecord> Points, int UpdatesPerEpoch = 1);

/// <summary>The small charts of the concepts page, as figures of the plot model.</summary>
public static class ConceptFigures
{
    /// <summary>J(θ) = θ² with the point θ, its tangent, and the step to θ − α·J′(θ).</summary>
    public static Figure UpdateRuleFigure(double theta, double thetaNext)
    {
        var reach = Math.Max(Math.Max(Math.Abs(theta), Math.Abs(thetaNext)) * 1.2, 1);
        var figure = new Figure("rule", "J(θ) = θ² with the tangent at θ and the step to the new θ")
        {
            Description = $"θ = {NiceNumbers.Significant(theta)}, slope J′(θ) = {NiceNumbers.Significant(2 * theta)}, new θ = {NiceNumbers.Significant(thetaNext)}.",
        };
        figure.X.Title = "θ";
        figure.Y.Title = "J(θ) = θ²";
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (-reach, reach, 0, reach * reach * 1.05);
        var slope = 2 * theta;
        var half = reach * 0.35;
        figure.Add(new FunctionSeries("J(θ)", t => t * t) { CssClass = "gl-loss" });
        figure.Add(new FunctionSeries("tangent", t => (theta * theta) + (slope * (t - theta)), theta - half, theta + half) { CssClass = "gl-tangent", InLegend = true });
        figure.Add(new ArrowSeries("step", new DataPoint(theta, theta * theta), new DataPoint(thetaNext, thetaNext * thetaNext)) { CssClass = "gl-path", InLegend = true });
        figure.Add(new MarkerSeries("θ", new DataPoint(theta, theta * theta)) { CssClass = "gl-current", Size = 5 });
        figure.Add(new MarkerSeries("new θ", new DataPoint(thetaNext, thetaNext * thetaNext)) { CssClass = "gl-next", Size = 5 });
        figure.Add(new Annotation("new θ", new DataPoint(thetaNext, thetaNext * thetaNext)));
        return figure;
    }

    /// <summary>The SVG of <see cref="UpdateRuleFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string UpdateRule(double theta, double thetaNext, int width = 420, int? height = null) =>
        UpdateRuleFigure(theta, thetaNext).ToSvg(width, height ?? Figure.HeightFor(width, 420, 300), new SvgOptions(TestId: "rule-plot"));

    /// <summary>Several runs of one two-parameter objective on one contour plot.</summary>
    public static Figure PathsFigure(IObjective objective, IReadOnlyList<RunSeries> runs, IReadOnlyList<double>? minimum, string id)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(runs);
        var points = runs.SelectMany(r => r.Points).Where(p => p.Parameters.All(double.IsFinite) && double.IsFinite(p.Loss) && p.Loss <= runs[0].Points[0].Loss * 1.5)
            .Select(p => new DataPoint(p.Parameters[0], p.Parameters[1])).ToList();
        if (minimum is not null)
        {
            points.Add(new DataPoint(minimum[0], minimum[1]));
        }

        var window = DataRect.Around(points, 0.12);
        var names = objective.ParameterNames;
        var figure = new Figure(id, $"Paths of {string.Join(" and ", runs.Select(r => r.Name))} on the contours of J({names[0]}, {names[1]})")
        {
            ColorBarTitle = "J (cost)",
            Description = string.Join("; ", runs.Select(r => $"{r.Name} ends at {names[0]} = {NiceNumbers.Significant(r.Points[^1].Parameters[0], 4)}, {names[1]} = {NiceNumbers.Significant(r.Points[^1].Parameters[1], 4)}")) + ".",
        };
        figure.X.Title = names[0];
        figure.Y.Title = names[1];
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (window.XMin, window.XMax, window.YMin, window.YMax);
        figure.Add(new ContourSeries("J", (a, b) => objective.Value([a, b]), window, minimum is null ? null : objective.Value([.. minimum]), 12));
        if (minimum is not null)
        {
            figure.Add(new MarkerSeries("minimum", new DataPoint(minimum[0], minimum[1]), MarkerShape.Star) { CssClass = "gl-minimum", InLegend = true });
        }

        foreach (var run in runs)
        {
            var path = run.Points.Select(p => new DataPoint(p.Parameters[0], p.Parameters[1])).ToList();
            figure.Add(new PathSeries(run.Name, path) { CssClass = run.CssClass, InLegend = true, ArrowAt = i => i < 3, CurrentRadius = 4, CurrentTooltip = run.Name });
        }

        return figure;
    }

    /// <summary>The SVG of <see cref="PathsFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Paths(IObjective objective, IReadOnlyList<RunSeries> runs, IReadOnlyList<double>? minimum, string id, string testId, int width = 440, int? height = null) =>
        PathsFigure(objective, runs, minimum, id).ToSvg(width, height ?? Figure.HeightFor(width, 440, 340), new SvgOptions(TestId: testId));

    /// <summary>The loss of several runs against epoch (steps placed at their fractional epoch), on shared axes (log when the losses span decades).</summary>
    public static Figure LossesFigure(IReadOnlyList<RunSeries> runs, string id, string xLabel = "epoch")
    {
        ArgumentNullException.ThrowIfNull(runs);
        var figure = new Figure(id, $"The cost against {xLabel} for {string.Join(" and ", runs.Select(r => r.Name))}")
        {
            Description = string.Join("; ", runs.Select(r => $"{r.Name} ends at J = {NiceNumbers.Significant(r.Points[^1].Loss, 4)}")) + ".",
        };
        figure.X.Title = xLabel;
        figure.Y.Title = "cost J";
        figure.Y.Scale = ScaleKind.Auto;
        figure.X.Min = 0;
        figure.X.Max = Math.Max(1, runs.Max(r => r.Points[^1].Step / (double)r.UpdatesPerEpoch));
        foreach (var run in runs)
        {
            figure.Add(new LineSeries(run.Name, [.. run.Points.Select(p => new DataPoint(p.Step / (double)run.UpdatesPerEpoch, p.Loss))]) { CssClass = run.CssClass, InLegend = true });
        }

        return figure;
    }

    /// <summary>The SVG of <see cref="LossesFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Losses(IReadOnlyList<RunSeries> runs, string id, string testId, string xLabel = "epoch", int width = 440, int? height = null) =>
        LossesFigure(runs, id, xLabel).ToSvg(width, height ?? Figure.HeightFor(width, 440, 270), new SvgOptions(TestId: testId));
}
