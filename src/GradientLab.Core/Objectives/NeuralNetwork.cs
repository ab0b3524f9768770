using System.Globalization;
using GradientLab.Core.Data;

namespace GradientLab.Core.Objectives;

/// <summary>The activation φ of a network's hidden units.</summary>
public enum Activation
{
    /// <summary>φ(z) = tanh z; φ′(z) = 1 − a².</summary>
    Tanh,

    /// <summary>φ(z) = max(z, 0); φ′(z) = 1 for z &gt; 0 and 0 otherwise (0 at z = 0, as PyTorch).</summary>
    Relu,

    /// <summary>φ(z) = σ(z) = 1/(1 + e^(−z)); φ′(z) = a(1 − a).</summary>
    Sigmoid,
}

/// <summary>
/// The shape of a small fully connected network: <see cref="InputCount"/> inputs, zero to two hidden layers of 1 to 8
/// units with one <see cref="Activation"/>, and one sigmoid output unit. Zero hidden layers is logistic regression.
/// </summary>
/// <remarks>
/// <para>
/// The parameters are one flat vector, layer after layer ℓ = 1 … L + 1 (L hidden layers, then the output layer), each
/// layer its weight matrix W^ℓ row-major, then its biases b^ℓ. W^ℓ has one row per unit of layer ℓ and one column per
/// unit of layer ℓ − 1 (layer 0 is the input), so W^ℓ[i, j] multiplies input j of unit i. For 2 inputs and one hidden
/// layer of 4 units: [W¹ (4 × 2: w1_1_1, w1_1_2, w1_2_1, …, w1_4_2), b¹ (b1_1 … b1_4), W² (1 × 4: w2_1_1 … w2_1_4), b² (b2_1)],
/// 17 parameters. <see cref="ParameterNames"/> spells them w{ℓ}_{i}_{j} and b{ℓ}_{i}, counting from 1.
/// </para>
/// <para>
/// <see cref="Initialize"/> draws the weights of a layer from Glorot (Xavier) uniform, U(±√(6/(n_in + n_out))), when its
/// units are tanh or sigmoid (the output unit is a sigmoid), and from He (Kaiming) uniform, U(±√(6/n_in)), when they are
/// ReLU; the biases start at 0.
/// </para>
/// </remarks>
public sealed class NetworkShape
{
    /// <summary>Most hidden layers (2).</summary>
    public const int MaxHiddenLayers = 2;

    /// <summary>Most units in a hidden layer (8).</summary>
    public const int MaxUnits = 8;

    /// <summary>Most inputs (8).</summary>
    public const int MaxInputs = 8;

    private readonly int[] _sizes;
    private readonly int[] _offsets;

    /// <summary>Creates the shape.</summary>
    /// <param name="hiddenLayers">Units of each hidden layer, first to last: none, one or two layers of 1 to 8 units.</param>
    /// <param name="activation">The hidden units' activation.</param>
    /// <param name="inputCount">Number of inputs, 1 to 8 (2 for points in the plane).</param>
    /// <exception cref="ArgumentException">More than two hidden layers, a layer of fewer than 1 or more than 8 units, an input count outside 1 … 8, or an unknown activation.</exception>
    public NetworkShape(IReadOnlyList<int> hiddenLayers, Activation activation, int inputCount = 2)
    {
        ArgumentNullException.ThrowIfNull(hiddenLayers);
        if (hiddenLayers.Count > MaxHiddenLayers)
        {
            throw new ArgumentException($"Invalid hidden layers: {hiddenLayers.Count} (a network here has at most {MaxHiddenLayers}).", nameof(hiddenLayers));
        }

        for (var l = 0; l < hiddenLayers.Count; l++)
        {
            if (hiddenLayers[l] is < 1 or > MaxUnits)
            {
                throw new ArgumentException($"Invalid unit count: {hiddenLayers[l]} in hidden layer {l + 1} (must be 1 to {MaxUnits}).", nameof(hiddenLayers));
            }
        }

        if (inputCount is < 1 or > MaxInputs)
        {
            throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, $"Invalid input count: {inputCount} (must be 1 to {MaxInputs}).");
        }

        if (!Enum.IsDefined(activation))
        {
            throw new ArgumentOutOfRangeException(nameof(activation), activation, $"Unknown activation: {activation}.");
        }

        Activation = activation;
        InputCount = inputCount;
        HiddenLayers = [.. hiddenLayers];
        _sizes = [inputCount, .. hiddenLayers, 1];
        _offsets = new int[_sizes.Length];
        for (var l = 1; l < _sizes.Length; l++)
        {
            _offsets[l] = _offsets[l - 1] + (l == 1 ? 0 : (_sizes[l - 1] * _sizes[l - 2]) + _sizes[l - 1]);
        }

