using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

/// <summary>
/// The network's backpropagation against central differences (REFERENCE.md: 1e-6 relative at random points) for every
/// activation and 0, 1 and 2 hidden layers, the one-example traces against the batch gradient, and the shape's layout.
/// </summary>
public sealed class NeuralNetworkTests
{
    private static readonly Dataset Moons = PointSets.Generate(PointSetKind.Moons, 12, 0.2, 3);

    public static TheoryData<Activation, int[]> Shapes
    {
        get
        {
            var data = new TheoryData<Activation, int[]>();
            foreach (var activation in Enum.GetValues<Activation>())
            {
                data.Add(activation, []);
                data.Add(activation, [1]);
                data.Add(activation, [4]);
                data.Add(activation, [3, 5]);
                data.Add(activation, [8, 8]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Gradient_MatchesCentralDifference_AtRandomParameters(Activation activation, int[] hidden)
    {
        var network = new NeuralNetwork(Moons, new NetworkShape(hidden, activation));
        var random = new Random(4711);
        var checkedPoints = 0;
        for (var trial = 0; trial < 40 && checkedPoints < 10; trial++)
        {
            var point = Enumerable.Range(0, network.Dimension).Select(_ => (random.NextDouble() * 3) - 1.5).ToArray();
            if (activation == Activation.Relu && NearestKink(network, point) < 1e-3)
            {
                continue; // ReLU has no derivative at z = 0: a central difference across the kink measures nothing
            }

            Numerics.GradientShouldMatchCentralDifference(network, point);
            checkedPoints++;
        }

        checkedPoints.ShouldBe(10);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Traces_AveragedOverTheRows_AreTheBatchGradient(Activation activation, int[] hidden)
    {
        var network = new NeuralNetwork(Moons, new NetworkShape(hidden, activation));
        var point = network.Shape.Initialize(11);
        point[^1] = 0.3;
        var gradient = new double[network.Dimension];
        var loss = network.Evaluate(point, gradient);

        var sum = new double[network.Dimension];
        var lossSum = 0.0;
        for (var row = 0; row < network.SampleCount; row++)
        {
            var trace = network.Trace(point, row);
            for (var k = 0; k < sum.Length; k++)
            {
                sum[k] += trace.Gradient[k];
            }

            lossSum += trace.Loss;
        }

        (lossSum / network.SampleCount).ShouldBeClose(loss, 1e-13);
        sum.Select(g => g / network.SampleCount).ToArray().ShouldBeClose(gradient, 1e-12, 1e-15);

        // A mini-batch is the mean of its own rows' traces.
        int[] rows = [5, 0, 7];
        var batch = new double[network.Dimension];
        network.Evaluate(point, batch, rows);
        var expected = new double[network.Dimension];
        foreach (var row in rows)
        {
            var trace = network.Trace(point, row);
            for (var k = 0; k < expected.Length; k++)
            {
                expected[k] += trace.Gradient[k] / rows.Length;
            }
        }

        batch.ShouldBeClose(expected, 1e-12, 1e-15);
    }

    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Sigmoid)]
    public void ATrace_ChainsItsNumbers_LayerByLayer(Activation activation)
    {
        var shape = new NetworkShape([3, 2], activation);
        var parameters = Enumerable.Range(0, shape.ParameterCount).Select(k => Math.Sin(k + 1.0)).ToArray();
        double[] x = [0.4, -0.7];
        var trace = NeuralNetwork.Trace(shape, parameters, x, 1.0);

        trace.Layers.Count.ShouldBe(3);
        trace.Layers[0].Inputs.ShouldBe(x);
        for (var l = 0; l < trace.Layers.Count; l++)
        {
            var layer = trace.Layers[l];
            layer.Layer.ShouldBe(l + 1);
            var fanIn = layer.Inputs.Count;
            for (var i = 0; i < layer.Z.Count; i++)
            {
                // z = W·a + b, then a = φ(z), then ∂L/∂z = ∂L/∂a·φ′(z), ∂L/∂W = ∂L/∂z·a_in, ∂L/∂b = ∂L/∂z.
                var z = parameters[shape.BiasOffset(l + 1) + i];
                for (var j = 0; j < fanIn; j++)
                {
                    z += parameters[shape.WeightOffset(l + 1) + (i * fanIn) + j] * layer.Inputs[j];
                    layer.DLossDW[(i * fanIn) + j].ShouldBeClose(layer.DLossDZ[i] * layer.Inputs[j], 1e-15, 1e-300);
                }

                layer.Z[i].ShouldBeClose(z, 1e-15);
                var last = l == trace.Layers.Count - 1;
                layer.A[i].ShouldBe(last ? SigmoidNeuron.Sigmoid(z) : shape.Activate(z));
                layer.DLossDZ[i].ShouldBeClose(layer.DLossDA[i] * layer.Slope[i], 1e-12, 1e-300);
                layer.DLossDB[i].ShouldBe(layer.DLossDZ[i]);
            }

            if (l > 0)
            {
                layer.Inputs.ShouldBe(trace.Layers[l - 1].A);

                // ∂L/∂a below = Σᵢ W[i, j]·∂L/∂zᵢ of this layer.
                for (var j = 0; j < fanIn; j++)
                {
                    var sent = 0.0;
                    for (var i = 0; i < layer.Z.Count; i++)
                    {
                        sent += parameters[shape.WeightOffset(l + 1) + (i * fanIn) + j] * layer.DLossDZ[i];
                    }

                    trace.Layers[l - 1].DLossDA[j].ShouldBeClose(sent, 1e-15, 1e-300);
                }
            }
        }

        var output = trace.Layers[^1];
        trace.Prediction.ShouldBe(output.A[0]);
        output.DLossDZ[0].ShouldBe(trace.Prediction - 1.0);
        output.DLossDA[0].ShouldBeClose(-1 / trace.Prediction, 1e-15);
        trace.Loss.ShouldBeClose(-Math.Log(trace.Prediction), 1e-12);
    }

    [Fact]
    public void WithoutHiddenLayers_ItIsLogisticRegression()
    {
        var network = new NeuralNetwork(Moons, new NetworkShape([], Activation.Tanh));
        var logistic = new LogisticRegression(Moons);
        network.ParameterNames.ShouldBe(["w1_1_1", "w1_1_2", "b1_1"]);
        logistic.ParameterNames.ShouldBe(["w1", "w2", "b"]);
        double[] point = [1.5, -0.75, 0.2];
        var networkGradient = new double[3];
        var logisticGradient = new double[3];
        network.Evaluate(point, networkGradient).ShouldBeClose(logistic.Evaluate(point, logisticGradient), 1e-14);
        networkGradient.ShouldBeClose(logisticGradient, 1e-13, 1e-16);
        network.Probability(point, [0.3, 0.1]).ShouldBeClose(logistic.Probability(point, [0.3, 0.1]), 1e-15);
    }

    [Fact]
    public void TheLoss_IsComputedFromTheLogit_SoSaturatedOutputsStayFinite()
    {
        // An output z of about ±600: σ(z) is exactly 0 or 1 in doubles, so ln ŷ would be −∞; from the logit,
        // L = max(z, 0) − y·z + ln(1 + e^(−|z|)) is |z| for a wrong label and 0 for a right one.
        var data = PointSets.Labelled([1.0, 1.0], [0.0, 0.0], [1.0, 0.0]);
        var network = new NeuralNetwork(data, new NetworkShape([1], Activation.Relu));
        double[] point = [300, 0, 0, 2, 0]; // z1 = 300·x1; z_out = 2·relu(z1) = 600
        var gradient = new double[5];
        var loss = network.Evaluate(point, gradient);
        loss.ShouldBeClose(300, 1e-12); // (0 + 600)/2: the row labelled 1 costs 0, the one labelled 0 costs 600
        gradient.ShouldAllBe(g => double.IsFinite(g));
        network.Accuracy(point).ShouldBe(0.5);
    }

    [Fact]
    public void TheLayout_IsEachLayersWeightsRowMajor_ThenItsBiases()
    {
        var shape = new NetworkShape([4], Activation.Tanh);
        shape.ParameterCount.ShouldBe(17); // 4·2 + 4 + 1·4 + 1
        shape.ParameterNames.ShouldBe([
            "w1_1_1", "w1_1_2", "w1_2_1", "w1_2_2", "w1_3_1", "w1_3_2", "w1_4_1", "w1_4_2", "b1_1", "b1_2", "b1_3", "b1_4",
            "w2_1_1", "w2_1_2", "w2_1_3", "w2_1_4", "b2_1"]);
        shape.WeightOffset(1).ShouldBe(0);
        shape.BiasOffset(1).ShouldBe(8);
        shape.WeightOffset(2).ShouldBe(12);
        shape.BiasOffset(2).ShouldBe(16);
        shape.ToString().ShouldBe("2-4-1 tanh");

        var deep = new NetworkShape([8, 8], Activation.Relu);
        deep.ParameterCount.ShouldBe(105); // (16 + 8) + (64 + 8) + (8 + 1)
        deep.LayerCount.ShouldBe(3);
        deep.WeightOffset(3).ShouldBe(96);
        deep.ParameterNames[95].ShouldBe("b2_8");
        deep.ParameterNames[^1].ShouldBe("b3_1");
        new NetworkShape([], Activation.Sigmoid).ToString().ShouldBe("2-1");
    }

    [Fact]
    public void AShape_RefusesMoreThanTwoLayers_LayersOutside1To8_AndOtherInputCounts()
    {
        Should.Throw<ArgumentException>(() => new NetworkShape([2, 2, 2], Activation.Tanh)).Message.ShouldContain("Invalid hidden layers: 3 (a network here has at most 2)");
        Should.Throw<ArgumentException>(() => new NetworkShape([4, 9], Activation.Tanh)).Message.ShouldContain("Invalid unit count: 9 in hidden layer 2 (must be 1 to 8)");
        Should.Throw<ArgumentException>(() => new NetworkShape([0], Activation.Tanh)).Message.ShouldContain("Invalid unit count: 0");
        Should.Throw<ArgumentOutOfRangeException>(() => new NetworkShape([2], Activation.Tanh, 0)).Message.ShouldContain("Invalid input count: 0 (must be 1 to 8)");
        Should.Throw<ArgumentOutOfRangeException>(() => new NetworkShape([2], (Activation)7)).Message.ShouldContain("Unknown activation");
        Should.Throw<ArgumentOutOfRangeException>(() => new NetworkShape([2], Activation.Tanh).WeightOffset(3));
    }

    [Fact]
    public void ANetwork_RefusesDataOfAnotherWidth_TargetsOutside0To1_AndBuffersOfTheWrongSize()
    {
        var oneFeature = Dataset.FromPairs([1.0, 2.0], [0.0, 1.0]);
        Should.Throw<ArgumentException>(() => new NeuralNetwork(oneFeature, new NetworkShape([2], Activation.Tanh))).Message.ShouldContain("The network 2-2-1 tanh takes 2 inputs; the data has 1 features");
        var badTarget = Dataset.FromRows([[1.0, 2.0], [0.0, 1.0]], [0.0, 2.0]);
        Should.Throw<ArgumentException>(() => new NeuralNetwork(badTarget, new NetworkShape([2], Activation.Tanh))).Message.ShouldContain("targets from 0 to 1; 'y' is 2 in row 2");
        Should.Throw<ArgumentException>(() => new LogisticRegression(badTarget));
        var network = new NeuralNetwork(Moons, new NetworkShape([2], Activation.Tanh));
        Should.Throw<ArgumentException>(() => network.Evaluate(new double[9], new double[8])).Message.ShouldContain("Expected 9 parameters");
        Should.Throw<ArgumentException>(() => network.Evaluate(new double[9], new double[9], ReadOnlySpan<int>.Empty)).Message.ShouldContain("at least one row");
        Should.Throw<ArgumentException>(() => network.Probability(new double[8], [0.0, 0.0]));
        Should.Throw<ArgumentException>(() => network.Probability(new double[9], [0.0]));
        Should.Throw<ArgumentOutOfRangeException>(() => network.Trace(new double[9], Moons.SampleCount));
        Should.Throw<ArgumentException>(() => NeuralNetwork.Trace(network.Shape, new double[9], [1.0], 0));
    }

    [Fact]
    public void Evaluate_OverwritesAGradientBufferThatHeldAPreviousGradient()
    {
        var network = new NeuralNetwork(Moons, new NetworkShape([3], Activation.Sigmoid));
        var point = network.Shape.Initialize(2);
        var clean = new double[network.Dimension];
        network.Evaluate(point, clean);
        var dirty = Enumerable.Repeat(99.0, network.Dimension).ToArray();
        network.Evaluate(point, dirty);
        dirty.ShouldBe(clean);
    }

    [Theory]
    [InlineData(Activation.Tanh, 1.2247448713915889)] // Glorot: √(6/(2 + 2)) for W¹ of a 2-2-1 network
    [InlineData(Activation.Sigmoid, 1.2247448713915889)]
    [InlineData(Activation.Relu, 1.7320508075688772)] // He: √(6/2)
    public void Initialize_IsSeeded_GlorotForTanhAndSigmoid_HeForRelu_WithZeroBiases(Activation activation, double firstLayerLimit)
    {
        var shape = new NetworkShape([2], activation);
        var first = shape.Initialize(5);
        first.ShouldBe(shape.Initialize(5));
        first.ShouldNotBe(shape.Initialize(6));
        first[..4].ShouldAllBe(w => Math.Abs(w) <= firstLayerLimit && w != 0);
        first[4..6].ShouldBe([0.0, 0.0]);
        first[6..8].ShouldAllBe(w => Math.Abs(w) <= Math.Sqrt(6.0 / 3)); // output: Glorot √(6/(2 + 1))
        first[8].ShouldBe(0.0);

        // Over many seeds the weights fill the interval: the largest comes near the limit.
        var largest = Enumerable.Range(0, 200).Max(seed => shape.Initialize(seed)[..4].Max(Math.Abs));
        largest.ShouldBeGreaterThan(0.97 * firstLayerLimit);
    }

    private static double NearestKink(NeuralNetwork network, double[] point)
    {
        var nearest = double.PositiveInfinity;
        for (var row = 0; row < network.SampleCount; row++)
        {
            foreach (var layer in network.Trace(point, row).Layers.SkipLast(1))
            {
                nearest = Math.Min(nearest, layer.Z.Min(Math.Abs));
            }
        }

        return nearest;
    }
}
