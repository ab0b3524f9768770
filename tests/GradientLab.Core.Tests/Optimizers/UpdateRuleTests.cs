using GradientLab.Core.Optimizers;

namespace GradientLab.Core.Tests.Optimizers;

/// <summary>
/// Each update rule of REFERENCE.md (PyTorch's torch.optim semantics), checked on gradients whose updates can be done by
/// hand: the first steps from zero state, and a constant gradient.
/// </summary>
public sealed class UpdateRuleTests
{
    private static double[] StepOnce(OptimizerSettings settings, double[] theta, double[] gradient, double rate, int times = 1)
    {
        var optimizer = settings.Create(theta.Length);
        var parameters = (double[])theta.Clone();
        for (var i = 0; i < times; i++)
        {
            optimizer.Step(parameters, gradient, rate);
        }

        return parameters;
    }

    [Fact]
    public void Step_WithZeroGradient_LeavesParametersUnchanged()
    {
        OptimizerSettings[] all = [new GradientDescentSettings(), new SgdSettings(0.9, Nesterov: true), new AdamSettings(), new AdaGradSettings(), new RmsPropSettings(Centered: true, Momentum: 0.5)];
        foreach (var settings in all)
        {
            StepOnce(settings, [1.5, -2.0], [0, 0], 0.1, times: 3).ShouldBe([1.5, -2.0]);
        }
    }

    [Fact]
    public void Sgd_WeightDecay_AddsLambdaThetaToTheGradient()
    {
        // g = 2 + 0.1·3 = 2.3, θ = 3 − 0.5·2.3
        StepOnce(new SgdSettings(WeightDecay: 0.1), [3], [2], 0.5)[0].ShouldBeClose(1.85);
    }

    [Fact]
    public void Sgd_PyTorchMomentum_StartsItsBufferAtTheFirstGradient_ThenDampens()
    {
        // t = 1: buf = g = 1 → θ = −0.1. t = 2: buf = 0.9·1 + (1 − 0.5)·1 = 1.4 → θ = −0.1 − 0.14.
        StepOnce(new SgdSettings(Momentum: 0.9, Dampening: 0.5), [0], [1], 0.1, times: 2)[0].ShouldBeClose(-0.24);
    }

    [Fact]
    public void Nesterov_LooksAheadAlongTheBuffer()
    {
        // t = 1: buf = g; direction = g + μ·buf = 1.9g. t = 2: buf = 0.9 + 1 = 1.9; direction = 1 + 0.9·1.9 = 2.71.
        StepOnce(new SgdSettings(Momentum: 0.9, Nesterov: true), [0], [1], 0.1, times: 2)[0].ShouldBeClose(-0.19 - 0.271);
    }

    [Fact]
    public void EmaMomentum_AveragesTheGradient()
    {
        // v1 = 0.1·g = 0.2 → θ = 1 − 0.5·0.2; v2 = 0.9·0.2 + 0.1·2 = 0.38 → θ −= 0.5·0.38.
        StepOnce(new SgdSettings(Momentum: 0.9, MomentumForm: MomentumForm.Ema), [1], [2], 0.5, times: 2)[0].ShouldBeClose(1 - 0.1 - 0.19);
    }

    [Fact]
    public void ScaledMomentum_EqualsPyTorchMomentum_WhileTheRateIsConstant()
    {
        var random = new Random(11);
        var pytorch = new SgdSettings(Momentum: 0.7).Create(1);
        var scaled = new SgdSettings(Momentum: 0.7, MomentumForm: MomentumForm.Scaled).Create(1);
        double[] a = [0.3], b = [0.3];
        for (var i = 0; i < 50; i++)
        {
            double[] g = [random.NextDouble() - 0.5];
            pytorch.Step(a, g, 0.05);
            scaled.Step(b, g, 0.05);
            b[0].ShouldBeClose(a[0], 1e-12, 1e-15);
        }
    }

    [Fact]
    public void Adam_FirstStep_MovesEachParameterByTheRate_AgainstTheGradientSign()
    {
        // m̂1 = g, v̂1 = g², so θ1 = θ0 − γ·g/(|g| + ε).
        StepOnce(new AdamSettings(), [1, 1], [250, -0.004], 0.01).ShouldBeClose([1 - (0.01 * 250 / (250 + 1e-8)), 1 + (0.01 * 0.004 / (0.004 + 1e-8))]);
    }

    [Fact]
    public void Adam_WithAConstantGradient_StepsByTheRateEveryTime()
    {
        // Bias correction makes m̂ = g and v̂ = g² at every t when g never changes.
        StepOnce(new AdamSettings(), [0], [3], 0.1, times: 10)[0].ShouldBeClose(-10 * 0.1 * 3 / (3 + 1e-8), 1e-12);
    }

    [Fact]
    public void Adam_State_AfterStep1_Is_OneMinusBeta_TimesGAndGSquared()
    {
        var adam = new AdamSettings().Create(1);
        adam.Step(new double[] { 0 }, [2], 0.1);
        var state = adam.State.ToDictionary(s => s.Name, s => s.Values[0], StringComparer.Ordinal);
        state["firstMoment"].ShouldBeClose(0.1 * 2);
        state["secondMoment"].ShouldBeClose(0.001 * 4);
        state["firstMomentCorrected"].ShouldBeClose(2);
        state["secondMomentCorrected"].ShouldBeClose(4, 1e-12);
    }

