namespace GradientLab.Plotting;

/// <summary>A point in data coordinates.</summary>
public readonly record struct DataPoint(double X, double Y);

/// <summary>A rectangle in data coordinates.</summary>
public readonly record struct DataRect(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>The smallest rectangle holding every point, widened by <paramref name="margin"/> of its size on each side.</summary>
    public static DataRect Around(IEnumerable<DataPoint> points, double margin = 0.1)
    {
        double xMin = double.MaxValue, xMax = double.MinValue, yMin = double.MaxValue, yMax = double.MinValue;
        foreach (var p in points)
        {
            xMin = Math.Min(xMin, p.X);
            xMax = Math.Max(xMax, p.X);
            yMin = Math.Min(yMin, p.Y);
            yMax = Math.Max(yMax, p.Y);
        }

        var width = xMax - xMin;
        var height = yMax - yMin;
        var padX = width > 0 ? width * margin : Math.Max(Math.Abs(xMin) * 0.1, 1);
        var padY = height > 0 ? height * margin : Math.Max(Math.Abs(yMin) * 0.1, 1);
        return new DataRect(xMin - padX, xMax + padX, yMin - padY, yMax + padY);
    }
}

/// <summary>A function sampled on a regular grid: <c>Values[row, column]</c> at (x of column, y of row).</summary>
public sealed class SurfaceGrid
{
    private (double Min, double Max)? _range;

    private SurfaceGrid(DataRect bounds, double[,] values)
    {
        Bounds = bounds;
        Values = values;
    }

    /// <summary>The sampled rectangle.</summary>
    public DataRect Bounds { get; }

    /// <summary>The samples, [row, column]; row 0 is y = YMin, column 0 is x = XMin.</summary>
    public double[,] Values { get; }

    /// <summary>Samples per row.</summary>
    public int Columns => Values.GetLength(1);

    /// <summary>Rows of samples.</summary>
    public int Rows => Values.GetLength(0);

    /// <summary>The x of column <paramref name="column"/>.</summary>
    public double X(int column) => Bounds.XMin + ((Bounds.XMax - Bounds.XMin) * column / (Columns - 1));

    /// <summary>The y of row <paramref name="row"/>.</summary>
    public double Y(int row) => Bounds.YMin + ((Bounds.YMax - Bounds.YMin) * row / (Rows - 1));

    /// <summary>Samples <paramref name="function"/> on a <paramref name="columns"/> × <paramref name="rows"/> grid over <paramref name="bounds"/>.</summary>
    public static SurfaceGrid Sample(Func<double, double, double> function, DataRect bounds, int columns = 80, int rows = 80)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var values = new double[rows, columns];
        var grid = new SurfaceGrid(bounds, values);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = function(grid.X(c), grid.Y(r));
            }
        }

        return grid;
    }

    /// <summary>The smallest and largest finite sample (found once).</summary>
    public (double Min, double Max) Range()
    {
        if (_range is { } kept)
        {
            return kept;
        }

        double min = double.MaxValue, max = double.MinValue;
        foreach (var v in Values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        _range = (min, max);
        return (min, max);
    }
}

/// <summary>The pieces of one level curve: straight segments between grid-cell edges.</summary>
/// <param name="Level">The value the curve follows.</param>
/// <param name="Segments">Its pieces, each from one cell edge to another.</param>
public sealed record ContourLine(double Level, IReadOnlyList<(DataPoint From, DataPoint To)> Segments);

/// <summary>Level curves by marching squares, and the levels to draw.</summary>
public static class Contours
{
    /// <summary>Traces each level over the grid. Saddle cells are split by the value at the cell centre.</summary>
    public static IReadOnlyList<ContourLine> Trace(SurfaceGrid grid, IEnumerable<double> levels)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(levels);
        var result = new List<ContourLine>();
        foreach (var level in levels)
        {
            var segments = new List<(DataPoint, DataPoint)>();
            for (var r = 0; r < grid.Rows - 1; r++)
            {
                for (var c = 0; c < grid.Columns - 1; c++)
                {
                    TraceCell(grid, r, c, level, segments);
                }
            }

            result.Add(new ContourLine(level, segments));
        }

