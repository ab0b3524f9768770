using GradientLab.Core.Data;

namespace GradientLab.Core.Objectives;

/// <summary>
/// A model that gives each input the probability of class 1, trained by the mean binary cross-entropy over its data:
/// <see cref="LogisticRegression"/> and <see cref="NeuralNetwork"/>.
/// </summary>
public interface IBinaryClassifier : ISampledObjective
{
    /// <summary>The labelled samples (every target 0 or 1, or between).</summary>
    Dataset Data { get; }

    /// <summary>ŷ = P(class 1 | <paramref name="features"/>) under <paramref name="parameters"/>.</summary>
    double Probability(ReadOnlySpan<double> parameters, ReadOnlySpan<double> features);
}

/// <summary>Measures of a classifier on its own data.</summary>
public static class Classification
{
    /// <summary>
    /// The fraction of rows classified right: ŷ ≥ 0.5 predicts class 1, and a row is right when that matches a target
    /// of 1 (targets below 0.5 count as class 0).
    /// </summary>
    public static double Accuracy(this IBinaryClassifier model, ReadOnlySpan<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(model);
        var data = model.Data;
        Span<double> features = stackalloc double[data.FeatureCount];
        var right = 0;
        for (var row = 0; row < data.SampleCount; row++)
        {
            for (var j = 0; j < features.Length; j++)
            {
                features[j] = data.Column(j)[row];
            }

            if (model.Probability(parameters, features) >= 0.5 == data.Targets[row] >= 0.5)
            {
                right++;
            }
        }

        return (double)right / data.SampleCount;
    }

    /// <summary>Refuses targets outside [0, 1], which binary cross-entropy has no meaning for.</summary>
    internal static void RequireProbabilities(Dataset data)
    {
        var targets = data.Targets;
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] is < 0 or > 1)
            {
                throw new ArgumentException($"Binary cross-entropy needs targets from 0 to 1; '{data.TargetName}' is {targets[i]} in row {i + 1}.", nameof(data));
            }
        }
    }
}

/// <summary>
/// Logistic regression: ŷ = σ(w·x + b), trained by the binary cross-entropy averaged over the samples (the batch, for a
/// mini-batch). Parameters [w₁ … w_d, b]. It is the <see cref="SigmoidNeuron"/> with
/// <see cref="NeuronLoss.BinaryCrossEntropy"/>, whose loss is computed from z, not from ŷ (stable for every z:
/// <see cref="SigmoidNeuron.BinaryCrossEntropyOfLogit"/>), and whose gradient is ∂L/∂z = (ŷ − y)/m per sample. Its loss is
/// convex in the parameters, so every start reaches the same least loss when there is one (classes that overlap).
/// </summary>
public sealed class LogisticRegression : IBinaryClassifier
{
    private readonly SigmoidNeuron _neuron;

    /// <summary>Creates the objective over <paramref name="data"/>, whose targets must lie in [0, 1].</summary>
    /// <exception cref="ArgumentException">A target below 0 or above 1.</exception>
    public LogisticRegression(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Classification.RequireProbabilities(data);
        _neuron = new SigmoidNeuron(data, NeuronLoss.BinaryCrossEntropy);
    }

    /// <inheritdoc/>
    public Dataset Data => _neuron.Data;

    /// <inheritdoc/>
    public int Dimension => _neuron.Dimension;

    /// <inheritdoc/>
    public int SampleCount => _neuron.SampleCount;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames => _neuron.ParameterNames;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient) => _neuron.Evaluate(point, gradient);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows) => _neuron.Evaluate(point, gradient, rows);

    /// <inheritdoc/>
    public double Probability(ReadOnlySpan<double> parameters, ReadOnlySpan<double> features) =>
        SigmoidNeuron.Sigmoid(LinearRegression.Predict(parameters, features));

    /// <summary>
    /// Seeded starting parameters: the weights from U(−1/√d, 1/√d) (PyTorch's default for <c>nn.Linear</c>, d inputs),
    /// the bias 0. The loss being convex, the start changes the path, not where it ends.
    /// </summary>
    public double[] Initialize(int seed)
    {
        var random = new Random(seed);
        var limit = 1 / Math.Sqrt(Data.FeatureCount);
        var parameters = new double[Dimension];
        for (var j = 0; j < Data.FeatureCount; j++)
        {
            parameters[j] = limit * ((2 * random.NextDouble()) - 1);
        }

        return parameters;
    }
}