    [Fact]
    public void AdamW_DecaysTheWeightsDirectly_WhereAdamAddsTheDecayToTheGradient()
    {
        // θ = 10, g = 1, γ = 0.1, λ = 0.5.
        // AdamW: θ ← 10·(1 − 0.05) = 9.5, then 9.5 − 0.1·1/(1 + ε).
        // Adam with L2: g' = 1 + 5 = 6, then 10 − 0.1·6/(6 + ε): the decay disappears into the normalisation.
        StepOnce(new AdamWSettings(WeightDecay: 0.5), [10], [1], 0.1)[0].ShouldBeClose(9.5 - (0.1 / (1 + 1e-8)));
        StepOnce(new AdamSettings(WeightDecay: 0.5), [10], [1], 0.1)[0].ShouldBeClose(10 - (0.1 * 6 / (6 + 1e-8)));
    }

    [Fact]
    public void AdamW_DefaultsToWeightDecay001() => new AdamWSettings().WeightDecay.ShouldBe(0.01);

    [Fact]
    public void AmsGrad_DividesByTheLargestSecondMomentSoFar()
    {
        // A large gradient, then small ones: plain Adam's v̂ shrinks and its steps grow back; AMSGrad's do not.
        var ams = new AdamSettings(AmsGrad: true).Create(1);
        var plain = new AdamSettings().Create(1);
        double[] a = [0], p = [0];
        ams.Step(a, [100], 0.1);
        plain.Step(p, [100], 0.1);
        for (var i = 0; i < 20; i++)
        {
            var beforeA = a[0];
            var beforeP = p[0];
            ams.Step(a, [1], 0.1);
            plain.Step(p, [1], 0.1);
            Math.Abs(a[0] - beforeA).ShouldBeLessThanOrEqualTo(Math.Abs(p[0] - beforeP) + 1e-15);
        }

        var maxima = ams.State.Single(s => s.Name == "maxSecondMomentCorrected").Values[0];
        maxima.ShouldBeGreaterThan(ams.State.Single(s => s.Name == "secondMomentCorrected").Values[0]);
    }

    [Fact]
    public void AdaGrad_DividesByTheRootOfTheSummedSquares_WithLearningRateDecay()
    {
        // t = 1: s = 4, θ = 1 − 0.5·2/2 = 0.5. t = 2: γ̃ = 0.5/(1 + 1·0.5), s = 8, θ = 0.5 − (1/3)·2/√8.
        var theta = StepOnce(new AdaGradSettings(LearningRateDecay: 0.5), [1], [2], 0.5, times: 2)[0];
        theta.ShouldBeClose(1 - (0.5 * 2 / (2 + 1e-10)) - ((0.5 / 1.5) * 2 / (Math.Sqrt(8) + 1e-10)), 1e-12);
    }

    [Fact]
    public void AdaGrad_InitialAccumulator_StartsTheSum()
    {
        StepOnce(new AdaGradSettings(InitialAccumulator: 5), [0], [2], 1)[0].ShouldBeClose(-2 / (3 + 1e-10));
    }

    [Fact]
    public void RmsProp_FirstStep_DividesByTheRootOfOneMinusAlphaTimesGSquared()
    {
        // v = 0.01·g², so θ = −γ·g/(0.1|g| + ε) ≈ −10γ.
        StepOnce(new RmsPropSettings(), [0], [3], 0.01)[0].ShouldBeClose(-0.01 * 3 / ((0.1 * 3) + 1e-8));
    }

    [Fact]
    public void RmsProp_Centered_SubtractsTheSquaredMeanGradient()
    {
        // v − ḡ² = 0.01·g² − 0.0001·g² = 0.0099·g².
        StepOnce(new RmsPropSettings(Centered: true), [0], [3], 0.01)[0].ShouldBeClose(-0.01 * 3 / ((Math.Sqrt(0.0099) * 3) + 1e-8), 1e-12);
    }

    [Fact]
    public void RmsProp_Momentum_AccumulatesTheScaledSteps()
    {
        var single = -0.01 * 3 / ((0.1 * 3) + 1e-8);
        var first = StepOnce(new RmsPropSettings(Momentum: 0.9), [0], [3], 0.01)[0];
        first.ShouldBeClose(single);
    }

    [Theory]
    [InlineData("beta1", "Invalid beta1: 1 ")]
    [InlineData("beta2", "Invalid beta2: -0.1 ")]
    [InlineData("momentum", "Invalid momentum: 1.5 ")]
    [InlineData("nesterov", "Nesterov momentum needs momentum > 0")]
    [InlineData("nesterov-dampening", "Nesterov momentum needs momentum > 0 and dampening = 0 (got momentum 0.9, dampening 0.1)")]
    [InlineData("weightDecay", "Invalid weightDecay: -1 ")]
    [InlineData("alpha", "Invalid alpha: 1 ")]
    [InlineData("epsilon", "Invalid epsilon: NaN ")]
    public void InvalidSettings_AreRejected_WithAMessageNamingTheValue(string setting, string message)
    {
        OptimizerSettings settings = setting switch
        {
            "beta1" => new AdamSettings(Beta1: 1),
            "beta2" => new AdamWSettings(Beta2: -0.1),
            "momentum" => new SgdSettings(Momentum: 1.5),
            "nesterov" => new SgdSettings(Nesterov: true),
            "nesterov-dampening" => new SgdSettings(0.9, 0.1, Nesterov: true),
            "weightDecay" => new AdaGradSettings(WeightDecay: -1),
            "alpha" => new RmsPropSettings(Alpha: 1),
            _ => new AdamSettings(Epsilon: double.NaN),
        };
        Should.Throw<ArgumentException>(() => settings.Create(2)).Message.ShouldContain(message);
    }
}
