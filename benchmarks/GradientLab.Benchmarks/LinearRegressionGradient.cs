using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Benchmarks;

/// <summary>
/// One full-batch evaluation (cost and gradient) of linear regression with one feature by a pass over the rows, on 10⁶
/// rows (16 MB of x and y to read) and 10⁷ rows (160 MB, far beyond any cache). Compared with the plainest loop (the
/// baseline) and with merely reading the same bytes, which bounds what any implementation can reach. Read the Ratio
/// column; ns per row = Mean / Rows.
/// </summary>
[Config(typeof(ShortRunInProcess))]
public class LinearRegressionGradient
{
    private readonly double[] _parameters = [2.5, 1.0];
    private readonly double[] _gradient = new double[2];
    private double[] _x = [];
    private double[] _y = [];
    private LinearRegression _objective = null!;

    [Params(1_000_000, 10_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = Workload.Line(Rows);
        _objective = new LinearRegression(Dataset.FromPairs(_x, _y));
    }

    /// <summary>The straightforward loop a learner would write: one pass, scalar arithmetic.</summary>
    [Benchmark(Baseline = true)]
    public double PlainLoop()
    {
        double w = _parameters[0], b = _parameters[1];
        double sum = 0, gw = 0, gb = 0;
        var x = _x;
        var y = _y;
        for (var i = 0; i < x.Length; i++)
        {
            var r = (w * x[i]) + b - y[i];
            sum += r * r;
            gw += r * x[i];
            gb += r;
        }

        _gradient[0] = gw / x.Length;
        _gradient[1] = gb / x.Length;
        return sum / (2 * x.Length);
    }

    /// <summary>GradientLab's kernel, the pass over the rows (one fused vector loop for one feature).</summary>
    [Benchmark]
    public double GradientLabKernel() => _objective.EvaluateDirect(_parameters, _gradient);

    /// <summary>
    /// Reading x and y once, in one vectorised pass like the kernel's, with the least arithmetic (a sum): the bound set
    /// by memory bandwidth for this access pattern.
    /// </summary>
    [Benchmark]
    public double ReadOnly()
    {
        var width = Vector<double>.Count;
        ref var x = ref MemoryMarshal.GetArrayDataReference(_x);
        ref var y = ref MemoryMarshal.GetArrayDataReference(_y);
        Vector<double> a = default, b = default, c = default, d = default;
        var i = 0;
        for (; i <= _x.Length - (2 * width); i += 2 * width)
        {
            a += Vector.LoadUnsafe(ref x, (nuint)i);
            b += Vector.LoadUnsafe(ref x, (nuint)(i + width));
            c += Vector.LoadUnsafe(ref y, (nuint)i);
            d += Vector.LoadUnsafe(ref y, (nuint)(i + width));
        }

        var sum = Vector.Sum(a + b + c + d);
        for (; i < _x.Length; i++)
        {
            sum += _x[i] + _y[i];
        }

        return sum;
    }

    /// <summary>The same bytes read by TensorPrimitives.Sum, one array after the other.</summary>
    [Benchmark]
    public double ReadOnlyTwoPasses() => TensorPrimitives.Sum<double>(_x) + TensorPrimitives.Sum<double>(_y);
}
