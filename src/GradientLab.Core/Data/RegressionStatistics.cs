using System.Numerics.Tensors;

namespace GradientLab.Core.Data;

/// <summary>
/// The sufficient statistics of a dataset for least squares, centred: the count n, the feature means x̄ and the target
/// mean ȳ, and the centred cross-products Sxx = Σ(x − x̄)(x − x̄)ᵀ, Sxy = Σ(x − x̄)(y − ȳ) and Syy = Σ(y − ȳ)². From them
/// the squared error of any linear model f(x) = w·x + b over every row, and the sums its gradient needs, cost O(d²)
/// without touching the data (<see cref="SumOfSquaredResiduals"/>).
/// </summary>
/// <remarks>
/// Computed in one pass over the rows, in blocks of 1024 that stay in cache: each block's means, then its centred
/// cross-products with the corrected two-pass formula (Σ zᵤzᵥ − eᵤeᵥ/m with zᵤ the values less the block mean and eᵤ = Σ zᵤ,
/// which removes the rounding of that mean), merged into the running totals by Chan, Golub and LeVeque's update
/// C = C_A + C_B + δδᵀ·n_A·n_B/n with δ the difference of the two means. The means are kept relative to the first block's,
/// so that δ keeps its digits when the data sit far from zero. No sum of squares about zero is formed, so data far from
/// the origin with a small spread (x around 10⁶ ± 10⁻³) keeps its digits, where Σx² − n·x̄² would lose them all.
/// </remarks>
public sealed class RegressionStatistics
{
    private const int BlockLength = 1024;

    // Variables 0 … d − 1 are the features, variable d is the target.
    private readonly double[] _means;
    private readonly double[] _products;

    private RegressionStatistics(int sampleCount, double[] means, double[] products)
    {
        SampleCount = sampleCount;
        _means = means;
        _products = products;
        Centroid = CentroidSums();
    }

    /// <summary>Number of rows, n.</summary>
    public int SampleCount { get; }

    /// <summary>Number of features, d.</summary>
    public int FeatureCount => _means.Length - 1;

    /// <summary>The mean of the target, ȳ.</summary>
    public double TargetMean => _means[^1];

    /// <summary>Σ(y − ȳ)², the target's sum of squares about its mean.</summary>
    public double TargetSquares => _products[^1];

    /// <summary>
    /// The residual sums at the centroid model w = 0, b = ȳ: Σr² = Syy, Σr(x − x̄) = −Sxy, Σr = 0, all exact from the
    /// statistics.
    /// </summary>
    internal ResidualSums Centroid { get; }

    /// <summary>The mean of feature <paramref name="feature"/>, x̄ⱼ.</summary>
    public double FeatureMean(int feature) => _means[RequireFeature(feature)];

    /// <summary>Σ(xⱼ − x̄ⱼ)(xₖ − x̄ₖ), an entry of the centred cross-product matrix Sxx.</summary>
    public double FeatureProduct(int feature, int other) => _products[(RequireFeature(feature) * _means.Length) + RequireFeature(other)];

    /// <summary>Σ(xⱼ − x̄ⱼ)(y − ȳ), an entry of Sxy.</summary>
    public double FeatureTargetProduct(int feature) => _products[(RequireFeature(feature) * _means.Length) + FeatureCount];

    /// <summary>Measures the statistics of <paramref name="data"/> in one pass over its rows.</summary>
    public static RegressionStatistics Of(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var variables = data.FeatureCount + 1;
        var means = new double[variables];
        var products = new double[variables * variables];
        var blockMeans = new double[variables];
        var blockProducts = new double[variables * variables];
        var corrections = new double[variables];
        var shifts = new double[variables];
        var centred = new double[variables * BlockLength];
        var count = 0;
        for (var start = 0; start < data.SampleCount; start += BlockLength)
        {
            var length = Math.Min(BlockLength, data.SampleCount - start);
            for (var v = 0; v < variables; v++)
            {
                var values = (v < data.FeatureCount ? data.Column(v) : data.Targets).Slice(start, length);
                var z = centred.AsSpan(v * BlockLength, length);
                var mean = TensorPrimitives.Sum(values) / length;
                if (start == 0)
                {
                    shifts[v] = mean;
                }

                TensorPrimitives.Subtract(values, mean, z);
                corrections[v] = TensorPrimitives.Sum((ReadOnlySpan<double>)z);
                blockMeans[v] = mean - shifts[v] + (corrections[v] / length);
            }

            for (var u = 0; u < variables; u++)
            {
                var zu = centred.AsSpan(u * BlockLength, length);
                for (var v = u; v < variables; v++)
                {
                    blockProducts[(u * variables) + v] = TensorPrimitives.Dot(zu, centred.AsSpan(v * BlockLength, length)) - (corrections[u] * corrections[v] / length);
                }
            }

            Merge(count, means, products, length, blockMeans, blockProducts);
            count += length;
        }

        for (var u = 0; u < variables; u++)
        {
            means[u] += shifts[u];
            for (var v = 0; v < u; v++)
            {
                products[(u * variables) + v] = products[(v * variables) + u];
            }
        }

        return new RegressionStatistics(data.SampleCount, means, products);
    }

