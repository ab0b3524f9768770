using GradientLab.Core.Descent;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Concepts;

/// <summary>One row of the tour's mini-batch: its input, target and the line's prediction before the update.</summary>
/// <param name="Row">The row's number, counted from 1.</param>
/// <param name="X">The input x.</param>
/// <param name="Y">The target y.</param>
/// <param name="Prediction">f(x) = w·x + b.</param>
public sealed record TourRow(int Row, double X, double Y, double Prediction)
{
    /// <summary>f(x) − y.</summary>
    public double Error => Prediction - Y;

    /// <summary>(f(x) − y)².</summary>
    public double SquaredError => Error * Error;
}

/// <summary>
/// A tour of one training iteration of the <c>minibatch-line</c> preset (mini-batches of 4 from five points on
/// y = 2x + 1, reshuffled every epoch with seed 42, α = 0.02), stage by stage: the parameters, the forward pass, the
/// batch's cost, the backward pass, the update and the next mini-batch. The numbers are the engine's run's.
/// </summary>
public sealed class TrainingLoopTour
{
    /// <summary>The preset toured.</summary>
    public const string Preset = "minibatch-line";

    /// <summary>The stages of one iteration, in order.</summary>
    public static IReadOnlyList<string> Stages { get; } = ["Parameters", "Forward pass", "Loss", "Backward pass", "Update", "Next mini-batch"];

    /// <summary>The last iteration the tour can show: the preset's step budget.</summary>
    public static int LastIteration { get; } = Presets.Get(Preset).Scenario.Steps!.Value;

    private readonly LiveSession _run = new(Presets.Get(Preset).Scenario);
    private int[] _rows = [];
    private int[] _upcoming = [];

    /// <summary>The tour at <paramref name="iteration"/> (0…<see cref="LastIteration"/>) and <paramref name="stage"/> (an index of <see cref="Stages"/>).</summary>
    public TrainingLoopTour(int iteration = 0, int stage = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iteration, _run.LastStep);
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stage, Stages.Count);
        Stage = stage;
        GoTo(iteration);
    }

    /// <summary>The iteration shown (0 before the first update).</summary>
    public int Iteration => _run.Cursor;

    /// <summary>The stage shown: an index of <see cref="Stages"/>.</summary>
    public int Stage { get; private set; }

    /// <summary>The mini-batch size m.</summary>
    public int BatchSize => _rows.Length;

    /// <summary>The weight before this iteration's update.</summary>
    public double W => Point.Parameters[0];

    /// <summary>The bias before this iteration's update.</summary>
    public double B => Point.Parameters[1];

    /// <summary>The epoch this iteration belongs to.</summary>
    public int Epoch => Point.Epoch;

    /// <summary>This iteration's mini-batch, each row with its prediction at (<see cref="W"/>, <see cref="B"/>).</summary>
    public IReadOnlyList<TourRow> Rows
    {
        get
        {
            var data = _run.Resolved.InputData!;
            return [.. _rows.Select(r => new TourRow(r + 1, data.Column(0)[r], data.Targets[r], (W * data.Column(0)[r]) + B))];
        }
    }

    /// <summary>Σ (f − y)² over the mini-batch.</summary>
    public double SquaredErrorSum => Rows.Sum(r => r.SquaredError);

    /// <summary>The batch's cost J = 1/(2m) Σ (f − y)².</summary>
    public double BatchCost => SquaredErrorSum / (2 * BatchSize);

    /// <summary>∂J/∂w = 1/m Σ (f − y)·x over the mini-batch, as the engine measured it.</summary>
    public double GradientW => Point.Gradient?[0] ?? double.NaN;

    /// <summary>∂J/∂b = 1/m Σ (f − y) over the mini-batch, as the engine measured it.</summary>
    public double GradientB => Point.Gradient?[1] ?? double.NaN;

    /// <summary>The learning rate α of this update.</summary>
    public double LearningRate => Point.LearningRate ?? 0;

    /// <summary>The weight after the update (unchanged at the last iteration).</summary>
    public double WNext => After.Parameters[0];

    /// <summary>The bias after the update.</summary>
    public double BNext => After.Parameters[1];

    /// <summary>The cost over all the data before the update.</summary>
    public double CostBefore => Point.Loss;

    /// <summary>The cost over all the data after the update.</summary>
    public double CostAfter => After.Loss;

    /// <summary>The rows of the next iteration's mini-batch, counted from 1.</summary>
    public IReadOnlyList<int> UpcomingRows => [.. _upcoming.Select(r => r + 1)];

    /// <summary>Whether the next iteration starts a new epoch (the rows were reshuffled).</summary>
    public bool NextStartsAnEpoch => After.Epoch > Point.Epoch;

    private StepRecord Point => _run.Current;

    private StepRecord After => _run.AtEnd ? _run.Current : _run.Trajectory[_run.Cursor + 1];

    /// <summary>The next stage; after the last, the first stage of the next iteration (or of this one at the end of the run).</summary>
    public void Next()
    {
        if (Stage < Stages.Count - 1)
        {
            Stage++;
            return;
        }

        Stage = 0;
        GoTo(Math.Min(Iteration + 1, _run.LastStep));
    }

    /// <summary>Back to the first stage of iteration 0.</summary>
    public void Restart()
    {
        Stage = 0;
        GoTo(0);
    }

    private void GoTo(int iteration)
    {
        _run.Reset();
        _run.Advance(iteration);
        var sampler = new BatchSampler(_run.Resolved.Settings.Batch, _run.Resolved.InputData!.SampleCount);
        for (var k = 0; k <= iteration; k++)
        {
            _rows = sampler.Next().ToArray();
        }

        _upcoming = sampler.Next().ToArray();
    }
}
