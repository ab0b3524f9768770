using GradientLab.Core.Data;
using GradientLab.Core.Objectives;
using GradientLab.Lessons.Network;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Network;

public sealed class BackpropWalkTests
{
    public static TheoryData<int[], Activation> Shapes => new()
    {
        { [], Activation.Tanh },
        { [4], Activation.Tanh },
        { [3], Activation.Relu },
        { [5], Activation.Sigmoid },
        { [8, 8], Activation.Relu },
        { [3, 2], Activation.Tanh },
        { [2, 4], Activation.Sigmoid },
    };

    private static readonly double[] Features = [0.7, -1.3];

    /// <summary>A walk with seeded weights and non-zero biases, so that every number is distinct.</summary>
    private static BackpropWalk Walk(int[] hidden, Activation activation, double label = 1, double alpha = 0.3)
    {
        var shape = new NetworkShape(hidden, activation);
        return new BackpropWalk(shape, Parameters(shape), Features, label, alpha);
    }

    private static double[] Parameters(NetworkShape shape)
    {
        var parameters = shape.Initialize(seed: 7);
        var random = new Random(11);
        for (var l = 1; l <= shape.LayerCount; l++)
        {
            for (var i = 0; i < shape.Units(l); i++)
            {
                parameters[shape.BiasOffset(l) + i] = random.NextDouble() - 0.5;
            }
        }

        return parameters;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryResult_EqualsTheEnginesTrace(int[] hidden, Activation activation)
    {
        var walk = Walk(hidden, activation);
        var shape = walk.Shape;
        var trace = NeuralNetwork.Trace(shape, walk.Parameters.ToArray(), Features, 1);
        foreach (var step in walk.Steps)
        {
            var expected = step.Kind switch
            {
                BackpropStepKind.PreActivation => trace.Layers[step.Node!.Value.Layer - 1].Z[step.Node.Value.Unit],
                BackpropStepKind.Activation => trace.Layers[step.Node!.Value.Layer - 1].A[step.Node.Value.Unit],
                BackpropStepKind.Loss => trace.Loss,
                BackpropStepKind.OutputDelta => trace.Layers[^1].DLossDZ[0],
                BackpropStepKind.ActivationGradient => trace.Layers[step.Node!.Value.Layer - 1].DLossDA[step.Node.Value.Unit],
                BackpropStepKind.PreActivationGradient => trace.Layers[step.Node!.Value.Layer - 1].DLossDZ[step.Node.Value.Unit],
                BackpropStepKind.WeightGradient or BackpropStepKind.BiasGradient => trace.Gradient[step.Parameter!.Value],
                _ => walk.Parameters[step.Parameter!.Value] - (0.3 * trace.Gradient[step.Parameter!.Value]),
            };
            step.Value.ShouldBe(expected, 1e-12, step.Formula);
            step.Result.ShouldBe(RunPresentation.Number(step.Value));
        }

        walk.Steps.Single(s => s.Kind == BackpropStepKind.Loss).Value.ShouldBe(trace.Loss, 1e-12);
        walk.Steps.Single(s => s.Kind == BackpropStepKind.OutputDelta).Value.ShouldBe(trace.Prediction - 1, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryParameterGradient_EqualsTheEnginesGradientOnThatOneExample_AndACentralDifference(int[] hidden, Activation activation)
    {
        foreach (var label in new[] { 0.0, 1.0 })
        {
            var walk = Walk(hidden, activation, label);
            var network = new NeuralNetwork(Dataset.FromRows([Features], [label]), walk.Shape);
            var theta = walk.Parameters.ToArray();
            var gradient = new double[theta.Length];
            network.Evaluate(theta, gradient);
            var gradients = walk.Steps.Where(s => s.Kind is BackpropStepKind.WeightGradient or BackpropStepKind.BiasGradient).ToArray();
            gradients.Select(s => s.Parameter!.Value).Order().ShouldBe(Enumerable.Range(0, theta.Length));
            foreach (var step in gradients)
            {
                var k = step.Parameter!.Value;
                step.Value.ShouldBe(gradient[k], 1e-12, step.Formula);
                var central = CentralDifference(network, theta, k);
                Math.Abs(step.Value - central).ShouldBeLessThanOrEqualTo(1e-6 * Math.Max(Math.Abs(central), 1e-2), step.Formula);
            }
        }
    }

    private static double CentralDifference(NeuralNetwork network, double[] theta, int k)
    {
        const double h = 1e-6;
        var scratch = new double[theta.Length];
        var up = (double[])theta.Clone();
        var down = (double[])theta.Clone();
        up[k] += h;
        down[k] -= h;
        return (network.Evaluate(up, scratch) - network.Evaluate(down, scratch)) / (2 * h);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TheUpdates_AreThetaMinusAlphaTimesTheGradient_ForEveryParameterOnce(int[] hidden, Activation activation)
    {
        var walk = Walk(hidden, activation, label: 0, alpha: 0.25);
        var updates = walk.Steps.Where(s => s.Phase == BackpropPhase.Update).ToArray();
        updates.Select(s => s.Parameter!.Value).ShouldBe(Enumerable.Range(0, walk.Shape.ParameterCount));
        foreach (var step in updates)
        {
            var k = step.Parameter!.Value;
            step.Value.ShouldBe(walk.Parameters[k] - (0.25 * walk.Trace.Gradient[k]), 1e-12);
            walk.Updated[k].ShouldBe(step.Value);
            step.Quantity.ShouldBe("new " + BackpropNames.Parameter(walk.Shape, k));
            step.Why.ShouldBe(BackpropWalk.BatchNote);
        }

        BackpropWalk.BatchNote.ShouldContain("batch size 1");
        BackpropWalk.BatchNote.ShouldContain("mean");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EachWeightStep_PointsAtItsEdge_AndEachNodeStepAtItsNode(int[] hidden, Activation activation)
    {
        var walk = Walk(hidden, activation);
        var shape = walk.Shape;
        foreach (var step in walk.Steps)
        {
            if (step.Edge is { } edge)
            {
                step.Parameter.ShouldBe(shape.WeightOffset(edge.Layer) + (edge.To * shape.Units(edge.Layer - 1)) + edge.From);
                step.Quantity.ShouldEndWith(BackpropNames.Weight(edge));
            }
            else
            {
                step.Node.ShouldNotBeNull(step.Formula);
            }
        }
    }

    [Theory]
    [InlineData(new int[0], 10, 3, 4, 3)]
    [InlineData(new[] { 4 }, 54, 11, 26, 17)]
    [InlineData(new[] { 8, 8 }, 278, 35, 138, 105)]
    public void TheStepCounts_AreForwardThenBackwardThenUpdate(int[] hidden, int total, int forward, int backward, int update)
    {
        var walk = Walk(hidden, Activation.Tanh);
        walk.Steps.Count.ShouldBe(total);
        walk.Steps.Count(s => s.Phase == BackpropPhase.Forward).ShouldBe(forward);
        walk.Steps.Count(s => s.Phase == BackpropPhase.Backward).ShouldBe(backward);
        walk.Steps.Count(s => s.Phase == BackpropPhase.Update).ShouldBe(update);
        walk.FirstOf(BackpropPhase.Forward).ShouldBe(0);
        walk.FirstOf(BackpropPhase.Backward).ShouldBe(forward);
        walk.FirstOf(BackpropPhase.Update).ShouldBe(forward + backward);
        walk.Steps.Select(s => (int)s.Phase).ShouldBeInOrder();
    }

    [Fact]
    public void LogisticRegression_IsWrittenOutWithItsNumbers()
    {
        // 2-1: z = 0.5·0.7 + (−0.3)·(−1.3) + 0.2 = 0.94, ŷ = σ(0.94), L = −ln ŷ for y = 1.
        var shape = new NetworkShape([], Activation.Tanh);
        var walk = new BackpropWalk(shape, [0.5, -0.3, 0.2], Features, 1, 0.3);
        var yHat = 1 / (1 + Math.Exp(-0.94));
        var s = walk.Steps;
        s[0].Formula.ShouldBe("z¹₁ = w¹₁₁·x₁ + w¹₁₂·x₂ + b¹₁");
        s[0].Numbers.ShouldBe("= 0.5 × 0.7 + (-0.3) × (-1.3) + 0.2");
        s[0].Result.ShouldBe("0.94");
        s[1].Formula.ShouldBe("ŷ = σ(z¹₁) = 1 / (1 + e^−z¹₁)");
        s[1].Numbers.ShouldBe("= 1 / (1 + e^−0.94)");
        s[1].Value.ShouldBe(yHat, 1e-12);
        s[2].Formula.ShouldBe("L = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)]");
        s[2].Value.ShouldBe(-Math.Log(yHat), 1e-12);
        s[3].Formula.ShouldBe("∂L/∂z¹₁ = ŷ − y");
        s[3].Numbers.ShouldBe($"= {RunPresentation.Number(yHat)} − 1");
        s[3].Why.ShouldNotBeNull().ShouldContain("ŷ(1 − ŷ)");
        s[4].Formula.ShouldBe("∂L/∂w¹₁₁ = ∂L/∂z¹₁ · x₁");
        s[4].Numbers.ShouldBe($"= ({RunPresentation.Number(yHat - 1)}) × 0.7");
        s[4].Value.ShouldBe((yHat - 1) * 0.7, 1e-12);
        s[6].Formula.ShouldBe("∂L/∂b¹₁ = ∂L/∂z¹₁ · 1");
        s[7].Formula.ShouldBe("w¹₁₁ ← w¹₁₁ − α·∂L/∂w¹₁₁");
        s[7].Numbers.ShouldBe($"= 0.5 − 0.3 × ({RunPresentation.Number((yHat - 1) * 0.7)})");
        s[7].Result.ShouldBe(RunPresentation.Number(0.5 - (0.3 * (yHat - 1) * 0.7)));
    }

    [Fact]
    public void AHiddenUnit_SumsWhatItsUnitsSendBack_AndMultipliesBySlope()
    {
        var walk = Walk([2], Activation.Tanh);
        var first = walk.Steps.First(s => s.Kind == BackpropStepKind.ActivationGradient);
        first.Quantity.ShouldBe("∂L/∂h¹₁");
        first.Formula.ShouldBe("∂L/∂h¹₁ = w²₁₁·∂L/∂z²₁");
        var slope = walk.Steps.First(s => s.Kind == BackpropStepKind.PreActivationGradient);
        slope.Formula.ShouldBe("∂L/∂z¹₁ = ∂L/∂h¹₁ · (1 − (h¹₁)²)");
        var layer = walk.Trace.Layers[0];
        slope.Value.ShouldBe(layer.DLossDA[0] * (1 - (layer.A[0] * layer.A[0])), 1e-12);

        var two = Walk([3, 2], Activation.Relu).Steps.First(s => s.Kind == BackpropStepKind.ActivationGradient && s.Node!.Value.Layer == 1);
        two.Formula.ShouldBe("∂L/∂h¹₁ = w²₁₁·∂L/∂z²₁ + w²₂₁·∂L/∂z²₂");
        two.Numbers.Split(" + ").Length.ShouldBe(2);
        Walk([3], Activation.Relu).Steps.First(s => s.Kind == BackpropStepKind.Activation).Formula.ShouldBe("h¹₁ = ReLU(z¹₁) = max(z¹₁, 0)");
        Walk([3], Activation.Sigmoid).Steps.First(s => s.Kind == BackpropStepKind.PreActivationGradient).Formula.ShouldBe("∂L/∂z¹₁ = ∂L/∂h¹₁ · h¹₁(1 − h¹₁)");
    }

    [Fact]
    public void ValuesThrough_ShowTheInputs_ThenEachZAndAAsTheForwardPassReachesThem()
    {
        var walk = Walk([4], Activation.Tanh);
        var start = walk.ValuesThrough(0);
        start.Count.ShouldBe(3);
        start.Single(v => v.Node == new NetworkNode(1, 0)).ShouldBe(new NodeValue(new NetworkNode(1, 0), walk.Trace.Layers[0].Z[0], null));
        start.Single(v => v.Node == new NetworkNode(0, 1)).A.ShouldBe(-1.3);
        var all = walk.ValuesThrough(walk.Steps.Count - 1);
        all.Count.ShouldBe(7);
        all.Single(v => v.Node == new NetworkNode(2, 0)).A.ShouldBe(walk.Trace.Prediction);
    }

    [Fact]
    public void ParametersThrough_TakeTheNewValues_OfTheUpdatesPassed()
    {
        var walk = Walk([4], Activation.Tanh);
        var update = walk.FirstOf(BackpropPhase.Update);
        walk.ParametersThrough(update - 1).ShouldBe(walk.Parameters);
        var first = walk.ParametersThrough(update);
        first[0].ShouldBe(walk.Updated[0]);
        first.Skip(1).ShouldBe(walk.Parameters.Skip(1));
        walk.ParametersThrough(walk.Steps.Count - 1).ShouldBe(walk.Updated);
    }

    [Theory]
    [InlineData("3", true, 2)]
    [InlineData("200", true, 199)]
    [InlineData("0", false, -1)]
    [InlineData("201", false, -1)]
    [InlineData("two", false, -1)]
    [InlineData("", false, -1)]
    public void ARowNumber_CountsFromOne_AndABadOneIsSaid(string text, bool ok, int row)
    {
        BackpropExamples.TryRow(text, 200, out var index, out var error).ShouldBe(ok);
        index.ShouldBe(row);
        if (!ok)
        {
            error.ShouldBe($"'{text}' is not an example: pick a whole number from 1 to 200.");
        }
    }

    [Fact]
    public void NextMisclassified_FindsTheRowsTheNetworkGetsWrong_WrappingRound()
    {
        // All parameters 0: ŷ = 0.5 everywhere, which counts as class 1, so the rows labelled 0 are wrong.
        var data = Dataset.FromRows([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]], [1, 0, 1, 0]);
        var shape = new NetworkShape([2], Activation.Tanh);
        var zero = new double[shape.ParameterCount];
        BackpropExamples.NextMisclassified(shape, zero, data, -1).ShouldBe(1);
        BackpropExamples.NextMisclassified(shape, zero, data, 1).ShouldBe(3);
        BackpropExamples.NextMisclassified(shape, zero, data, 3).ShouldBe(1);
        var allOne = Dataset.FromRows([[0.0, 1.0]], [1]);
        BackpropExamples.NextMisclassified(shape, zero, allOne, -1).ShouldBeNull();
    }
}
