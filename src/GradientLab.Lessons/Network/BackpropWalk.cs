using System.Globalization;
using System.Text;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Network;

/// <summary>The three parts of one training step of one example.</summary>
public enum BackpropPhase
{
    /// <summary>Every pre-activation z and activation a, layer by layer, then the loss.</summary>
    Forward,

    /// <summary>Every ∂L/∂z, ∂L/∂a, ∂L/∂w and ∂L/∂b, from the output down.</summary>
    Backward,

    /// <summary>Every weight and bias moved against its gradient.</summary>
    Update,
}

/// <summary>What a step of the walk computes.</summary>
public enum BackpropStepKind
{
    /// <summary>z = Σ wᵢ·aᵢ + b of a unit.</summary>
    PreActivation,

    /// <summary>a = φ(z) of a unit (ŷ = σ(z) for the output).</summary>
    Activation,

    /// <summary>L = BCE(ŷ, y).</summary>
    Loss,

    /// <summary>∂L/∂z of the output: ŷ − y.</summary>
    OutputDelta,

    /// <summary>∂L/∂a of a hidden unit: Σ W·∂L/∂z over the units it feeds.</summary>
    ActivationGradient,

    /// <summary>∂L/∂z of a hidden unit: ∂L/∂a·φ′(z).</summary>
    PreActivationGradient,

    /// <summary>∂L/∂w = ∂L/∂z·a_in.</summary>
    WeightGradient,

    /// <summary>∂L/∂b = ∂L/∂z.</summary>
    BiasGradient,

    /// <summary>w ← w − α·∂L/∂w.</summary>
    WeightUpdate,

    /// <summary>b ← b − α·∂L/∂b.</summary>
    BiasUpdate,
}

/// <summary>
/// One step of the backprop walk: what it computes, the symbolic formula, the same with the numbers put in, the result,
/// and the node or edge it concerns (for highlighting in the drawing).
/// </summary>
/// <param name="Phase">Forward, backward or update.</param>
/// <param name="Kind">What is computed.</param>
/// <param name="Quantity">The symbol computed: z¹₂, h¹₂, L, ∂L/∂w²₁₂, new w¹₁₁ …</param>
/// <param name="Formula">The formula in symbols: <c>z¹₁ = w¹₁₁·x₁ + w¹₁₂·x₂ + b¹₁</c>.</param>
/// <param name="Numbers">The right-hand side with the numbers: <c>= 0.5 × 1 + (-0.3) × 0.2 + 0</c>.</param>
/// <param name="Value">The result.</param>
/// <param name="Node">The node concerned (the unit whose z, a or ∂L/∂· it is, or whose bias), if any.</param>
/// <param name="Edge">The edge concerned (the weight whose gradient or update it is), if any.</param>
/// <param name="Parameter">The index of the weight or bias in the flat parameters, for gradient and update steps.</param>
/// <param name="Why">A sentence saying why the formula holds, when it needs one.</param>
public sealed record BackpropStep(
    BackpropPhase Phase,
    BackpropStepKind Kind,
    string Quantity,
    string Formula,
    string Numbers,
    double Value,
    NetworkNode? Node = null,
    NetworkEdge? Edge = null,
    int? Parameter = null,
    string? Why = null)
{
    /// <summary>The result in the lab's number format (<see cref="RunPresentation.Number"/>).</summary>
    public string Result => RunPresentation.Number(Value);
}

