using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Descent;

/// <summary>How the parameters take their partial derivatives during one update.</summary>
public enum UpdateMode
{
    /// <summary>Every partial derivative is computed at the current θ before any parameter changes (the correct update).</summary>
    Simultaneous,

    /// <summary>
    /// Parameters are updated one after another, each later partial derivative measured at the already-updated values:
    /// the classic bug, kept to show it.
    /// </summary>
    Sequential,
}

/// <summary>Why a run stopped.</summary>
public enum StopReason
{
    /// <summary>The step budget was used up.</summary>
    MaxSteps,

    /// <summary>The norm of the full-data gradient fell to the tolerance or below.</summary>
    Converged,

    /// <summary>The loss or a parameter stopped being finite, or the loss grew past the divergence factor × its start.</summary>
    Diverged,
}

/// <summary>When a run stops before its step budget.</summary>
/// <param name="GradientTolerance">Converged when ‖∇J(θ)‖ ≤ this (0: only at an exact stationary point).</param>
/// <param name="DivergenceFactor">Diverged when |J(θ)| &gt; this × |J(θ₀)| (not applied when J(θ₀) = 0).</param>
public sealed record StopCriteria(double GradientTolerance = 0, double DivergenceFactor = 1e6);

/// <summary>Everything one descent run needs, frozen.</summary>
/// <param name="Objective">The function to minimise.</param>
/// <param name="Start">θ₀, weights first, bias last.</param>
/// <param name="Optimizer">The update rule's hyperparameters.</param>
/// <param name="Schedule">The learning rate at each step or epoch.</param>
/// <param name="MaxSteps">The step budget: the number of updates at most.</param>
public sealed record DescentSettings(
    IObjective Objective,
    IReadOnlyList<double> Start,
    OptimizerSettings Optimizer,
    ILearningRateSchedule Schedule,
    int MaxSteps)
{
    /// <summary>Largest step budget accepted: a run records every step.</summary>
    public const int StepLimit = 1_000_000;

    /// <summary>Whether the schedule's t counts steps or epochs.</summary>
    public ScheduleUnit ScheduleUnit { get; init; } = ScheduleUnit.Step;

    /// <summary>Full, mini-batch or stochastic; only objectives with samples accept the last two.</summary>
    public BatchSettings Batch { get; init; } = BatchSettings.Full;

    /// <summary>Simultaneous (correct) or sequential (the bug).</summary>
    public UpdateMode Update { get; init; } = UpdateMode.Simultaneous;

    /// <summary>Early stops: convergence and divergence.</summary>
    public StopCriteria Stop { get; init; } = new();

    /// <summary>
    /// Indexes of parameters held at their start values (never updated), such as a neuron's bias in a lesson that trains
    /// the weight alone. Convergence is judged on the gradient of the other parameters.
    /// </summary>
    public IReadOnlyList<int> Frozen { get; init; } = [];

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that cannot run, with its value.</summary>
    public void Validate()
    {
        var settings = this;
        var objective = settings.Objective;
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(settings.Start);
        ArgumentNullException.ThrowIfNull(settings.Optimizer);
        if (settings.Start.Count != objective.Dimension)
        {
            throw new ArgumentException($"Invalid start: {settings.Start.Count} values for {objective.Dimension} parameters ({string.Join(", ", objective.ParameterNames)}).");
        }

        if (settings.Start.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"Invalid start: [{string.Join(", ", settings.Start)}] (every value must be finite).");
        }

        if (settings.MaxSteps is < 0 or > DescentSettings.StepLimit)
        {
            throw new ArgumentException($"Invalid steps: {settings.MaxSteps} (must be 0 to {DescentSettings.StepLimit:N0}).");
        }

        settings.Optimizer.Validate();
        ScheduleValidation.Validate(settings.Schedule);
        if (settings.Batch.Kind != BatchKind.Full && objective is not ISampledObjective)
        {
            throw new ArgumentException($"Invalid batch: '{settings.Batch.Kind}' batches need an objective with data; this one is a plain function.");
        }

        if (settings.Batch.Kind == BatchKind.Mini && settings.Batch.Size < 1)
        {
            throw new ArgumentException($"Invalid batch size: {settings.Batch.Size} (must be at least 1).");
        }

        if (!(settings.Stop.GradientTolerance >= 0) || !double.IsFinite(settings.Stop.GradientTolerance))
        {
            throw new ArgumentException($"Invalid gradientTolerance: {settings.Stop.GradientTolerance} (must be a finite number, 0 or more).");
        }

        if (settings.Frozen.Any(i => i < 0 || i >= objective.Dimension) || settings.Frozen.Distinct().Count() != settings.Frozen.Count || settings.Frozen.Count >= objective.Dimension)
        {
            throw new ArgumentException($"Invalid frozen parameters: [{string.Join(", ", settings.Frozen)}] (distinct indexes of {string.Join(", ", objective.ParameterNames)}, leaving at least one to train).");
        }

        if (!(settings.Stop.DivergenceFactor > 1))
        {
            throw new ArgumentException($"Invalid divergenceFactor: {settings.Stop.DivergenceFactor} (must be above 1).");
        }
    }
}

/// <summary>
/// One point of a trajectory: θₖ after k updates, the full-data loss J(θₖ), and the gradient and learning rate of the
/// update that leaves θₖ (null on the last point, which no update has left yet).
/// </summary>
/// <param name="Step">k, the number of updates made to reach this point.</param>
/// <param name="Epoch">Passes over the data completed when this point was reached.</param>
/// <param name="Parameters">θₖ.</param>
/// <param name="Loss">J(θₖ) over all the data.</param>
/// <param name="GradientNorm">‖∇J(θₖ)‖ over all the data (what convergence is judged on).</param>
/// <param name="Gradient">The batch gradient the update leaving θₖ used, before weight decay; in sequential mode, each partial as measured when its parameter was updated.</param>
/// <param name="LearningRate">The rate the update leaving θₖ used.</param>
public sealed record StepRecord(
    int Step,
    int Epoch,
    IReadOnlyList<double> Parameters,
    double Loss,
    double GradientNorm,
    IReadOnlyList<double>? Gradient,
    double? LearningRate);
