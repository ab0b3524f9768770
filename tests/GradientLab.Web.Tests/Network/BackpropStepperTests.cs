using Bunit;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;
using GradientLab.Lessons.Network;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Network;

namespace GradientLab.Web.Tests.Network;

/// <summary>The backprop stepper as the /network page will hold it: a network, its parameters, the data and α.</summary>
public sealed class BackpropStepperTests : BunitContext
{
    private static readonly NetworkShape Shape = new([4], Activation.Tanh);

    // XOR's four corners, in the lab's ±1 form.
    private static readonly Dataset Xor = Dataset.FromRows([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]], [0, 1, 1, 0]);

    private static double[] Start(int seed = 5)
    {
        var parameters = Shape.Initialize(seed);
        parameters[Shape.BiasOffset(1)] = 0.1;
        parameters[Shape.BiasOffset(2)] = -0.2;
        return parameters;
    }

    private IRenderedComponent<BackpropStepper> Stepper(double[] parameters, Dataset? data = null) => Render<BackpropStepper>(p => p
        .Add(s => s.Shape, Shape)
        .Add(s => s.Parameters, parameters)
        .Add(s => s.Data, data ?? Xor)
        .Add(s => s.LearningRate, 0.3));

    private static string Text(IRenderedComponent<BackpropStepper> stepper, string id) => stepper.Find($"[data-testid={id}]").TextContent.Trim();

    private static int StepNumber(IRenderedComponent<BackpropStepper> stepper) => int.Parse(Text(stepper, "bp-step"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The engine's gradient of the network on row <paramref name="row"/> alone.</summary>
    private static double[] EngineGradient(double[] parameters, int row)
    {
        var one = Dataset.FromRows([[Xor.Column(0)[row], Xor.Column(1)[row]]], [Xor.Targets[row]]);
        var gradient = new double[parameters.Length];
        new NeuralNetwork(one, Shape).Evaluate(parameters, gradient);
        return gradient;
    }

    [Fact]
    public void ClickingNextToAWeightsGradient_ShowsTheEnginesGradient()
    {
        var parameters = Start();
        var stepper = Stepper(parameters);
        stepper.Find("[data-testid=bp-backward]").Click();
        Text(stepper, "bp-formula").ShouldBe("∂L/∂z²₁ = ŷ − y");
        var gradient = EngineGradient(parameters, 0);
        stepper.Find("[data-testid=bp-next]").Click();
        Text(stepper, "bp-formula").ShouldBe("∂L/∂w²₁₁ = ∂L/∂z²₁ · h¹₁");
        Text(stepper, "bp-result").ShouldBe(RunPresentation.Number(gradient[Shape.WeightOffset(2)]));
        stepper.Find("[data-testid=edge][data-highlighted=true]").GetAttribute("data-name").ShouldBe("w²₁₁");

        // On to the first weight of the first layer: w¹₁₁, which multiplies x₁ in h¹₁.
        while (!Text(stepper, "bp-formula").StartsWith("∂L/∂w¹₁₁", StringComparison.Ordinal))
        {
            stepper.Find("[data-testid=bp-next]").Click();
        }

        Text(stepper, "bp-result").ShouldBe(RunPresentation.Number(gradient[0]));
        Text(stepper, "bp-numbers").ShouldEndWith("× (-1)");
        stepper.Find("[data-testid=bp-values]").TextContent.ShouldContain(RunPresentation.Number(gradient[0]));
    }

    [Fact]
    public void TheUpdate_ShowsThetaMinusAlphaTimesTheGradient_AndSaysItIsABatchOfOne()
    {
        var parameters = Start();
        var stepper = Stepper(parameters);
        stepper.Find("[data-testid=bp-update]").Click();
        stepper.Find("[data-testid=bp-update]").GetAttribute("aria-pressed").ShouldBe("true");
        Text(stepper, "bp-formula").ShouldBe("w¹₁₁ ← w¹₁₁ − α·∂L/∂w¹₁₁");
        Text(stepper, "bp-result").ShouldBe(RunPresentation.Number(parameters[0] - (0.3 * EngineGradient(parameters, 0)[0])));
        Text(stepper, "bp-why").ShouldContain("batch size 1");
        var updated = parameters[0] - (0.3 * EngineGradient(parameters, 0)[0]);
        double.Parse(stepper.Find("[data-testid=edge][data-name=w¹₁₁]").GetAttribute("data-weight")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(updated, 1e-15);
        double.Parse(stepper.Find("[data-testid=edge][data-name=w¹₁₂]").GetAttribute("data-weight")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(parameters[1]);
        stepper.Find("[data-testid=bp-last]").Click();
        StepNumber(stepper).ShouldBe(54);
        stepper.Find("[data-testid=bp-next]").HasAttribute("disabled").ShouldBeTrue();
        stepper.Find("[data-testid=bp-first]").Click();
        StepNumber(stepper).ShouldBe(1);
        stepper.Find("[data-testid=bp-back]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void ABadRow_ShowsTheSentence_AndKeepsTheExample()
    {
        var stepper = Stepper(Start());
        stepper.Find("[data-testid=bp-row]").Change("7");
        Text(stepper, "bp-error").ShouldBe("'7' is not an example: pick a whole number from 1 to 4. The walk still follows example 1.");
        Text(stepper, "bp-example").ShouldBe("of 4: x = (-1, -1), y = 0");
        stepper.Find("[data-testid=bp-row]").Change("3");
        stepper.FindAll("[data-testid=bp-error]").ShouldBeEmpty();
        Text(stepper, "bp-example").ShouldBe("of 4: x = (1, -1), y = 1");
        Text(stepper, "bp-numbers").ShouldContain("× 1 + ");
    }

    [Fact]
    public void PickAMisclassifiedExample_MovesToARowTheNetworkGetsWrong()
    {
        // All zero: ŷ = 0.5 everywhere counts as class 1, so rows 1 and 4 (label 0) are the wrong ones.
        var stepper = Stepper(new double[Shape.ParameterCount]);
        stepper.Find("[data-testid=bp-misclassified]").Click();
        Text(stepper, "bp-example").ShouldBe("of 4: x = (1, 1), y = 0");
        stepper.Find("[data-testid=bp-misclassified]").Click();
        Text(stepper, "bp-example").ShouldBe("of 4: x = (-1, -1), y = 0");
    }

    [Fact]
    public void NewParameters_RestartTheWalk_OnThemForTheSameExample()
    {
        var stepper = Stepper(Start());
        stepper.Find("[data-testid=bp-row]").Change("2");
        for (var k = 0; k < 5; k++)
        {
            stepper.Find("[data-testid=bp-next]").Click();
        }

        StepNumber(stepper).ShouldBe(6);
        var moved = Start(seed: 9);
        stepper.Render(p => p.Add(s => s.Parameters, moved));
        StepNumber(stepper).ShouldBe(1);
        Text(stepper, "bp-note").ShouldContain("restarted");
        Text(stepper, "bp-example").ShouldBe("of 4: x = (-1, 1), y = 1");
        Text(stepper, "bp-numbers").ShouldBe($"= {T(moved[0])} × (-1) + {T(moved[1])} × 1 + 0.1");

        // The same numbers again (the page re-rendering) leave the learner where they are.
        stepper.Find("[data-testid=bp-next]").Click();
        stepper.Render(p => p.Add(s => s.Parameters, (double[])moved.Clone()));
        StepNumber(stepper).ShouldBe(2);
    }

    private static string T(double value) => value < 0 ? $"({RunPresentation.Number(value)})" : RunPresentation.Number(value);

    [Fact]
    public void TheDiagramsEdges_CarryTheWeights_AndTheCurrentNodeIsLit()
    {
        var parameters = Start();
        var stepper = Stepper(parameters);
        var edges = stepper.FindAll("[data-testid=edge]");
        edges.Count.ShouldBe(12);
        var diagram = NetworkDiagram.Create(Shape, parameters);
        foreach (var expected in diagram.Edges)
        {
            var edge = edges.Single(e => e.GetAttribute("data-name") == expected.Name);
            double.Parse(edge.GetAttribute("data-weight")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected.Weight);
            edge.QuerySelector("title")!.TextContent.ShouldBe($"{expected.Name} = {RunPresentation.Number(expected.Weight)}");
            edge.GetAttribute("stroke").ShouldBe(expected.Weight < 0 ? NetworkDiagram.NegativeColour : NetworkDiagram.PositiveColour);
            (edge.GetAttribute("stroke-dasharray") is null).ShouldBe(expected.Weight >= 0);
        }

        var svg = stepper.Find("[data-testid=network-diagram]");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-label")!.ShouldContain("12 weights");
        svg.GetAttribute("viewBox").ShouldBe($"0 0 428 {diagram.Height:0.##}");
        stepper.Find("[data-testid=node][data-highlighted=true]").GetAttribute("data-label").ShouldBe("h¹₁");
        stepper.Find("[data-testid=bp-next]").Click();
        stepper.Find("[data-testid=node][data-highlighted=true]").QuerySelector("title")!.TextContent.ShouldStartWith("h¹₁ = ");
    }

    [Fact]
    public void NoData_OrDataOfTheWrongWidth_SaysSo()
    {
        var none = Render<BackpropStepper>(p => p.Add(s => s.Shape, Shape).Add(s => s.Parameters, Start()).Add(s => s.Data, null).Add(s => s.LearningRate, 0.3));
        none.Find("[data-testid=bp-error]").TextContent.ShouldBe("There are no examples to pick from.");
        var wide = Dataset.FromRows([[1.0, 2.0, 3.0]], [1]);
        Stepper(Start(), wide).Find("[data-testid=bp-error]").TextContent.ShouldContain("2 inputs");
    }
}
