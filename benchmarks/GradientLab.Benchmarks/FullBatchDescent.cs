using BenchmarkDotNet.Attributes;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Benchmarks;

/// <summary>
/// 10,000 full-batch steps of plain gradient descent on linear regression with 10⁶ rows, every step recorded. The
/// baseline makes a pass over the rows per step; the statistics side starts from a fresh objective, so its pass for the
/// statistics is in the time (and would be the pass for the residual sums at the fit, for a fit close enough to need it;
/// this one's residuals are not small enough). FivePasses is the goal's yardstick: the statistics side should take no
/// longer.
/// </summary>
[Config(typeof(ShortRunInProcess))]
public class FullBatchDescent
{
    private const int Rows = 1_000_000;
    private readonly double[] _gradient = new double[2];
    private Dataset _data = null!;
    private LinearRegression _objective = null!;

    [GlobalSetup]
    public void Setup()
    {
        var (x, y) = Workload.Line(Rows);
        _data = Dataset.FromPairs(x, y);
        _objective = new LinearRegression(_data);
        if (Statistics() != Workload.Steps + 1)
        {
            throw new InvalidOperationException("The run stopped before its 10,000 steps; the comparison needs them all.");
        }
    }

    /// <summary>Every step a pass over the rows.</summary>
    [Benchmark(Baseline = true)]
    public int Direct() => Count(Workload.Run(new RowByRow(_objective)));

    /// <summary>One pass for the statistics, then O(1) per step.</summary>
    [Benchmark]
    public int Statistics() => Count(Workload.Run(new LinearRegression(_data)));

    /// <summary>Five passes over the rows: the goal for the statistics side.</summary>
    [Benchmark]
    public double FivePasses()
    {
        var sum = 0.0;
        for (var pass = 0; pass < 5; pass++)
        {
            sum += _objective.EvaluateDirect([2.5, 1.0], _gradient);
        }

        return sum;
    }

    private static int Count(Core.Descent.DescentRun run)
    {
        run.RunToEnd();
        return run.Trajectory.Count;
    }
}
