using BenchmarkDotNet.Attributes;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;

namespace GradientLab.Benchmarks;

/// <summary>
/// The cost surface behind a contour plot: J(w, b) on a 200 × 200 grid for linear regression with 10⁶ rows. The
/// baseline makes a pass over the rows per grid point; the statistics side starts from a fresh objective (its passes
/// included) and evaluates the quadratic form at each point.
/// </summary>
[Config(typeof(ShortRunInProcess))]
public class ContourGrid
{
    private const int Rows = 1_000_000;
    private Dataset _data = null!;
    private LinearRegression _objective = null!;
    private double[] _fit = [];

    [GlobalSetup]
    public void Setup()
    {
        var (x, y) = Workload.Line(Rows);
        _data = Dataset.FromPairs(x, y);
        _objective = new LinearRegression(_data);
        _fit = _objective.Minimum()!;
    }

    /// <summary>A pass over the rows per grid point.</summary>
    [Benchmark(Baseline = true)]
    public SurfaceGrid Direct()
    {
        var gradient = new double[2];
        var objective = _objective;
        return Workload.Grid((w, b) => objective.EvaluateDirect([w, b], gradient), _fit);
    }

    /// <summary>The statistics (a pass), then O(1) per grid point.</summary>
    [Benchmark]
    public SurfaceGrid Statistics()
    {
        var objective = new LinearRegression(_data);
        return Workload.Grid((w, b) => objective.Value([w, b]), _fit);
    }
}
