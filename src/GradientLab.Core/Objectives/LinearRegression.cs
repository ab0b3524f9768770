using System.Numerics;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;
using GradientLab.Core.Data;

namespace GradientLab.Core.Objectives;

/// <summary>The two squared-error conventions for linear regression.</summary>
public enum RegressionLoss
{
    /// <summary>J = 1/(2m) Σ (f − y)², the course convention: ∂J/∂w = 1/m Σ (f − y)·x.</summary>
    HalfMse,

    /// <summary>J = 1/m Σ (f − y)²: gradients twice those of <see cref="HalfMse"/>.</summary>
    Mse,
}

/// <summary>
/// The cost of the linear model f(x) = w·x + b over a dataset: parameters [w₁ … w_d, b].
/// </summary>
public sealed class LinearRegression : ISampledObjective, IQuadraticObjective
{
    // An expansion whose sum is below this fraction of its terms' magnitude has lost more than four digits to
    // cancellation: its value keeps only about twelve.
    private const double Cancellation = 1e-4;

    private readonly Dataset _data;
    private readonly double _lossScale;
    private readonly Lazy<RegressionStatistics> _statistics;
    private readonly Lazy<ResidualSums?> _atFit;

    /// <summary>Creates the objective over <paramref name="data"/> with the given loss convention.</summary>
    public LinearRegression(Dataset data, RegressionLoss loss = RegressionLoss.HalfMse)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        Loss = loss;
        _lossScale = loss == RegressionLoss.HalfMse ? 0.5 : 1.0;
        ParameterNames = ObjectiveExtensions.WeightsThenBias(data.FeatureCount);
        _statistics = new Lazy<RegressionStatistics>(() => RegressionStatistics.Of(data));
        _atFit = new Lazy<ResidualSums?>(MeasureAtFit);
    }

    /// <summary>The dataset the cost is measured on.</summary>
    public Dataset Data => _data;

    /// <summary>The loss convention.</summary>
    public RegressionLoss Loss { get; }

    /// <inheritdoc/>
    public int Dimension => _data.FeatureCount + 1;

    /// <inheritdoc/>
    public int SampleCount => _data.SampleCount;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The data's sufficient statistics, measured in one pass on first use (the data never changes).</summary>
    public RegressionStatistics Statistics => _statistics.Value;

    /// <summary>The model's prediction f(x) = w·x + b for one input row.</summary>
    public static double Predict(ReadOnlySpan<double> parameters, ReadOnlySpan<double> features)
    {
        var prediction = parameters[^1];
        for (var j = 0; j < features.Length; j++)
        {
            prediction += parameters[j] * features[j];
        }

        return prediction;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Over every row, from the sufficient statistics (<see cref="Statistics"/>), measured in one pass on first use:
    /// O(d²) whatever the number of rows. The cost is the exact expansion of the quadratic about the centroid model
    /// (w = 0, b = ȳ, whose residual sums the statistics give exactly): Σr² = wᵀSxx·w − 2wᵀSxy + Syy + m·c². For a close
    /// fit those terms cancel near the minimum (more than four digits, the residuals being small beside the data, and
    /// all of them at a perfect fit), so there a second pass measures the residual sums at the least-squares fit once
    /// and the cost is expanded about the fit instead: accurate relative to itself down to a perfect fit, like the pass
    /// over the rows. Where the terms about the fit cancel in turn (far from the fit of an ill-conditioned problem), the
    /// expansion with the smaller terms, so the smaller rounding, is used. <see cref="EvaluateDirect"/> is the pass over the rows.
    /// </remarks>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        this.RequireDimension(point, gradient);
        var statistics = Statistics;
        var atFit = _atFit.Value;
        var sumOfSquares = statistics.Expand(atFit ?? statistics.Centroid, point, gradient, out var magnitude);
        if (atFit is not null && magnitude > 2 * sumOfSquares)
        {
            // Some terms about the fit cancel: those about the centroid may be smaller (far from the fit).
            Span<double> sums = gradient.Length <= 64 ? stackalloc double[gradient.Length] : new double[gradient.Length];
            var centred = statistics.Expand(statistics.Centroid, point, sums, out var centredMagnitude);
            if (centredMagnitude < magnitude)
            {
                sumOfSquares = centred;
                sums.CopyTo(gradient);
            }
        }

        return Finish(sumOfSquares, gradient, _data.SampleCount);
    }

    /// <summary>
    /// The cost and its gradient over every row by one pass over the data: the reference the statistics are tested
    /// against. Same contract as <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/>.
    /// </summary>
    /// <remarks>
    /// With one feature (the teaching case) one fused pass forms the residuals r = w·x + b − y in registers and
    /// accumulates Σr², Σr and Σr·x at once, so x and y are read from memory once. With several features the rows go in
    /// blocks of 1024 whose residuals stay in cache while TensorPrimitives sums them. Both are measured against a plain
    /// loop in the LinearRegressionGradient benchmark.
    /// </remarks>
    public double EvaluateDirect(ReadOnlySpan<double> point, Span<double> gradient)
    {
        this.RequireDimension(point, gradient);
        return Finish(DirectSums(point, gradient), gradient, _data.SampleCount);
    }

    // Σr² over the rows, and Σr·xⱼ then Σr into sums.
    private double DirectSums(ReadOnlySpan<double> point, Span<double> sums) => _data.FeatureCount == 1
        ? SingleFeature(_data.Column(0), _data.Targets, point[0], point[1], sums)
        : Blocked(point, sums);

    // The residual sums at the least-squares fit, measured on the rows once, where the expansion about the centroid
    // would lose more than four digits near the fit (a close fit: the residuals are small beside the data); null when
    // that expansion is good enough, or the fit is not unique.
    private ResidualSums? MeasureAtFit()
    {
        var statistics = Statistics;
        var sums = new double[Dimension];
        if (Minimum() is not { } fit || statistics.Expand(statistics.Centroid, fit, sums, out var magnitude) >= Cancellation * magnitude)
        {
            return null;
        }

        var sumOfSquares = DirectSums(fit, sums);
        return Statistics.FromRows(fit, sumOfSquares, sums);
    }

    private static double SingleFeature(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double weight, double bias, Span<double> gradient)
    {
        var width = Vector<double>.Count;
        var w = new Vector<double>(weight);
        var b = new Vector<double>(bias);
        Vector<double> squares0 = default, squares1 = default, sums0 = default, sums1 = default, products0 = default, products1 = default;
        ref var xStart = ref MemoryMarshal.GetReference(x);
        ref var yStart = ref MemoryMarshal.GetReference(y);
        var i = 0;
        for (; i <= x.Length - (2 * width); i += 2 * width)
        {
            var x0 = Vector.LoadUnsafe(ref xStart, (nuint)i);
            var x1 = Vector.LoadUnsafe(ref xStart, (nuint)(i + width));
            var r0 = Vector.FusedMultiplyAdd(w, x0, b - Vector.LoadUnsafe(ref yStart, (nuint)i));
            var r1 = Vector.FusedMultiplyAdd(w, x1, b - Vector.LoadUnsafe(ref yStart, (nuint)(i + width)));
            squares0 = Vector.FusedMultiplyAdd(r0, r0, squares0);
            squares1 = Vector.FusedMultiplyAdd(r1, r1, squares1);
            products0 = Vector.FusedMultiplyAdd(r0, x0, products0);
            products1 = Vector.FusedMultiplyAdd(r1, x1, products1);
            sums0 += r0;
            sums1 += r1;
        }

        var sumOfSquares = Vector.Sum(squares0 + squares1);
        var weightSum = Vector.Sum(products0 + products1);
        var biasSum = Vector.Sum(sums0 + sums1);
        for (; i < x.Length; i++)
        {
            var r = (weight * x[i]) + bias - y[i];
            sumOfSquares += r * r;
            weightSum += r * x[i];
            biasSum += r;
        }

        gradient[0] = weightSum;
        gradient[1] = biasSum;
        return sumOfSquares;
    }

    private double Blocked(ReadOnlySpan<double> point, Span<double> gradient)
    {
        const int BlockLength = 1024;
        var featureCount = _data.FeatureCount;
        var bias = point[featureCount];
        var targets = _data.Targets;
        Span<double> residuals = stackalloc double[BlockLength];
        gradient.Clear();
        var sumOfSquares = 0.0;
        for (var start = 0; start < targets.Length; start += BlockLength)
        {
            var length = Math.Min(BlockLength, targets.Length - start);
            var r = residuals[..length];
            TensorPrimitives.Subtract(bias, targets.Slice(start, length), r);
            for (var j = 0; j < featureCount; j++)
            {
                TensorPrimitives.MultiplyAdd(_data.Column(j).Slice(start, length), point[j], r, r);
            }

            sumOfSquares += TensorPrimitives.SumOfSquares((ReadOnlySpan<double>)r);
            gradient[featureCount] += TensorPrimitives.Sum((ReadOnlySpan<double>)r);
            for (var j = 0; j < featureCount; j++)
            {
                gradient[j] += TensorPrimitives.Dot(r, _data.Column(j).Slice(start, length));
            }
        }

        return sumOfSquares;
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows)
    {
        this.RequireDimension(point, gradient);
        if (rows.IsEmpty)
        {
            throw new ArgumentException("A batch needs at least one row.", nameof(rows));
        }

        var featureCount = _data.FeatureCount;
        var targets = _data.Targets;
        gradient.Clear();
        var sumOfSquares = 0.0;
        foreach (var row in rows)
        {
            var residual = point[featureCount] - targets[row];
            for (var j = 0; j < featureCount; j++)
            {
                residual += point[j] * _data.Column(j)[row];
            }

            sumOfSquares += residual * residual;
            gradient[featureCount] += residual;
            for (var j = 0; j < featureCount; j++)
            {
                gradient[j] += residual * _data.Column(j)[row];
            }
        }

        return Finish(sumOfSquares, gradient, rows.Length);
    }

    /// <summary>
    /// The Hessian of the cost, the same at every point: c/m · Σ [x; 1][x; 1]ᵀ with c = 1 for half-mse and 2 for mse.
    /// Row-major, <see cref="Dimension"/>². From the statistics: Σxxᵀ = Sxx + m·x̄x̄ᵀ and Σx = m·x̄.
    /// </summary>
    public double[] Hessian()
    {
        var statistics = Statistics;
        var featureCount = _data.FeatureCount;
        var n = Dimension;
        var hessian = new double[n * n];
        var scale = 2 * _lossScale;
        var count = (double)_data.SampleCount;
        for (var a = 0; a < featureCount; a++)
        {
            var meanA = statistics.FeatureMean(a);
            for (var c = a; c < featureCount; c++)
            {
                hessian[(a * n) + c] = hessian[(c * n) + a] = scale * ((statistics.FeatureProduct(a, c) / count) + (meanA * statistics.FeatureMean(c)));
            }

            hessian[(a * n) + featureCount] = hessian[(featureCount * n) + a] = scale * meanA;
        }

        hessian[^1] = scale;
        return hessian;
    }

    /// <summary>
    /// The exact minimiser, the least-squares fit, from the centred statistics: Sxx·w = Sxy, then b = ȳ − w·x̄. Solved on
    /// the correlation matrix (Sxx scaled to a unit diagonal) by Gaussian elimination with partial pivoting. Null when
    /// the fit is not unique: a feature that is constant, or that the others determine (a pivot below 10⁻¹²).
    /// </summary>
    public double[]? Minimum()
    {
        var statistics = Statistics;
        var d = _data.FeatureCount;
        var deviations = new double[d];
        for (var j = 0; j < d; j++)
        {
            // A spread of a few ulps of the values is rounding: the feature is constant.
            var mean = Math.Abs(statistics.FeatureMean(j));
            var noise = 8 * (Math.BitIncrement(mean) - mean);
            var products = statistics.FeatureProduct(j, j);
            if (!(products > _data.SampleCount * noise * noise))
            {
                return null;
            }

            deviations[j] = Math.Sqrt(products);
        }

        var a = new double[d, d + 1];
        for (var r = 0; r < d; r++)
        {
            for (var c = 0; c < d; c++)
            {
                a[r, c] = statistics.FeatureProduct(r, c) / (deviations[r] * deviations[c]);
            }

            a[r, d] = statistics.FeatureTargetProduct(r) / deviations[r];
        }

        if (Solve(a) is not { } scaled)
        {
            return null;
        }

        var fit = new double[d + 1];
        var bias = statistics.TargetMean;
        for (var j = 0; j < d; j++)
        {
            fit[j] = scaled[j] / deviations[j];
            bias -= fit[j] * statistics.FeatureMean(j);
        }

        fit[d] = bias;
        return fit;
    }

    // Solves the n × (n + 1) augmented system in place; null when a pivot falls below 1e-12 (entries are at most 1).
    private static double[]? Solve(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (!(Math.Abs(a[pivot, col]) >= 1e-12))
            {
                return null;
            }

            for (var c = 0; c <= n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = a[r, col] / a[col, col];
                for (var c = col; c <= n; c++)
                {
                    a[r, c] -= factor * a[col, c];
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => a[i, n] / a[i, i])];
    }

    private double Finish(double sumOfSquares, Span<double> gradient, int count)
    {
        var gradientScale = 2 * _lossScale / count;
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] *= gradientScale;
        }

        return _lossScale * sumOfSquares / count;
    }
}
