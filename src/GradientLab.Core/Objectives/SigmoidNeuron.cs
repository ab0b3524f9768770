using GradientLab.Core.Data;

namespace GradientLab.Core.Objectives;

/// <summary>The per-sample losses of a sigmoid neuron.</summary>
public enum NeuronLoss
{
    /// <summary>L = (ŷ − y)², so ∂L/∂z = 2(ŷ − y)·ŷ(1 − ŷ).</summary>
    SquaredError,

    /// <summary>Binary cross-entropy L = −[y ln ŷ + (1 − y) ln(1 − ŷ)], so ∂L/∂z = ŷ − y.</summary>
    BinaryCrossEntropy,
}

/// <summary>Every number of the chain rule for one sample of a one-input sigmoid neuron.</summary>
/// <param name="Z">z = w·x + b.</param>
/// <param name="Prediction">ŷ = σ(z).</param>
/// <param name="Loss">L = (ŷ − y)², or the cross-entropy.</param>
/// <param name="DLossDPrediction">∂L/∂ŷ: 2(ŷ − y) for the squared error; −y/ŷ + (1 − y)/(1 − ŷ) for cross-entropy.</param>
/// <param name="DPredictionDZ">∂ŷ/∂z = ŷ(1 − ŷ).</param>
/// <param name="DZDWeight">∂z/∂w = x.</param>
/// <param name="DLossDWeight">∂L/∂w = ∂L/∂ŷ · ∂ŷ/∂z · ∂z/∂w.</param>
/// <param name="DLossDBias">∂L/∂b = ∂L/∂ŷ · ∂ŷ/∂z · 1.</param>
public sealed record NeuronTrace(
    double Z,
    double Prediction,
    double Loss,
    double DLossDPrediction,
    double DPredictionDZ,
    double DZDWeight,
    double DLossDWeight,
    double DLossDBias);

/// <summary>
/// One sigmoid neuron z = w·x + b, ŷ = σ(z), its loss averaged over the samples. Parameters [w₁ … w_d, b].
/// </summary>
public sealed class SigmoidNeuron : ISampledObjective
{
    private readonly Dataset _data;

    /// <summary>Creates the objective over <paramref name="data"/> with the given per-sample loss.</summary>
    public SigmoidNeuron(Dataset data, NeuronLoss loss = NeuronLoss.SquaredError)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        Loss = loss;
        ParameterNames = ObjectiveExtensions.WeightsThenBias(data.FeatureCount);
    }

    /// <summary>The samples.</summary>
    public Dataset Data => _data;

    /// <summary>The per-sample loss.</summary>
    public NeuronLoss Loss { get; }

    /// <inheritdoc/>
    public int Dimension => _data.FeatureCount + 1;

    /// <inheritdoc/>
    public int SampleCount => _data.SampleCount;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>σ(z) = 1/(1 + e^(−z)), computed without overflow for large |z|.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        var ez = Math.Exp(z);
        return ez / (1 + ez);
    }

    /// <summary>
    /// Binary cross-entropy as a function of z (not of ŷ), stable for every z:
    /// L = max(z, 0) − y·z + ln(1 + e^(−|z|)).
    /// </summary>
    public static double BinaryCrossEntropyOfLogit(double z, double target) =>
        Math.Max(z, 0) - (target * z) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    /// <summary>The forward and backward pass of one sample through a one-input neuron, factor by factor.</summary>
    /// <remarks>∂L/∂w and ∂L/∂b are those of <see cref="Evaluate(ReadOnlySpan{double}, Span{double})"/> when the data is this one sample.</remarks>
    public static NeuronTrace Trace(double weight, double bias, double x, double target, NeuronLoss loss = NeuronLoss.SquaredError)
    {
        var z = (weight * x) + bias;
        var prediction = Sigmoid(z);
        var slope = prediction * (1 - prediction);
        double value, dLossDPrediction, dLossDz;
        if (loss == NeuronLoss.SquaredError)
        {
            value = (prediction - target) * (prediction - target);
            dLossDPrediction = 2 * (prediction - target);
            dLossDz = dLossDPrediction * slope;
        }
        else
        {
            value = BinaryCrossEntropyOfLogit(z, target);
            dLossDPrediction = (-target / prediction) + ((1 - target) / (1 - prediction));
            dLossDz = prediction - target;
        }

        return new NeuronTrace(z, prediction, value, dLossDPrediction, slope, x, dLossDz * x, dLossDz);
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        this.RequireDimension(point, gradient);
        gradient.Clear();
        var total = 0.0;
        for (var row = 0; row < _data.SampleCount; row++)
        {
            total += Accumulate(point, gradient, row);
        }

        return ObjectiveExtensions.MeanOver(total, gradient, _data.SampleCount);
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows)
    {
        this.RequireBatch(point, gradient, rows);

        gradient.Clear();
        var total = 0.0;
        foreach (var row in rows)
        {
            total += Accumulate(point, gradient, row);
        }

        return ObjectiveExtensions.MeanOver(total, gradient, rows.Length);
    }

    private double Accumulate(ReadOnlySpan<double> point, Span<double> gradient, int row)
    {
        var featureCount = _data.FeatureCount;
        var z = point[featureCount];
        for (var j = 0; j < featureCount; j++)
        {
            z += point[j] * _data.Column(j)[row];
        }

        var target = _data.Targets[row];
        var prediction = Sigmoid(z);
        double loss, dLossDz;
        if (Loss == NeuronLoss.SquaredError)
        {
            loss = (prediction - target) * (prediction - target);
            dLossDz = 2 * (prediction - target) * prediction * (1 - prediction);
        }
        else
        {
            loss = BinaryCrossEntropyOfLogit(z, target);
            dLossDz = prediction - target;
        }

        for (var j = 0; j < featureCount; j++)
        {
            gradient[j] += dLossDz * _data.Column(j)[row];
        }

        gradient[featureCount] += dLossDz;
        return loss;
    }
}
