namespace GradientLab.Core.Optimizers;

/// <summary>The three ways courses and libraries write momentum.</summary>
public enum MomentumForm
{
    /// <summary>
    /// PyTorch's <c>torch.optim.SGD</c>: buf ← (t = 1 ? g : μ·buf + (1 − τ)·g); θ ← θ − γ·buf (or γ·(g + μ·buf) with Nesterov).
    /// </summary>
    PyTorch,

    /// <summary>The course's moving average: v ← β·v + (1 − β)·g; θ ← θ − γ·v (v starts at 0).</summary>
    Ema,

    /// <summary>The learning rate inside the velocity: v ← β·v + γ·g; θ ← θ − v (v starts at 0). Same path as PyTorch's while γ is constant.</summary>
    Scaled,
}

/// <summary>Plain gradient descent: θ ← θ − γ·∇J. No state.</summary>
public sealed record GradientDescentSettings : OptimizerSettings
{
    /// <inheritdoc/>
    public override string Kind => "gd";

    /// <inheritdoc/>
    public override void Validate()
    {
        // Plain gradient descent has no hyperparameter besides the learning rate, which the schedule carries.
    }

    /// <inheritdoc/>
    protected override Optimizer CreateValidated(int dimension) => new Sgd(new SgdSettings(), dimension);
}

/// <summary>
/// Stochastic gradient descent with momentum μ, dampening τ, Nesterov momentum and L2 weight decay λ, as
/// <c>torch.optim.SGD</c>; or momentum in the <see cref="MomentumForm.Ema"/> or <see cref="MomentumForm.Scaled"/> form.
/// </summary>
public sealed record SgdSettings(
    double Momentum = 0,
    double Dampening = 0,
    bool Nesterov = false,
    double WeightDecay = 0,
    MomentumForm MomentumForm = MomentumForm.PyTorch) : OptimizerSettings
{
    /// <inheritdoc/>
    public override string Kind => "sgd";

    /// <inheritdoc/>
    public override void Validate()
    {
        RequireUnitInterval(Momentum, "momentum");
        if (!(Dampening >= 0 && Dampening <= 1))
        {
            throw new ArgumentException($"Invalid dampening: {Dampening} (must be between 0 and 1).", nameof(Dampening));
        }

        RequireNonNegative(WeightDecay, "weightDecay");
        if (Nesterov && (Momentum <= 0 || Dampening != 0))
        {
            throw new ArgumentException($"Nesterov momentum needs momentum > 0 and dampening = 0 (got momentum {Momentum}, dampening {Dampening}).", nameof(Nesterov));
        }

        if (MomentumForm != MomentumForm.PyTorch && (Nesterov || Dampening != 0))
        {
            throw new ArgumentException($"Nesterov and dampening belong to the PyTorch momentum form, not to '{MomentumForm}'.", nameof(MomentumForm));
        }
    }

    /// <inheritdoc/>
    protected override Optimizer CreateValidated(int dimension) => new Sgd(this, dimension);
}

/// <summary>The update of <see cref="SgdSettings"/> (and of plain gradient descent, with no momentum).</summary>
public sealed class Sgd : Optimizer
{
    private readonly SgdSettings _settings;
    private readonly double[] _velocity;

    /// <summary>Creates the state for <paramref name="dimension"/> parameters.</summary>
    public Sgd(SgdSettings settings, int dimension) : base(dimension)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _velocity = new double[dimension];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<OptimizerStateVector> State =>
        _settings.Momentum == 0 ? [] : [new OptimizerStateVector("velocity", [.. _velocity])];

    /// <inheritdoc/>
    protected override double Update(int index, double parameter, double gradient, double learningRate, int step)
    {
        var s = _settings;
        var g = gradient + (s.WeightDecay * parameter);
        if (s.Momentum == 0)
        {
            return parameter - (learningRate * g);
        }

        switch (s.MomentumForm)
        {
            case MomentumForm.Ema:
                _velocity[index] = (s.Momentum * _velocity[index]) + ((1 - s.Momentum) * g);
                return parameter - (learningRate * _velocity[index]);
            case MomentumForm.Scaled:
                _velocity[index] = (s.Momentum * _velocity[index]) + (learningRate * g);
                return parameter - _velocity[index];
            default:
                _velocity[index] = step == 1 ? g : (s.Momentum * _velocity[index]) + ((1 - s.Dampening) * g);
                var direction = s.Nesterov ? g + (s.Momentum * _velocity[index]) : _velocity[index];
                return parameter - (learningRate * direction);
        }
    }
}
