using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Descent;

/// <summary>
/// A gradient-descent run that can be advanced one update at a time (<see cref="Step"/>) or to its end
/// (<see cref="RunToEnd"/>). It records every point it reaches and stops with a <see cref="Core.Descent.StopReason"/>.
/// Not thread-safe: one caller drives it.
/// </summary>
public sealed class DescentRun
{
    private readonly Recording _trajectory;
    private readonly double[] _parameters;
    private readonly double[] _fullGradient;
    private readonly double[] _batchGradient;
    private readonly Optimizer _optimizer;
    private readonly ISampledObjective? _sampled;
    private readonly BatchSampler? _sampler;
    private readonly double _initialLoss;
    private readonly bool[] _trainable;

    /// <summary>Validates the settings, evaluates θ₀ and records it as step 0.</summary>
    /// <exception cref="ArgumentException">Settings that cannot run; the message names the setting and its value.</exception>
    public DescentRun(DescentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var objective = settings.Objective;
        settings.Validate();
        _optimizer = settings.Optimizer.Create(objective.Dimension);
        _trajectory = new Recording(objective.Dimension);
        _parameters = [.. settings.Start];
        _fullGradient = new double[objective.Dimension];
        _batchGradient = new double[objective.Dimension];
        _trainable = [.. Enumerable.Repeat(true, objective.Dimension)];
        foreach (var index in settings.Frozen)
        {
            _trainable[index] = false;
        }
        if (settings.Batch.Kind != BatchKind.Full)
        {
            _sampled = (ISampledObjective)objective;
            _sampler = new BatchSampler(settings.Batch, _sampled.SampleCount);
        }

        _initialLoss = Record(epoch: 0);
        CheckStop();
    }

    /// <summary>The settings the run was made from.</summary>
    public DescentSettings Settings { get; }

    /// <summary>Every point reached so far: step 0 is θ₀. A live, read-only view that grows as the run steps.</summary>
    /// <remarks>
    /// Kept as numbers (8·(2p + 3) + 4 bytes a point for p parameters); each point becomes a <see cref="StepRecord"/> the
    /// first time it is read, and the same record is returned from then on.
    /// </remarks>
    public IReadOnlyList<StepRecord> Trajectory => _trajectory;

    /// <summary>The latest point.</summary>
    public StepRecord Current => _trajectory[_trajectory.Count - 1];

    /// <summary>Why the run stopped, or null while it can still take a step.</summary>
    public StopReason? StopReason { get; private set; }

    /// <summary>Whether the run has stopped.</summary>
    public bool IsFinished => StopReason is not null;

    /// <summary>The optimizer's state after the latest update (velocity, moments, …).</summary>
    public IReadOnlyList<OptimizerStateVector> OptimizerState => _optimizer.State;

    /// <summary>Updates per pass over the data (1 for full batches and for functions).</summary>
    public int BatchesPerEpoch => _sampler?.BatchesPerEpoch ?? 1;

    /// <summary>Makes one update and records the point it reaches.</summary>
    /// <returns>False, without doing anything, when the run has already stopped.</returns>
    public bool Step()
    {
        if (IsFinished)
        {
            return false;
        }

        var step = _trajectory.Count - 1;
        var t = Settings.ScheduleUnit == ScheduleUnit.Step ? step : _trajectory.Epoch(step);
        var learningRate = Settings.Schedule.At(t);
        var rows = _sampler is null ? default : _sampler.Next();
        var used = _trajectory.LatestGradient;
        if (Settings.Update == UpdateMode.Simultaneous)
        {
            var gradient = BatchGradient(rows, reuseFullGradient: true);
            gradient.CopyTo(used);
            if (Settings.Frozen.Count == 0)
            {
                _optimizer.Step(_parameters, gradient, learningRate);
            }
            else
            {
                _optimizer.BeginStep();
                for (var i = 0; i < _parameters.Length; i++)
                {
                    if (_trainable[i])
                    {
                        _parameters[i] = _optimizer.UpdateCoordinate(i, _parameters[i], used[i], learningRate);
                    }
                }
            }
        }
        else
        {
            _optimizer.BeginStep();
            for (var i = 0; i < _parameters.Length; i++)
            {
                var gradient = BatchGradient(rows, reuseFullGradient: i == 0);
                used[i] = gradient[i];
                if (_trainable[i])
                {
                    _parameters[i] = _optimizer.UpdateCoordinate(i, _parameters[i], gradient[i], learningRate);
                }
            }
        }

        _trajectory.Leave(learningRate);
        Record(_sampler?.CompletedEpochs ?? step + 1);
        CheckStop();
        return true;
    }

    /// <summary>Steps until the run stops.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the run keeps what it recorded and can go on.</exception>
    public StopReason RunToEnd(CancellationToken cancellationToken = default)
    {
        while (Step())
        {
            if ((_trajectory.Count & 1023) == 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return StopReason!.Value;
    }

    private ReadOnlySpan<double> BatchGradient(ReadOnlySpan<int> rows, bool reuseFullGradient)
    {
        if (_sampled is null)
        {
            if (reuseFullGradient)
            {
                return _fullGradient;
            }

            Settings.Objective.Evaluate(_parameters, _batchGradient);
            return _batchGradient;
        }

        _sampled.Evaluate(_parameters, _batchGradient, rows);
        return _batchGradient;
    }

    private double Record(int epoch)
    {
        var loss = Settings.Objective.Evaluate(_parameters, _fullGradient);
        var norm = 0.0;
        for (var i = 0; i < _fullGradient.Length; i++)
        {
            norm += _trainable[i] ? _fullGradient[i] * _fullGradient[i] : 0;
        }

        _trajectory.Append(epoch, _parameters, loss, Math.Sqrt(norm));
        return loss;
    }

    private void CheckStop()
    {
        var stop = Settings.Stop;
        var step = _trajectory.Count - 1;
        var loss = _trajectory.Loss(step);
        var norm = _trajectory.GradientNorm(step);
        var finite = double.IsFinite(loss) && double.IsFinite(norm);
        foreach (var p in _parameters)
        {
            finite &= double.IsFinite(p);
        }

        if (!finite || (_initialLoss != 0 && Math.Abs(loss) > stop.DivergenceFactor * Math.Abs(_initialLoss)))
        {
            StopReason = Descent.StopReason.Diverged;
        }
        else if (norm <= stop.GradientTolerance)
        {
            StopReason = Descent.StopReason.Converged;
        }
        else if (step >= Settings.MaxSteps)
        {
            StopReason = Descent.StopReason.MaxSteps;
        }
    }
}
