using System.Globalization;

namespace GradientLab.Core.Data;

/// <summary>The shapes of two-class point sets in the plane that <see cref="PointSets.Generate"/> draws.</summary>
public enum PointSetKind
{
    /// <summary>
    /// Two blobs: class 0 uniform over the disc of radius 1 about (−1, −1), class 1 over the disc about (1, 1). Without
    /// noise the line x1 + x2 = 0 separates them with a margin of √2 − 1 ≈ 0.41 on each side (linearly separable).
    /// </summary>
    Blobs,

    /// <summary>
    /// XOR: x uniform over [−1, 1]² with the band |xᵢ| &lt; 0.1 about each axis left empty; the label is 1 when exactly one
    /// coordinate is positive (x1·x2 &lt; 0), 0 otherwise. No line separates the classes.
    /// </summary>
    Xor,

    /// <summary>Two circles about the origin: class 0 on radius 1, class 1 on radius 0.5, at uniform random angles.</summary>
    Circles,

    /// <summary>
    /// Two moons (scikit-learn's <c>make_moons</c>, moved to centre on the origin): class 0 on (cos t − 0.5, sin t − 0.25),
    /// class 1 on (0.5 − cos t, 0.25 − sin t), t uniform in [0, π].
    /// </summary>
    Moons,

    /// <summary>
    /// Two interleaved spirals: at t uniform in [0, 1], class k ∈ {0, 1} sits at radius t and angle 3.5π·t + kπ (1¾ turns).
    /// </summary>
    Spirals,
}

/// <summary>
/// Two-class point sets in the plane for classification: generated from a seed, or given as columns (for example the
/// learner's own CSV file, read by the Scenarios project). Every set is a <see cref="Dataset"/> with the features
/// <c>x1</c>, <c>x2</c> and the target <c>label</c>, each label 0 or 1.
/// </summary>
public static class PointSets
{
    /// <summary>Most points a set may hold (10,000), checked before any work.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Fewest points a generated set may hold: one of each class.</summary>
    public const int MinCount = 2;

    /// <summary>Largest noise accepted (standard deviation 1, as large as the sets themselves).</summary>
    public const double MaxNoise = 1.0;

    /// <summary>The half-width of the empty band about each axis of <see cref="PointSetKind.Xor"/>.</summary>
    public const double XorGap = 0.1;

    /// <summary>The names of the generated shapes, as the command line and links spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["blobs", "xor", "circles", "moons", "spirals"];

    /// <summary>
    /// Draws <paramref name="count"/> labelled points of <paramref name="kind"/> from <paramref name="seed"/>: the same
    /// arguments give the same points bit for bit (one <see cref="Random"/>, seeded once, draws everything). Rows alternate
    /// class 0 and class 1 (row i has label i mod 2), except for XOR, whose label follows from where the point falls.
    /// Noise adds N(0, noise²) to each coordinate after the label is decided, so a large noise puts points on the other
    /// class's side.
    /// </summary>
    /// <param name="kind">The shape.</param>
    /// <param name="count">Number of points, 2 to 10,000.</param>
    /// <param name="noise">Standard deviation of the Gaussian noise, 0 to 1.</param>
    /// <param name="seed">Seed of the draw.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count or a noise outside its range, or an unknown kind.</exception>
    public static Dataset Generate(PointSetKind kind, int count, double noise, int seed)
    {
        if (count is < MinCount or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Invalid point count: {N(count)} (must be {MinCount} to {N(MaxCount)}).");
        }

        if (!(noise is >= 0 and <= MaxNoise))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, string.Create(CultureInfo.InvariantCulture, $"Invalid noise: {noise} (must be 0 to {MaxNoise})."));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown point set: {kind}.");
        }

        var random = new Random(seed);
        var x1 = new double[count];
        var x2 = new double[count];
        var labels = new double[count];
        for (var i = 0; i < count; i++)
        {
            var label = i % 2;
            var (a, b) = kind switch
            {
                PointSetKind.Blobs => Blob(random, label),
                PointSetKind.Xor => XorPoint(random, out label),
                PointSetKind.Circles => Circle(random, label),
                PointSetKind.Moons => Moon(random, label),
                _ => Spiral(random, label),
            };
            x1[i] = a + (noise * Gaussian(random));
            x2[i] = b + (noise * Gaussian(random));
            labels[i] = label;
        }

        return Labelled(x1, x2, labels);
    }

    /// <summary>The kind called <paramref name="name"/> (one of <see cref="Names"/>), or null.</summary>
    public static PointSetKind? Find(string name) => name switch
    {
        "blobs" => PointSetKind.Blobs,
        "xor" => PointSetKind.Xor,
        "circles" => PointSetKind.Circles,
        "moons" => PointSetKind.Moons,
        "spirals" => PointSetKind.Spirals,
        _ => null,
    };

    /// <summary>The name of <paramref name="kind"/>, as <see cref="Names"/> spells it.</summary>
    public static string NameOf(PointSetKind kind) => Names[(int)kind];

    /// <summary>
    /// A point set from its columns (copied): every label must be 0 or 1. A row count outside 1 to 10,000 is refused
    /// before any value is read.
    /// </summary>
    /// <exception cref="ArgumentException">Columns of unequal length, too many or no rows, a non-finite coordinate, or a label other than 0 or 1 (the row, counted from 1, is named).</exception>
    public static Dataset Labelled(IReadOnlyList<double> x1, IReadOnlyList<double> x2, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count > MaxCount)
        {
            throw new ArgumentException($"A point set may hold at most {N(MaxCount)} points; this one has {N(labels.Count)}.", nameof(labels));
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not (0.0 or 1.0))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Row {i + 1}: the label is {labels[i]}; a label must be 0 or 1."), nameof(labels));
            }
        }

        return new Dataset(["x1", "x2"], "label", [[.. x1], [.. x2]], labels);
    }

    private static (double, double) Blob(Random random, int label)
    {
        // Uniform over the unit disc: radius √u (so that area, not radius, is uniform).
        var radius = Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        var centre = label == 0 ? -1.0 : 1.0;
        return (centre + (radius * Math.Cos(angle)), centre + (radius * Math.Sin(angle)));
    }

    private static (double, double) XorPoint(Random random, out int label)
    {
        var a = Away(random);
        var b = Away(random);
        label = (a > 0) ^ (b > 0) ? 1 : 0;
        return (a, b);
    }

    /// <summary>Uniform over [−1, −gap] ∪ [gap, 1].</summary>
    private static double Away(Random random)
    {
        var magnitude = XorGap + ((1 - XorGap) * random.NextDouble());
        return random.NextDouble() < 0.5 ? -magnitude : magnitude;
    }

    private static (double, double) Circle(Random random, int label)
    {
        var radius = label == 0 ? 1.0 : 0.5;
        var angle = 2 * Math.PI * random.NextDouble();
        return (radius * Math.Cos(angle), radius * Math.Sin(angle));
    }

    private static (double, double) Moon(Random random, int label)
    {
        var t = Math.PI * random.NextDouble();
        return label == 0
            ? (Math.Cos(t) - 0.5, Math.Sin(t) - 0.25)
            : (0.5 - Math.Cos(t), 0.25 - Math.Sin(t));
    }

    private static (double, double) Spiral(Random random, int label)
    {
        var t = random.NextDouble();
        var angle = (3.5 * Math.PI * t) + (label * Math.PI);
        return (t * Math.Cos(angle), t * Math.Sin(angle));
    }

    /// <summary>A standard normal draw (Box–Muller; 1 − u keeps the logarithm's argument above 0).</summary>
    private static double Gaussian(Random random)
    {
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
