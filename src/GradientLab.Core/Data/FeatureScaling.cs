namespace GradientLab.Core.Data;

/// <summary>
/// Z-score scaling of every feature column: x' = (x − μ) / σ with the population standard deviation (as NumPy's
/// <c>np.std</c>). A constant column keeps σ = 1, so it is only centred. Parameters fitted on scaled features map back to
/// the original units with <see cref="ToOriginalUnits"/>.
/// </summary>
public sealed class FeatureScaling
{
    private readonly double[] _means;
    private readonly double[] _deviations;

    private FeatureScaling(double[] means, double[] deviations)
    {
        _means = means;
        _deviations = deviations;
    }

    /// <summary>Mean of each feature column.</summary>
    public IReadOnlyList<double> Means => _means;

    /// <summary>Population standard deviation of each feature column (1 for a constant column).</summary>
    public IReadOnlyList<double> Deviations => _deviations;

    /// <summary>Measures the mean and standard deviation of each feature of <paramref name="data"/>.</summary>
    public static FeatureScaling Fit(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var means = new double[data.FeatureCount];
        var deviations = new double[data.FeatureCount];
        for (var j = 0; j < data.FeatureCount; j++)
        {
            var column = data.Column(j);
            var mean = 0.0;
            foreach (var value in column)
            {
                mean += value;
            }

            mean /= column.Length;
            var variance = 0.0;
            foreach (var value in column)
            {
                variance += (value - mean) * (value - mean);
            }

            var deviation = Math.Sqrt(variance / column.Length);
            means[j] = mean;
            deviations[j] = deviation > 0 ? deviation : 1;
        }

        return new FeatureScaling(means, deviations);
    }

    /// <summary>The dataset with every feature scaled; names and targets unchanged.</summary>
    public Dataset Apply(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = new double[data.FeatureCount][];
        for (var j = 0; j < data.FeatureCount; j++)
        {
            var column = data.Column(j);
            columns[j] = new double[column.Length];
            for (var i = 0; i < column.Length; i++)
            {
                columns[j][i] = (column[i] - _means[j]) / _deviations[j];
            }
        }

        return new Dataset(data.FeatureNames, data.TargetName, columns, data.Targets.ToArray());
    }

    /// <summary>
    /// Maps linear-model parameters [w′…, b′] fitted on scaled features to the original units:
    /// wⱼ = w′ⱼ / σⱼ and b = b′ − Σ w′ⱼ μⱼ / σⱼ, so that w·x + b = w′·x′ + b′ for every x.
    /// </summary>
    public double[] ToOriginalUnits(ReadOnlySpan<double> scaledParameters)
    {
        RequireLength(scaledParameters.Length);
        var result = new double[scaledParameters.Length];
        var bias = scaledParameters[^1];
        for (var j = 0; j < _means.Length; j++)
        {
            result[j] = scaledParameters[j] / _deviations[j];
            bias -= scaledParameters[j] * _means[j] / _deviations[j];
        }

        result[^1] = bias;
        return result;
    }

    /// <summary>The inverse of <see cref="ToOriginalUnits"/>: w′ⱼ = wⱼ σⱼ and b′ = b + Σ wⱼ μⱼ.</summary>
    public double[] ToScaledUnits(ReadOnlySpan<double> originalParameters)
    {
        RequireLength(originalParameters.Length);
        var result = new double[originalParameters.Length];
        var bias = originalParameters[^1];
        for (var j = 0; j < _means.Length; j++)
        {
            result[j] = originalParameters[j] * _deviations[j];
            bias += originalParameters[j] * _means[j];
        }

        result[^1] = bias;
        return result;
    }

    private void RequireLength(int length)
    {
        if (length != _means.Length + 1)
        {
            throw new ArgumentException($"Expected {_means.Length + 1} parameters (weights, then the bias), got {length}.");
        }
    }
}
