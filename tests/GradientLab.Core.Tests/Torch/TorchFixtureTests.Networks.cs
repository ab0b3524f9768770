using System.Globalization;
using System.Text.Json.Nodes;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Torch;

/// <summary>
/// The network lab's cases (tests/fixtures/torch/networks.json, written by network_fixtures() in generate.py): logistic
/// regression and small networks, value and gradient by torch autograd, and one example's every forward and backward
/// number, each compared to |engine − torch| ≤ 1e-9·max(1, |torch|).
/// </summary>
public sealed partial class TorchFixtureTests
{
    private static readonly Lazy<JsonObject> NetworkFixture = new(() => Load("networks.json"));

    public static TheoryData<string> NetworkCases => CaseNames(NetworkFixture.Value);

    [Fact]
    public void NetworkFixture_NamesTheTorchVersion_AndCoversEveryActivationWithOneAndTwoHiddenLayers()
    {
        var fixture = NetworkFixture.Value;
        Text(Node(fixture, "version").AsObject(), "torch").ShouldStartWith("1.13");
        var cases = Node(fixture, "cases").AsArray().Select(c => c!.AsObject()).ToArray();
        cases.Count(c => Text(c, "objective") == "LogisticRegression").ShouldBeGreaterThanOrEqualTo(3);
        foreach (var activation in Enum.GetNames<Activation>())
        {
            foreach (var layers in new[] { 1, 2 })
            {
                cases.Count(c => Text(c, "objective") == "NeuralNetwork" && Text(c, "activation") == activation && Node(c, "hidden").AsArray().Count == layers && c["trace"] is not null)
                    .ShouldBeGreaterThanOrEqualTo(1, $"{activation}, {layers} hidden layers, with a trace");
            }
        }
    }

    /// <summary>
    /// One case of networks.json:
    /// <code>
    /// logistic:  binary_cross_entropy_with_logits(x @ theta[:2] + theta[2], y, reduction='mean')   → LogisticRegression(data)
    /// network:   per layer z = a @ W.T + b, a = tanh/relu/sigmoid(z), sigmoid at the output (W, b views of the flat
    ///            theta); binary_cross_entropy_with_logits(z_out, y, reduction='mean')             → NeuralNetwork(data, shape)
    /// trace:     one row, z, a, φ′(z), ∂L/∂a, ∂L/∂z per layer by retain_grad, ∂L/∂W and ∂L/∂b    → NeuralNetwork.Trace(θ, row)
    /// </code>
    /// The full-batch evaluation and the mini-batch one over every row are both checked.
    /// </summary>
    [Theory]
    [MemberData(nameof(NetworkCases))]
    public void Network_MatchesTorchAutograd(string name) => NetworkCaseDifference(name).ShouldBeLessThanOrEqualTo(Tolerance);

    [Fact]
    public void Networks_LargestDifferenceFromTorch_IsReported()
    {
        // The largest |engine − torch| / max(1, |torch|) over every number of every case (the report quotes it).
        var largest = Node(NetworkFixture.Value, "cases").AsArray().Max(c => NetworkCaseDifference(Text(c!.AsObject(), "name")));
        largest.ShouldBeLessThanOrEqualTo(Tolerance);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"networks.json: largest scaled |engine − torch| = {largest:E3}"));
    }

    /// <summary>Checks every number of one case (throwing on the first beyond the tolerance) and returns the largest scaled difference.</summary>
    private static double NetworkCaseDifference(string name)
    {
        var fixture = Case(NetworkFixture.Value, name);
        var rows = Node(fixture, "x").AsArray().Select(r => (IReadOnlyList<double>)Doubles(r!)).ToArray();
        var data = Dataset.FromRows(rows, Doubles(Node(fixture, "y")));
        IBinaryClassifier objective = Text(fixture, "objective") switch
        {
            "LogisticRegression" => new LogisticRegression(data),
            "NeuralNetwork" => new NeuralNetwork(data, new NetworkShape(
                [.. Node(fixture, "hidden").AsArray().Select(n => n!.GetValue<int>())], Enum.Parse<Activation>(Text(fixture, "activation")))),
            var other => throw new InvalidOperationException($"Unknown objective '{other}' in case {name}."),
        };
        var point = Doubles(Node(fixture, "point"));
        var largest = 0.0;
        void Compare(double actual, double expected, string what)
        {
            ShouldBeClose(actual, expected, name, what);
            largest = Math.Max(largest, Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected)));
        }

        void CompareAll(IReadOnlyList<double> actual, JsonNode expected, string what)
        {
            var values = Doubles(expected);
            actual.Count.ShouldBe(values.Length, $"{name}, {what}: length");
            for (var i = 0; i < values.Length; i++)
            {
                Compare(actual[i], values[i], string.Create(CultureInfo.InvariantCulture, $"{what} [{i}]"));
            }
        }

        var gradient = new double[objective.Dimension];
        Compare(objective.Evaluate(point, gradient), Number(fixture, "value"), "value");
        CompareAll(gradient, Node(fixture, "gradient"), "gradient");
        var batch = new double[objective.Dimension];
        Compare(objective.Evaluate(point, batch, [.. Enumerable.Range(0, objective.SampleCount)]), Number(fixture, "value"), "value over a batch of every row");
        CompareAll(batch, Node(fixture, "gradient"), "gradient over a batch of every row");

        if (fixture["trace"] is JsonObject expectedTrace)
        {
            var trace = ((NeuralNetwork)objective).Trace(point, Integer(fixture, "traceRow"));
            Compare(trace.Prediction, Number(expectedTrace, "Prediction"), "trace ŷ");
            Compare(trace.Loss, Number(expectedTrace, "Loss"), "trace L");
            CompareAll(trace.Gradient, Node(expectedTrace, "Gradient"), "trace ∂L/∂θ");
            var layers = Node(expectedTrace, "Layers").AsArray();
            trace.Layers.Count.ShouldBe(layers.Count);
            for (var l = 0; l < layers.Count; l++)
            {
                var expected = layers[l]!.AsObject();
                expected.Count.ShouldBe(8, "every field of LayerTrace but Layer");
                foreach (var (field, values) in expected)
                {
                    var actual = (IReadOnlyList<double>)(typeof(LayerTrace).GetProperty(field)?.GetValue(trace.Layers[l])
                        ?? throw new ShouldAssertException($"{name}: LayerTrace has no field '{field}'."));
                    CompareAll(actual, values!, string.Create(CultureInfo.InvariantCulture, $"layer {l + 1} {field}"));
                }
            }
        }

        return largest;
    }
}
