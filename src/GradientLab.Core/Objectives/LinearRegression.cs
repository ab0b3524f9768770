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
public sealed class LinearRegression : ISampledObjective
{
    private const int BlockLength = 1024;
    private readonly Dataset _data;
    private readonly double _lossScale;

    /// <summary>Creates the objective over <paramref name="data"/> with the given loss convention.</summary>
    public LinearRegression(Dataset data, RegressionLoss loss = RegressionLoss.HalfMse)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        Loss = loss;
        _lossScale = loss == RegressionLoss.HalfMse ? 0.5 : 1.0;
        ParameterNames = data.FeatureCount == 1
            ? ["w", "b"]
            : [.. Enumerable.Range(1, data.FeatureCount).Select(j => $"w{j}"), "b"];
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
    /// Works through the rows in blocks of 1024: the residuals r = w·x + b − y of a block are formed in a buffer that
    /// stays in cache, then Σr², Σr and Σr·xⱼ are accumulated from it, so every column is read from memory once.
    /// </remarks>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        this.RequireDimension(point, gradient);
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
            var y = targets.Slice(start, length);
            TensorPrimitives.Subtract(bias, y, r);
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

        return Finish(sumOfSquares, gradient, targets.Length);
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
    /// Row-major, <see cref="Dimension"/>².
    /// </summary>
    public double[] Hessian()
    {
        var n = Dimension;
        var hessian = new double[n * n];
        var scale = 2 * _lossScale / _data.SampleCount;
        for (var a = 0; a < n; a++)
        {
            for (var c = a; c < n; c++)
            {
                double sum;
                if (a == n - 1)
                {
                    sum = _data.SampleCount;
                }
                else if (c == n - 1)
                {
                    sum = TensorPrimitives.Sum(_data.Column(a));
                }
                else
                {
                    sum = TensorPrimitives.Dot(_data.Column(a), _data.Column(c));
                }

                hessian[(a * n) + c] = hessian[(c * n) + a] = scale * sum;
            }
        }

        return hessian;
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