/// <summary>The symbols of a network's quantities as the walk and the drawing write them.</summary>
public static class BackpropNames
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private const string Subscripts = "₀₁₂₃₄₅₆₇₈₉";

    /// <summary>A node's label: x₁ for an input, h¹₂ for a hidden unit, ŷ for the output.</summary>
    public static string Node(NetworkShape shape, NetworkNode node)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return node.Layer == 0 ? "x" + Sub(node.Unit + 1)
            : node.Layer == shape.LayerCount ? "ŷ"
            : "h" + Sup(node.Layer) + Sub(node.Unit + 1);
    }

    /// <summary>A unit's pre-activation: z¹₂ (the output's is z^(L+1)₁).</summary>
    public static string Z(NetworkNode node) => "z" + Sup(node.Layer) + Sub(node.Unit + 1);

    /// <summary>A weight: w^ℓ_ij for W^ℓ[i, j], counting from 1 (w¹₂₁ multiplies x₁ in unit 2 of layer 1).</summary>
    public static string Weight(NetworkEdge edge) => "w" + Sup(edge.Layer) + Sub(edge.To + 1) + Sub(edge.From + 1);

    /// <summary>A bias: b^ℓ_i.</summary>
    public static string Bias(NetworkNode node) => "b" + Sup(node.Layer) + Sub(node.Unit + 1);

    /// <summary>The symbol of parameter <paramref name="index"/> of the flat layout.</summary>
    public static string Parameter(NetworkShape shape, int index)
    {
        ArgumentNullException.ThrowIfNull(shape);
        for (var l = 1; l <= shape.LayerCount; l++)
        {
            var fanIn = shape.Units(l - 1);
            if (index >= shape.WeightOffset(l) && index < shape.BiasOffset(l))
            {
                var k = index - shape.WeightOffset(l);
                return Weight(new NetworkEdge(l, k / fanIn, k % fanIn));
            }

            if (index >= shape.BiasOffset(l) && index < shape.BiasOffset(l) + shape.Units(l))
            {
                return Bias(new NetworkNode(l, index - shape.BiasOffset(l)));
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, $"The network {shape} has {shape.ParameterCount} parameters.");
    }

    private static string Sup(int n) => Digits(n, Superscripts);

    private static string Sub(int n) => Digits(n, Subscripts);

    private static string Digits(int n, string digits)
    {
        var builder = new StringBuilder();
        foreach (var c in n.ToString(CultureInfo.InvariantCulture))
        {
            builder.Append(digits[c - '0']);
        }

        return builder.ToString();
    }
}

/// <summary>
/// Backpropagation of one example through a small network, as the ordered list of steps a learner walks through, node
/// by node: the forward pass (every z = Σ w·a + b with its numbers, every a = φ(z), then the loss), the backward pass
/// (∂L/∂z of the output, then for every hidden unit ∂L/∂a = Σ W·∂L/∂z and ∂L/∂z = ∂L/∂a·φ′(z), and for every weight
/// and bias ∂L/∂w = ∂L/∂z·a_in) and the update of every parameter, w ← w − α·∂L/∂w, with this one example's gradient.
/// Every number is the engine's (<see cref="NeuralNetwork.Trace(NetworkShape, ReadOnlySpan{double}, IReadOnlyList{double}, double)"/>).
/// </summary>
public sealed class BackpropWalk
{
    /// <summary>What the update steps say about batches.</summary>
    public const string BatchNote = "This uses one example's gradient: it is a step of batch size 1. With a batch, each gradient is the mean of the batch's examples' gradients, and the step uses that mean.";

    private readonly List<BackpropStep> _steps = [];

    /// <summary>The walk of example (<paramref name="features"/>, <paramref name="label"/>) through <paramref name="shape"/> with <paramref name="parameters"/>, updated with learning rate <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentException">The parameters or features do not fit the shape, or the learning rate is not a finite number.</exception>
    public BackpropWalk(NetworkShape shape, IReadOnlyList<double> parameters, IReadOnlyList<double> features, double label, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(features);
        if (!double.IsFinite(learningRate))
        {
            throw new ArgumentException($"Invalid learning rate: {learningRate}.", nameof(learningRate));
        }

        Shape = shape;
        Parameters = [.. parameters];
        LearningRate = learningRate;
        Trace = NeuralNetwork.Trace(shape, [.. parameters], features, label);
        Updated = [.. Parameters.Select((theta, k) => theta - (learningRate * Trace.Gradient[k]))];
        AddForward();
        AddBackward();
        AddUpdate();
    }

    /// <summary>The network.</summary>
    public NetworkShape Shape { get; }

    /// <summary>The parameters before the update (flat layout).</summary>
    public IReadOnlyList<double> Parameters { get; }

    /// <summary>α.</summary>
    public double LearningRate { get; }

    /// <summary>The engine's trace of the example: every forward and backward number.</summary>
    public NetworkTrace Trace { get; }

    /// <summary>The parameters after the update: θ − α·∂L/∂θ.</summary>
    public IReadOnlyList<double> Updated { get; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<BackpropStep> Steps => _steps;

    /// <summary>The walk of row <paramref name="row"/> (from 0) of <paramref name="data"/>.</summary>
    public static BackpropWalk ForRow(NetworkShape shape, IReadOnlyList<double> parameters, Dataset data, int row, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, data.SampleCount);
        var features = new double[data.FeatureCount];
        for (var j = 0; j < features.Length; j++)
        {
            features[j] = data.Column(j)[row];
        }

        return new BackpropWalk(shape, parameters, features, data.Targets[row], learningRate);
    }

