namespace GradientLab.Core.Optimizers;

/// <summary>
/// RMSprop (Hinton, 2012) as <c>torch.optim.RMSprop</c>: g ← ∇ + λθ; v ← α·v + (1 − α)·g²; centered: ḡ ← α·ḡ + (1 − α)·g and
/// the denominator uses v − ḡ²; with momentum μ > 0: b ← μ·b + g/(√ṽ + ε), θ ← θ − γ·b; else θ ← θ − γ·g/(√ṽ + ε).
/// </summary>
public sealed record RmsPropSettings(
    double Alpha = 0.99,
    double Epsilon = 1e-8,
    double Momentum = 0,
    bool Centered = false,
    double WeightDecay = 0) : OptimizerSettings
{
    /// <inheritdoc/>
    public override string Kind => "rmsprop";

    /// <inheritdoc/>
    public override void Validate()
    {
        RequireUnitInterval(Alpha, "alpha");
        RequireNonNegative(Epsilon, "epsilon");
        RequireUnitInterval(Momentum, "momentum");
        RequireNonNegative(WeightDecay, "weightDecay");
    }

    /// <inheritdoc/>
    protected override Optimizer CreateValidated(int dimension) => new RmsProp(this, dimension);
}

/// <summary>The update of <see cref="RmsPropSettings"/>.</summary>
public sealed class RmsProp : Optimizer
{
    private readonly RmsPropSettings _settings;
    private readonly double[] _squareAverage;
    private readonly double[] _gradientAverage;
    private readonly double[] _momentumBuffer;

    /// <summary>Creates the state for <paramref name="dimension"/> parameters.</summary>
    public RmsProp(RmsPropSettings settings, int dimension) : base(dimension)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _squareAverage = new double[dimension];
        _gradientAverage = new double[dimension];
        _momentumBuffer = new double[dimension];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<OptimizerStateVector> State
    {
        get
        {
            List<OptimizerStateVector> state = [new("squareAverage", [.. _squareAverage])];
            if (_settings.Centered)
            {
                state.Add(new("gradientAverage", [.. _gradientAverage]));
            }

            if (_settings.Momentum > 0)
            {
                state.Add(new("momentumBuffer", [.. _momentumBuffer]));
            }

            return state;
        }
    }

    /// <inheritdoc/>
    protected override double Update(int index, double parameter, double gradient, double learningRate, int step)
    {
        var s = _settings;
        var g = gradient + (s.WeightDecay * parameter);
        _squareAverage[index] = (s.Alpha * _squareAverage[index]) + ((1 - s.Alpha) * g * g);
        var denominatorSquared = _squareAverage[index];
        if (s.Centered)
        {
            _gradientAverage[index] = (s.Alpha * _gradientAverage[index]) + ((1 - s.Alpha) * g);
            denominatorSquared -= _gradientAverage[index] * _gradientAverage[index];
        }

        var scaled = g / (Math.Sqrt(Math.Max(denominatorSquared, 0)) + s.Epsilon);
        if (s.Momentum > 0)
        {
            _momentumBuffer[index] = (s.Momentum * _momentumBuffer[index]) + scaled;
            return parameter - (learningRate * _momentumBuffer[index]);
        }

        return parameter - (learningRate * scaled);
    }
}
