using GradientLab.Plotting;

namespace GradientLab.Figures;

/// <summary>
/// A path's points that differ on screen: a point is kept when it lies half a pixel or more (in x or in y) from the last
/// point kept, for a view of <see cref="Window"/> drawn <see cref="Width"/> × <see cref="Height"/> pixels. The points are
/// read in order and only once (<see cref="Extend"/>), so a path that grows as a run plays costs each frame only its new
/// points, and every prefix of the path thins to a prefix of the thinned path.
/// </summary>
public sealed class ThinnedPath
{
    private readonly double _toleranceX;
    private readonly double _toleranceY;
    private readonly List<int> _kept = [];
    private DataPoint _last;

    /// <summary>Prepares the thinning for a view of <paramref name="window"/> drawn <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    public ThinnedPath(DataRect window, int width, int height)
    {
        Window = window;
        Width = width;
        Height = height;
        _toleranceX = (window.XMax - window.XMin) / Math.Max(1, width) / 2;
        _toleranceY = (window.YMax - window.YMin) / Math.Max(1, height) / 2;
    }

    /// <summary>The view's region.</summary>
    public DataRect Window { get; }

    /// <summary>The view's width in pixels.</summary>
    public int Width { get; }

    /// <summary>The view's height in pixels.</summary>
    public int Height { get; }

    /// <summary>How many of the path's points have been read.</summary>
    public int Read { get; private set; }

    /// <summary>The indices of the points kept, in order; the first point is always kept.</summary>
    public IReadOnlyList<int> Kept => _kept;

    /// <summary>Whether this thinning was made for the view <paramref name="window"/> at <paramref name="width"/> × <paramref name="height"/>.</summary>
    public bool IsFor(DataRect window, int width, int height) => Window == window && Width == width && Height == height;

    /// <summary>Reads the points from <see cref="Read"/> up to (not including) <paramref name="count"/>.</summary>
    /// <param name="count">How many points the path has now.</param>
    /// <param name="pointAt">The path's point at an index.</param>
    public void Extend(int count, Func<int, DataPoint> pointAt)
    {
        ArgumentNullException.ThrowIfNull(pointAt);
        for (var i = Read; i < count; i++)
        {
            var p = pointAt(i);
            if (i == 0 || Math.Abs(p.X - _last.X) >= _toleranceX || Math.Abs(p.Y - _last.Y) >= _toleranceY)
            {
                _kept.Add(i);
                _last = p;
            }
        }

        Read = Math.Max(Read, count);
    }

    /// <summary>
    /// The path up to the point <paramref name="shown"/>: the kept points up to it, then <paramref name="shown"/> itself, so
    /// the path always ends at the current point (which may lie past the points read, as a diverged run's last one does).
    /// </summary>
    public DataPoint[] UpTo(int shown, Func<int, DataPoint> pointAt)
    {
        ArgumentNullException.ThrowIfNull(pointAt);
        ArgumentOutOfRangeException.ThrowIfNegative(shown);

        var found = _kept.BinarySearch(shown);
        var count = found >= 0 ? found + 1 : ~found;
        var endsAtShown = count > 0 && _kept[count - 1] == shown;
        var points = new DataPoint[count + (endsAtShown ? 0 : 1)];
        for (var k = 0; k < count; k++)
        {
            points[k] = pointAt(_kept[k]);
        }

        if (!endsAtShown)
        {
            points[^1] = pointAt(shown);
        }

        return points;
    }
}
