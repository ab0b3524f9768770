using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Descent;

/// <summary>
/// Batching order and sizes, the stop rules at their boundaries, frozen parameters, cancellation, the trajectory's
/// records and the settings' checks (written for the mutants Stryker left alive in Descent/).
/// </summary>
public sealed class DescentContractTests
{
    private static readonly Dataset Line = Dataset.FromPairs([1.0, 2, 3, 4, 5], [3.0, 5, 7, 9, 11]);
    private static readonly Dataset HousingTiny = Dataset.FromPairs([1.0, 2.0], [300.0, 500.0]);

    private static DescentSettings Settings(IObjective objective, double[] start, double rate, int steps) =>
        new(objective, start, new GradientDescentSettings(), new ConstantRate(rate), steps);

    private static int[][] Batches(BatchSettings settings, int rows, int count)
    {
        var sampler = new BatchSampler(settings, rows);
        return [.. Enumerable.Range(0, count).Select(_ => sampler.Next().ToArray())];
    }

    [Fact]
    public void MiniBatchesOfTwo_OverFiveRows_AreTwoTwoAndOne_InDataOrderWithoutShuffle()
    {
        var sampler = new BatchSampler(new BatchSettings(BatchKind.Mini, 2, Shuffle: false), 5);
        sampler.BatchesPerEpoch.ShouldBe(3);
        sampler.Next().ToArray().ShouldBe([0, 1]);
        sampler.Next().ToArray().ShouldBe([2, 3]);
        sampler.CompletedEpochs.ShouldBe(0);
        sampler.Next().ToArray().ShouldBe([4]);
        sampler.CompletedEpochs.ShouldBe(1);
        sampler.Next().ToArray().ShouldBe([0, 1], "the second epoch repeats the data order");
    }

    [Fact]
    public void ShuffledMiniBatches_UseEveryRowOncePerEpoch()
    {
        // A shuffle at the start of each epoch only: within an epoch the batches are a partition of the rows.
        var batches = Batches(new BatchSettings(BatchKind.Mini, 3, Shuffle: true, Seed: 5), 7, 9);
        for (var epoch = 0; epoch < 3; epoch++)
        {
            batches.Skip(3 * epoch).Take(3).SelectMany(b => b).Order().ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        }

        batches.Select(b => b.Length).ShouldBe([3, 3, 1, 3, 3, 1, 3, 3, 1]);
    }

    [Fact]
    public void TheFullBatch_IsEveryRowInDataOrder_EvenWithShuffleOn()
    {
        var batches = Batches(new BatchSettings(BatchKind.Full, Shuffle: true, Seed: 9), 4, 2);
        batches.ShouldAllBe(b => b.SequenceEqual(new[] { 0, 1, 2, 3 }));
    }

    [Fact]
    public void BatchSampler_RefusesAnEmptyDataset_AndAMiniBatchOfNoRows_ButNotAStochasticSizeOfZero()
    {
        Should.Throw<ArgumentNullException>(() => new BatchSampler(null!, 5));
        Should.Throw<ArgumentOutOfRangeException>(() => new BatchSampler(BatchSettings.Full, 0));
        Should.Throw<ArgumentException>(() => new BatchSampler(new BatchSettings(BatchKind.Mini, 0), 5)).Message.ShouldContain("Invalid batch size: 0");
        new BatchSampler(new BatchSettings(BatchKind.Mini, 1), 5).BatchesPerEpoch.ShouldBe(5);
        new BatchSampler(new BatchSettings(BatchKind.Stochastic, 0), 5).BatchesPerEpoch.ShouldBe(5); // the size is ignored: one row
    }

    [Fact]
    public void APerStepSchedule_WithMiniBatches_ChangesTheRateAtEveryUpdate_NotEveryEpoch()
    {
        // StepDecay(0.02, 1, 0.5) at t = step: 0.02·0.5^t, whatever the epoch (three batches of 2, 2, 1 per epoch).
        var run = new DescentRun(Settings(new LinearRegression(Line), [0, 0], 0, 4) with
        {
            Schedule = new StepDecay(0.02, 1, 0.5),
            Batch = new BatchSettings(BatchKind.Mini, 2, Shuffle: false),
        }).Finished();
        run.Trajectory.Take(4).Select(p => p.LearningRate!.Value).ShouldBe([0.02, 0.01, 0.005, 0.0025]);
    }

