using GradientLab.Core.Objectives;

namespace GradientLab.Core.Diagnostics;

/// <summary>
/// The curvature of an objective: its Hessian, the Hessian's eigenvalues and eigenvectors, and what they say about plain
/// gradient descent. On a quadratic J, GD with rate α multiplies the error along eigenvector i by (1 − α·λᵢ) each step,
/// so it is stable while α &lt; 2/λmax and fastest at α = 2/(λmin + λmax).
/// </summary>
/// <param name="Hessian">Row-major, n².</param>
/// <param name="Eigenvalues">Ascending.</param>
/// <param name="Eigenvectors">Eigenvectors[i] belongs to Eigenvalues[i], unit length.</param>
/// <param name="Local">True when the objective is not quadratic, so this is the Hessian at one point only.</param>
/// <remarks>
/// Where the numbers are not finite (a diverged run, a start too far out for double precision) the curvature is
/// undefined: <see cref="IsDefined"/> is false, the eigenvalues are NaN and so is every figure derived from them.
/// Nothing here throws on NaN or infinity.
/// </remarks>
public sealed record Curvature(IReadOnlyList<double> Hessian, IReadOnlyList<double> Eigenvalues, IReadOnlyList<IReadOnlyList<double>> Eigenvectors, bool Local)
{
    /// <summary>Whether every eigenvalue is a finite number; false where the Hessian could not be measured.</summary>
    public bool IsDefined => Eigenvalues.All(double.IsFinite);

    /// <summary>The largest eigenvalue: the curvature of the steepest direction (NaN when undefined).</summary>
    public double LambdaMax => IsDefined ? Eigenvalues[^1] : double.NaN;

    /// <summary>The smallest eigenvalue: the curvature of the flattest direction (negative at a saddle; NaN when undefined).</summary>
    public double LambdaMin => IsDefined ? Eigenvalues[0] : double.NaN;

    /// <summary>Whether every eigenvalue is above zero (a bowl, not a saddle or a flat direction).</summary>
    public bool PositiveDefinite => LambdaMin > 0;

    /// <summary>λmax / λmin; infinite when the surface is not a bowl here, NaN when undefined.</summary>
    public double ConditionNumber => !IsDefined ? double.NaN : PositiveDefinite ? LambdaMax / LambdaMin : double.PositiveInfinity;

    /// <summary>2/λmax: plain GD diverges along the steepest direction above it. Infinite when λmax ≤ 0, NaN when undefined.</summary>
    public double MaxStableLearningRate => !IsDefined ? double.NaN : LambdaMax > 0 ? 2 / LambdaMax : double.PositiveInfinity;

    /// <summary>2/(λmin + λmax): the constant rate that shrinks the slowest direction fastest. NaN when not a bowl.</summary>
    public double BestLearningRate => PositiveDefinite ? 2 / (LambdaMin + LambdaMax) : double.NaN;

    /// <summary>The error multiplier per step at the best rate: (κ − 1)/(κ + 1).</summary>
    public double BestContraction => PositiveDefinite ? (ConditionNumber - 1) / (ConditionNumber + 1) : double.NaN;

    /// <summary>The error multiplier per step at <paramref name="learningRate"/>: max |1 − α·λᵢ| (above 1: diverges).</summary>
    public double Contraction(double learningRate) => IsDefined ? Eigenvalues.Max(lambda => Math.Abs(1 - (learningRate * lambda))) : double.NaN;

    /// <summary>
    /// Steps for plain GD at <paramref name="learningRate"/> to shrink the error by <paramref name="factor"/> (e.g. 1e-6):
    /// ln(factor)/ln(contraction). Infinite when it never does.
    /// </summary>
    public double StepsToShrink(double learningRate, double factor = 1e-6)
    {
        var contraction = Contraction(learningRate);
        if (double.IsNaN(contraction))
        {
            return double.NaN;
        }

        if (contraction < 1e-12)
        {
            return 1; // one step lands exactly on the minimum
        }

        return contraction < 1 ? Math.Max(1, Math.Ceiling(Math.Log(factor) / Math.Log(contraction))) : double.PositiveInfinity;
    }

