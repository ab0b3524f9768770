using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

public sealed class SigmoidNeuronTests
{
    [Fact]
    public void SquaredError_OneSample_FollowsTheChainRuleByHand()
    {
        // x = 2, y = 1, w = 0.5, b = 0: z = 1, ŷ = σ(1), L = (ŷ − 1)²,
        // ∂L/∂w = 2(ŷ − y) · ŷ(1 − ŷ) · x and ∂L/∂b = 2(ŷ − y) · ŷ(1 − ŷ).
        var neuron = new SigmoidNeuron(Dataset.FromPairs([2.0], [1.0]));
        var yHat = 1 / (1 + Math.Exp(-1));
        var gradient = new double[2];
        neuron.Evaluate([0.5, 0.0], gradient).ShouldBeClose((yHat - 1) * (yHat - 1));
        gradient[0].ShouldBeClose(2 * (yHat - 1) * yHat * (1 - yHat) * 2);
        gradient[1].ShouldBeClose(2 * (yHat - 1) * yHat * (1 - yHat));
        gradient[0].ShouldBeLessThan(0, "underprediction: the slope is negative, so w goes up");
    }

    [Fact]
    public void BinaryCrossEntropy_HasDerivative_YHatMinusY()
    {
        var neuron = new SigmoidNeuron(Dataset.FromPairs([1.5], [0.0]), NeuronLoss.BinaryCrossEntropy);
        var gradient = new double[2];
        var loss = neuron.Evaluate([0.4, 0.1], gradient);
        var yHat = SigmoidNeuron.Sigmoid(0.7);
        loss.ShouldBeClose(-Math.Log(1 - yHat), 1e-14);
        gradient.ShouldBeClose([yHat * 1.5, yHat], 1e-14);
    }

    [Theory]
    [InlineData(800.0, 0.0, 800.0)]
    [InlineData(-800.0, 1.0, 800.0)]
    [InlineData(800.0, 1.0, 0.0)]
    public void BinaryCrossEntropy_StaysFinite_WhenTheSigmoidSaturates(double z, double y, double expected)
    {
        // Naively, ln(1 − σ(800)) = ln(0) = −∞; in terms of z the loss is simply ≈ |z| when wrong, ≈ 0 when right.
        SigmoidNeuron.BinaryCrossEntropyOfLogit(z, y).ShouldBeClose(expected, 1e-12, 1e-300);
    }

    [Fact]
    public void Sigmoid_IsSymmetricAndNeverOverflows()
    {
        SigmoidNeuron.Sigmoid(0).ShouldBe(0.5);
        SigmoidNeuron.Sigmoid(2).ShouldBeClose(1 - SigmoidNeuron.Sigmoid(-2), 1e-15);
        SigmoidNeuron.Sigmoid(-1000).ShouldBe(0.0);
        SigmoidNeuron.Sigmoid(1000).ShouldBe(1.0);
    }
}

public sealed class NeuronTraceTests
{
    [Theory]
    [InlineData(0.5, 0.0, 2.0, 1.0)]
    [InlineData(0.5, 0.0, 2.0, 0.0)]
    [InlineData(-1.3, 0.4, -0.7, 0.5)]
    public void Trace_FactorsMultiplyToTheObjectivesGradient(double w, double b, double x, double y)
    {
        var trace = SigmoidNeuron.Trace(w, b, x, y);
        var gradient = new double[2];
        var loss = new SigmoidNeuron(GradientLab.Core.Data.Dataset.FromPairs([x], [y])).Evaluate([w, b], gradient);
        trace.Loss.ShouldBeClose(loss, 1e-15);
        (trace.DLossDPrediction * trace.DPredictionDZ * trace.DZDWeight).ShouldBeClose(gradient[0], 1e-14, 1e-16);
        trace.DLossDWeight.ShouldBeClose(gradient[0], 1e-14, 1e-16);
        trace.DLossDBias.ShouldBeClose(gradient[1], 1e-14, 1e-16);
        trace.Z.ShouldBeClose((w * x) + b);
        trace.DZDWeight.ShouldBe(x);
    }

    [Fact]
    public void Trace_WithCrossEntropy_HasDLossDZ_YHatMinusY()
    {
        var trace = SigmoidNeuron.Trace(0.5, 0, 2, 1, NeuronLoss.BinaryCrossEntropy);
        (trace.DLossDPrediction * trace.DPredictionDZ).ShouldBeClose(trace.Prediction - 1, 1e-12);
        trace.DLossDBias.ShouldBeClose(trace.Prediction - 1, 1e-15);
    }
}
