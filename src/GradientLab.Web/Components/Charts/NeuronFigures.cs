using GradientLab.Core.Objectives;
using GradientLab.Plotting;

namespace GradientLab.Web.Components.Charts;

/// <summary>The two panels of the chain-rule stepper: the loss against w with its tangent, and the sigmoid with the current point.</summary>
public static class NeuronFigures
{
    /// <summary>Width of each panel in pixels.</summary>
    public const int Width = 420;

    /// <summary>Height of each panel in pixels.</summary>
    public const int Height = 310;

    /// <summary>
    /// L(w) with b held at its current value, over a window holding every w of the run; the current point, the tangent
    /// whose slope is ∂L/∂w, and the next w marked on the axis.
    /// </summary>
    public static Figure LossCurveFigure(double w, double b, double x, double y, double nextW, double windowMin, double windowMax, bool showNext = true)
    {
        var span = Math.Max(windowMax - windowMin, 1);
        var wMin = Math.Min(windowMin, Math.Min(w, nextW)) - (0.15 * span);
        var wMax = Math.Max(windowMax, Math.Max(w, nextW)) + (0.15 * span);
        var trace = SigmoidNeuron.Trace(w, b, x, y);
        var figure = new Figure("neuron-loss", "The loss L against w, with the tangent whose slope is ∂L/∂w")
        {
            Description = $"w = {NiceNumbers.Significant(w)}, L = {NiceNumbers.Significant(trace.Loss)}, slope ∂L/∂w = {NiceNumbers.Significant(trace.DLossDWeight, 4)}, {(showNext ? $"next w = {NiceNumbers.Significant(nextW)}" : "next w hidden until predicted")}.",
        };
        figure.X.Title = "w (b held at " + NiceNumbers.Significant(b, 4) + ")";
        figure.Y.Title = "loss L = (ŷ − y)²";
        (figure.X.Min, figure.X.Max, figure.Y.Min) = (wMin, wMax, 0);
        var curve = Enumerable.Range(0, 161).Select(i => wMin + ((wMax - wMin) * i / 160)).Select(v => new DataPoint(v, SigmoidNeuron.Trace(v, b, x, y).Loss)).ToList();
        figure.Y.Max = Math.Max(curve.Max(p => p.Y), 1e-3) * 1.1;
        figure.Add(new LineSeries("L(w)", curve) { CssClass = "gl-loss" });
        var reach = 0.18 * (wMax - wMin);
        figure.Add(new FunctionSeries("tangent", v => trace.Loss + (trace.DLossDWeight * (v - w)), w - reach, w + reach) { CssClass = "gl-tangent", TestId = "tangent", InLegend = true });
        figure.Add(new MarkerSeries("w", new DataPoint(w, trace.Loss)) { CssClass = "gl-current", Size = 5, Tooltip = $"w = {NiceNumbers.Significant(w)}, L = {NiceNumbers.Significant(trace.Loss)}" });
        figure.Add(new Annotation($"slope ∂L/∂w = {NiceNumbers.Label(trace.DLossDWeight, 4)}", new DataPoint(w, trace.Loss)));
        if (showNext)
        {
            figure.Add(new MarkerSeries("next w", new DataPoint(nextW, 0)) { CssClass = "gl-next", Size = 4, InLegend = true, Tooltip = $"next w = {NiceNumbers.Significant(nextW)}" });
        }

        return figure;
    }

    /// <summary>The SVG of <see cref="LossCurveFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string LossCurve(double w, double b, double x, double y, double nextW, double windowMin, double windowMax, int width = Width, int? height = null, bool showNext = true) =>
        LossCurveFigure(w, b, x, y, nextW, windowMin, windowMax, showNext).ToSvg(width, height ?? Figure.HeightFor(width, Width, Height), new SvgOptions(TestId: "loss-curve"));

    /// <summary>σ(z) with the current (z, ŷ) and the target y as a dashed line.</summary>
    public static Figure SigmoidFigure(double z, double prediction, double target)
    {
        var reach = Math.Max(6, Math.Abs(z) + 1);
        var figure = new Figure("sigmoid", "The sigmoid σ(z), the current (z, ŷ) and the target y")
        {
            Description = $"z = {NiceNumbers.Significant(z)}, ŷ = {NiceNumbers.Significant(prediction)}, target y = {NiceNumbers.Significant(target)}.",
        };
        figure.X.Title = "z = w·x + b";
        figure.Y.Title = "ŷ = σ(z)";
        (figure.X.Min, figure.X.Max, figure.Y.Min, figure.Y.Max) = (-reach, reach, 0, 1.05);
        figure.Add(new FunctionSeries("σ(z)", SigmoidNeuron.Sigmoid) { CssClass = "gl-loss" });
        figure.Add(new ReferenceLine($"target y = {NiceNumbers.Significant(target)}", target, vertical: false) { CssClass = "gl-marker-line", InLegend = true });
        figure.Add(new MarkerSeries("(z, ŷ)", new DataPoint(z, prediction)) { CssClass = "gl-current", Size = 5, Tooltip = $"z = {NiceNumbers.Significant(z)}, ŷ = {NiceNumbers.Significant(prediction)}" });
        figure.Add(new Annotation($"ŷ = {NiceNumbers.Label(prediction, 4)}", new DataPoint(z, prediction)));
        return figure;
    }

    /// <summary>The SVG of <see cref="SigmoidFigure"/>, laid out <paramref name="width"/> pixels wide.</summary>
    public static string Sigmoid(double z, double prediction, double target, int width = Width, int? height = null) =>
        SigmoidFigure(z, prediction, target).ToSvg(width, height ?? Figure.HeightFor(width, Width, Height), new SvgOptions(TestId: "sigmoid-plot"));
}
