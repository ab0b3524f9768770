using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

public sealed class GradientCheckTests
{
    private static readonly Dataset TwoFeatures = Dataset.FromRows(
        [[1.0, 3.0], [2.0, -1.0], [0.5, 2.5], [-1.5, 0.25], [3.0, 1.0]], [1.0, 0.0, 1.0, 0.0, 1.0], ["a", "b"]);

    public static TheoryData<string> ObjectiveNames => new(
        "linear-half-mse", "linear-mse", "linear-scaled", "linear-polynomial", "neuron-squared-error", "neuron-bce",
        "quadratic-1d", "quadratic-bowl", "rosenbrock", "beale", "himmelblau", "booth", "saddle", "rastrigin");

    [Theory]
    [MemberData(nameof(ObjectiveNames))]
    public void Gradient_MatchesCentralDifference_AtRandomPoints(string name)
    {
        var objective = Create(name);
        var random = new Random(4711);
        for (var trial = 0; trial < 25; trial++)
        {
            var point = Enumerable.Range(0, objective.Dimension).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
            Numerics.GradientShouldMatchCentralDifference(objective, point);
        }
    }

    [Theory]
    [InlineData("linear-half-mse")]
    [InlineData("linear-mse")]
    [InlineData("neuron-squared-error")]
    [InlineData("neuron-bce")]
    public void BatchOfAllRows_EqualsFullEvaluation(string name)
    {
        var objective = (ISampledObjective)Create(name);
        double[] point = [0.3, -1.2, 0.7];
        var full = new double[3];
        var batch = new double[3];
        var fullLoss = objective.Evaluate(point, full);
        var batchLoss = objective.Evaluate(point, batch, Enumerable.Range(0, objective.SampleCount).ToArray());
        batchLoss.ShouldBeClose(fullLoss, 1e-14);
        batch.ShouldBeClose(full, 1e-14);
    }

    [Fact]
    public void LinearRegression_OnManyRowsWithARaggedTail_MatchesARowByRowSum()
    {
        // The fused vector kernel against the plainest loop, on a row count that leaves a scalar tail.
        var random = new Random(7);
        const int rows = 100_003;
        var x = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 10).ToArray();
        var y = x.Select(v => (3 * v) + 2 + random.NextDouble()).ToArray();
        var objective = new LinearRegression(Dataset.FromPairs(x, y));
        double[] point = [2.5, 1.0];
        var gradient = new double[2];
        var loss = objective.Evaluate(point, gradient);
        double sum = 0, gw = 0, gb = 0;
        for (var i = 0; i < rows; i++)
        {
            var r = (point[0] * x[i]) + point[1] - y[i];
            sum += r * r;
            gw += r * x[i];
            gb += r;
        }

        loss.ShouldBeClose(sum / (2 * rows), 1e-10);
        gradient.ShouldBeClose([gw / rows, gb / rows], 1e-10);
    }

    private static IObjective Create(string name) => name switch
    {
        "linear-half-mse" => new LinearRegression(TwoFeatures, RegressionLoss.HalfMse),
        "linear-mse" => new LinearRegression(TwoFeatures, RegressionLoss.Mse),
        "linear-scaled" => new LinearRegression(FeatureScaling.Fit(TwoFeatures).Apply(TwoFeatures)),
        "linear-polynomial" => new LinearRegression(PolynomialFeatures.Expand(Dataset.FromPairs([-1.0, 0.0, 1.0, 2.0], [1.0, 0.0, 1.0, 4.0]), 3)),
        "neuron-squared-error" => new SigmoidNeuron(TwoFeatures, NeuronLoss.SquaredError),
        "neuron-bce" => new SigmoidNeuron(TwoFeatures, NeuronLoss.BinaryCrossEntropy),
        "quadratic-bowl" => new QuadraticBowl([1.0, 25.0, 3.0]),
        _ => TestFunctions.Create(name),
    };
}
