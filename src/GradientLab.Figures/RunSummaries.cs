using GradientLab.Core.Descent;
using GradientLab.Plotting;

namespace GradientLab.Figures;

/// <summary>
/// The extent of a run's first two parameters up to any step, in O(1) amortised: running minima and maxima kept per
/// block of <see cref="Block"/> steps (32 bytes a block), the last partial block scanned.
/// </summary>
internal sealed class PrefixExtents
{
    private const int Block = 256;
    private readonly IReadOnlyList<StepRecord> _trajectory;
    private readonly DataRect[] _upToBlockEnd;

    public PrefixExtents(IReadOnlyList<StepRecord> trajectory, int last)
    {
        _trajectory = trajectory;
        _upToBlockEnd = new DataRect[(last + 1) / Block];
        var box = Empty;
        for (var b = 0; b < _upToBlockEnd.Length; b++)
        {
            box = Extend(box, b * Block, ((b + 1) * Block) - 1);
            _upToBlockEnd[b] = box;
        }
    }

    private static DataRect Empty => new(double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity);

    /// <summary>The smallest rectangle holding every finite point of steps 0 … <paramref name="step"/>.</summary>
    public DataRect Upto(int step)
    {
        var full = (step + 1) / Block;
        full = Math.Min(full, _upToBlockEnd.Length);
        var box = full > 0 ? _upToBlockEnd[full - 1] : Empty;
        return Extend(box, full * Block, step);
    }

    private DataRect Extend(DataRect box, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var p = _trajectory[i].Parameters;
            if (double.IsFinite(p[0]) && double.IsFinite(p[1]))
            {
                box = new DataRect(Math.Min(box.XMin, p[0]), Math.Max(box.XMax, p[0]), Math.Min(box.YMin, p[1]), Math.Max(box.YMax, p[1]));
            }
        }

        return box;
    }
}

/// <summary>
/// A run's loss curve decimated for a chart: for blocks of 2ᵏ steps the step of the lowest and of the highest J, made
/// once (about two ints a step in all), so a chart of any prefix of the run gets its lowest and highest J per pixel
/// column, in step order, in time proportional to the columns rather than to the steps.
/// </summary>
internal sealed class LossPyramid
{
    private readonly IReadOnlyList<StepRecord> _trajectory;
    private readonly List<(int[] Low, int[] High)> _levels = [];

    public LossPyramid(IReadOnlyList<StepRecord> trajectory)
    {
        _trajectory = trajectory;
        var count = trajectory.Count;
        // Level 1 holds pairs of steps, level k blocks of 2ᵏ steps.
        int[] low = [.. Enumerable.Range(0, count)], high = low;
        while (low.Length >= 2)
        {
            var next = (Low: new int[low.Length / 2], High: new int[low.Length / 2]);
            for (var b = 0; b < next.Low.Length; b++)
            {
                next.Low[b] = Lower(low[2 * b], low[(2 * b) + 1]);
                next.High[b] = Higher(high[2 * b], high[(2 * b) + 1]);
            }

            _levels.Add(next);
            (low, high) = next;
        }
    }

    /// <summary>The curve of steps 0 … <paramref name="shown"/> with blocks of the smallest power of two at least <paramref name="stepsPerPixel"/> (one block to a pixel column or fewer); it ends at <paramref name="shown"/>.</summary>
    public DataPoint[] Points(int shown, double stepsPerPixel)
    {
        var level = 0;
        while (level < _levels.Count && Math.Pow(2, level) < stepsPerPixel)
        {
            level++;
        }

        var points = new List<DataPoint>();
        var next = 0;
        if (level > 0)
        {
            var size = 1 << level;
            var (low, high) = _levels[level - 1];
            var blocks = Math.Min(low.Length, (shown + 1) / size);
            for (var b = 0; b < blocks; b++)
            {
                var (first, second) = low[b] <= high[b] ? (low[b], high[b]) : (high[b], low[b]);
                points.Add(At(first));
                if (second != first)
                {
                    points.Add(At(second));
                }
            }

            next = blocks * size;
        }

        for (var i = next; i <= shown; i++)
        {
            points.Add(At(i));
        }

        return [.. points];
    }

    private DataPoint At(int step) => new(_trajectory[step].Step, _trajectory[step].Loss);

    private int Lower(int a, int b) => _trajectory[b].Loss < _trajectory[a].Loss || double.IsNaN(_trajectory[a].Loss) ? b : a;

    private int Higher(int a, int b) => _trajectory[b].Loss > _trajectory[a].Loss || double.IsNaN(_trajectory[a].Loss) ? b : a;
}
