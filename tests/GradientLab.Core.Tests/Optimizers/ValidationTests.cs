using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Optimizers;

/// <summary>
/// Every hyperparameter outside its range is refused with a message that names it and its value (the survivors of a
/// Stryker run on Optimizers/ and Schedules/ were these checks, each removable without a test noticing).
/// </summary>
public sealed class ValidationTests
{
    public static TheoryData<OptimizerSettings, string> BadOptimizers => new()
    {
        { new AdaGradSettings(LearningRateDecay: -1), "Invalid lrDecay: -1" },
        { new AdaGradSettings(InitialAccumulator: -0.5), "Invalid initialAccumulator: -0.5" },
        { new AdaGradSettings(Epsilon: -1e-10), "Invalid epsilon: -1E-10" },
        { new AdaGradSettings(WeightDecay: double.NaN), "Invalid weightDecay: NaN" },
        { new AdamSettings(WeightDecay: -0.1), "Invalid weightDecay: -0.1" },
        { new AdamSettings(Beta1: 1), "Invalid beta1: 1" },
        { new AdamWSettings(Beta2: -0.5), "Invalid beta2: -0.5" },
        { new RmsPropSettings(Epsilon: -1), "Invalid epsilon: -1" },
        { new RmsPropSettings(Momentum: 1), "Invalid momentum: 1" },
        { new RmsPropSettings(WeightDecay: -2), "Invalid weightDecay: -2" },
        { new SgdSettings(Momentum: 0.9, Dampening: 1.5), "Invalid dampening: 1.5" },
        { new SgdSettings(Momentum: 0.9, Dampening: -0.5), "Invalid dampening: -0.5" },
        { new SgdSettings(WeightDecay: -1), "Invalid weightDecay: -1" },
        { new SgdSettings(Momentum: 0.9, Nesterov: true, MomentumForm: MomentumForm.Ema), "Nesterov and dampening belong to the PyTorch momentum form" },
        { new SgdSettings(Momentum: 0.9, Dampening: 0.1, MomentumForm: MomentumForm.Scaled), "Nesterov and dampening belong to the PyTorch momentum form" },
    };

    [Theory]
    [MemberData(nameof(BadOptimizers))]
    public void ABadHyperparameter_IsRefused_NamingItAndItsValue(OptimizerSettings settings, string message) =>
        Should.Throw<ArgumentException>(() => settings.Create(2)).Message.ShouldContain(message);

    [Fact]
    public void GoodEdgeValues_AreAccepted()
    {
        new SgdSettings(Momentum: 0.9, Dampening: 1).Create(2).Dimension.ShouldBe(2);
        new SgdSettings(Momentum: 0.9, Dampening: 0).Create(2).Dimension.ShouldBe(2);
        new AdaGradSettings(LearningRateDecay: 0, InitialAccumulator: 0, WeightDecay: 0).Create(1).Dimension.ShouldBe(1);
    }

    public static TheoryData<ILearningRateSchedule, string> BadSchedules => new()
    {
        { new ConstantRate(-1), "Invalid learningRate: -1" },
        { new StepDecay(-0.1, 10, 0.5), "Invalid learningRate: -0.1" },
        { new StepDecay(0.1, 0, 0.5), "Invalid stepSize: 0" },
        { new StepDecay(0.1, 10, 0), "Invalid gamma: 0" },
        { new ExponentialDecay(double.NaN, 0.9), "Invalid learningRate: NaN" },
        { new ExponentialDecay(0.1, -0.9), "Invalid gamma: -0.9" },
        { new InverseTimeDecay(-1, 0.1), "Invalid learningRate: -1" },
        { new InverseTimeDecay(0.1, -0.1), "Invalid decay: -0.1" },
        { new InverseTimeDecay(0.1, 0.1, 0), "Invalid period: 0" },
        { new CosineAnnealing(-0.1, 0, 100), "Invalid learningRate: -0.1" },
        { new CosineAnnealing(0.1, -0.01, 100), "Invalid minLearningRate: -0.01" },
        { new CosineAnnealing(0.1, 0, 0), "Invalid period: 0" },
        { new WarmupCosine(-0.1, 0, 10, 100), "Invalid learningRate: -0.1" },
        { new WarmupCosine(0.1, -1, 10, 100), "Invalid minLearningRate: -1" },
        { new WarmupCosine(0.1, 0, -1, 100), "Invalid warmupSteps: -1" },
        { new OneCycle(-1, 100), "Invalid learningRate: -1" },
        { new OneCycle(0.1, 1), "Invalid totalSteps: 1" },
        { new OneCycle(0.1, 100, 0), "pctStart" },
        { new OneCycle(0.1, 100, 1), "pctStart" },
    };

