using System.Globalization;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Web.Components.Charts;

/// <summary>The batch-size study's chart: the cost each batch size reaches with the same examples, on log–log axes.</summary>
public static class BatchSizeFigures
{
    /// <summary>J − J* after the budget against the batch size, one dot per size.</summary>
    public static Figure Figure(IReadOnlyList<BatchSizeRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var best = runs.Count > 0 ? runs.MinBy(r => r.ExcessLoss) : null;
        var figure = new Figure("batch-sizes", $"The cost above the minimum after {BatchSizeStudy.Examples.ToString("N0", CultureInfo.InvariantCulture)} examples, per batch size")
        {
            Description = string.Join("; ", runs.Select(r => $"batch {r.BatchSize}: J − J* = {BatchSizeStudy.TwoDigits(r.ExcessLoss)}")) + ".",
        };
        figure.X.Title = "batch size (rows per update)";
        figure.Y.Title = "J − J* at the end";
        figure.X.Scale = ScaleKind.Log;
        figure.Y.Scale = ScaleKind.Log;
        var points = runs.Where(r => r.ExcessLoss > 0).Select(r => new DataPoint(r.BatchSize, r.ExcessLoss)).ToList();
        figure.Add(new LineSeries("J − J*", points) { CssClass = "gl-loss", DotRadius = 4 });
        if (best is { ExcessLoss: > 0 })
        {
            figure.Add(new MarkerSeries("lowest", new DataPoint(best.BatchSize, best.ExcessLoss)) { CssClass = "gl-current", Size = 7, InLegend = true });
        }

        return figure;
    }

    /// <summary>The chart as SVG, laid out for <paramref name="width"/> pixels.</summary>
    public static string Svg(IReadOnlyList<BatchSizeRun> runs, int width) =>
        Figure(runs).ToSvg(width, Plotting.Figure.HeightFor(width, 440, 300), new SvgOptions(TestId: "batch-sizes-plot"));
}