        ParameterCount = _offsets[^1] + (_sizes[^1] * _sizes[^2]) + 1;
        ParameterNames = [.. Enumerable.Range(1, LayerCount).SelectMany(LayerNames)];
    }

    /// <summary>Number of inputs.</summary>
    public int InputCount { get; }

    /// <summary>Units of each hidden layer.</summary>
    public IReadOnlyList<int> HiddenLayers { get; }

    /// <summary>The hidden units' activation (the output unit is always a sigmoid).</summary>
    public Activation Activation { get; }

    /// <summary>Number of layers with parameters: the hidden layers and the output layer.</summary>
    public int LayerCount => _sizes.Length - 1;

    /// <summary>Number of parameters: Σ over the layers of n_ℓ·n_(ℓ−1) weights and n_ℓ biases.</summary>
    public int ParameterCount { get; }

    /// <summary>The parameters' names in the flat layout: w{ℓ}_{i}_{j} for W^ℓ[i, j], b{ℓ}_{i} for b^ℓ[i], from 1.</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Units of layer <paramref name="layer"/>: 0 is the input, <see cref="LayerCount"/> the output (1 unit).</summary>
    public int Units(int layer) => _sizes[layer];

    /// <summary>Index of W^ℓ[0, 0] in the flat parameters, for ℓ = <paramref name="layer"/> from 1 to <see cref="LayerCount"/>.</summary>
    public int WeightOffset(int layer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layer, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(layer, LayerCount);
        return _offsets[layer];
    }

    /// <summary>Index of b^ℓ[0] in the flat parameters: right after W^ℓ.</summary>
    public int BiasOffset(int layer) => WeightOffset(layer) + (_sizes[layer] * _sizes[layer - 1]);

    /// <summary>The shape as a learner reads it: 2-4-1 tanh, or 2-1 (logistic regression).</summary>
    public override string ToString() =>
        string.Join("-", _sizes.Select(n => n.ToString(CultureInfo.InvariantCulture))) + (HiddenLayers.Count == 0 ? "" : " " + Activation.ToString().ToLowerInvariant());

    /// <summary>
    /// Seeded starting parameters (see the remarks on <see cref="NetworkShape"/>): one <see cref="Random"/> seeded with
    /// <paramref name="seed"/> draws the weights layer by layer in the flat order; the biases are 0.
    /// </summary>
    public double[] Initialize(int seed)
    {
        var random = new Random(seed);
        var parameters = new double[ParameterCount];
        for (var l = 1; l <= LayerCount; l++)
        {
            var fanIn = _sizes[l - 1];
            var fanOut = _sizes[l];
            var relu = l < LayerCount && Activation == Activation.Relu;
            var limit = relu ? Math.Sqrt(6.0 / fanIn) : Math.Sqrt(6.0 / (fanIn + fanOut));
            var offset = _offsets[l];
            for (var k = 0; k < fanIn * fanOut; k++)
            {
                parameters[offset + k] = limit * ((2 * random.NextDouble()) - 1);
            }
        }

        return parameters;
    }

    /// <summary>φ(z) for a hidden unit.</summary>
    public double Activate(double z) => Activation switch
    {
        Activation.Tanh => Math.Tanh(z),
        Activation.Relu => z > 0 ? z : 0,
        _ => SigmoidNeuron.Sigmoid(z),
    };

    /// <summary>φ′(z) = ∂a/∂z for a hidden unit, from z and a = φ(z).</summary>
    public double Slope(double z, double a) => Activation switch
    {
        Activation.Tanh => 1 - (a * a),
        Activation.Relu => z > 0 ? 1 : 0,
        _ => a * (1 - a),
    };

    private IEnumerable<string> LayerNames(int layer)
    {
        for (var i = 1; i <= _sizes[layer]; i++)
        {
            for (var j = 1; j <= _sizes[layer - 1]; j++)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"w{layer}_{i}_{j}");
            }
        }

        for (var i = 1; i <= _sizes[layer]; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"b{layer}_{i}");
        }
    }
}

