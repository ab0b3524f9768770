using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Descent;

/// <summary>
/// Runs of linear regression take their full-batch losses and gradients from the sufficient statistics; the same runs
/// over an objective that makes a pass over the rows for each of them must reach the same points, to rounding.
/// </summary>
public sealed class StatisticsRunTests
{
    private static readonly Dataset ThreeFeatures = MakeData();

    public static TheoryData<UpdateMode, string> Cases => new()
    {
        { UpdateMode.Simultaneous, "gd" },
        { UpdateMode.Sequential, "gd" },
        { UpdateMode.Simultaneous, "adam" },
        { UpdateMode.Sequential, "momentum" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FullBatchRun_FromTheStatistics_FollowsTheRowByRowRun(UpdateMode update, string optimizer)
    {
        var objective = new LinearRegression(ThreeFeatures, RegressionLoss.Mse);
        var fromStatistics = Run(objective, update, optimizer, BatchSettings.Full);
        var rowByRow = Run(new RowByRow(objective), update, optimizer, BatchSettings.Full);
        ShouldFollow(fromStatistics, rowByRow);
    }

    [Fact]
    public void MiniBatchRun_TakesItsStepsFromTheRows_AndItsRecordedLossesFromTheStatistics()
    {
        var objective = new LinearRegression(ThreeFeatures);
        var batches = new BatchSettings(BatchKind.Mini, 16, Seed: 9);
        var fromStatistics = Run(objective, UpdateMode.Simultaneous, "gd", batches);
        var rowByRow = Run(new RowByRow(objective), UpdateMode.Simultaneous, "gd", batches);
        ShouldFollow(fromStatistics, rowByRow);
        for (var k = 0; k < fromStatistics.Count - 1; k++)
        {
            // The batch gradients come from the same rows by the same code: identical.
            fromStatistics[k].Gradient.ShouldBe(rowByRow[k].Gradient);
        }
    }

    [Fact]
    public void SequentialUpdate_MeasuresEachPartialAtThePartlyUpdatedPoint()
    {
        // One sequential step by hand: ∂J/∂θᵢ measured (row by row) after θ₀ … θᵢ₋₁ have moved.
        var objective = new LinearRegression(ThreeFeatures);
        var run = Run(objective, UpdateMode.Sequential, "gd", BatchSettings.Full, steps: 1);
        double[] theta = [0.5, -0.25, 2, 1];
        var gradient = new double[4];
        for (var i = 0; i < theta.Length; i++)
        {
            objective.EvaluateDirect(theta, gradient);
            run[0].Gradient![i].ShouldBeClose(gradient[i], 1e-12, 1e-12);
            theta[i] -= 0.01 * gradient[i];
        }

        run[1].Parameters.ShouldBeClose(theta, 1e-12, 1e-12);
    }

    private static IReadOnlyList<StepRecord> Run(IObjective objective, UpdateMode update, string optimizer, BatchSettings batch, int steps = 300)
    {
        OptimizerSettings settings = optimizer switch
        {
            "adam" => new AdamSettings(),
            "momentum" => new SgdSettings(Momentum: 0.9),
            _ => new GradientDescentSettings(),
        };
        var run = new DescentRun(new DescentSettings(objective, [0.5, -0.25, 2, 1], settings, new ConstantRate(0.01), steps)
        {
            Update = update,
            Batch = batch,
        });
        run.RunToEnd();
        return run.Trajectory;
    }

    private static void ShouldFollow(IReadOnlyList<StepRecord> actual, IReadOnlyList<StepRecord> expected)
    {
        actual.Count.ShouldBe(expected.Count);
        for (var k = 0; k < actual.Count; k++)
        {
            // Rounding differs in the last bits at every step; descent on a convex quadratic does not amplify it.
            actual[k].Parameters.ShouldBeClose(expected[k].Parameters, 1e-11, 1e-11);
            actual[k].Loss.ShouldBeClose(expected[k].Loss, 1e-11, 1e-11);
            actual[k].GradientNorm.ShouldBeClose(expected[k].GradientNorm, 1e-9, 1e-11);
        }
    }

    private static Dataset MakeData()
    {
        var random = new Random(21);
        var rows = Enumerable.Range(0, 500).Select(_ => (IReadOnlyList<double>)[random.NextDouble() * 3, 10 + random.NextDouble(), random.NextDouble() - 0.5]).ToArray();
        return Dataset.FromRows(rows, [.. rows.Select(r => (2 * r[0]) - (0.5 * r[1]) + (4 * r[2]) + 3 + (0.1 * random.NextDouble()))]);
    }

    /// <summary>Linear regression evaluated by a pass over the rows every time: the reference path.</summary>
    private sealed class RowByRow(LinearRegression inner) : ISampledObjective
    {
        public int Dimension => inner.Dimension;

        public int SampleCount => inner.SampleCount;

        public IReadOnlyList<string> ParameterNames => inner.ParameterNames;

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient) => inner.EvaluateDirect(point, gradient);

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows) => inner.Evaluate(point, gradient, rows);
    }
}
