using GradientLab.Plotting;

namespace GradientLab.Figures;

/// <summary>
/// A curve of many x-ordered points cut to what a chart can show: for each block of points that share a pixel column,
/// the lowest and the highest (in x order), so spikes and steps stay on the chart; then the last point, so the curve ends
/// where the data does. Points that are not finite are kept as they come (the chart decides how to show them).
/// </summary>
public static class ColumnDecimation
{
    /// <summary>The points 0 … <paramref name="count"/> − 1 of a curve, at most two per block of <paramref name="pointsPerColumn"/>.</summary>
    /// <param name="count">How many points the curve has.</param>
    /// <param name="pointAt">The curve's point at an index, in increasing x.</param>
    /// <param name="pointsPerColumn">How many points fall in one pixel column; at 2 or fewer every point is kept.</param>
    public static DataPoint[] MinMax(int count, Func<int, DataPoint> pointAt, double pointsPerColumn)
    {
        ArgumentNullException.ThrowIfNull(pointAt);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var block = double.IsFinite(pointsPerColumn) ? (int)Math.Floor(pointsPerColumn) : 1;
        if (block <= 2)
        {
            var all = new DataPoint[count];
            for (var i = 0; i < count; i++)
            {
                all[i] = pointAt(i);
            }

            return all;
        }

        var points = new List<DataPoint>((2 * (count / block)) + 2);
        for (var start = 0; start < count; start += block)
        {
            var end = Math.Min(count, start + block);
            int low = start, high = start;
            var lowY = pointAt(start).Y;
            var highY = lowY;
            for (var i = start + 1; i < end; i++)
            {
                var y = pointAt(i).Y;
                if (y < lowY || double.IsNaN(lowY))
                {
                    (low, lowY) = (i, y);
                }

                if (y > highY || double.IsNaN(highY))
                {
                    (high, highY) = (i, y);
                }
            }

            var (first, second) = low <= high ? (low, high) : (high, low);
            points.Add(pointAt(first));
            if (second != first)
            {
                points.Add(pointAt(second));
            }
        }

        if (count > 0 && points[^1] != pointAt(count - 1))
        {
            points.Add(pointAt(count - 1));
        }

        return [.. points];
    }
}
