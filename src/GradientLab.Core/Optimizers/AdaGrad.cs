namespace GradientLab.Core.Optimizers;

/// <summary>
/// AdaGrad (Duchi et al., 2011) as <c>torch.optim.Adagrad</c>: γ̃ = γ/(1 + (t − 1)·η); g ← ∇ + λθ; s ← s + g²;
/// θ ← θ − γ̃·g/(√s + ε). The sum s starts at <see cref="InitialAccumulator"/>.
/// </summary>
public sealed record AdaGradSettings(
    double LearningRateDecay = 0,
    double InitialAccumulator = 0,
    double Epsilon = 1e-10,
    double WeightDecay = 0) : OptimizerSettings
{
    /// <inheritdoc/>
    public override string Kind => "adagrad";

    /// <inheritdoc/>
    public override void Validate()
    {
        RequireNonNegative(LearningRateDecay, "lrDecay");
        RequireNonNegative(InitialAccumulator, "initialAccumulator");
        RequireNonNegative(Epsilon, "epsilon");
        RequireNonNegative(WeightDecay, "weightDecay");
    }

    /// <inheritdoc/>
    protected override Optimizer CreateValidated(int dimension) => new AdaGrad(this, dimension);
}

/// <summary>The update of <see cref="AdaGradSettings"/>.</summary>
public sealed class AdaGrad : Optimizer
{
    private readonly AdaGradSettings _settings;
    private readonly double[] _squaredGradientSum;

    /// <summary>Creates the state for <paramref name="dimension"/> parameters.</summary>
    public AdaGrad(AdaGradSettings settings, int dimension) : base(dimension)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _squaredGradientSum = Enumerable.Repeat(settings.InitialAccumulator, dimension).ToArray();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<OptimizerStateVector> State => [new("squaredGradientSum", [.. _squaredGradientSum])];

    /// <inheritdoc/>
    protected override double Update(int index, double parameter, double gradient, double learningRate, int step)
    {
        var s = _settings;
        var decayedRate = learningRate / (1 + ((step - 1) * s.LearningRateDecay));
        var g = gradient + (s.WeightDecay * parameter);
        _squaredGradientSum[index] += g * g;
        return parameter - (decayedRate * g / (Math.Sqrt(_squaredGradientSum[index]) + s.Epsilon));
    }
}
