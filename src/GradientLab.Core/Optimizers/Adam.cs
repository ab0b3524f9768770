namespace GradientLab.Core.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2015) as <c>torch.optim.Adam</c>: g ← ∇ + λθ; m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²;
/// m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t); θ ← θ − γ·m̂/(√v̂ + ε). AMSGrad keeps the running maximum of the raw second
/// moment, vmax ← max(vmax, v), and bias-corrects that: v̂ = vmax/(1 − β2^t) (torch/optim/adam.py,
/// <c>torch.maximum(max_exp_avg_sqs[i], exp_avg_sq)</c>); the maximum of the corrected v̂ would be another algorithm.
/// </summary>
public sealed record AdamSettings(
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double WeightDecay = 0,
    bool AmsGrad = false) : OptimizerSettings
{
    /// <inheritdoc/>
    public override string Kind => "adam";

    /// <inheritdoc/>
    public override void Validate()
    {
        RequireUnitInterval(Beta1, "beta1");
        RequireUnitInterval(Beta2, "beta2");
        RequireNonNegative(Epsilon, "epsilon");
        RequireNonNegative(WeightDecay, "weightDecay");
    }

    /// <inheritdoc/>
    protected override Optimizer CreateValidated(int dimension) => new Adam(this, decoupledWeightDecay: false, dimension);
}

/// <summary>
/// AdamW (Loshchilov &amp; Hutter, 2019) as <c>torch.optim.AdamW</c>: first θ ← θ − γ·λ·θ (decay decoupled from the
/// gradient), then the Adam step on the bare gradient. Default λ = 0.01.
/// </summary>
public sealed record AdamWSettings(
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Epsilon = 1e-8,
    double WeightDecay = 0.01,
    bool AmsGrad = false) : OptimizerSettings
{
    /// <inheritdoc/>
    public override string Kind => "adamw";

    /// <inheritdoc/>
    public override void Validate() => ToAdam().Validate();

    /// <inheritdoc/>
    protected override Optimizer CreateValidated(int dimension) => new Adam(ToAdam(), decoupledWeightDecay: true, dimension);

    private AdamSettings ToAdam() => new(Beta1, Beta2, Epsilon, WeightDecay, AmsGrad);
}

/// <summary>The update of <see cref="AdamSettings"/> and <see cref="AdamWSettings"/>.</summary>
public sealed class Adam : Optimizer
{
    private readonly AdamSettings _settings;
    private readonly bool _decoupledWeightDecay;
    private readonly double[] _firstMoment;
    private readonly double[] _secondMoment;
    private readonly double[] _maxSecondMoment;
    private int _correctedStep;
    private double _firstCorrection = 1;
    private double _secondCorrection = 1;

    /// <summary>Creates the state; <paramref name="decoupledWeightDecay"/> makes it AdamW.</summary>
    public Adam(AdamSettings settings, bool decoupledWeightDecay, int dimension) : base(dimension)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _decoupledWeightDecay = decoupledWeightDecay;
        _firstMoment = new double[dimension];
        _secondMoment = new double[dimension];
        _maxSecondMoment = new double[dimension];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<OptimizerStateVector> State
    {
        get
        {
            var t = StepCount;
            var firstCorrection = 1 - Math.Pow(_settings.Beta1, t);
            var secondCorrection = 1 - Math.Pow(_settings.Beta2, t);
            List<OptimizerStateVector> state =
            [
                new("firstMoment", [.. _firstMoment]),
                new("secondMoment", [.. _secondMoment]),
                new("firstMomentCorrected", t == 0 ? new double[Dimension] : [.. _firstMoment.Select(m => m / firstCorrection)]),
                new("secondMomentCorrected", t == 0 ? new double[Dimension] : [.. _secondMoment.Select(v => v / secondCorrection)]),
            ];
            if (_settings.AmsGrad)
            {
                // The running maximum of the raw v, bias-corrected like v: the v̂ that AMSGrad divides by.
                state.Add(new("maxSecondMomentCorrected", t == 0 ? new double[Dimension] : [.. _maxSecondMoment.Select(v => v / secondCorrection)]));
            }

            return state;
        }
    }

    /// <inheritdoc/>
    /// <remarks><paramref name="step"/> counts from 1, because bias correction divides by 1 − β^step.</remarks>
    protected override double Update(int index, double parameter, double gradient, double learningRate, int step)
    {
        var s = _settings;
        var g = gradient;
        if (_decoupledWeightDecay)
        {
            parameter -= learningRate * s.WeightDecay * parameter;
        }
        else
        {
            g += s.WeightDecay * parameter;
        }

        _firstMoment[index] = (s.Beta1 * _firstMoment[index]) + ((1 - s.Beta1) * g);
        _secondMoment[index] = (s.Beta2 * _secondMoment[index]) + ((1 - s.Beta2) * g * g);
        if (_correctedStep != step)
        {
            // The bias corrections depend on the step alone: computed once per step, not once per parameter.
            _correctedStep = step;
            _firstCorrection = 1 - Math.Pow(s.Beta1, step);
            _secondCorrection = 1 - Math.Pow(s.Beta2, step);
        }

        var firstCorrected = _firstMoment[index] / _firstCorrection;
        var secondCorrected = _secondMoment[index] / _secondCorrection;
        if (s.AmsGrad)
        {
            // As torch: the maximum of the raw second moment, then the bias correction of step t applied to it.
            _maxSecondMoment[index] = Math.Max(_maxSecondMoment[index], _secondMoment[index]);
            secondCorrected = _maxSecondMoment[index] / _secondCorrection;
        }

        return parameter - (learningRate * firstCorrected / (Math.Sqrt(secondCorrected) + s.Epsilon));
    }
}
