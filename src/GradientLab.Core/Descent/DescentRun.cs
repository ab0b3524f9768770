using System.Collections;
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
    // The points an update has left, complete with its gradient and rate; the current point is kept as its values and
    // made a record only when read, so that each recorded step costs one record rather than two.
    private readonly List<StepRecord> _left = [];
    private readonly RecordedPoints _trajectory;
    private readonly double[] _parameters;
    private readonly double[] _fullGradient;
    private readonly double[] _batchGradient;
    private readonly Optimizer _optimizer;
    private readonly ISampledObjective? _sampled;
    private readonly BatchSampler? _sampler;
    private readonly double _initialLoss;
    private double[] _currentParameters = [];
    private int _currentEpoch;
    private double _currentLoss;
    private double _currentNorm;
    private StepRecord? _current;

    /// <summary>Validates the settings, evaluates θ₀ and records it as step 0.</summary>
    /// <exception cref="ArgumentException">Settings that cannot run; the message names the setting and its value.</exception>
    public DescentRun(DescentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        var objective = settings.Objective;
        settings.Validate();
        _optimizer = settings.Optimizer.Create(objective.Dimension);
        _trajectory = new RecordedPoints(this);
        _parameters = [.. settings.Start];
        _fullGradient = new double[objective.Dimension];
        _batchGradient = new double[objective.Dimension];
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
    public StepRecord Current => _current ??= new StepRecord(_left.Count, _currentEpoch, _currentParameters, _currentLoss, _currentNorm, null, null);

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

        var step = _left.Count;
        var t = Settings.ScheduleUnit == ScheduleUnit.Step ? step : _currentEpoch;
        var learningRate = Settings.Schedule.At(t);
        var rows = _sampler is null ? default : _sampler.Next();
        var used = new double[_parameters.Length];
        if (Settings.Update == UpdateMode.Simultaneous)
        {
            var gradient = BatchGradient(rows, reuseFullGradient: true);
            gradient.CopyTo(used);
            _optimizer.Step(_parameters, gradient, learningRate);
        }
        else
        {
            _optimizer.BeginStep();
            for (var i = 0; i < _parameters.Length; i++)
            {
                var gradient = BatchGradient(rows, reuseFullGradient: i == 0);
                used[i] = gradient[i];
                _parameters[i] = _optimizer.UpdateCoordinate(i, _parameters[i], gradient[i], learningRate);
            }
        }

        _left.Add(new StepRecord(step, _currentEpoch, _currentParameters, _currentLoss, _currentNorm, used, learningRate));
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
            if ((_left.Count & 1023) == 0)
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
        foreach (var g in _fullGradient)
        {
            norm += g * g;
        }

        _currentParameters = [.. _parameters];
        _currentEpoch = epoch;
        _currentLoss = loss;
        _currentNorm = Math.Sqrt(norm);
        _current = null;
        return loss;
    }

    private void CheckStop()
    {
        var stop = Settings.Stop;
        var finite = double.IsFinite(_currentLoss) && double.IsFinite(_currentNorm);
        foreach (var p in _parameters)
        {
            finite &= double.IsFinite(p);
        }

        if (!finite || (_initialLoss != 0 && Math.Abs(_currentLoss) > stop.DivergenceFactor * Math.Abs(_initialLoss)))
        {
            StopReason = Descent.StopReason.Diverged;
        }
        else if (_currentNorm <= stop.GradientTolerance)
        {
            StopReason = Descent.StopReason.Converged;
        }
        else if (_left.Count >= Settings.MaxSteps)
        {
            StopReason = Descent.StopReason.MaxSteps;
        }
    }

    /// <summary>The trajectory as a read-only list: the points left by an update, then the current one.</summary>
    private sealed class RecordedPoints(DescentRun run) : IReadOnlyList<StepRecord>, IList<StepRecord>
    {
        public int Count => run._left.Count + 1;

        public bool IsReadOnly => true;

        public StepRecord this[int index]
        {
            get => index == run._left.Count ? run.Current : run._left[index];
            set => throw ReadOnly();
        }

        public IEnumerator<StepRecord> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public int IndexOf(StepRecord item)
        {
            var index = run._left.IndexOf(item);
            return index >= 0 ? index : Equals(run.Current, item) ? run._left.Count : -1;
        }

        public bool Contains(StepRecord item) => IndexOf(item) >= 0;

        public void CopyTo(StepRecord[] array, int arrayIndex)
        {
            ArgumentNullException.ThrowIfNull(array);
            run._left.CopyTo(array, arrayIndex);
            array[arrayIndex + run._left.Count] = run.Current;
        }

        public void Add(StepRecord item) => throw ReadOnly();

        public void Insert(int index, StepRecord item) => throw ReadOnly();

        public bool Remove(StepRecord item) => throw ReadOnly();

        public void RemoveAt(int index) => throw ReadOnly();

        public void Clear() => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new("A run's trajectory is read-only: it grows as the run steps.");
    }
}
