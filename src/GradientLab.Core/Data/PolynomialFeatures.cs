namespace GradientLab.Core.Data;

/// <summary>Expands a single input x into the features x, x², …, x^degree, so a linear model can fit a curve.</summary>
public static class PolynomialFeatures
{
    /// <summary>Largest degree accepted: beyond it the powers of typical inputs overflow the learning rates a learner uses.</summary>
    public const int MaxDegree = 10;

    /// <summary>The dataset with its single feature replaced by its powers 1…<paramref name="degree"/>.</summary>
    /// <exception cref="ArgumentException">The dataset has more than one feature, or the degree is outside 1…10.</exception>
    public static Dataset Expand(Dataset data, int degree)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureCount != 1)
        {
            throw new ArgumentException($"Polynomial features expand one input; this dataset has {data.FeatureCount}.", nameof(data));
        }

        if (degree is < 1 or > MaxDegree)
        {
            throw new ArgumentOutOfRangeException(nameof(degree), degree, $"Invalid polynomial degree: {degree} (must be 1 to {MaxDegree}).");
        }

        var x = data.Column(0);
        var name = data.FeatureNames[0];
        var columns = new double[degree][];
        var names = new string[degree];
        for (var power = 1; power <= degree; power++)
        {
            var column = new double[x.Length];
            for (var i = 0; i < x.Length; i++)
            {
                column[i] = Math.Pow(x[i], power);
            }

            columns[power - 1] = column;
            names[power - 1] = power == 1 ? name : $"{name}^{power}";
        }

        return new Dataset(names, data.TargetName, columns, data.Targets.ToArray());
    }
}