    /// <summary>The index of the first step of <paramref name="phase"/>.</summary>
    public int FirstOf(BackpropPhase phase) => _steps.FindIndex(s => s.Phase == phase);

    /// <summary>What every node holds once steps 0 … <paramref name="index"/> are done: the inputs always, then each z and a as the forward pass computes it.</summary>
    public IReadOnlyList<NodeValue> ValuesThrough(int index)
    {
        var values = new Dictionary<NetworkNode, NodeValue>();
        for (var j = 0; j < Shape.InputCount; j++)
        {
            var input = new NetworkNode(0, j);
            values[input] = new NodeValue(input, null, Trace.Features[j]);
        }

        foreach (var step in _steps.Take(Math.Min(index + 1, _steps.Count)))
        {
            if (step.Node is not { } node)
            {
                continue;
            }

            if (step.Kind == BackpropStepKind.PreActivation)
            {
                values[node] = new NodeValue(node, step.Value, null);
            }
            else if (step.Kind == BackpropStepKind.Activation)
            {
                values[node] = values[node] with { A = step.Value };
            }
        }

        return [.. values.Values];
    }

    /// <summary>The parameters once steps 0 … <paramref name="index"/> are done: those of the update steps passed take their new value, the rest keep theirs.</summary>
    public IReadOnlyList<double> ParametersThrough(int index)
    {
        var parameters = Parameters.ToArray();
        foreach (var step in _steps.Take(Math.Min(index + 1, _steps.Count)).Where(s => s.Phase == BackpropPhase.Update))
        {
            parameters[step.Parameter!.Value] = step.Value;
        }

        return parameters;
    }

    private static string N(double value) => RunPresentation.Number(value);

    /// <summary>A number as a factor or a term: negative ones in parentheses, so "× (-0.3)" never reads as a subtraction.</summary>
    private static string T(double value) => value < 0 ? $"({N(value)})" : N(value);

    private string Input(int layer, int unit) => BackpropNames.Node(Shape, new NetworkNode(layer, unit));

    private void AddForward()
    {
        var output = Shape.LayerCount;
        foreach (var layer in Trace.Layers)
        {
            var l = layer.Layer;
            var fanIn = Shape.Units(l - 1);
            for (var i = 0; i < Shape.Units(l); i++)
            {
                var node = new NetworkNode(l, i);
                var z = BackpropNames.Z(node);
                var terms = Enumerable.Range(0, fanIn).Select(j => $"{BackpropNames.Weight(new NetworkEdge(l, i, j))}·{Input(l - 1, j)}");
                var numbers = Enumerable.Range(0, fanIn).Select(j => $"{T(Parameters[Shape.WeightOffset(l) + (i * fanIn) + j])} × {T(layer.Inputs[j])}");
                var bias = Parameters[Shape.BiasOffset(l) + i];
                _steps.Add(new BackpropStep(
                    BackpropPhase.Forward,
                    BackpropStepKind.PreActivation,
                    z,
                    $"{z} = {string.Join(" + ", terms)} + {BackpropNames.Bias(node)}",
                    $"= {string.Join(" + ", numbers)} + {T(bias)}",
                    layer.Z[i],
                    Node: node,
                    Why: i == 0 && l == 1 ? "Each unit adds up its inputs, each times the weight of its edge, plus its bias." : null));

                var a = BackpropNames.Node(Shape, node);
                var zn = T(layer.Z[i]);
                var (formula, with, why) = l == output
                    ? ($"{a} = σ({z}) = 1 / (1 + e^−{z})", $"= 1 / (1 + e^−{zn})", "The output unit is a sigmoid: ŷ is the predicted probability of class 1.")
                    : Shape.Activation switch
                    {
                        Activation.Tanh => ($"{a} = tanh({z})", $"= tanh({N(layer.Z[i])})", (string?)null),
                        Activation.Relu => ($"{a} = ReLU({z}) = max({z}, 0)", $"= max({N(layer.Z[i])}, 0)", null),
                        _ => ($"{a} = σ({z}) = 1 / (1 + e^−{z})", $"= 1 / (1 + e^−{zn})", null),
                    };
                _steps.Add(new BackpropStep(BackpropPhase.Forward, BackpropStepKind.Activation, a, formula, with, layer.A[i], Node: node, Why: why));
            }
        }

        var y = Trace.Target;
        var yHat = Trace.Prediction;
        _steps.Add(new BackpropStep(
            BackpropPhase.Forward,
            BackpropStepKind.Loss,
            "L",
            "L = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)]",
            $"= −[{N(y)} × ln {N(yHat)} + (1 − {N(y)}) × ln(1 − {N(yHat)})]",
            Trace.Loss,
            Node: new NetworkNode(output, 0),
            Why: $"The binary cross-entropy of the prediction ŷ for the label y (the engine computes it from {BackpropNames.Z(new NetworkNode(output, 0))}, so it never takes ln 0)."));
    }

