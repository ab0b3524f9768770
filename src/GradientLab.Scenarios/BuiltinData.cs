using System.Globalization;

namespace GradientLab.Scenarios;

/// <summary>A built-in dataset: a table of named columns, with the features and target a scenario gets by default.</summary>
/// <param name="Name">The name scenarios use (<c>{ "builtin": "housing-tiny" }</c>).</param>
/// <param name="Description">One line for listings.</param>
/// <param name="Table">The columns.</param>
/// <param name="DefaultFeatures">The feature columns used when a scenario names none.</param>
/// <param name="DefaultTarget">The target column used when a scenario names none.</param>
public sealed record BuiltinDataset(string Name, string Description, CsvTable Table, IReadOnlyList<string> DefaultFeatures, string DefaultTarget);

/// <summary>The datasets shipped inside GradientLab.</summary>
public static class BuiltinData
{
    private static readonly Lazy<IReadOnlyList<BuiltinDataset>> All = new(Create);

    /// <summary>Every built-in dataset.</summary>
    public static IReadOnlyList<BuiltinDataset> Datasets => All.Value;

    /// <summary>The built-in dataset called <paramref name="name"/>.</summary>
    /// <exception cref="ScenarioException">No dataset has that name; the message lists them.</exception>
    public static BuiltinDataset Get(string name) =>
        Find(name) ?? throw new ScenarioException($"Unknown built-in dataset '{CsvTable.Shorten(name)}'; built in: {string.Join(", ", Datasets.Select(d => d.Name))}.");

    /// <summary>The built-in dataset called <paramref name="name"/>, or null.</summary>
    public static BuiltinDataset? Find(string name) => Datasets.FirstOrDefault(d => d.Name == name);

    private static IReadOnlyList<BuiltinDataset> Create()
    {
        var portland = PortlandHousing();
        return
        [
            new("housing-tiny", "Two houses: 1000 and 2000 sq ft sold for $300k and $500k (size in 1000 sq ft, price in $1000s).",
                Table("size_1000sqft,price_1000usd", [[1.0, 300.0], [2.0, 500.0]]), ["size_1000sqft"], "price_1000usd"),
            new("portland-housing", "47 houses sold in Portland, Oregon: size, bedrooms and price (Andrew Ng's course set). Columns in raw units and in 1000 sq ft / $1000s.",
                portland, ["size_1000sqft"], "price_1000usd"),
            new("line", "Five points on the line y = 2x + 1 (x = 1…5).",
                Table("x,y", [.. Enumerable.Range(1, 5).Select(x => new double[] { x, (2 * x) + 1 })]), ["x"], "y"),
            new("parabola", "y = x² at x = 0, 0.5, …, 3: a curve no straight line can fit (the best line leaves a floor of error).",
                Table("x,y", [.. Enumerable.Range(0, 7).Select(i => new double[] { i / 2.0, i / 2.0 * (i / 2.0) })]), ["x"], "y"),
            new("noisy-line", $"{NoisyLineRows:N0} points around y = 2x + 1, x evenly spread over [−2, 2], with Gaussian noise of σ = 1 (seeded): enough rows for batch sizes from 1 to the full data.",
                NoisyLine(), ["x"], "y"),
        ];
    }

    /// <summary>The rows of <c>noisy-line</c>.</summary>
    public const int NoisyLineRows = 4096;

    /// <summary>y = 2x + 1 + ε, ε ~ N(0, 1) by Box–Muller from a fixed seed, x on an even grid over [−2, 2] (in a seeded order), 4 decimals.</summary>
    private static CsvTable NoisyLine()
    {
        var random = new Random(2026);
        var rows = new double[NoisyLineRows][];
        for (var i = 0; i < NoisyLineRows; i++)
        {
            var x = -2 + (4.0 * i / (NoisyLineRows - 1));
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            rows[i] = [Math.Round(x, 4), Math.Round((2 * x) + 1 + noise, 4)];
        }

        random.Shuffle(rows);
        return Table("x,y", rows);
    }

    private static CsvTable PortlandHousing()
    {
        using var stream = typeof(BuiltinData).Assembly.GetManifestResourceStream("portland-housing.csv")
            ?? throw new InvalidOperationException("The embedded portland-housing.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        var raw = CsvTable.Parse(reader.ReadToEnd(), "portland-housing.csv");
        var size = raw.NumericColumn("size_sqft");
        var bedrooms = raw.NumericColumn("bedrooms");
        var price = raw.NumericColumn("price_usd");
        return Table(
            "size_sqft,bedrooms,price_usd,size_1000sqft,price_1000usd",
            [.. Enumerable.Range(0, size.Length).Select(i => new[] { size[i], bedrooms[i], price[i], size[i] / 1000, price[i] / 1000 })]);
    }

    private static CsvTable Table(string header, double[][] rows) =>
        CsvTable.Parse(header + "\n" + string.Join("\n", rows.Select(r => string.Join(",", r.Select(v => v.ToString("R", CultureInfo.InvariantCulture))))), "built-in data");
}