    /// <summary>The curvature of <paramref name="objective"/>: exact for a quadratic, else the Hessian at <paramref name="point"/> by central differences of the analytic gradient.</summary>
    public static Curvature Of(IObjective objective, IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(point);
        var local = objective is not IQuadraticObjective;
        var hessian = objective is IQuadraticObjective quadratic ? quadratic.Hessian() : NumericHessian(objective, point);
        var (values, vectors) = SymmetricEigen.Decompose(hessian, objective.Dimension);
        return new Curvature(hessian, values, vectors, local);
    }

    private static double[] NumericHessian(IObjective objective, IReadOnlyList<double> point)
    {
        var n = objective.Dimension;
        var hessian = new double[n * n];
        var up = new double[n];
        var down = new double[n];
        for (var i = 0; i < n; i++)
        {
            var h = 1e-5 * Math.Max(1, Math.Abs(point[i]));
            var plus = point.ToArray();
            var minus = point.ToArray();
            plus[i] += h;
            minus[i] -= h;
            objective.Evaluate(plus, up);
            objective.Evaluate(minus, down);
            for (var j = 0; j < n; j++)
            {
                hessian[(i * n) + j] = (up[j] - down[j]) / (2 * h);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var mean = (hessian[(i * n) + j] + hessian[(j * n) + i]) / 2;
                hessian[(i * n) + j] = hessian[(j * n) + i] = mean;
            }
        }

        return hessian;
    }
}

/// <summary>Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations.</summary>
public static class SymmetricEigen
{
    /// <summary>
    /// Decomposes the row-major symmetric <paramref name="n"/>×<paramref name="n"/> matrix; eigenvalues ascending.
    /// A matrix with a NaN or infinite entry has no decomposition: every eigenvalue is NaN and the vectors are the axes.
    /// The matrix is scaled to entries of at most 1 first, so entries near the largest double do not overflow.
    /// </summary>
    public static (double[] Values, double[][] Vectors) Decompose(IReadOnlyList<double> matrix, int n)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var a = new double[n, n];
        var v = new double[n, n];
        var largest = 0.0;
        for (var i = 0; i < n * n; i++)
        {
            largest = Math.Max(largest, Math.Abs(matrix[i]));
        }

        var defined = matrix.Take(n * n).All(double.IsFinite);
        var magnitude = defined && largest > 0 ? largest : 1;
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
            for (var j = 0; j < n; j++)
            {
                a[i, j] = matrix[(i * n) + j] / magnitude;
            }
        }

        if (!defined)
        {
            return ([.. Enumerable.Repeat(double.NaN, n)], [.. Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(k => v[k, i]).ToArray())]);
        }

        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            var scale = 0.0;
            for (var i = 0; i < n; i++)
            {
                scale += a[i, i] * a[i, i];
                for (var j = i + 1; j < n; j++)
                {
                    off += a[i, j] * a[i, j];
                }
            }

            if (off <= 1e-30 * Math.Max(scale, double.Epsilon))
            {
                break;
            }

            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }

                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    // |θ| may be so large that θ² overflows: then t ≈ 1/(2θ), which the second form gives.
                    var t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + (Math.Abs(theta) > 1e150 ? Math.Abs(theta) : Math.Sqrt((theta * theta) + 1)));
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = (c * akp) - (s * akq);
                        a[k, q] = (s * akp) + (c * akq);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = (c * apk) - (s * aqk);
                        a[q, k] = (s * apk) + (c * aqk);
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = (c * vkp) - (s * vkq);
                        v[k, q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderBy(i => a[i, i]).ToArray();
        return ([.. order.Select(i => a[i, i] * magnitude)], [.. order.Select(i => Enumerable.Range(0, n).Select(k => v[k, i]).ToArray())]);
    }
}
