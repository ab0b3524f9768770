using FsCheck;
using FsCheck.Fluent;
using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Descent;

public sealed class DescentRunTests
{
    private static readonly Dataset HousingTiny = Dataset.FromPairs([1.0, 2.0], [300.0, 500.0]);
    private static readonly Dataset Line = Dataset.FromPairs([1.0, 2, 3, 4, 5], [3.0, 5, 7, 9, 11]);

    private static DescentRun Minibatch(int seed, int size = 4, bool shuffle = true, int steps = 2000) =>
        new(new DescentSettings(new LinearRegression(Line), [0, 0], new GradientDescentSettings(), new ConstantRate(0.02), steps)
        {
            Batch = new BatchSettings(BatchKind.Mini, size, shuffle, seed),
        });

    [Fact]
    public void Trajectory_StartsAtTheStart_AndEachPointCarriesTheUpdateThatLeavesIt()
    {
        var run = Numerics.Run(new LinearRegression(HousingTiny), [0, 0], 0.01, 2).Finished();
        run.Trajectory.Count.ShouldBe(3);
        run.Trajectory[0].Gradient!.ShouldBeClose([-650, -400]);
        run.Trajectory[0].LearningRate.ShouldBe(0.01);
        run.Trajectory[0].Epoch.ShouldBe(0);
        run.Trajectory[2].Epoch.ShouldBe(2);
        run.Current.Gradient.ShouldBeNull();
        run.Current.LearningRate.ShouldBeNull();
        run.StopReason.ShouldBe(StopReason.MaxSteps);
        run.Step().ShouldBeFalse();
        run.Trajectory.Count.ShouldBe(3);
    }

    [Fact]
    public void SequentialUpdate_MeasuresTheBiasPartialAtTheNewW()
    {
        // Simultaneous: (6.5, 4.0). Sequential: w = 6.5 first; then at (6.5, 0) the errors are (−293.5, −487),
        // so ∂J/∂b = −390.25 and b = 3.9025: a different, wrong step.
        var run = new DescentRun(new DescentSettings(new LinearRegression(HousingTiny), [0, 0], new GradientDescentSettings(), new ConstantRate(0.01), 1)
        {
            Update = UpdateMode.Sequential,
        }).Finished();
        run.Current.Parameters.ShouldBeClose([6.5, 3.9025]);
        run.Trajectory[0].Gradient!.ShouldBeClose([-650, -390.25]);
    }

    [Fact]
    public void Converges_WhenTheGradientNormFallsToTheTolerance()
    {
        var run = new DescentRun(new DescentSettings(new Quadratic1D(), [4], new GradientDescentSettings(), new ConstantRate(0.1), 1000)
        {
            Stop = new StopCriteria(GradientTolerance: 1e-3),
        }).Finished();
        run.StopReason.ShouldBe(StopReason.Converged);
        run.Current.GradientNorm.ShouldBeLessThanOrEqualTo(1e-3);
        run.Trajectory[^2].GradientNorm.ShouldBeGreaterThan(1e-3);
        // |θt| = 4·0.8^t and the gradient is 2θ: the first t with 8·0.8^t ≤ 1e-3 is 41.
        run.Current.Step.ShouldBe(41);
    }

    [Fact]
    public void Diverges_AtTheFirstNonFiniteLoss_EvenWithAHugeFactor()
    {
        var run = new DescentRun(new DescentSettings(new Quadratic1D(), [4], new GradientDescentSettings(), new ConstantRate(1e150), 100)
        {
            Stop = new StopCriteria(DivergenceFactor: double.MaxValue),
        }).Finished();
        run.StopReason.ShouldBe(StopReason.Diverged);
        run.Current.Step.ShouldBe(2);
        double.IsFinite(run.Current.Loss).ShouldBeFalse();
    }

    [Fact]
    public void ZeroSteps_StopsAtTheStart() =>
        Numerics.Run(new Quadratic1D(), [4], 0.1, 0).StopReason.ShouldBe(StopReason.MaxSteps);

