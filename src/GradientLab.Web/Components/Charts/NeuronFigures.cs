using GradientLab.Core.Objectives;
using GradientLab.Plotting;

namespace GradientLab.Web.Components.Charts;

/// <summary>The two panels of the chain-rule stepper: the loss against w with its tangent, and the sigmoid with the current point.</summary>
public static class NeuronFigures
{
    /// <summary>Width of each panel in pixels.</summary>
    public const int Width = 400;

    /// <summary>Height of each panel in pixels.</summary>
    public const int Height = 300;

    /// <summary>
    /// L(w) with b held at its current value, over a window holding every w of the run; the current point, the tangent
    /// whose slope is ∂L/∂w, and the next w marked on the axis.
    /// </summary>
    public static string LossCurve(double w, double b, double x, double y, double nextW, double windowMin, double windowMax)
    {
        var span = Math.Max(windowMax - windowMin, 1);
        var wMin = Math.Min(windowMin, Math.Min(w, nextW)) - (0.15 * span);
        var wMax = Math.Max(windowMax, Math.Max(w, nextW)) + (0.15 * span);
        var curve = Enumerable.Range(0, 161).Select(i => wMin + ((wMax - wMin) * i / 160))
            .Select(v => new DataPoint(v, SigmoidNeuron.Trace(v, b, x, y).Loss)).ToList();
        var lossMax = Math.Max(curve.Max(p => p.Y), 1e-3);
        var plot = Plot.Create(Width, Height, new DataRect(wMin, wMax, 0, lossMax * 1.1), id: "neuron-loss")
            .Axes("w (b held at " + NiceNumbers.Significant(b, 4) + ")", "loss L = (ŷ − y)²")
            .Line(curve, "gl-loss");
        var trace = SigmoidNeuron.Trace(w, b, x, y);
        var reach = 0.18 * (wMax - wMin);
        plot.Line([new DataPoint(w - reach, trace.Loss - (trace.DLossDWeight * reach)), new DataPoint(w + reach, trace.Loss + (trace.DLossDWeight * reach))], "gl-tangent", "tangent");
        plot.Marker(new DataPoint(w, trace.Loss), "gl-current", size: 5, title: $"w = {NiceNumbers.Significant(w)}, L = {NiceNumbers.Significant(trace.Loss)}");
        plot.Note(new DataPoint(w, trace.Loss), $"slope ∂L/∂w = {NiceNumbers.Significant(trace.DLossDWeight, 4)}");
        plot.Marker(new DataPoint(nextW, 0), "gl-next", "circle", 4, $"next w = {NiceNumbers.Significant(nextW)}");
        plot.Note(new DataPoint(nextW, 0), "next w", "gl-tick", dx: 0, dy: -10, anchor: "middle");
        return plot.ToSvg(null, "loss-curve");
    }

    /// <summary>σ(z) with the current (z, ŷ) and the target y as a dashed line.</summary>
    public static string Sigmoid(double z, double prediction, double target)
    {
        var reach = Math.Max(6, Math.Abs(z) + 1);
        var curve = Enumerable.Range(0, 161).Select(i => -reach + (2 * reach * i / 160)).Select(v => new DataPoint(v, SigmoidNeuron.Sigmoid(v))).ToList();
        var plot = Plot.Create(Width, Height, new DataRect(-reach, reach, 0, 1.05), id: "sigmoid")
            .Axes("z = w·x + b", "ŷ = σ(z)")
            .Line(curve, "gl-loss")
            .Line([new DataPoint(-reach, target), new DataPoint(reach, target)], "gl-marker-line")
            .Note(new DataPoint(-reach, target), $"target y = {NiceNumbers.Significant(target)}", "gl-tick", dx: 6, dy: target > 0.9 ? 14 : -6)
            .Marker(new DataPoint(z, prediction), "gl-current", size: 5, title: $"z = {NiceNumbers.Significant(z)}, ŷ = {NiceNumbers.Significant(prediction)}")
            .Note(new DataPoint(z, prediction), $"ŷ = {NiceNumbers.Significant(prediction, 4)}");
        return plot.ToSvg(null, "sigmoid-plot");
    }
}
