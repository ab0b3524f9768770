using GradientLab.Lessons.Neuron;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Neuron;

public sealed class NeuronStepTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static (LiveSession Session, NeuronSettings Settings) Run(string preset)
    {
        var settings = NeuronSettings.FromPreset(preset);
        return (new LiveSession(settings.Scenario(preset)), settings);
    }

    [Fact]
    public void TheFirstStep_OfUnderprediction_HasTheHandDerivedFactors()
    {
        // Hand derivation (REFERENCE.md, the chain rule of L = (σ(wx + b) − y)²) at x = 2, y = 1, w = 0.5, b = 0.
        var (session, settings) = Run("neuron-underprediction");
        var step = new NeuronStep(session, settings);
        var yHat = Sigmoid(1);
        step.Trace.Z.ShouldBe(1, 1e-12);
        step.Trace.Prediction.ShouldBe(yHat, 1e-12);
        step.Trace.Loss.ShouldBe((yHat - 1) * (yHat - 1), 1e-12);
        step.Trace.DLossDPrediction.ShouldBe(2 * (yHat - 1), 1e-12);
        step.Trace.DPredictionDZ.ShouldBe(yHat * (1 - yHat), 1e-12);
        step.Trace.DZDWeight.ShouldBe(2);
        step.Trace.DLossDWeight.ShouldBe(2 * (yHat - 1) * yHat * (1 - yHat) * 2, 1e-12);
    }

    [Theory]
    [InlineData("neuron-underprediction")]
    [InlineData("neuron-overprediction")]
    [InlineData("neuron-cycle")]
    public void TheGradients_MatchCentralDifferences_AndTheUpdateUsesThem(string preset)
    {
        // Central differences as in Math.NET's test functions: 0.5 · (L(w + h) − L(w − h)) / h.
        var (session, settings) = Run(preset);
        session.Advance(3);
        var step = new NeuronStep(session, settings);
        double Loss(double w, double b) => Math.Pow(Sigmoid((w * settings.X) + b) - settings.Y, 2);
        const double h = 1e-6;
        step.Trace.DLossDWeight.ShouldBe(0.5 * (Loss(step.W + h, step.B) - Loss(step.W - h, step.B)) / h, 1e-7);
        step.Trace.DLossDBias.ShouldBe(0.5 * (Loss(step.W, step.B + h) - Loss(step.W, step.B - h)) / h, 1e-7);
        step.Iteration.ShouldBe(3);
        step.HasNext.ShouldBeTrue();
        step.WNext.ShouldBe(step.W - (settings.Alpha * step.Trace.DLossDWeight), 1e-12);
        step.BNext.ShouldBe(settings.TrainBias ? step.B - (settings.Alpha * step.Trace.DLossDBias) : step.B, 1e-12);
    }

    [Fact]
    public void TheLastStep_HasNoNext()
    {
        var (session, settings) = Run("neuron-underprediction");
        session.ToEnd();
        var step = new NeuronStep(session, settings);
        step.HasNext.ShouldBeFalse();
        step.WNext.ShouldBe(double.NaN);
        step.WShownNext.ShouldBe(step.W);
        step.Iteration.ShouldBe(NeuronSettings.Iterations);
    }

    [Theory]
    [InlineData("neuron-underprediction", "is negative (the loss falls as w grows) → w increases.")]
    [InlineData("neuron-overprediction", "is positive (the loss rises as w grows) → w decreases.")]
    public void TheHint_FollowsTheSignOfTheSlope(string preset, string ending)
    {
        var (session, settings) = Run(preset);
        var step = new NeuronStep(session, settings);
        step.Hint.ShouldStartWith($"∂L/∂w = {LiveSession.F(step.Trace.DLossDWeight)} ");
        step.Hint.ShouldEndWith(ending);
    }

    [Fact]
    public void TheHint_AtTheOptimum_SaysWStays()
    {
        // σ(0) = 0.5 = y, so the slope is exactly 0.
        var settings = new NeuronSettings(2, 0.5, 0, 0, 1, false);
        new NeuronStep(new LiveSession(settings.Scenario("custom")), settings).Hint.ShouldBe("∂L/∂w = 0: the slope is flat, so w stays.");
    }

    [Fact]
    public void TheBehaviour_OfEachPreset_SaysWhatTheRunDoes()
    {
        // The presets' own descriptions (Presets.cs): the oscillation converges by step 33, the cycle alternates near −0.23 and 0.43.
        var oscillation = Run("neuron-oscillation").Session;
        var w = oscillation.Trajectory.Select(p => p.Parameters[0]).ToArray();
        var settled = w.Length - 1;
        while (settled > 1 && Math.Abs(w[settled - 1] - w[settled - 2]) < 1e-3)
        {
            settled--; // walking back from the end: the first iteration from which every |Δw| is below 0.001
        }

        settled.ShouldBeLessThanOrEqualTo(33);
        var sentence = NeuronStep.Behaviour(oscillation);
        sentence.ShouldContain($"|Δw| stays below 0.001 from iteration {settled},");
        sentence.ShouldContain("flips sign");
        var cycle = NeuronStep.Behaviour(Run("neuron-cycle").Session);
        cycle.ShouldContain("two-step cycle");
        cycle.ShouldContain("-0.23");
        cycle.ShouldContain("0.43");
        var falls = Run("neuron-underprediction").Session;
        NeuronStep.Behaviour(falls).ShouldBe($"Over 60 iterations the loss falls every time, from {GradientLab.Plotting.NiceNumbers.Significant((Sigmoid(1) - 1) * (Sigmoid(1) - 1), 4)} to {GradientLab.Plotting.NiceNumbers.Significant(falls.Trajectory[^1].Loss, 4)}.");
    }

    [Fact]
    public void FromPreset_ReadsTheScenariosNumbers()
    {
        NeuronSettings.FromPreset("neuron-underprediction").ShouldBe(new NeuronSettings(2, 1, 0.5, 0, 1, false));
        NeuronSettings.FromPreset("neuron-cycle").ShouldBe(new NeuronSettings(2, 0.5, 0.5, 0, 4, true));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData(null)]
    public void TryParse_RejectsWhatIsNotAFiniteNumber_AndSaysSo(string? text)
    {
        NeuronSettings.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldBe($"'{text}' is not a number; nothing was changed.");
    }

    [Fact]
    public void TryParse_ReadsInvariantNumbers()
    {
        NeuronSettings.TryParse("-1.5e-2", out var value, out var error).ShouldBeTrue();
        value.ShouldBe(-0.015);
        error.ShouldBeNull();
    }

    [Fact]
    public void ANonPositiveLearningRate_IsRejectedByTheResolver()
    {
        var settings = new NeuronSettings(2, 1, 0.5, 0, -1, false);
        Should.Throw<ScenarioException>(() => new LiveSession(settings.Scenario("custom")));
    }
}
