using System.Globalization;
using GradientLab.Core.Objectives;
using GradientLab.Lessons.Runs;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Neuron;

/// <summary>The neuron's settings: one example (x, y), the start (w, b), the learning rate and whether b is trained.</summary>
public sealed record NeuronSettings(double X, double Y, double W, double B, double Alpha, bool TrainBias)
{
    /// <summary>How many updates the stepper computes.</summary>
    public const int Iterations = 60;

    /// <summary>The settings a neuron preset starts from.</summary>
    public static NeuronSettings FromPreset(string name)
    {
        var scenario = Presets.Get(name).Scenario;
        return new NeuronSettings(
            scenario.Objective!.Data!.X![0][0],
            scenario.Objective.Data.Y![0],
            scenario.Start![0],
            scenario.Start[1],
            scenario.Optimizer!.LearningRate!.Value,
            scenario.Freeze is not ["b"]);
    }

    /// <summary>The run these settings describe; the resolver rejects bad values (a non-positive α…) with a <see cref="ScenarioException"/>.</summary>
    public Scenario Scenario(string name) => new()
    {
        Name = name,
        Objective = new ObjectiveSpec { Kind = "sigmoid-neuron", Loss = "squared-error", Data = new DataSpec { X = [[X]], Y = [Y] } },
        Start = [W, B],
        Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = Alpha },
        Freeze = TrainBias ? null : ["b"],
        Steps = Iterations,
    };

    /// <summary>Reads a number typed into a field: finite and invariant, or the sentence that says why nothing changed.</summary>
    public static bool TryParse(string? text, out double value, out string? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            error = null;
            return true;
        }

        error = $"'{text}' is not a number; nothing was changed.";
        return false;
    }
}

/// <summary>One iteration of the chain-rule stepper: the forward and backward pass at the session's cursor, the update and the sentences.</summary>
public sealed class NeuronStep
{
    /// <summary>The step at <paramref name="session"/>'s cursor, for the example of <paramref name="settings"/>.</summary>
    public NeuronStep(LiveSession session, NeuronSettings settings)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(settings);
        Iteration = session.Cursor;
        W = session.Current.Parameters[0];
        B = session.Current.Parameters[1];
        Trace = SigmoidNeuron.Trace(W, B, settings.X, settings.Y);
        HasNext = !session.AtEnd;
        var next = HasNext ? session.Trajectory[session.Cursor + 1].Parameters : null;
        WNext = next?[0] ?? double.NaN;
        BNext = next?[1] ?? double.NaN;
        var ws = session.Trajectory.Select(p => p.Parameters[0]).Where(double.IsFinite).ToArray();
        (WMin, WMax) = (ws.Min(), ws.Max());
    }

    /// <summary>The iteration shown (0 before the first update).</summary>
    public int Iteration { get; }

    /// <summary>The weight and bias before this update.</summary>
    public double W { get; }

    /// <inheritdoc cref="W"/>
    public double B { get; }

    /// <summary>Every factor of the chain rule at (w, b).</summary>
    public NeuronTrace Trace { get; }

    /// <summary>Whether there is an update after this one.</summary>
    public bool HasNext { get; }

    /// <summary>w and b after the update (NaN at the end of the run).</summary>
    public double WNext { get; }

    /// <inheritdoc cref="WNext"/>
    public double BNext { get; }

    /// <summary>The range of w over the run, for the loss curve's axis.</summary>
    public double WMin { get; }

    /// <inheritdoc cref="WMin"/>
    public double WMax { get; }

    /// <summary>The next w if there is one, else the current one (the curve's "next" marker).</summary>
    public double WShownNext => HasNext ? WNext : W;

    /// <summary>Which way w moves and why, from the sign of ∂L/∂w.</summary>
    public string Hint => Trace.DLossDWeight switch
    {
        < 0 => $"∂L/∂w = {LiveSession.F(Trace.DLossDWeight)} is negative (the loss falls as w grows) → w increases.",
        > 0 => $"∂L/∂w = {LiveSession.F(Trace.DLossDWeight)} is positive (the loss rises as w grows) → w decreases.",
        _ => "∂L/∂w = 0: the slope is flat, so w stays.",
    };

    /// <summary>What the whole run does, said honestly: converges, settles into a cycle, or wanders.</summary>
    public static string Behaviour(LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var w = session.Trajectory.Select(p => p.Parameters[0]).ToArray();
        var losses = session.Trajectory.Select(p => p.Loss).ToArray();
        if (w.Length < 6)
        {
            return "";
        }

        var last = w.Length - 1;
        if (Math.Abs(w[last] - w[last - 2]) < 1e-6 && Math.Abs(w[last] - w[last - 1]) > 1e-3)
        {
            return $"Over {last} iterations w neither converges nor blows up: it settles into a two-step cycle, jumping between {NiceNumbers.Significant(w[last - 1], 4)} and {NiceNumbers.Significant(w[last], 4)}, because each step overshoots the minimum by as much as the last.";
        }

        var alternating = Lesson.AlternatingChanges(w);
        var settled = Enumerable.Range(1, last).FirstOrDefault(k => Enumerable.Range(k, last - k + 1).All(j => Math.Abs(w[j] - w[j - 1]) < 1e-3));
        if (alternating >= 6 && settled > 0)
        {
            var flips = alternating >= last - 1 ? "at every iteration" : $"at each of the first {alternating} iterations";
            return $"w overshoots the optimum again and again: ∂L/∂w flips sign {flips}, so w jumps from one side of w* ≈ {NiceNumbers.Significant(w[last], 4)} to the other. The swings shrink, |Δw| stays below 0.001 from iteration {settled}, and the run converges.";
        }

        var falling = losses.Zip(losses.Skip(1)).All(pair => pair.Second <= pair.First + 1e-15);
        return falling
            ? $"Over {last} iterations the loss falls every time, from {NiceNumbers.Significant(losses[0], 4)} to {NiceNumbers.Significant(losses[last], 4)}."
            : $"Over {last} iterations the loss goes up and down (from {NiceNumbers.Significant(losses[0], 4)} to {NiceNumbers.Significant(losses[last], 4)}): the steps overshoot.";
    }
}