    [Fact]
    public void Diverged_OnlyOnceTheLossIsPastTheFactor_NotWhenItEqualsIt()
    {
        // J = θ², θ₀ = 1, α = 1.5: θ ← θ(1 − 2α) = −2θ, so J = 1, 4, 16 exactly (REFERENCE.md: θt = θ₀(1 − 2α)^t).
        // With the factor 4, J₁ = 4 is not past 4·J₀; J₂ = 16 is.
        var run = new DescentRun(Settings(new Quadratic1D(), [1], 1.5, 100) with { Stop = new StopCriteria(DivergenceFactor: 4) }).Finished();
        run.StopReason.ShouldBe(StopReason.Diverged);
        run.Current.Step.ShouldBe(2);
    }

    [Fact]
    public void Diverged_IsJudgedOnTheLoss_InTwoDimensions()
    {
        // ½(θ₁² + θ₂²) from (1, 1) with α = 3: θ ← −2θ, so J = 4^t (1, 4, 16, 64, 256); past 100·J₀ at t = 4, while the
        // parameters (±2^t) pass 100 only at t = 7.
        var run = new DescentRun(Settings(new QuadraticBowl([1.0, 1.0]), [1, 1], 3, 100) with { Stop = new StopCriteria(DivergenceFactor: 100) }).Finished();
        run.StopReason.ShouldBe(StopReason.Diverged);
        run.Current.Step.ShouldBe(4);
        run.Current.Loss.ShouldBe(256);
    }

    [Fact]
    public void ANaNLoss_StopsTheRun_EvenWhenTheStartsLossWasZero()
    {
        var run = new DescentRun(Settings(new ZeroThenNaN(), [0], 0.1, 10)).Finished();
        run.StopReason.ShouldBe(StopReason.Diverged);
        run.Current.Step.ShouldBe(1);
    }

    [Fact]
    public void Converged_WhenTheGradientNormEqualsTheTolerance()
    {
        // J = θ², θ₀ = 4, α = 0.25: θ halves (4, 2, 1, 0.5) and the gradient 2θ is 8, 4, 2, 1: equal to the tolerance 1 at t = 3.
        var run = new DescentRun(Settings(new Quadratic1D(), [4], 0.25, 100) with { Stop = new StopCriteria(GradientTolerance: 1) }).Finished();
        run.StopReason.ShouldBe(StopReason.Converged);
        run.Current.Step.ShouldBe(3);
    }

    [Fact]
    public void AFrozenBias_StaysPut_InASequentialUpdate_AndIsLeftOutOfTheGradientNorm()
    {
        // Housing-tiny from (0, 0), half-mse: ∇J = (−650, −400) (REFERENCE.md), α = 0.01. Frozen b: w = 6.5, b = 0, and the
        // norm convergence is judged on is |∂J/∂w| = 650 at the start, not √(650² + 400²).
        foreach (var update in new[] { UpdateMode.Sequential, UpdateMode.Simultaneous })
        {
            var run = new DescentRun(Settings(new LinearRegression(HousingTiny), [0, 0], 0.01, 1) with { Update = update, Frozen = [1] }).Finished();
            run.Current.Parameters.ShouldBeClose([6.5, 0]);
            run.Trajectory[0].GradientNorm.ShouldBeClose(650);
        }
    }

    [Fact]
    public void TheGradientNorm_IsTheLengthOfTheWholeGradient_InTwoDimensions()
    {
        // ∇J(0, 0) = (−650, −400) on housing-tiny (REFERENCE.md): ‖∇J‖ = √582500.
        var run = new DescentRun(Settings(new LinearRegression(HousingTiny), [0, 0], 0.01, 1)).Finished();
        run.Trajectory[0].GradientNorm.ShouldBeClose(Math.Sqrt(582_500));
        run.Trajectory[0].Loss.ShouldBeClose(85_000);
    }