    [Fact]
    public void MiniBatches_KeepTheLastPartialBatch_AndCountEpochs()
    {
        var run = Minibatch(seed: 42, steps: 6).Finished();
        run.BatchesPerEpoch.ShouldBe(2);
        run.Trajectory.Select(p => p.Epoch).ShouldBe([0, 0, 1, 1, 2, 2, 3]);
    }

    [Fact]
    public void MiniBatches_OnTheLine_ConvergeTowards_W2_B1()
    {
        var run = Minibatch(seed: 42).Finished();
        run.Current.Parameters.ShouldBeClose([2, 1], 0, 0.05);
    }

    [Fact]
    public void SameSeed_SameRun_BitForBit_AndAnotherSeedDiffers()
    {
        var a = Minibatch(seed: 7, size: 2, steps: 50).Finished();
        var b = Minibatch(seed: 7, size: 2, steps: 50).Finished();
        var c = Minibatch(seed: 8, size: 2, steps: 50).Finished();
        a.Trajectory.Select(p => p.Parameters.ToArray()).ShouldBe(b.Trajectory.Select(p => p.Parameters.ToArray()));
        a.Current.Parameters.ShouldNotBe(c.Current.Parameters);
    }

    [Fact]
    public void WithoutShuffle_BatchesFollowTheDataOrder()
    {
        // Batch 1 = rows 0 and 1 of y = 2x + 1 from (0, 0): residuals (−3, −5) so ∂J/∂b = −4 and ∂J/∂w = (−3 − 10)/2.
        var run = Minibatch(seed: 1, size: 2, shuffle: false, steps: 1).Finished();
        run.Trajectory[0].Gradient!.ShouldBeClose([-6.5, -4]);
    }

    [Fact]
    public void Stochastic_UsesOneRowPerUpdate()
    {
        var run = new DescentRun(new DescentSettings(new LinearRegression(Line), [0, 0], new GradientDescentSettings(), new ConstantRate(0.01), 10)
        {
            Batch = new BatchSettings(BatchKind.Stochastic, Seed: 3),
        }).Finished();
        run.BatchesPerEpoch.ShouldBe(5);
        run.Current.Epoch.ShouldBe(2);
    }

    [Fact]
    public void PerEpochSchedule_KeepsTheRateWithinAnEpoch()
    {
        var run = new DescentRun(new DescentSettings(new LinearRegression(Line), [0, 0], new GradientDescentSettings(), new StepDecay(0.02, 1, 0.5), 6)
        {
            Batch = new BatchSettings(BatchKind.Mini, 4, true, 1),
            ScheduleUnit = ScheduleUnit.Epoch,
        }).Finished();
        run.Trajectory.Take(6).Select(p => p.LearningRate!.Value).ShouldBe([0.02, 0.02, 0.01, 0.01, 0.005, 0.005]);
    }

    [Fact]
    public void Batches_AreRefusedForAPlainFunction()
    {
        var settings = new DescentSettings(new Rosenbrock(), [0, 0], new GradientDescentSettings(), new ConstantRate(0.01), 10)
        {
            Batch = new BatchSettings(BatchKind.Mini, 4),
        };
        Should.Throw<ArgumentException>(() => new DescentRun(settings)).Message.ShouldContain("need an objective with data");
    }

    [Theory]
    [InlineData(3, "Invalid start: 3 values for 2 parameters (x, y)")]
    [InlineData(-1, "Invalid steps: -1")]
    public void BadSettings_AreRejectedWithTheValue(int which, string message)
    {
        double[] start = which == 3 ? [0, 0, 0] : [0, 0];
        var steps = which == 3 ? 10 : which;
        Should.Throw<ArgumentException>(() => new DescentRun(new DescentSettings(new Rosenbrock(), start, new GradientDescentSettings(), new ConstantRate(0.01), steps)))
            .Message.ShouldContain(message);
    }

    [Fact]
    public void NegativeLearningRate_IsRejected() =>
        Should.Throw<ArgumentException>(() => Numerics.Run(new Quadratic1D(), [1], -0.5, 10)).Message.ShouldContain("Invalid learningRate: -0.5");