        return result;
    }

    /// <summary><paramref name="count"/> levels spaced evenly in log scale from <paramref name="min"/> to <paramref name="max"/> (both above zero).</summary>
    public static IReadOnlyList<double> LogSpacedLevels(double min, double max, int count)
    {
        if (!(min > 0) || !(max > min) || count < 1)
        {
            return [];
        }

        if (count == 1)
        {
            return [Math.Sqrt(min * max)];
        }

        var ratio = Math.Log(max / min);
        return [.. Enumerable.Range(0, count).Select(i => min * Math.Exp(ratio * i / (count - 1)))];
    }

    /// <summary>
    /// Levels for a surface whose minimum may be zero or negative: log-spaced above the minimum (so the rings crowd
    /// near the bottom of the bowl as in a textbook figure), then shifted back.
    /// </summary>
    public static IReadOnlyList<double> LevelsAbove(double minimum, double maximum, int count)
    {
        var span = maximum - minimum;
        if (!(span > 0) || !double.IsFinite(span))
        {
            return [];
        }

        return [.. LogSpacedLevels(span * 1e-3, span * 0.9, count).Select(l => minimum + l)];
    }

    private static void TraceCell(SurfaceGrid grid, int r, int c, double level, List<(DataPoint, DataPoint)> segments)
    {
        // Corners counter-clockwise from bottom-left: (c, r), (c+1, r), (c+1, r+1), (c, r+1).
        var v = grid.Values;
        double a = v[r, c], b = v[r, c + 1], cc = v[r + 1, c + 1], d = v[r + 1, c];
        if (!double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(cc) || !double.IsFinite(d))
        {
            return;
        }

        var index = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (cc > level ? 4 : 0) | (d > level ? 8 : 0);
        if (index is 0 or 15)
        {
            return;
        }

        double x0 = grid.X(c), x1 = grid.X(c + 1), y0 = grid.Y(r), y1 = grid.Y(r + 1);
        DataPoint Bottom() => new(Lerp(x0, x1, a, b, level), y0);
        DataPoint Right() => new(x1, Lerp(y0, y1, b, cc, level));
        DataPoint Top() => new(Lerp(x0, x1, d, cc, level), y1);
        DataPoint Left() => new(x0, Lerp(y0, y1, a, d, level));

        switch (index)
        {
            case 1 or 14: segments.Add((Left(), Bottom())); break;
            case 2 or 13: segments.Add((Bottom(), Right())); break;
            case 3 or 12: segments.Add((Left(), Right())); break;
            case 4 or 11: segments.Add((Right(), Top())); break;
            case 6 or 9: segments.Add((Bottom(), Top())); break;
            case 7 or 8: segments.Add((Left(), Top())); break;
            case 5 or 10:
                var centreAbove = (a + b + cc + d) / 4 > level;
                if ((index == 5) == centreAbove)
                {
                    segments.Add((Left(), Top()));
                    segments.Add((Bottom(), Right()));
                }
                else
                {
                    segments.Add((Left(), Bottom()));
                    segments.Add((Right(), Top()));
                }

                break;
        }
    }

    private static double Lerp(double p0, double p1, double v0, double v1, double level) =>
        v1 == v0 ? (p0 + p1) / 2 : p0 + ((level - v0) / (v1 - v0) * (p1 - p0));
}

/// <summary>A perceptually ordered colour ramp (viridis), from dark purple at 0 to yellow at 1.</summary>
public static class ColorRamp
{
    private static readonly (double R, double G, double B)[] Stops =
    [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ];

    /// <summary>The colour at <paramref name="t"/> in [0, 1], as <c>#rrggbb</c>.</summary>
    public static string At(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0;
        var position = t * (Stops.Length - 1);
        var i = Math.Min((int)position, Stops.Length - 2);
        var f = position - i;
        var (r0, g0, b0) = Stops[i];
        var (r1, g1, b1) = Stops[i + 1];
        return $"#{(int)Math.Round(r0 + ((r1 - r0) * f)):x2}{(int)Math.Round(g0 + ((g1 - g0) * f)):x2}{(int)Math.Round(b0 + ((b1 - b0) * f)):x2}";
    }
}

/// <summary>A rectangle in pixels, y growing downwards.</summary>
public readonly record struct PixelRect(double Left, double Top, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => Left + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Top + Height;
}