    private void AddBackward()
    {
        var output = Shape.LayerCount;
        var top = Trace.Layers[output - 1];
        var outputNode = new NetworkNode(output, 0);
        _steps.Add(new BackpropStep(
            BackpropPhase.Backward,
            BackpropStepKind.OutputDelta,
            $"∂L/∂{BackpropNames.Z(outputNode)}",
            $"∂L/∂{BackpropNames.Z(outputNode)} = ŷ − y",
            $"= {N(Trace.Prediction)} − {N(Trace.Target)}",
            top.DLossDZ[0],
            Node: outputNode,
            Why: "Why so simple: with the binary cross-entropy ∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ), and with the sigmoid output ∂ŷ/∂z = ŷ(1 − ŷ); their product is ŷ − y."));
        AddParameterGradients(top, 0);

        for (var l = output - 1; l >= 1; l--)
        {
            var layer = Trace.Layers[l - 1];
            var above = Trace.Layers[l];
            for (var j = 0; j < Shape.Units(l); j++)
            {
                var node = new NetworkNode(l, j);
                var a = BackpropNames.Node(Shape, node);
                var z = BackpropNames.Z(node);
                var units = Enumerable.Range(0, Shape.Units(l + 1)).ToArray();
                var fanIn = Shape.Units(l);
                var terms = units.Select(i => $"{BackpropNames.Weight(new NetworkEdge(l + 1, i, j))}·∂L/∂{BackpropNames.Z(new NetworkNode(l + 1, i))}");
                var numbers = units.Select(i => $"{T(Parameters[Shape.WeightOffset(l + 1) + (i * fanIn) + j])} × {T(above.DLossDZ[i])}");
                _steps.Add(new BackpropStep(
                    BackpropPhase.Backward,
                    BackpropStepKind.ActivationGradient,
                    $"∂L/∂{a}",
                    $"∂L/∂{a} = {string.Join(" + ", terms)}",
                    $"= {string.Join(" + ", numbers)}",
                    layer.DLossDA[j],
                    Node: node,
                    Why: $"{a} feeds every unit of the next layer, so its gradient adds up what each of them sends back, times the weight of the edge between them."));

                var dA = T(layer.DLossDA[j]);
                var h = layer.A[j];
                var (formula, with) = Shape.Activation switch
                {
                    Activation.Tanh => ($"∂L/∂{z} = ∂L/∂{a} · (1 − ({a})²)", $"= {dA} × (1 − {T(h)}²)"),
                    Activation.Relu => ($"∂L/∂{z} = ∂L/∂{a} · (1 if {z} > 0, else 0)", $"= {dA} × {N(layer.Slope[j])}"),
                    _ => ($"∂L/∂{z} = ∂L/∂{a} · {a}(1 − {a})", $"= {dA} × {N(h)} × (1 − {N(h)})"),
                };
                var slope = Shape.Activation switch
                {
                    Activation.Tanh => "tanh′(z) = 1 − tanh²(z)",
                    Activation.Relu => "ReLU′(z) is 1 for z > 0 and 0 otherwise",
                    _ => "σ′(z) = σ(z)(1 − σ(z))",
                };
                _steps.Add(new BackpropStep(
                    BackpropPhase.Backward,
                    BackpropStepKind.PreActivationGradient,
                    $"∂L/∂{z}",
                    formula,
                    with,
                    layer.DLossDZ[j],
                    Node: node,
                    Why: $"The chain rule through the activation: ∂L/∂z = ∂L/∂a · φ′(z), and {slope}."));
                AddParameterGradients(layer, j);
            }
        }
    }

