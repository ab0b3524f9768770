using GradientLab.Lessons.Network;
using GradientLab.Plotting;

namespace GradientLab.Web.Components.Charts;

/// <summary>
/// The network lab's figures: the points of both classes (two colours and two marker shapes) over the decision boundary
/// shaded by P(class 1) with the p = 0.5 line, and the loss curve up to the step shown.
/// </summary>
public static class NetworkFigures
{
    /// <summary>Designed width of each figure in pixels.</summary>
    public const int Width = 480;

    /// <summary>Designed height of the boundary figure (about square plot area).</summary>
    public const int BoundaryHeight = 440;

    /// <summary>Designed height of the loss curve.</summary>
    public const int LossHeight = 300;

    /// <summary>The points over the shaded probability at step <paramref name="step"/>, with the p = 0.5 boundary.</summary>
    public static Figure BoundaryFigure(NetworkSession session, int step)
    {
        ArgumentNullException.ThrowIfNull(session);
        var data = session.Data;
        var x1 = data.Column(0);
        var x2 = data.Column(1);
        var targets = data.Targets;
        var class0 = new List<DataPoint>();
        var class1 = new List<DataPoint>();
        for (var i = 0; i < data.SampleCount; i++)
        {
            (targets[i] >= 0.5 ? class1 : class0).Add(new DataPoint(x1[i], x2[i]));
        }

        var extent = session.Extent;
        var figure = new Figure("network-boundary", $"The data and the {session.Settings.ModelName}'s decision boundary")
        {
            Description = $"Step {step}: {NetworkSession.Percent(session.Accuracy(step))} of {data.SampleCount} points classified right; shading is P(class 1), the black line is p = 0.5.",
            ColorBarTitle = "P(class 1)",
            LegendOutside = true,
        };
        figure.X.Title = "x₁";
        figure.Y.Title = "x₂";
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (extent.XMin, extent.XMax, extent.YMin, extent.YMax);
        (figure.X.Padding, figure.Y.Padding) = (0, 0);
        var radius = data.SampleCount > 600 ? 2.2 : 3.2;
        figure.Add(new HeatmapSeries("boundary p = 0.5", session.Boundary(step)) { Boundaries = [0.5], InLegend = true, TestId = "boundary" });
        figure.Add(new ScatterSeries("class 0", class0) { CssClass = "gl-class0", Radius = radius, InLegend = true, TestId = "class-0" });
        figure.Add(new ScatterSeries("class 1", class1) { CssClass = "gl-class1", Shape = MarkerShape.Cross, Radius = radius, InLegend = true, TestId = "class-1" });
        return figure;
    }

    /// <summary>The SVG of <see cref="BoundaryFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Boundary(NetworkSession session, int step, int width = Width) =>
        BoundaryFigure(session, step).ToSvg(width, Figure.HeightFor(width, Width, BoundaryHeight), new SvgOptions(TestId: "boundary-plot"));

    /// <summary>The loss over all the data from step 0 to <paramref name="step"/>, on a log axis spanning the whole run.</summary>
    public static Figure LossFigure(NetworkSession session, int step)
    {
        ArgumentNullException.ThrowIfNull(session);
        var trajectory = session.Trajectory;
        var every = Math.Max(1, session.LastStep / 600);
        var points = new List<DataPoint>();
        for (var k = 0; k <= step; k += every)
        {
            points.Add(new DataPoint(k, trajectory[k].Loss));
        }

        if (points[^1].X != step)
        {
            points.Add(new DataPoint(step, trajectory[step].Loss));
        }

        var finite = trajectory.Select(p => p.Loss).Where(l => double.IsFinite(l) && l > 0).DefaultIfEmpty(1).ToList();
        var figure = new Figure("network-loss", "The loss (binary cross-entropy) over the training steps")
        {
            Description = $"Step {step}: loss {NetworkSession.Number(trajectory[step].Loss)}.",
        };
        // A log axis when the loss falls by more than a decade (a network on XOR); else linear, so the ticks stay labelled.
        var log = finite.Max() > 10 * finite.Min();
        figure.X.Title = "step";
        figure.Y.Title = log ? "loss (log scale)" : "loss";
        figure.Y.Scale = log ? ScaleKind.Log : ScaleKind.Linear;
        (figure.X.Min, figure.X.Max) = (0, Math.Max(1, session.LastStep));
        if (log)
        {
            // Whole decades, so at least two ticks are labelled.
            (figure.Y.Min, figure.Y.Max) = (Math.Pow(10, Math.Floor(Math.Log10(finite.Min()))), Math.Pow(10, Math.Ceiling(Math.Log10(finite.Max()))));
        }
        else
        {
            var pad = Math.Max(0.05 * (finite.Max() - finite.Min()), 1e-3 * finite.Max());
            (figure.Y.Min, figure.Y.Max) = (finite.Min() - pad, finite.Max() + pad);
        }
        figure.Add(new LineSeries("loss", points) { CssClass = "gl-loss", TestId = "loss-line" });
        figure.Add(new MarkerSeries("now", new DataPoint(step, trajectory[step].Loss)) { CssClass = "gl-current", Size = 4.5, Tooltip = $"step {step}, loss {NetworkSession.Number(trajectory[step].Loss)}" });
        return figure;
    }

    /// <summary>The SVG of <see cref="LossFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Loss(NetworkSession session, int step, int width = Width) =>
        LossFigure(session, step).ToSvg(width, Figure.HeightFor(width, Width, LossHeight), new SvgOptions(TestId: "loss-plot"));
}
