namespace GradientLab.Core.Objectives;

/// <summary>
/// A differentiable function of the parameters, evaluated with its gradient in one call. Parameters are ordered
/// weights first, bias last.
/// </summary>
public interface IObjective
{
    /// <summary>Number of parameters.</summary>
    int Dimension { get; }

    /// <summary>A short name for each parameter, in order (for example <c>w</c>, <c>b</c>).</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Returns the value at <paramref name="point"/> and writes the gradient there into <paramref name="gradient"/>.</summary>
    /// <remarks>The caller owns both buffers; each has <see cref="Dimension"/> elements.</remarks>
    double Evaluate(ReadOnlySpan<double> point, Span<double> gradient);
}

/// <summary>
/// An objective that is the mean of a per-sample loss over a dataset, so it can also be evaluated on a subset of the
/// rows: a mini-batch, with the same formula and m = the batch size.
/// </summary>
public interface ISampledObjective : IObjective
{
    /// <summary>Number of samples (rows).</summary>
    int SampleCount { get; }

    /// <summary>The mean loss over <paramref name="rows"/> and its gradient.</summary>
    double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows);
}

/// <summary>An objective whose Hessian is the same at every point (a quadratic): its curvature is known exactly.</summary>
public interface IQuadraticObjective : IObjective
{
    /// <summary>The constant Hessian, row-major, <see cref="IObjective.Dimension"/>².</summary>
    double[] Hessian();
}

/// <summary>Extension helpers for every objective.</summary>
public static class ObjectiveExtensions
{
    /// <summary>The value alone, at the cost of one evaluation with a scratch gradient.</summary>
    public static double Value(this IObjective objective, ReadOnlySpan<double> point)
    {
        ArgumentNullException.ThrowIfNull(objective);
        Span<double> gradient = objective.Dimension <= 64 ? stackalloc double[objective.Dimension] : new double[objective.Dimension];
        return objective.Evaluate(point, gradient);
    }

    /// <summary>The gradient alone, as a new array.</summary>
    public static double[] Gradient(this IObjective objective, ReadOnlySpan<double> point)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var gradient = new double[objective.Dimension];
        objective.Evaluate(point, gradient);
        return gradient;
    }

    /// <summary>The parameter names of a model with <paramref name="featureCount"/> weights and a bias: w, b or w1 … wd, b.</summary>
    public static IReadOnlyList<string> WeightsThenBias(int featureCount) =>
        featureCount == 1 ? ["w", "b"] : [.. Enumerable.Range(1, featureCount).Select(j => $"w{j}"), "b"];

    /// <summary>Checks the buffers, as <see cref="RequireDimension"/>, and that the batch has a row.</summary>
    internal static void RequireBatch(this IObjective objective, ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows)
    {
        objective.RequireDimension(point, gradient);
        if (rows.IsEmpty)
        {
            throw new ArgumentException("A batch needs at least one row.", nameof(rows));
        }
    }

    /// <summary>Divides the summed gradient by the row count in place and returns the mean loss.</summary>
    internal static double MeanOver(double total, Span<double> gradient, int count)
    {
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] /= count;
        }

        return total / count;
    }

    internal static void RequireDimension(this IObjective objective, ReadOnlySpan<double> point, Span<double> gradient)
    {
        if (point.Length != objective.Dimension || gradient.Length != objective.Dimension)
        {
            throw new ArgumentException($"Expected {objective.Dimension} parameters ({string.Join(", ", objective.ParameterNames)}), got a point of {point.Length} and a gradient buffer of {gradient.Length}.");
        }
    }
}
