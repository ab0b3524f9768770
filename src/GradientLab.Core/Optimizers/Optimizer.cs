namespace GradientLab.Core.Optimizers;

/// <summary>A named vector of an optimizer's state, such as Adam's first moment.</summary>
/// <param name="Name">The state's name (<c>velocity</c>, <c>firstMoment</c>, …).</param>
/// <param name="Values">One value per parameter, a copy.</param>
public sealed record OptimizerStateVector(string Name, IReadOnlyList<double> Values);

/// <summary>
/// One optimizer instance per run: it holds the per-parameter state (velocity, moments) between updates. Every update
/// rule here works coordinate by coordinate, which is what lets a run apply it to all parameters at once (the correct
/// simultaneous update) or to one parameter at a time (the sequential bug, shown on purpose).
/// </summary>
public abstract class Optimizer
{
    /// <summary>Creates the state for <paramref name="dimension"/> parameters.</summary>
    protected Optimizer(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
    }

    /// <summary>Number of parameters.</summary>
    public int Dimension { get; }

    /// <summary>The number of updates begun so far: t in the update rules, which counts from 1 at the first update.</summary>
    public int StepCount { get; private set; }

    /// <summary>The state after the last update, by name (empty for plain gradient descent).</summary>
    public abstract IReadOnlyList<OptimizerStateVector> State { get; }

    /// <summary>One simultaneous update: every parameter moves using the gradient measured before any of them changed.</summary>
    /// <param name="parameters">θ, updated in place.</param>
    /// <param name="gradient">∇J at θ (without weight decay: the optimizer adds it where its rule says).</param>
    /// <param name="learningRate">γ for this update, from the schedule.</param>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient, double learningRate)
    {
        if (parameters.Length != Dimension || gradient.Length != Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} parameters and gradient values, got {parameters.Length} and {gradient.Length}.");
        }

        BeginStep();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = UpdateCoordinate(i, parameters[i], gradient[i], learningRate);
        }
    }

    /// <summary>Starts update t + 1; follow it with one <see cref="UpdateCoordinate"/> per parameter.</summary>
    public void BeginStep() => StepCount++;

    /// <summary>Applies the update begun by <see cref="BeginStep"/> to parameter <paramref name="index"/> alone.</summary>
    /// <returns>The parameter's new value.</returns>
    public double UpdateCoordinate(int index, double parameter, double gradient, double learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Dimension);
        if (StepCount == 0)
        {
            throw new InvalidOperationException("Call BeginStep before UpdateCoordinate.");
        }

        return Update(index, parameter, gradient, learningRate, StepCount);
    }

    /// <summary>The update rule for one coordinate at update <paramref name="step"/> (counting from 1).</summary>
    protected abstract double Update(int index, double parameter, double gradient, double learningRate, int step);
}

/// <summary>Hyperparameters of an optimizer, immutable; <see cref="Create"/> validates them and makes the per-run state.</summary>
public abstract record OptimizerSettings
{
    /// <summary>The name scenarios use (<c>gd</c>, <c>sgd</c>, <c>adam</c>, …).</summary>
    public abstract string Kind { get; }

    /// <summary>A fresh optimizer for <paramref name="dimension"/> parameters.</summary>
    /// <exception cref="ArgumentException">A hyperparameter outside its valid range; the message names it and its value.</exception>
    public Optimizer Create(int dimension)
    {
        Validate();
        return CreateValidated(dimension);
    }

    /// <summary>Throws when a hyperparameter is outside its valid range.</summary>
    public abstract void Validate();

    /// <summary>Creates the optimizer once the settings are known to be valid.</summary>
    protected abstract Optimizer CreateValidated(int dimension);

    /// <summary>Requires <c>0 ≤ value &lt; 1</c>, as for momentum and the β's.</summary>
    protected static void RequireUnitInterval(double value, string name)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentException($"Invalid {name}: {Format(value)} (must be at least 0 and below 1).", name);
        }
    }

    /// <summary>Requires a finite value of at least 0, as for weight decay and ε.</summary>
    protected static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"Invalid {name}: {Format(value)} (must be a finite number, 0 or more).", name);
        }
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
