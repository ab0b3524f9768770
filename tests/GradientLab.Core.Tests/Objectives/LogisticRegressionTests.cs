using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

/// <summary>Logistic regression on points in the plane: its gradient, its probabilities and its accuracy.</summary>
public sealed class LogisticRegressionTests
{
    private static readonly Dataset Circles = PointSets.Generate(PointSetKind.Circles, 40, 0.3, 8);

    [Fact]
    public void Gradient_MatchesCentralDifference_AtRandomParameters()
    {
        var logistic = new LogisticRegression(Circles);
        var random = new Random(4711);
        for (var trial = 0; trial < 25; trial++)
        {
            var point = Enumerable.Range(0, 3).Select(_ => (random.NextDouble() * 8) - 4).ToArray();
            Numerics.GradientShouldMatchCentralDifference(logistic, point);
        }
    }

    [Fact]
    public void ItIsTheMeanCrossEntropyFromTheLogit_OverTheBatch()
    {
        // By hand over rows 0 and 3: z = w·x + b, L = max(z, 0) − y·z + ln(1 + e^(−|z|)), ∂L/∂θ = mean of (σ(z) − y)·[x1, x2, 1].
        var logistic = new LogisticRegression(Circles);
        double[] point = [0.7, -1.3, 0.25];
        int[] rows = [0, 3];
        var expectedLoss = 0.0;
        var expectedGradient = new double[3];
        foreach (var row in rows)
        {
            var x1 = Circles.Column(0)[row];
            var x2 = Circles.Column(1)[row];
            var y = Circles.Targets[row];
            var z = (0.7 * x1) - (1.3 * x2) + 0.25;
            expectedLoss += (Math.Max(z, 0) - (y * z) + Math.Log(1 + Math.Exp(-Math.Abs(z)))) / 2;
            var delta = (1 / (1 + Math.Exp(-z))) - y;
            expectedGradient[0] += delta * x1 / 2;
            expectedGradient[1] += delta * x2 / 2;
            expectedGradient[2] += delta / 2;
        }

        var gradient = new double[3];
        logistic.Evaluate(point, gradient, rows).ShouldBeClose(expectedLoss, 1e-14);
        gradient.ShouldBeClose(expectedGradient, 1e-13, 1e-16);
    }

    [Fact]
    public void Probability_IsTheSigmoidOfTheLine_AndAccuracyCountsTheRowsOnTheRightSide()
    {
        var data = PointSets.Labelled([1.0, -1.0, 2.0, -2.0], [0.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]);
        var logistic = new LogisticRegression(data);
        double[] point = [3.0, 0.0, -0.5]; // ŷ ≥ 0.5 where 3·x1 ≥ 0.5: rows 0 and 2 predicted 1
        logistic.Probability(point, [1.0, 5.0]).ShouldBeClose(1 / (1 + Math.Exp(-2.5)), 1e-15);
        logistic.Probability(point, [1.0 / 6, 0.0]).ShouldBeClose(0.5, 1e-15);
        logistic.Accuracy(point).ShouldBe(0.75);
        Should.Throw<ArgumentNullException>(() => Classification.Accuracy(null!, point));
        Should.Throw<ArgumentNullException>(() => new LogisticRegression(null!));
    }

    [Fact]
    public void Initialize_IsSeeded_WithinPyTorchsLinearLimit_AndTheBiasAt0()
    {
        var logistic = new LogisticRegression(Circles);
        var start = logistic.Initialize(3);
        start.ShouldBe(logistic.Initialize(3));
        start.ShouldNotBe(logistic.Initialize(4));
        start[..2].ShouldAllBe(w => Math.Abs(w) <= 1 / Math.Sqrt(2) && w != 0); // U(−1/√2, 1/√2)
        start[2].ShouldBe(0.0);
    }
}
