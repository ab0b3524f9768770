namespace GradientLab.Core.Descent;

/// <summary>How much of the data one update looks at.</summary>
public enum BatchKind
{
    /// <summary>Every row, every update (batch gradient descent): one update is one epoch.</summary>
    Full,

    /// <summary>Consecutive slices of a permutation of the rows, the last one possibly shorter.</summary>
    Mini,

    /// <summary>One row per update (stochastic gradient descent): mini-batches of size 1.</summary>
    Stochastic,
}

/// <summary>Batching settings. <see cref="Seed"/> fixes the shuffles, so the same seed gives the same run bit for bit.</summary>
/// <param name="Kind">Full, mini-batch or stochastic.</param>
/// <param name="Size">Rows per mini-batch (ignored for full; 1 for stochastic).</param>
/// <param name="Shuffle">Reshuffle the rows at the start of every epoch; false keeps the data order.</param>
/// <param name="Seed">Seed of the shuffles.</param>
public sealed record BatchSettings(BatchKind Kind = BatchKind.Full, int Size = 32, bool Shuffle = true, int Seed = 0)
{
    /// <summary>Every row, every update.</summary>
    public static BatchSettings Full { get; } = new();

    /// <summary>The rows per update for a dataset of <paramref name="sampleCount"/> rows.</summary>
    public int EffectiveSize(int sampleCount) => Kind switch
    {
        BatchKind.Full => sampleCount,
        BatchKind.Stochastic => 1,
        _ => Math.Min(Size, sampleCount),
    };
}

/// <summary>
/// Hands out the rows of each update in turn and counts completed epochs. Each epoch starts with a fresh permutation
/// drawn from one <see cref="Random"/> seeded once, so a run is reproducible.
/// </summary>
public sealed class BatchSampler
{
    private readonly int[] _order;
    private readonly int _batchSize;
    private readonly bool _shuffle;
    private readonly Random _random;
    private int _position;

    /// <summary>Creates the sampler for <paramref name="sampleCount"/> rows.</summary>
    public BatchSampler(BatchSettings settings, int sampleCount)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleCount, 1);
        if (settings.Kind == BatchKind.Mini && settings.Size < 1)
        {
            throw new ArgumentException($"Invalid batch size: {settings.Size} (must be at least 1).", nameof(settings));
        }

        _order = Enumerable.Range(0, sampleCount).ToArray();
        _batchSize = settings.EffectiveSize(sampleCount);
        _shuffle = settings.Kind != BatchKind.Full && settings.Shuffle;
        _random = new Random(settings.Seed);
        BatchesPerEpoch = (sampleCount + _batchSize - 1) / _batchSize;
    }

    /// <summary>Number of updates in one pass over the data.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Number of passes over the data completed so far.</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>The rows of the next update. Valid until the next call.</summary>
    public ReadOnlySpan<int> Next()
    {
        if (_position == 0 && _shuffle)
        {
            _random.Shuffle(_order);
        }

        var start = _position;
        var length = Math.Min(_batchSize, _order.Length - start);
        _position += length;
        if (_position == _order.Length)
        {
            _position = 0;
            CompletedEpochs++;
        }

        return _order.AsSpan(start, length);
    }
}
