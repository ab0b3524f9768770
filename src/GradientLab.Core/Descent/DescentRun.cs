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
    private readonly List<StepRecord> _trajectory = [];
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

    /// <summary>Every point reached so far: step 0 is θ₀.</summary>
    public IReadOnlyList<StepRecord> Trajectory => _trajectory;

    /// <summary>The latest point.</summary>
    public StepRecord Current => _trajectory[^1];

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

        var previous = _trajectory[^1];
        var t = Settings.ScheduleUnit == ScheduleUnit.Step ? previous.Step : previous.Epoch;
        var learningRate = Settings.Schedule.At(t);
        var rows = _sampler is null ? default : _sampler.Next();
        var used = new double[_parameters.Length];
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

        _trajectory[^1] = previous with { Gradient = used, LearningRate = learningRate };
        Record(_sampler?.CompletedEpochs ?? previous.Step + 1);
        CheckStop();
        return true;
    }

    /// <summary>Steps until the run stops.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled; the run keeps what it recorded and can go on.</exception>
    public StopReason RunToEnd(CancellationToken cancellationToken = default)
    {
        while (Step())
        {
            if ((Current.Step & 1023) == 0)
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

        _trajectory.Add(new StepRecord(_trajectory.Count, epoch, [.. _parameters], loss, Math.Sqrt(norm), null, null));
        return loss;
    }

    private void CheckStop()
    {
        var current = _trajectory[^1];
        var stop = Settings.Stop;
        var finite = double.IsFinite(current.Loss) && double.IsFinite(current.GradientNorm);
        foreach (var p in _parameters)
        {
            finite &= double.IsFinite(p);
        }

        if (!finite || (_initialLoss != 0 && Math.Abs(current.Loss) > stop.DivergenceFactor * Math.Abs(_initialLoss)))
        {
            StopReason = Descent.StopReason.Diverged;
        }
        else if (current.GradientNorm <= stop.GradientTolerance)
        {
            StopReason = Descent.StopReason.Converged;
        }
        else if (current.Step >= Settings.MaxSteps)
        {
            StopReason = Descent.StopReason.MaxSteps;
        }
    }
}