    [Fact]
    public void RunToEnd_WithACancelledToken_StopsAfterABlockOf1024Steps_AndTheRunCanGoOn()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var run = new DescentRun(Settings(new Quadratic1D(), [4], 0.001, 5000));
        Should.Throw<OperationCanceledException>(() => run.RunToEnd(cancelled.Token));
        run.Trajectory.Count.ShouldBe(1025);
        run.IsFinished.ShouldBeFalse();
        run.Step().ShouldBeTrue();
    }

    [Fact]
    public void TheTrajectory_FindsItsOwnRecords_AndNoOthers()
    {
        var run = new DescentRun(Settings(new Quadratic1D(), [4], 0.1, 3)).Finished();
        var other = new DescentRun(Settings(new Quadratic1D(), [5], 0.1, 3)).Finished();
        var list = (IList<StepRecord>)run.Trajectory;
        list.IndexOf(run.Trajectory[0]).ShouldBe(0);
        list.IndexOf(run.Trajectory[3]).ShouldBe(3);
        list.IndexOf(other.Trajectory[2]).ShouldBe(-1);
        list.IndexOf(run.Trajectory[3] with { Step = 4 }).ShouldBe(-1);
        list.IndexOf(run.Trajectory[0] with { Step = -1 }).ShouldBe(-1);
        list.IndexOf(null!).ShouldBe(-1);
        list.Contains(run.Trajectory[0]).ShouldBeTrue();
        list.Contains(other.Trajectory[0]).ShouldBeFalse();
        Should.Throw<ArgumentNullException>(() => list.CopyTo(null!, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => run.Trajectory[4]).Message.ShouldContain("The trajectory has 4 points.");
        Should.Throw<ArgumentOutOfRangeException>(() => run.Trajectory[0].Parameters[1]).Message.ShouldContain("The list has 1 values.");
        Should.Throw<NotSupportedException>(() => list.Clear()).Message.ShouldContain("read-only");
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { "start-nan", "Invalid start: [NaN, 0]" },
        { "batch-size-0", "Invalid batch size: 0" },
        { "tolerance-negative", "Invalid gradientTolerance: -1" },
        { "tolerance-infinite", "Invalid gradientTolerance" },
        { "frozen-out-of-range", "Invalid frozen parameters: [2]" },
        { "frozen-negative", "Invalid frozen parameters: [-1]" },
        { "frozen-twice", "Invalid frozen parameters: [0, 0]" },
        { "frozen-all", "Invalid frozen parameters: [0, 1]" },
        { "divergence-1", "Invalid divergenceFactor: 1" },
        { "steps-above-limit", "Invalid steps: 1000001" },
        { "optimizer", "Invalid beta1: 1.5" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_NamesTheFirstBadSetting_WithItsValue(string which, string message)
    {
        var good = Settings(new LinearRegression(Line), [0, 0], 0.01, 10);
        var bad = which switch
        {
            "start-nan" => good with { Start = [double.NaN, 0] },
            "batch-size-0" => good with { Batch = new BatchSettings(BatchKind.Mini, 0) },
            "tolerance-negative" => good with { Stop = new StopCriteria(GradientTolerance: -1) },
            "tolerance-infinite" => good with { Stop = new StopCriteria(GradientTolerance: double.PositiveInfinity) },
            "frozen-out-of-range" => good with { Frozen = [2] },
            "frozen-negative" => good with { Frozen = [-1] },
            "frozen-twice" => good with { Frozen = [0, 0] },
            "frozen-all" => good with { Frozen = [0, 1] },
            "divergence-1" => good with { Stop = new StopCriteria(DivergenceFactor: 1) },
            "steps-above-limit" => good with { MaxSteps = DescentSettings.StepLimit + 1 },
            _ => good with { Optimizer = new AdamSettings(Beta1: 1.5) },
        };
        Should.Throw<ArgumentException>(bad.Validate).Message.ShouldContain(message);
        good.Validate();
    }

    [Fact]
    public void Validate_AcceptsTheLimits_AndRefusesNulls()
    {
        var good = Settings(new LinearRegression(Line), [0, 0], 0.01, DescentSettings.StepLimit);
        good.Validate();
        (good with { Frozen = [0], Batch = new BatchSettings(BatchKind.Mini, 1), Stop = new StopCriteria(0, 1.0000001) }).Validate();
        (good with { Batch = new BatchSettings(BatchKind.Stochastic, 0) }).Validate(); // a stochastic batch is one row whatever its size
        Should.Throw<ArgumentNullException>((good with { Objective = null! }).Validate);
        Should.Throw<ArgumentNullException>((good with { Start = null! }).Validate);
        Should.Throw<ArgumentNullException>((good with { Optimizer = null! }).Validate);
        Should.Throw<ArgumentNullException>(() => new DescentRun(null!));
    }

    /// <summary>J = 0 at the start and NaN (with a zero gradient) anywhere else.</summary>
    private sealed class ZeroThenNaN : IObjective
    {
        public int Dimension => 1;

        public IReadOnlyList<string> ParameterNames => ["θ"];

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
        {
            gradient[0] = point[0] == 0 ? 1 : 0;
            return point[0] == 0 ? 0 : double.NaN;
        }
    }
}
