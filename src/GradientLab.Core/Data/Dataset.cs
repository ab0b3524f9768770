namespace GradientLab.Core.Data;

/// <summary>
/// Samples for supervised learning: <see cref="FeatureCount"/> feature columns and one target column, all of
/// <see cref="SampleCount"/> rows. Columns are stored one after another (column-major), so that a gradient over all
/// rows reads each column once, front to back.
/// </summary>
public sealed class Dataset
{
    private readonly double[][] _columns;
    private readonly double[] _targets;

    /// <summary>Creates a dataset from its feature columns and its target column (copied).</summary>
    /// <exception cref="ArgumentException">No feature, no row, columns of unequal length, or a non-finite value.</exception>
    public Dataset(IReadOnlyList<string> featureNames, string targetName, IReadOnlyList<double[]> columns, IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(targets);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one feature column.", nameof(columns));
        }

        if (featureNames.Count != columns.Count)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for {columns.Count} columns.", nameof(featureNames));
        }

        if (targets.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one row.", nameof(targets));
        }

        _targets = [.. targets];
        _columns = new double[columns.Count][];
        for (var j = 0; j < columns.Count; j++)
        {
            if (columns[j].Length != _targets.Length)
            {
                throw new ArgumentException($"Feature '{featureNames[j]}' has {columns[j].Length} values for {_targets.Length} targets.", nameof(columns));
            }

            _columns[j] = [.. columns[j]];
            RequireFinite(_columns[j], featureNames[j]);
        }

        RequireFinite(_targets, targetName);
        FeatureNames = [.. featureNames];
        TargetName = targetName;
    }

    /// <summary>Names of the feature columns, in parameter order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Name of the target column.</summary>
    public string TargetName { get; }

    /// <summary>Number of rows.</summary>
    public int SampleCount => _targets.Length;

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => _columns.Length;

    /// <summary>Feature column <paramref name="feature"/>, one value per row.</summary>
    public ReadOnlySpan<double> Column(int feature) => _columns[feature];

    /// <summary>The target of every row.</summary>
    public ReadOnlySpan<double> Targets => _targets;

    /// <summary>A dataset with one feature, from paired x and y values.</summary>
    public static Dataset FromPairs(IReadOnlyList<double> x, IReadOnlyList<double> y, string featureName = "x", string targetName = "y")
    {
        ArgumentNullException.ThrowIfNull(x);
        return new Dataset([featureName], targetName, [[.. x]], y);
    }

    /// <summary>A dataset from rows of features (<c>x[i]</c> holds row i) and their targets.</summary>
    public static Dataset FromRows(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y, IReadOnlyList<string>? featureNames = null, string targetName = "y")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0)
        {
            throw new ArgumentException("A dataset needs at least one row.", nameof(x));
        }

        var featureCount = x[0].Count;
        var columns = new double[featureCount][];
        for (var j = 0; j < featureCount; j++)
        {
            columns[j] = new double[x.Count];
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (x[i].Count != featureCount)
            {
                throw new ArgumentException($"Row {i} has {x[i].Count} features, row 0 has {featureCount}.", nameof(x));
            }

            for (var j = 0; j < featureCount; j++)
            {
                columns[j][i] = x[i][j];
            }
        }

        featureNames ??= featureCount == 1 ? ["x"] : [.. Enumerable.Range(1, featureCount).Select(j => $"x{j}")];
        return new Dataset(featureNames, targetName, columns, y);
    }

    private static void RequireFinite(double[] values, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"Column '{name}' has the non-finite value {values[i]} in row {i}.");
            }
        }
    }
}