/// <summary>Every number of one layer for one example, forward and backward.</summary>
/// <param name="Layer">ℓ, from 1 (the first hidden layer) to the output layer.</param>
/// <param name="Inputs">a^(ℓ−1): what the layer receives (the example's features for ℓ = 1).</param>
/// <param name="Z">z^ℓ = W^ℓ·a^(ℓ−1) + b^ℓ, one per unit.</param>
/// <param name="A">a^ℓ = φ(z^ℓ); for the output layer ŷ = σ(z).</param>
/// <param name="Slope">∂a/∂z = φ′(z) per unit (for the output ŷ(1 − ŷ)).</param>
/// <param name="DLossDA">∂L/∂a per unit: for the output −y/ŷ + (1 − y)/(1 − ŷ); for a hidden unit j, Σᵢ W^(ℓ+1)[i, j]·∂L/∂z^(ℓ+1)ᵢ.</param>
/// <param name="DLossDZ">∂L/∂z = ∂L/∂a·∂a/∂z per unit; for the output computed directly as ŷ − y (stable when ŷ saturates).</param>
/// <param name="DLossDW">∂L/∂W^ℓ[i, j] = ∂L/∂zᵢ·a^(ℓ−1)ⱼ, row-major (one row per unit), as in the flat parameters.</param>
/// <param name="DLossDB">∂L/∂b^ℓᵢ = ∂L/∂zᵢ.</param>
public sealed record LayerTrace(
    int Layer,
    IReadOnlyList<double> Inputs,
    IReadOnlyList<double> Z,
    IReadOnlyList<double> A,
    IReadOnlyList<double> Slope,
    IReadOnlyList<double> DLossDA,
    IReadOnlyList<double> DLossDZ,
    IReadOnlyList<double> DLossDW,
    IReadOnlyList<double> DLossDB);

/// <summary>
/// The forward and the backward pass of one example through a <see cref="NeuralNetwork"/>: what a backprop stepper shows,
/// node by node. The mean of the examples' <see cref="Gradient"/>s over a batch is the network's gradient on that batch.
/// </summary>
/// <param name="Features">The example's inputs.</param>
/// <param name="Target">Its label y.</param>
/// <param name="Layers">Layer 1 to the output layer.</param>
/// <param name="Prediction">ŷ = σ(z_out).</param>
/// <param name="Loss">L = max(z, 0) − y·z + ln(1 + e^(−|z|)) with z = z_out: the binary cross-entropy from the logit.</param>
/// <param name="Gradient">∂L/∂θ for this example, in the flat parameter layout of <see cref="NetworkShape"/>.</param>
public sealed record NetworkTrace(
    IReadOnlyList<double> Features,
    double Target,
    IReadOnlyList<LayerTrace> Layers,
    double Prediction,
    double Loss,
    IReadOnlyList<double> Gradient);

/// <summary>
/// A small network (<see cref="NetworkShape"/>: inputs, up to two hidden layers of up to 8 units, one sigmoid output)
/// trained by the binary cross-entropy averaged over the samples (the batch, for a mini-batch). The loss is computed from
/// the output's pre-activation z, never from ŷ, in PyTorch's <c>binary_cross_entropy_with_logits</c> form
/// max(z, 0) − y·z + ln(1 + e^(−|z|)), which neither overflows nor takes the logarithm of 0 however large |z| grows; its
/// derivative is ∂L/∂z = σ(z) − y. The gradient is backpropagation: δ_out = σ(z) − y; ∂L/∂W^ℓ = δ^ℓ·(a^(ℓ−1))ᵀ;
/// ∂L/∂b^ℓ = δ^ℓ; δ^(ℓ−1) = ((W^ℓ)ᵀδ^ℓ) ⊙ φ′(z^(ℓ−1)). Parameters: the flat layout of <see cref="NetworkShape"/>.
/// </summary>
public sealed class NeuralNetwork : IBinaryClassifier
{
    private readonly Dataset _data;
    private readonly NetworkShape _shape;
    private readonly int _nodeCount;

    /// <summary>Creates the objective of <paramref name="shape"/> over <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data has another number of features than the shape has inputs, or a target outside [0, 1].</exception>
    public NeuralNetwork(Dataset data, NetworkShape shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (data.FeatureCount != shape.InputCount)
        {
            throw new ArgumentException($"The network {shape} takes {shape.InputCount} inputs; the data has {data.FeatureCount} features.", nameof(data));
        }

        Classification.RequireProbabilities(data);
        _data = data;
        _shape = shape;
        for (var l = 0; l <= shape.LayerCount; l++)
        {
            _nodeCount += shape.Units(l);
        }
    }

    /// <inheritdoc/>
    public Dataset Data => _data;

    /// <summary>The network's shape and parameter layout.</summary>
    public NetworkShape Shape => _shape;

    /// <inheritdoc/>
    public int Dimension => _shape.ParameterCount;

    /// <inheritdoc/>
    public int SampleCount => _data.SampleCount;

