using GradientLab.Lessons.Activities;
using GradientLab.Plotting;

namespace GradientLab.Web.Components.Charts;

/// <summary>The coding challenge's chart, as a figure of the plot model.</summary>
public static class ChallengeFigures
{
    /// <summary>w after each epoch of one hidden case: the reference's and the learner's (when known), and where they first part.</summary>
    public static Figure TrajectoriesFigure(CaseVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var id = verdict.Case.Id;
        var figure = new Figure("challenge-" + id, $"w after each epoch of hidden case {id}: the reference and yours")
        {
            Description = verdict.ActualEpochs is null
                ? $"The reference ends at w = {NiceNumbers.Significant(verdict.Expected)}; your w after each epoch is not known."
                : $"The reference ends at w = {NiceNumbers.Significant(verdict.Expected)}; yours at {(verdict.Actual is { } a ? NiceNumbers.Significant(a) : "no number")}.",
        };
        figure.X.Title = "epoch";
        figure.Y.Title = "w";
        figure.X.Min = 0;
        figure.Add(new LineSeries("reference", Points(verdict.ExpectedEpochs)) { CssClass = "gl-s1", InLegend = true, DotRadius = 2.5, TestId = "challenge-expected" });
        if (verdict.ActualEpochs is { } actual && Points(actual) is { Count: > 0 } points)
        {
            figure.Add(new LineSeries("yours", points) { CssClass = "gl-yours", InLegend = true, DotRadius = 2.5, TestId = "challenge-actual" });
        }

        if (verdict.FirstDifference is { } first && double.IsFinite(first.Actual))
        {
            var at = new DataPoint(first.Epoch, first.Actual);
            figure.Add(new MarkerSeries("first difference", at, MarkerShape.Circle) { CssClass = "gl-current", Size = 5 });
            figure.Add(new Annotation($"first differs after epoch {first.Epoch}", at) { Docked = true }); // above the plot: on a phone no clear place is left between the two lines
        }

        return figure;
    }

    /// <summary>The SVG of <see cref="TrajectoriesFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Trajectories(CaseVerdict verdict, int width = 440, int? height = null) =>
        TrajectoriesFigure(verdict).ToSvg(width, height ?? Figure.HeightFor(width, 440, 300), new SvgOptions(TestId: "challenge-chart"));

    private static List<DataPoint> Points(IReadOnlyList<double> perEpoch) =>
        [.. perEpoch.Select((w, i) => new DataPoint(i + 1, w)).Where(p => double.IsFinite(p.Y))];
}