    /// <summary>∂L/∂w for every weight into unit <paramref name="unit"/> of <paramref name="layer"/>, then ∂L/∂b.</summary>
    private void AddParameterGradients(LayerTrace layer, int unit)
    {
        var l = layer.Layer;
        var node = new NetworkNode(l, unit);
        var z = BackpropNames.Z(node);
        var delta = T(layer.DLossDZ[unit]);
        var fanIn = Shape.Units(l - 1);
        for (var j = 0; j < fanIn; j++)
        {
            var edge = new NetworkEdge(l, unit, j);
            var w = BackpropNames.Weight(edge);
            var input = Input(l - 1, j);
            _steps.Add(new BackpropStep(
                BackpropPhase.Backward,
                BackpropStepKind.WeightGradient,
                $"∂L/∂{w}",
                $"∂L/∂{w} = ∂L/∂{z} · {input}",
                $"= {delta} × {T(layer.Inputs[j])}",
                layer.DLossDW[(unit * fanIn) + j],
                Edge: edge,
                Parameter: Shape.WeightOffset(l) + (unit * fanIn) + j,
                Why: $"{w} multiplies {input} in {z}, so ∂{z}/∂{w} = {input}."));
        }

        var b = BackpropNames.Bias(node);
        _steps.Add(new BackpropStep(
            BackpropPhase.Backward,
            BackpropStepKind.BiasGradient,
            $"∂L/∂{b}",
            $"∂L/∂{b} = ∂L/∂{z} · 1",
            $"= {delta} × 1",
            layer.DLossDB[unit],
            Node: node,
            Parameter: Shape.BiasOffset(l) + unit,
            Why: $"{b} is added to {z}, so ∂{z}/∂{b} = 1."));
    }

    private void AddUpdate()
    {
        for (var l = 1; l <= Shape.LayerCount; l++)
        {
            var fanIn = Shape.Units(l - 1);
            for (var i = 0; i < Shape.Units(l); i++)
            {
                for (var j = 0; j < fanIn; j++)
                {
                    var k = Shape.WeightOffset(l) + (i * fanIn) + j;
                    AddUpdate(BackpropStepKind.WeightUpdate, k, new NetworkEdge(l, i, j), null);
                }
            }

            for (var i = 0; i < Shape.Units(l); i++)
            {
                AddUpdate(BackpropStepKind.BiasUpdate, Shape.BiasOffset(l) + i, null, new NetworkNode(l, i));
            }
        }
    }

    private void AddUpdate(BackpropStepKind kind, int k, NetworkEdge? edge, NetworkNode? node)
    {
        var name = BackpropNames.Parameter(Shape, k);
        _steps.Add(new BackpropStep(
            BackpropPhase.Update,
            kind,
            "new " + name,
            $"{name} ← {name} − α·∂L/∂{name}",
            $"= {N(Parameters[k])} − {N(LearningRate)} × {T(Trace.Gradient[k])}",
            Updated[k],
            Node: node,
            Edge: edge,
            Parameter: k,
            Why: BatchNote));
    }
}

/// <summary>Choosing the example the walk follows: a row number typed by the learner, or the next misclassified row.</summary>
public static class BackpropExamples
{
    /// <summary>
    /// Reads a row number as the learner counts (1 to <paramref name="count"/>) into a row index from 0, or says in a
    /// sentence why it cannot be used.
    /// </summary>
    public static bool TryRow(string? text, int count, out int row, out string? error)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count)
        {
            row = number - 1;
            error = null;
            return true;
        }

        row = -1;
        error = count == 0
            ? "There are no examples to pick from."
            : string.Create(CultureInfo.InvariantCulture, $"'{text}' is not an example: pick a whole number from 1 to {count}.");
        return false;
    }

    /// <summary>
    /// The first row after <paramref name="after"/> (from 0; −1 to start at the top, wrapping round) that the network
    /// classifies wrongly (ŷ ≥ 0.5 against a label below 0.5, or the other way), or null when it gets every row right.
    /// </summary>
    public static int? NextMisclassified(NetworkShape shape, IReadOnlyList<double> parameters, Dataset data, int after)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        var network = new NeuralNetwork(data, shape);
        var theta = parameters.ToArray();
        var features = new double[data.FeatureCount];
        for (var k = 1; k <= data.SampleCount; k++)
        {
            var row = (((after + k) % data.SampleCount) + data.SampleCount) % data.SampleCount;
            for (var j = 0; j < features.Length; j++)
            {
                features[j] = data.Column(j)[row];
            }

            if ((network.Probability(theta, features) >= 0.5) != (data.Targets[row] >= 0.5))
            {
                return row;
            }
        }

        return null;
    }
}