    /// <inheritdoc/>
    public IReadOnlyList<string> ParameterNames => _shape.ParameterNames;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        this.RequireDimension(point, gradient);
        gradient.Clear();
        Span<double> scratch = stackalloc double[3 * _nodeCount];
        var total = 0.0;
        for (var row = 0; row < _data.SampleCount; row++)
        {
            total += Accumulate(point, gradient, row, scratch);
        }

        return ObjectiveExtensions.MeanOver(total, gradient, _data.SampleCount);
    }

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient, ReadOnlySpan<int> rows)
    {
        this.RequireBatch(point, gradient, rows);

        gradient.Clear();
        Span<double> scratch = stackalloc double[3 * _nodeCount];
        var total = 0.0;
        foreach (var row in rows)
        {
            total += Accumulate(point, gradient, row, scratch);
        }

        return ObjectiveExtensions.MeanOver(total, gradient, rows.Length);
    }

    /// <inheritdoc/>
    public double Probability(ReadOnlySpan<double> parameters, ReadOnlySpan<double> features)
    {
        RequireParameters(parameters);
        if (features.Length != _shape.InputCount)
        {
            throw new ArgumentException($"The network {_shape} takes {_shape.InputCount} inputs, got {features.Length}.", nameof(features));
        }

        Span<double> scratch = stackalloc double[3 * _nodeCount];
        var activations = scratch[.._nodeCount];
        features.CopyTo(activations);
        return SigmoidNeuron.Sigmoid(Forward(parameters, activations, scratch.Slice(_nodeCount, _nodeCount)));
    }

    /// <summary>Every forward and backward number of backpropagation for row <paramref name="row"/> of the data.</summary>
    public NetworkTrace Trace(ReadOnlySpan<double> parameters, int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, _data.SampleCount);
        var features = new double[_data.FeatureCount];
        for (var j = 0; j < features.Length; j++)
        {
            features[j] = _data.Column(j)[row];
        }

        return Trace(_shape, parameters, features, _data.Targets[row]);
    }

    /// <summary>
    /// Every forward and backward number of backpropagation for one example (<paramref name="features"/>, label
    /// <paramref name="target"/>) through a network of <paramref name="shape"/> with <paramref name="parameters"/>: for each
    /// layer its inputs, z, a, φ′(z), ∂L/∂a, ∂L/∂z, ∂L/∂W and ∂L/∂b, and the example's whole gradient. Written layer by
    /// layer for reading, apart from the batch evaluation (the tests hold the two to each other).
    /// </summary>
    public static NetworkTrace Trace(NetworkShape shape, ReadOnlySpan<double> parameters, IReadOnlyList<double> features, double target)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(features);
        if (parameters.Length != shape.ParameterCount || features.Count != shape.InputCount)
        {
            throw new ArgumentException($"The network {shape} has {shape.ParameterCount} parameters and {shape.InputCount} inputs; got {parameters.Length} parameters and {features.Count} inputs.");
        }

        var layers = shape.LayerCount;
        var inputs = new double[layers + 1][];
        var z = new double[layers + 1][];
        inputs[0] = [.. features];
        for (var l = 1; l <= layers; l++)
        {
            var weights = parameters.Slice(shape.WeightOffset(l), shape.Units(l) * shape.Units(l - 1));
            var biases = parameters.Slice(shape.BiasOffset(l), shape.Units(l));
            z[l] = new double[shape.Units(l)];
            inputs[l] = new double[shape.Units(l)];
            for (var i = 0; i < z[l].Length; i++)
            {
                var sum = biases[i];
                for (var j = 0; j < inputs[l - 1].Length; j++)
                {
                    sum += weights[(i * inputs[l - 1].Length) + j] * inputs[l - 1][j];
                }

                z[l][i] = sum;
                inputs[l][i] = l == layers ? SigmoidNeuron.Sigmoid(sum) : shape.Activate(sum);
            }
        }

        var logit = z[layers][0];
        var prediction = inputs[layers][0];
        var gradient = new double[shape.ParameterCount];
        var traces = new LayerTrace[layers];
        double[] dLossDA = [(-target / prediction) + ((1 - target) / (1 - prediction))];
        double[] dLossDZ = [prediction - target];
        for (var l = layers; l >= 1; l--)
        {
            var units = shape.Units(l);
            var fanIn = shape.Units(l - 1);
            var slope = new double[units];
            if (l < layers)
            {
                for (var i = 0; i < units; i++)
                {
                    slope[i] = shape.Slope(z[l][i], inputs[l][i]);
                    dLossDZ[i] = dLossDA[i] * slope[i];
                }
            }
            else
            {
                slope[0] = prediction * (1 - prediction);
            }

            var dLossDW = new double[units * fanIn];
            for (var i = 0; i < units; i++)
            {
                for (var j = 0; j < fanIn; j++)
                {
                    dLossDW[(i * fanIn) + j] = dLossDZ[i] * inputs[l - 1][j];
                }
            }

            dLossDW.CopyTo(gradient, shape.WeightOffset(l));
            dLossDZ.CopyTo(gradient, shape.BiasOffset(l));
            traces[l - 1] = new LayerTrace(l, inputs[l - 1], z[l], inputs[l], slope, dLossDA, dLossDZ, dLossDW, [.. dLossDZ]);

            // ∂L/∂a of the layer below: what each of its units sends up, weighted back.
            var weights = parameters.Slice(shape.WeightOffset(l), units * fanIn);
            var below = new double[fanIn];
            for (var j = 0; j < fanIn; j++)
            {
                for (var i = 0; i < units; i++)
                {
                    below[j] += weights[(i * fanIn) + j] * dLossDZ[i];
                }
            }

            dLossDA = below;
            dLossDZ = new double[fanIn];
        }

        var loss = SigmoidNeuron.BinaryCrossEntropyOfLogit(logit, target);
        return new NetworkTrace([.. features], target, traces, prediction, loss, gradient);
    }

    /// <summary>
    /// The forward pass: <paramref name="activations"/> holds the inputs in its first slots and receives every layer's a
    /// after them; <paramref name="z"/> receives every layer's z at the same places. Returns the output's z.
    /// </summary>
    private double Forward(ReadOnlySpan<double> parameters, Span<double> activations, Span<double> z)
    {
        var below = 0;
        var here = _shape.InputCount;
        for (var l = 1; l <= _shape.LayerCount; l++)
        {
            var fanIn = _shape.Units(l - 1);
            var units = _shape.Units(l);
            var weights = parameters.Slice(_shape.WeightOffset(l), units * fanIn);
            var biases = parameters.Slice(_shape.BiasOffset(l), units);
            var output = l == _shape.LayerCount;
            for (var i = 0; i < units; i++)
            {
                var sum = biases[i];
                var row = weights.Slice(i * fanIn, fanIn);
                for (var j = 0; j < fanIn; j++)
                {
                    sum += row[j] * activations[below + j];
                }

                z[here + i] = sum;
                activations[here + i] = output ? sum : _shape.Activate(sum);
            }

            below = here;
            here += units;
        }

        return z[here - 1];
    }

    /// <summary>Adds one row's gradient to <paramref name="gradient"/> (not yet divided by the batch size) and returns its loss.</summary>
    private double Accumulate(ReadOnlySpan<double> point, Span<double> gradient, int row, Span<double> scratch)
    {
        var activations = scratch[.._nodeCount];
        var z = scratch.Slice(_nodeCount, _nodeCount);
        var delta = scratch.Slice(2 * _nodeCount, _nodeCount);
        for (var j = 0; j < _shape.InputCount; j++)
        {
            activations[j] = _data.Column(j)[row];
        }

        var logit = Forward(point, activations, z);
        var target = _data.Targets[row];
        delta[_nodeCount - 1] = SigmoidNeuron.Sigmoid(logit) - target;

        // Backward, from the output layer down: `here` is the first node of layer l, `below` that of layer l − 1.
        var here = _nodeCount - 1;
        for (var l = _shape.LayerCount; l >= 1; l--)
        {
            var fanIn = _shape.Units(l - 1);
            var units = _shape.Units(l);
            var below = here - fanIn;
            var weightOffset = _shape.WeightOffset(l);
            var biasOffset = _shape.BiasOffset(l);
            var hidden = l > 1;
            if (hidden)
            {
                delta.Slice(below, fanIn).Clear();
            }

            for (var i = 0; i < units; i++)
            {
                var d = delta[here + i];
                gradient[biasOffset + i] += d;
                var rowOffset = weightOffset + (i * fanIn);
                for (var j = 0; j < fanIn; j++)
                {
                    gradient[rowOffset + j] += d * activations[below + j];
                    if (hidden)
                    {
                        delta[below + j] += point[rowOffset + j] * d;
                    }
                }
            }

            if (hidden)
            {
                for (var j = 0; j < fanIn; j++)
                {
                    delta[below + j] *= _shape.Slope(z[below + j], activations[below + j]);
                }
            }

            here = below;
        }

        return SigmoidNeuron.BinaryCrossEntropyOfLogit(logit, target);
    }

    private void RequireParameters(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != Dimension)
        {
            throw new ArgumentException($"Expected {Dimension} parameters for the network {_shape}, got {parameters.Length}.", nameof(parameters));
        }
    }
}