    /// <summary>
    /// Σrᵢ² over every row, with rᵢ = w·xᵢ + b − yᵢ at <paramref name="point"/> = [w₁ … w_d, b], and into
    /// <paramref name="residualProducts"/> the sums Σrᵢxᵢⱼ for each feature, then Σrᵢ: the gradient of the squared error,
    /// up to its scale. O(d²): Σr² = wᵀSxx·w − 2wᵀSxy + Syy + n·c², with c = w·x̄ + b − ȳ the mean residual.
    /// </summary>
    public double SumOfSquaredResiduals(ReadOnlySpan<double> point, Span<double> residualProducts)
    {
        if (point.Length != _means.Length || residualProducts.Length != _means.Length)
        {
            throw new ArgumentException($"Expected {_means.Length} parameters (weights, then the bias) and as many sums, got {point.Length} and {residualProducts.Length}.");
        }

        return Expand(Centroid, point, residualProducts, out _);
    }

    /// <summary>
    /// The residual sums at <paramref name="point"/> from those at another point <paramref name="at"/>, exactly in exact
    /// arithmetic whatever <paramref name="at"/> is. With Δ = w − wₐ and ĉ = Δ·x̄ + b − bₐ, rᵢ = rₐᵢ + Δ·(xᵢ − x̄) + ĉ, so
    /// Σr² = Σrₐ² + 2Δ·Σrₐ(x − x̄) + ΔᵀSxxΔ + 2ĉΣrₐ + nĉ², Σr(x − x̄) = Σrₐ(x − x̄) + SxxΔ and Σr = Σrₐ + nĉ.
    /// <paramref name="magnitude"/> is the same sum with every term taken positive: the rounding error of the result is a
    /// few ulps of it, so of two expansions the one with the smaller magnitude is the more accurate.
    /// </summary>
    internal double Expand(ResidualSums at, ReadOnlySpan<double> point, Span<double> residualProducts, out double magnitude)
    {
        var featureCount = FeatureCount;
        var variables = _means.Length;
        Span<double> delta = featureCount <= 64 ? stackalloc double[featureCount] : new double[featureCount];
        var shift = point[featureCount] - at.Point[featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            delta[j] = point[j] - at.Point[j];
            shift += delta[j] * _means[j];
        }

        var sumOfSquares = at.SumOfSquares;
        magnitude = Math.Abs(at.SumOfSquares);
        for (var j = 0; j < featureCount; j++)
        {
            var row = _products.AsSpan(j * variables, featureCount);
            double moved = 0, movedMagnitude = 0;
            for (var k = 0; k < featureCount; k++)
            {
                moved += row[k] * delta[k];
                movedMagnitude += Math.Abs(row[k] * delta[k]);
            }

            residualProducts[j] = at.CentredProducts[j] + moved;
            sumOfSquares += delta[j] * ((2 * at.CentredProducts[j]) + moved);
            magnitude += Math.Abs(delta[j]) * ((2 * Math.Abs(at.CentredProducts[j])) + movedMagnitude);
        }

        var residualSum = at.Sum + (SampleCount * shift);
        sumOfSquares += shift * ((2 * at.Sum) + (SampleCount * shift));
        magnitude += Math.Abs(shift) * ((2 * Math.Abs(at.Sum)) + (SampleCount * Math.Abs(shift)));
        for (var j = 0; j < featureCount; j++)
        {
            residualProducts[j] += _means[j] * residualSum;
        }

        residualProducts[featureCount] = residualSum;

        // A sum of squares cannot be negative; a few ulps below zero are rounding.
        return Math.Max(sumOfSquares, 0);
    }

    /// <summary>The residual sums at <paramref name="point"/> given the plain sums Σr², Σr·xⱼ and Σr measured on the rows.</summary>
    internal ResidualSums FromRows(ReadOnlySpan<double> point, double sumOfSquares, ReadOnlySpan<double> residualProducts)
    {
        var featureCount = FeatureCount;
        var residualSum = residualProducts[featureCount];
        var centred = new double[featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            centred[j] = residualProducts[j] - (_means[j] * residualSum);
        }

        return new ResidualSums(point.ToArray(), sumOfSquares, centred, residualSum);
    }

    private ResidualSums CentroidSums()
    {
        var featureCount = FeatureCount;
        var point = new double[featureCount + 1];
        point[featureCount] = TargetMean;
        var centred = new double[featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            centred[j] = -_products[(j * _means.Length) + featureCount];
        }

        return new ResidualSums(point, TargetSquares, centred, 0);
    }

    private static void Merge(int count, double[] means, double[] products, int blockCount, double[] blockMeans, double[] blockProducts)
    {
        var variables = means.Length;
        var total = count + blockCount;
        var weight = (double)count * blockCount / total;
        Span<double> delta = variables <= 64 ? stackalloc double[variables] : new double[variables];
        for (var v = 0; v < variables; v++)
        {
            delta[v] = blockMeans[v] - means[v];
        }

        for (var u = 0; u < variables; u++)
        {
            for (var v = u; v < variables; v++)
            {
                products[(u * variables) + v] += blockProducts[(u * variables) + v] + (delta[u] * delta[v] * weight);
            }

            means[u] += delta[u] * blockCount / total;
        }
    }

    private int RequireFeature(int feature)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(feature);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(feature, FeatureCount);
        return feature;
    }
}

/// <summary>
/// The residual sums of a linear model at one point: Σr², Σr(x − x̄) for each feature and Σr, with r = w·x + b − y.
/// Either exact from the statistics (at the centroid) or measured once on the rows (at an anchor such as the fit).
/// </summary>
internal sealed record ResidualSums(double[] Point, double SumOfSquares, double[] CentredProducts, double Sum);
