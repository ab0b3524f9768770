using System.Collections;

namespace GradientLab.Core.Descent;

/// <summary>
/// A run's trajectory kept as numbers: for each point its parameters, the gradient and rate of the update that left it,
/// its loss, its gradient's norm and its epoch, in chunks of 256 points (a structure of arrays: 8·(2p + 3) + 4 bytes a
/// point for p parameters). A point becomes a <see cref="StepRecord"/> the first time it is read and that record is
/// kept, so a run nobody reads makes no object per step, and every read of a point sees the same record.
/// </summary>
internal sealed class Recording : IReadOnlyList<StepRecord>, IList<StepRecord>
{
    private const int ChunkLength = 256;
    private readonly int _dimension;
    private readonly int _stride;
    private readonly List<double[]> _values = [];
    private readonly List<int[]> _epochs = [];
    private readonly List<StepRecord?[]?> _records = [];

    public Recording(int dimension)
    {
        _dimension = dimension;
        _stride = (2 * dimension) + 3;
    }

    public int Count { get; private set; }

    public bool IsReadOnly => true;

    /// <summary>The gradient of the update that leaves the latest point, to be written by that update.</summary>
    public Span<double> LatestGradient => Row(Count - 1).Slice(_dimension, _dimension);

    public StepRecord this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The trajectory has {Count} points.");
            }

            var records = _records[index / ChunkLength] ??= new StepRecord?[ChunkLength];
            return records[index % ChunkLength] ??= Make(index);
        }

        set => throw ReadOnly();
    }

    /// <summary>Records a new latest point, which no update has left yet.</summary>
    public void Append(int epoch, ReadOnlySpan<double> parameters, double loss, double gradientNorm)
    {
        if (Count % ChunkLength == 0)
        {
            _values.Add(new double[ChunkLength * _stride]);
            _epochs.Add(new int[ChunkLength]);
            _records.Add(null);
        }

        var row = Row(Count);
        parameters.CopyTo(row);
        row[2 * _dimension] = loss;
        row[(2 * _dimension) + 1] = gradientNorm;
        _epochs[^1][Count % ChunkLength] = epoch;
        Count++;
    }

    /// <summary>The latest point has been left by an update at <paramref name="learningRate"/> (its gradient written).</summary>
    public void Leave(double learningRate)
    {
        var index = Count - 1;
        Row(index)[(2 * _dimension) + 2] = learningRate;
        if (_records[index / ChunkLength] is { } records)
        {
            // A record read before the update has no gradient: the next read makes the full one.
            records[index % ChunkLength] = null;
        }
    }

    public int Epoch(int index) => _epochs[index / ChunkLength][index % ChunkLength];

    public double Loss(int index) => Row(index)[2 * _dimension];

    public double GradientNorm(int index) => Row(index)[(2 * _dimension) + 1];

    public IEnumerator<StepRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(StepRecord item) => item is not null && item.Step >= 0 && item.Step < Count && Equals(this[item.Step], item) ? item.Step : -1;

    public bool Contains(StepRecord item) => IndexOf(item) >= 0;

    public void CopyTo(StepRecord[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < Count; i++)
        {
            array[arrayIndex + i] = this[i];
        }
    }

    public void Add(StepRecord item) => throw ReadOnly();

    public void Insert(int index, StepRecord item) => throw ReadOnly();

    public bool Remove(StepRecord item) => throw ReadOnly();

    public void RemoveAt(int index) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A run's trajectory is read-only: it grows as the run steps.");

    private Span<double> Row(int index) => _values[index / ChunkLength].AsSpan((index % ChunkLength) * _stride, _stride);

    private StepRecord Make(int index)
    {
        var values = _values[index / ChunkLength];
        var offset = (index % ChunkLength) * _stride;
        var left = index < Count - 1;
        return new StepRecord(
            index,
            Epoch(index),
            new ReadOnlySlice(values, offset, _dimension),
            values[offset + (2 * _dimension)],
            values[offset + (2 * _dimension) + 1],
            left ? new ReadOnlySlice(values, offset + _dimension, _dimension) : null,
            left ? values[offset + (2 * _dimension) + 2] : null);
    }
}

/// <summary>A read-only window on stored values: a record's parameters or gradient, without a copy.</summary>
internal sealed class ReadOnlySlice(double[] values, int offset, int count) : IReadOnlyList<double>
{
    public int Count => count;

    public double this[int index] => (uint)index < (uint)count
        ? values[offset + index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {count} values.");

    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return values[offset + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", this)}]";
}
