using System.Globalization;

namespace GradientLab.Plotting;

/// <summary>
/// A value sampled on a grid, drawn as cells shaded by a colour ramp (by default a colour-blind-safe diverging blue –
/// white – orange, for a probability from 0 to 1), with a colour bar beside the plot (titled by the figure's
/// <see cref="Figure.ColorBarTitle"/>) and, at each of <see cref="Boundaries"/>, the level curve drawn as a line (a
/// classifier's p = 0.5 decision boundary). The values are grouped into <see cref="BandCount"/> bands, and each band is
/// one SVG path of its cells merged along the rows, so a 60 × 60 grid is a few dozen elements. In the legend it shows as
/// its boundary line.
/// </summary>
public sealed class HeatmapSeries : Series
{
    private static readonly (double R, double G, double B)[] Diverging = [(84, 140, 196), (247, 247, 247), (236, 150, 70)];

    /// <summary>The cells of <paramref name="grid"/>, shaded from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <exception cref="ArgumentException">An empty or inverted range, or fewer than 2 bands.</exception>
    public HeatmapSeries(string name, SurfaceGrid grid, double min = 0, double max = 1, int bandCount = 20)
        : base(name)
    {
        Grid = grid ?? throw new ArgumentNullException(nameof(grid));
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid heat-map range: {min} to {max} (finite, min below max)."), nameof(max));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bandCount, 2);
        Min = min;
        Max = max;
        BandCount = bandCount;
        CssClass = "gl-boundary";
    }

    /// <summary>The sampled values; each sample is the centre of its cell.</summary>
    public SurfaceGrid Grid { get; }

    /// <summary>The value of the ramp's first colour.</summary>
    public double Min { get; }

    /// <summary>The value of the ramp's last colour.</summary>
    public double Max { get; }

    /// <summary>How many colour bands the range is cut into.</summary>
    public int BandCount { get; }

    /// <summary>Levels drawn as lines over the cells (e.g. 0.5).</summary>
    public IReadOnlyList<double> Boundaries { get; init; } = [];

    /// <summary>The colour of a position t from 0 to 1 along the ramp (the diverging ramp unless replaced).</summary>
    public Func<double, string> Ramp { get; init; } = DivergingAt;

    /// <summary>The values the colour bar labels: the ends and the middle.</summary>
    public IReadOnlyList<double> BarLabels => [Min, (Min + Max) / 2, Max];

    /// <inheritdoc/>
    public override IReadOnlyList<DataPoint> Points => [new(Grid.Bounds.XMin, Grid.Bounds.YMin), new(Grid.Bounds.XMax, Grid.Bounds.YMax)];

    /// <summary>The band a value falls in, 0 … <see cref="BandCount"/> − 1 (values outside the range in the end bands; NaN in the middle one).</summary>
    public int BandOf(double value) => double.IsNaN(value)
        ? BandCount / 2
        : Math.Clamp((int)Math.Floor((value - Min) / (Max - Min) * BandCount), 0, BandCount - 1);

    /// <summary>The colour of band <paramref name="band"/> (its centre's on the ramp).</summary>
    public string BandColor(int band) => Ramp((band + 0.5) / BandCount);

    /// <summary>The value at the centre of band <paramref name="band"/>.</summary>
    public double BandValue(int band) => Min + ((Max - Min) * (band + 0.5) / BandCount);

    /// <summary>The level curves at <see cref="Boundaries"/> over the grid.</summary>
    public IReadOnlyList<ContourLine> BoundaryLines() => Boundaries.Count == 0 ? [] : Contours.Trace(Grid, Boundaries);

    /// <summary>The diverging ramp: blue at 0, near-white at ½, orange at 1 (light, so markers on top stay readable).</summary>
    public static string DivergingAt(double t)
    {
        t = double.IsFinite(t) ? Math.Clamp(t, 0, 1) : 0.5;
        var (i, f) = t < 0.5 ? (0, t * 2) : (1, (t - 0.5) * 2);
        var (r0, g0, b0) = Diverging[i];
        var (r1, g1, b1) = Diverging[i + 1];
        return string.Create(CultureInfo.InvariantCulture, $"#{(int)Math.Round(r0 + ((r1 - r0) * f)):x2}{(int)Math.Round(g0 + ((g1 - g0) * f)):x2}{(int)Math.Round(b0 + ((b1 - b0) * f)):x2}");
    }
}
