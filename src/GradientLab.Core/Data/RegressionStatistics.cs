using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace GradientLab.Core.Data;

/// <summary>
/// The sufficient statistics of a dataset for least squares, centred: the count n, the feature means x̄ and the target
/// mean ȳ, and the centred cross-products Sxx = Σ(x − x̄)(x − x̄)ᵀ, Sxy = Σ(x − x̄)(y − ȳ) and Syy = Σ(y − ȳ)². From them
/// the squared error of any linear model f(x) = w·x + b over every row, and the sums its gradient needs, cost O(d²)
/// without touching the data (<see cref="SumOfSquaredResiduals"/>).
/// </summary>
/// <remarks>
/// Computed in one pass over the rows, in blocks of 1024 rows. Each block is centred on the values of its middle row, K:
/// with zᵤ = xᵤ − Kᵤ and eᵤ = Σzᵤ, the block's mean is K + e/m and its centred cross-products are Σzᵤzᵥ − eᵤeᵥ/m (the
/// corrected two-pass formula of Chan, Golub and LeVeque, with a value of the block for the provisional mean, so the
/// data are read once and the deviations, sums and products are formed in one loop). Because K lies among the block's
/// values, the correction removes at most the block's own spread times m: in the worst case (the middle row a lone
/// outlier) three of sixteen digits of that block's products, usually none. Blocks are merged into the running totals by
/// Chan's update C = C_A + C_B + δδᵀ·n_A·n_B/n, δ the difference of the two means, kept relative to the first block's
/// centre so that δ keeps its digits when the data sit far from zero. No sum of squares about zero is ever formed: data
/// at 10⁶ ± 10⁻³ keep their digits, where Σx² − n·x̄² would lose them all.
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
            if (data.FeatureCount == 1)
            {
                PairBlock(data.Column(0).Slice(start, length), data.Targets.Slice(start, length), blockMeans, corrections, blockProducts);
            }
            else
            {
                Block(data, start, length, centred, blockMeans, corrections, blockProducts);
            }

            for (var v = 0; v < variables; v++)
            {
                if (start == 0)
                {
                    shifts[v] = blockMeans[v];
                }

                // The block's mean, its centre corrected by the mean deviation, relative to the first block's centre.
                blockMeans[v] = blockMeans[v] - shifts[v] + (corrections[v] / length);
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
        var anchor = at.Point;
        var centred = at.CentredProducts;
        var shift = point[featureCount] - anchor[featureCount];
        var shiftMagnitude = Math.Abs(shift);
        for (var j = 0; j < featureCount; j++)
        {
            var term = (point[j] - anchor[j]) * _means[j];
            shift += term;
            shiftMagnitude += Math.Abs(term);
        }

        // Sums measured on the rows carry the rounding of that pass: at most about ε·√(Σr²·ΣMᵢ²) for Σr², with Mᵢ the size
        // of the numbers in residual i, and ε·√(ΣMᵢ²·Σ(x − x̄)²) for Σr(x − x̄) (Cauchy–Schwarz).
        var sumOfSquares = at.SumOfSquares;
        magnitude = Math.Abs(at.SumOfSquares) + (at.RowScale * Math.Sqrt(Math.Abs(at.SumOfSquares)));
        for (var j = 0; j < featureCount; j++)
        {
            double moved = 0, movedMagnitude = 0;
            for (var k = 0; k < featureCount; k++)
            {
                var term = _products[(j * variables) + k] * (point[k] - anchor[k]);
                moved += term;
                movedMagnitude += Math.Abs(term);
            }

            var delta = point[j] - anchor[j];
            residualProducts[j] = centred[j] + moved;
            sumOfSquares += delta * ((2 * centred[j]) + moved);
            magnitude += Math.Abs(delta) * ((2 * (Math.Abs(centred[j]) + (at.RowScale * Math.Sqrt(_products[(j * variables) + j])))) + movedMagnitude);
        }

        var residualSum = at.Sum + (SampleCount * shift);
        sumOfSquares += shift * ((2 * at.Sum) + (SampleCount * shift));
        magnitude += shiftMagnitude * ((2 * (Math.Abs(at.Sum) + (at.RowScale * Math.Sqrt(SampleCount)))) + (SampleCount * shiftMagnitude));
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

        // √ΣMᵢ² ≤ Σⱼ|wⱼ|·‖xⱼ‖ + |b|·√n + ‖y‖ (Minkowski), each norm from the statistics: ‖x‖² = Sxx + n·x̄².
        var rowScale = (Math.Abs(point[featureCount]) * Math.Sqrt(SampleCount)) + Norm(featureCount);
        for (var j = 0; j < featureCount; j++)
        {
            rowScale += Math.Abs(point[j]) * Norm(j);
        }

        return new ResidualSums(point.ToArray(), sumOfSquares, centred, residualSum, rowScale);
    }

    private double Norm(int variable) => Math.Sqrt(_products[(variable * _means.Length) + variable] + (SampleCount * _means[variable] * _means[variable]));

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

    // One block, any number of features: the centre (the middle row), the deviations' sums and the corrected
    // cross-products, through TensorPrimitives on the deviations kept in cache.
    private static void Block(Dataset data, int start, int length, double[] centred, double[] centres, double[] corrections, double[] products)
    {
        var variables = centres.Length;
        for (var v = 0; v < variables; v++)
        {
            var values = (v < data.FeatureCount ? data.Column(v) : data.Targets).Slice(start, length);
            var z = centred.AsSpan(v * BlockLength, length);
            centres[v] = values[length / 2];
            TensorPrimitives.Subtract(values, centres[v], z);
            corrections[v] = TensorPrimitives.Sum((ReadOnlySpan<double>)z);
        }

        for (var u = 0; u < variables; u++)
        {
            var zu = centred.AsSpan(u * BlockLength, length);
            for (var v = u; v < variables; v++)
            {
                products[(u * variables) + v] = TensorPrimitives.Dot(zu, centred.AsSpan(v * BlockLength, length)) - (corrections[u] * corrections[v] / length);
            }
        }
    }

    // The same for one feature, fused: one vector loop forms the deviations from the middle row and accumulates their
    // sums and products in registers (two interleaved accumulators each, so that additions overlap).
    private static void PairBlock(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double[] centres, double[] corrections, double[] products)
    {
        var width = Vector<double>.Count;
        var length = x.Length;
        ref var xStart = ref MemoryMarshal.GetReference(x);
        ref var yStart = ref MemoryMarshal.GetReference(y);
        double centreX = x[length / 2], centreY = y[length / 2];
        var kx = new Vector<double>(centreX);
        var ky = new Vector<double>(centreY);
        Vector<double> ex0 = default, ex1 = default, ey0 = default, ey1 = default;
        Vector<double> xx0 = default, xx1 = default, xy0 = default, xy1 = default, yy0 = default, yy1 = default;
        var i = 0;
        for (; i <= length - (2 * width); i += 2 * width)
        {
            var dx0 = Vector.LoadUnsafe(ref xStart, (nuint)i) - kx;
            var dx1 = Vector.LoadUnsafe(ref xStart, (nuint)(i + width)) - kx;
            var dy0 = Vector.LoadUnsafe(ref yStart, (nuint)i) - ky;
            var dy1 = Vector.LoadUnsafe(ref yStart, (nuint)(i + width)) - ky;
            ex0 += dx0;
            ex1 += dx1;
            ey0 += dy0;
            ey1 += dy1;
            xx0 = Vector.FusedMultiplyAdd(dx0, dx0, xx0);
            xx1 = Vector.FusedMultiplyAdd(dx1, dx1, xx1);
            xy0 = Vector.FusedMultiplyAdd(dx0, dy0, xy0);
            xy1 = Vector.FusedMultiplyAdd(dx1, dy1, xy1);
            yy0 = Vector.FusedMultiplyAdd(dy0, dy0, yy0);
            yy1 = Vector.FusedMultiplyAdd(dy1, dy1, yy1);
        }

        double ex = Vector.Sum(ex0 + ex1), ey = Vector.Sum(ey0 + ey1);
        double sxx = Vector.Sum(xx0 + xx1), sxy = Vector.Sum(xy0 + xy1), syy = Vector.Sum(yy0 + yy1);
        for (; i < length; i++)
        {
            double dx = x[i] - centreX, dy = y[i] - centreY;
            ex += dx;
            ey += dy;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        (centres[0], centres[1], corrections[0], corrections[1]) = (centreX, centreY, ex, ey);
        products[0] = sxx - (ex * ex / length);
        products[1] = sxy - (ex * ey / length);
        products[3] = syy - (ey * ey / length);
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
/// <param name="Point">The model [w, b] the sums are taken at.</param>
/// <param name="SumOfSquares">Σr².</param>
/// <param name="CentredProducts">Σr(xⱼ − x̄ⱼ) for each feature.</param>
/// <param name="Sum">Σr.</param>
/// <param name="RowScale">√ΣMᵢ² for sums measured on the rows, Mᵢ = Σ|wⱼxᵢⱼ| + |b| + |yᵢ| the size of the numbers in
/// residual i, whose rounding their sums carry; 0 for sums exact from the statistics.</param>
internal sealed record ResidualSums(double[] Point, double SumOfSquares, double[] CentredProducts, double Sum, double RowScale = 0);
