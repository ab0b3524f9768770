namespace GradientLab.Core.Schedules;

/// <summary>
/// The learning rate as a pure, closed-form function of t = 0, 1, 2, … (steps or epochs, as the run says), so the
/// rate never depends on how often it was asked for.
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>The rate in force at step (or epoch) <paramref name="t"/>, counted from 0.</summary>
    double At(int t);

    /// <summary>The rate at t = 0: the γ of the update rules.</summary>
    double Initial { get; }
}

/// <summary>Whether a schedule's t counts updates or completed epochs.</summary>
public enum ScheduleUnit
{
    /// <summary>t is the number of updates made so far.</summary>
    Step,

    /// <summary>t is the number of completed passes over the data.</summary>
    Epoch,
}

/// <summary>The same rate γ at every t.</summary>
public sealed record ConstantRate(double Initial) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double At(int t) => Initial;
}

/// <summary>Step decay: γ·g^⌊t/s⌋, the rate multiplied by <see cref="Gamma"/> every <see cref="StepSize"/>.</summary>
public sealed record StepDecay(double Initial, int StepSize, double Gamma) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double At(int t) => Initial * Math.Pow(Gamma, t / StepSize);
}

/// <summary>Exponential decay: γ·g^t.</summary>
public sealed record ExponentialDecay(double Initial, double Gamma) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double At(int t) => Initial * Math.Pow(Gamma, t);
}

/// <summary>
/// Inverse-time decay: γ/(1 + d·⌊t/p⌋). With the period p = 1 this is γ/(1 + d·t); a longer period gives the course's
/// staircase variant.
/// </summary>
public sealed record InverseTimeDecay(double Initial, double Decay, int Period = 1) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double At(int t) => Initial / (1 + (Decay * (t / Period)));
}

/// <summary>
/// Cosine annealing: γmin + ½(γ − γmin)(1 + cos(π·t/T)) for t ≤ T. Past T the rate stays at γmin (PyTorch's
/// <c>CosineAnnealingLR</c> would climb back up the cosine instead).
/// </summary>
public sealed record CosineAnnealing(double Initial, double Minimum, int Period) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double At(int t) => Cosine(Initial, Minimum, Math.Min(t, Period) / (double)Period);

    internal static double Cosine(double from, double to, double fraction) =>
        to + ((from - to) * (1 + Math.Cos(Math.PI * fraction)) / 2);
}

/// <summary>
/// Linear warm-up then cosine: γ·t/w for t &lt; w, then γmin + ½(γ − γmin)(1 + cos(π·(t − w)/(T − w))), holding γmin
/// past T. At t = 0 the rate is 0, so the first update does not move.
/// </summary>
public sealed record WarmupCosine(double Initial, double Minimum, int WarmupSteps, int TotalSteps) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double At(int t)
    {
        if (t < WarmupSteps)
        {
            return Initial * t / WarmupSteps;
        }

        var span = TotalSteps - WarmupSteps;
        return span <= 0 ? Minimum : CosineAnnealing.Cosine(Initial, Minimum, Math.Min(t - WarmupSteps, span) / (double)span);
    }
}

/// <summary>
/// One-cycle with cosine annealing, as <c>torch.optim.lr_scheduler.OneCycleLR</c>: from γmax/25 up to γmax over the first
/// <see cref="PercentStart"/> of the steps, then down to γmax/(25·10⁴) at step T − 1, and held there after.
/// <see cref="Initial"/> is γmax/25, the rate of the first update.
/// </summary>
public sealed record OneCycle(double Maximum, int TotalSteps, double PercentStart = 0.3) : ILearningRateSchedule
{
    /// <summary>γmax / this is the starting rate.</summary>
    public const double DivFactor = 25;

    /// <summary>The starting rate / this is the final rate.</summary>
    public const double FinalDivFactor = 1e4;

    /// <inheritdoc/>
    public double Initial => Maximum / DivFactor;

    /// <inheritdoc/>
    public double At(int t)
    {
        var final = Initial / FinalDivFactor;
        var peakStep = (PercentStart * TotalSteps) - 1;
        var lastStep = TotalSteps - 1.0;
        if (t <= peakStep)
        {
            return CosineAnnealing.Cosine(Initial, Maximum, t / peakStep);
        }

        var fraction = lastStep > peakStep ? (t - peakStep) / (lastStep - peakStep) : 1;
        return CosineAnnealing.Cosine(Maximum, final, Math.Min(1, fraction));
    }
}

/// <summary>Checks a schedule's settings before a run uses it.</summary>
public static class ScheduleValidation
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting outside its valid range.</summary>
    public static void Validate(ILearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        switch (schedule)
        {
            case ConstantRate c:
                RequireRate(c.Initial, "learningRate");
                break;
            case StepDecay s:
                RequireRate(s.Initial, "learningRate");
                RequireAtLeast(s.StepSize, 1, "stepSize");
                RequirePositive(s.Gamma, "gamma");
                break;
            case ExponentialDecay e:
                RequireRate(e.Initial, "learningRate");
                RequirePositive(e.Gamma, "gamma");
                break;
            case InverseTimeDecay i:
                RequireRate(i.Initial, "learningRate");
                RequireRate(i.Decay, "decay");
                RequireAtLeast(i.Period, 1, "period");
                break;
            case CosineAnnealing c:
                RequireRate(c.Initial, "learningRate");
                RequireRate(c.Minimum, "minLearningRate");
                RequireAtLeast(c.Period, 1, "period");
                break;
            case WarmupCosine w:
                RequireRate(w.Initial, "learningRate");
                RequireRate(w.Minimum, "minLearningRate");
                RequireAtLeast(w.WarmupSteps, 0, "warmupSteps");
                RequireAtLeast(w.TotalSteps, w.WarmupSteps + 1, "totalSteps");
                break;
            case OneCycle o:
                RequireRate(o.Maximum, "learningRate");
                RequireAtLeast(o.TotalSteps, 2, "totalSteps");
                if (!(o.PercentStart > 0 && o.PercentStart < 1))
                {
                    throw new ArgumentException($"Invalid pctStart: {Format(o.PercentStart)} (must be between 0 and 1, exclusive).");
                }

                break;
            default:
                RequireRate(schedule.Initial, "learningRate");
                break;
        }
    }

    private static void RequireRate(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"Invalid {name}: {Format(value)} (must be a finite number, 0 or more).");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentException($"Invalid {name}: {Format(value)} (must be a finite number above 0).");
        }
    }

    private static void RequireAtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"Invalid {name}: {value} (must be at least {minimum}).");
        }
    }

    private static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