    [Theory]
    [MemberData(nameof(BadSchedules))]
    public void ABadSchedule_IsRefused_NamingTheSettingAndItsValue(ILearningRateSchedule schedule, string message) =>
        Should.Throw<ArgumentException>(() => ScheduleValidation.Validate(schedule)).Message.ShouldContain(message);

    [Fact]
    public void AnOptimizer_RefusesMisuse()
    {
        Should.Throw<ArgumentException>(() => new GradientDescentSettings().Create(0));
        var optimizer = new SgdSettings(Momentum: 0.9).Create(2);
        Should.Throw<InvalidOperationException>(() => optimizer.UpdateCoordinate(0, 1, 1, 0.1)).Message.ShouldContain("Call BeginStep");
        Should.Throw<ArgumentException>(() => optimizer.Step(new double[2], new double[3], 0.1)).Message.ShouldContain("Expected 2");
        Should.Throw<ArgumentException>(() => optimizer.Step(new double[3], new double[2], 0.1)).Message.ShouldContain("Expected 2");
        optimizer.BeginStep();
        Should.Throw<ArgumentOutOfRangeException>(() => optimizer.UpdateCoordinate(-1, 1, 1, 0.1));
        Should.Throw<ArgumentOutOfRangeException>(() => optimizer.UpdateCoordinate(2, 1, 1, 0.1));
    }

    [Fact]
    public void EachOptimizer_NamesItsState_BeforeAndAfterTheFirstStep()
    {
        new GradientDescentSettings().Kind.ShouldBe("gd");
        new SgdSettings().Create(2).State.ShouldBeEmpty(); // no momentum: no velocity to show
        new SgdSettings(Momentum: 0.9).Create(2).State.Select(s => s.Name).ShouldBe(["velocity"]);
        new AdaGradSettings().Create(2).State.Select(s => s.Name).ShouldBe(["squaredGradientSum"]);
        new RmsPropSettings().Create(2).State.Select(s => s.Name).ShouldBe(["squareAverage"]);
        new RmsPropSettings(Momentum: 0.5, Centered: true).Create(2).State.Select(s => s.Name).ShouldBe(["squareAverage", "gradientAverage", "momentumBuffer"]);

        var adam = new AdamSettings(AmsGrad: true).Create(1);
        adam.State.Where(s => s.Name.EndsWith("Corrected", StringComparison.Ordinal)).ShouldAllBe(s => s.Values.All(v => v == 0)); // before any step
        double[] theta = [1];
        adam.Step(theta, [2.0], 0.1);
        adam.State.Single(s => s.Name == "firstMomentCorrected").Values[0].ShouldBe(2, 1e-12);      // m̂₁ = g
        adam.State.Single(s => s.Name == "secondMomentCorrected").Values[0].ShouldBe(4, 1e-12);     // v̂₁ = g²
        adam.State.Single(s => s.Name == "maxSecondMomentCorrected").Values[0].ShouldBe(4, 1e-12);  // max of raw v, corrected
    }

    [Fact]
    public void CenteredRmsProp_SubtractsTheSquaredMeanGradient()
    {
        // torch.optim.RMSprop(centered=True), first step from θ = 0 with g = 1, α = 0.99: v = 0.01, ḡ = 0.01,
        // θ₁ = −γ·g/(√(v − ḡ²) + ε) = −0.1/√(0.0099)
        var optimizer = new RmsPropSettings(Centered: true, Epsilon: 0).Create(1);
        double[] theta = [0];
        optimizer.Step(theta, [1.0], 0.1);
        theta[0].ShouldBe(-0.1 / Math.Sqrt(0.01 - 0.0001), 1e-12);
        optimizer.State.Single(s => s.Name == "gradientAverage").Values[0].ShouldBe(0.01, 1e-15);
    }

    [Fact]
    public void WarmupAndOneCycle_MeetAtTheirBoundaries()
    {
        var warmup = new WarmupCosine(0.1, 0.001, 10, 110);
        warmup.At(10).ShouldBe(0.1, 1e-15);    // the end of the warm-up is the peak, where the cosine starts
        warmup.At(9).ShouldBe(0.09, 1e-15);    // γ·t/w before it
        new WarmupCosine(0.1, 0.001, 10, 10).At(10).ShouldBe(0.001, 1e-15); // no cosine span: the minimum
        var cycle = new OneCycle(0.1, 100, 0.3);
        const int peak = 29; // (0.3 · 100) − 1, as torch.optim.lr_scheduler.OneCycleLR places it
        cycle.At(peak).ShouldBe(0.1, 1e-15);
        cycle.At(peak + 1).ShouldBeLessThan(0.1);
    }
}