    [Fact]
    public void PlainGd_OnAConvexQuadratic_BelowTwoOverLambdaMax_NeverIncreasesTheLoss()
    {
        var eigenvalue = Gen.Choose(1, 1000).Select(i => i / 10.0);
        var cases = from n in Gen.Choose(1, 4)
                    from lambdas in Gen.ArrayOf(eigenvalue, n)
                    from fraction in Gen.Choose(1, 999).Select(i => i / 1000.0)
                    from start in Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => i / 10.0), n)
                    select new { lambdas, fraction, start };
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (lambdas, fraction, start) = (c.lambdas, c.fraction, c.start);
            var rate = fraction * 2 / lambdas.Max(); // strictly below 2/λmax
            var run = Numerics.Run(new QuadraticBowl(lambdas), start, rate, 200).Finished();
            return run.Trajectory.Zip(run.Trajectory.Skip(1)).All(pair => pair.Second.Loss <= pair.First.Loss * (1 + 1e-12));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Trajectory_HoldsEveryPoint_EachLeftPointWithItsUpdate_TheLastWithoutOne()
    {
        var run = Numerics.Run(new LinearRegression(HousingTiny), [0, 0], 0.01, 3);
        run.Step().ShouldBeTrue();
        var before = run.Current;
        before.Gradient.ShouldBeNull();
        run.Trajectory.Count.ShouldBe(2);
        run.Trajectory[^1].ShouldBeSameAs(before);
        run.RunToEnd();
        run.Trajectory.Select(p => p.Step).ShouldBe([0, 1, 2, 3]);
        run.Trajectory.Take(3).ShouldAllBe(p => p.Gradient != null && p.LearningRate == 0.01);
        run.Trajectory[1].Parameters.ShouldBe(before.Parameters);
        run.Trajectory[^1].ShouldBe(run.Current);
        Enumerable.Last(run.Trajectory.AsEnumerable()).Gradient.ShouldBeNull();
        run.Trajectory.ToArray().ShouldBe(run.Trajectory);
        run.Trajectory.ShouldContain(run.Current);
        Should.Throw<ArgumentOutOfRangeException>(() => run.Trajectory[4]);
    }

    [Fact]
    public void Trajectory_IsReadOnly()
    {
        var trajectory = (IList<StepRecord>)Numerics.Run(new Quadratic1D(), [4], 0.1, 2).Finished().Trajectory;
        trajectory.IsReadOnly.ShouldBeTrue();
        Should.Throw<NotSupportedException>(() => trajectory.Add(trajectory[0]));
        Should.Throw<NotSupportedException>(() => trajectory[0] = trajectory[1]);
        Should.Throw<NotSupportedException>(trajectory.Clear);
    }

    [Fact]
    public void Trajectory_KeepsEveryPointExactly_AcrossItsStorageChunks()
    {
        // 600 steps span three chunks of 256 points: θₖ₊₁ = θₖ − γ·∇J(θₖ) must hold bit for bit at every point.
        var run = Numerics.Run(new LinearRegression(HousingTiny), [0, 0], 0.01, 600).Finished();
        run.Trajectory.Count.ShouldBe(601);
        for (var k = 0; k < 600; k++)
        {
            var (point, next) = (run.Trajectory[k], run.Trajectory[k + 1]);
            point.Step.ShouldBe(k);
            point.Epoch.ShouldBe(k);
            point.LearningRate.ShouldBe(0.01);
            for (var i = 0; i < 2; i++)
            {
                next.Parameters[i].ShouldBe(point.Parameters[i] - (0.01 * point.Gradient![i]));
            }
        }

        run.Trajectory[600].Gradient.ShouldBeNull();
        run.Trajectory[300].ShouldBeSameAs(run.Trajectory[300]);
        run.Trajectory[300].Parameters.ShouldNotBeAssignableTo<IList<double>>();
        run.Trajectory[300].Parameters.Count.ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => run.Trajectory[300].Parameters[2]);
    }
}
