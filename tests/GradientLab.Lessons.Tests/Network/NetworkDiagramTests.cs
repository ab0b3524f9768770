using GradientLab.Core.Objectives;
using GradientLab.Lessons.Network;

namespace GradientLab.Lessons.Tests.Network;

public sealed class NetworkDiagramTests
{
    private static readonly NetworkShape Xor = new([4], Activation.Tanh);

    private static double[] Weights(NetworkShape shape) => shape.Initialize(seed: 3);

    [Fact]
    public void TheNodes_StandInAColumnPerLayer_WithTheirLabels()
    {
        var diagram = NetworkDiagram.Create(Xor, Weights(Xor));
        diagram.Nodes.Select(n => n.Label).ShouldBe(["x₁", "x₂", "h¹₁", "h¹₂", "h¹₃", "h¹₄", "ŷ"]);
        diagram.Nodes.Select(n => n.X).Distinct().Count().ShouldBe(3);
        diagram.Nodes.GroupBy(n => n.Id.Layer).Select(g => g.First().X).ShouldBeInOrder();
        foreach (var node in diagram.Nodes)
        {
            node.X.ShouldBeInRange(NetworkDiagram.Radius, diagram.Width - NetworkDiagram.Radius);
            node.Y.ShouldBeInRange(NetworkDiagram.Radius, diagram.Height - NetworkDiagram.Radius - 30);
        }

        // Units of a layer stand apart by more than two node heights' worth of room for the values below them.
        var hidden = diagram.Nodes.Where(n => n.Id.Layer == 1).Select(n => n.Y).ToArray();
        hidden.Zip(hidden.Skip(1)).ShouldAllBe(p => p.Second - p.First > (2 * NetworkDiagram.Radius) + 34);
        diagram.Width.ShouldBe(428);
        NetworkDiagram.Create(new NetworkShape([8, 3], Activation.Relu), Weights(new NetworkShape([8, 3], Activation.Relu))).Nodes.Select(n => n.Label)
            .ShouldBe(["x₁", "x₂", "h¹₁", "h¹₂", "h¹₃", "h¹₄", "h¹₅", "h¹₆", "h¹₇", "h¹₈", "h²₁", "h²₂", "h²₃", "ŷ"]);
    }

    [Fact]
    public void TheEdges_CarryTheWeights_InTheFlatOrder_ColouredAndDashedBySign_AsWideAsTheirSize()
    {
        var parameters = Weights(Xor);
        parameters[0] = -2;
        parameters[1] = 0;
        var diagram = NetworkDiagram.Create(Xor, parameters);
        diagram.Edges.Count.ShouldBe(12);
        var weights = Enumerable.Range(0, 8).Concat(Enumerable.Range(12, 4)).Select(k => parameters[k]).ToArray();
        diagram.Edges.Select(e => e.Weight).ShouldBe(weights);
        diagram.Edges[0].Name.ShouldBe("w¹₁₁");
        diagram.Edges[0].Title.ShouldBe("w¹₁₁ = -2");
        diagram.Edges[0].Negative.ShouldBeTrue();
        diagram.Edges[0].Colour.ShouldBe(NetworkDiagram.NegativeColour);
        diagram.Edges[0].Dash.ShouldBe("6 4");
        diagram.Edges[0].Width.ShouldBe(NetworkDiagram.MaxEdgeWidth);
        diagram.Edges[1].Width.ShouldBe(NetworkDiagram.MinEdgeWidth);
        diagram.Edges[1].Dash.ShouldBeNull();
        diagram.Edges[1].Colour.ShouldBe(NetworkDiagram.PositiveColour);
        foreach (var edge in diagram.Edges)
        {
            edge.Width.ShouldBe(1 + (6 * Math.Abs(edge.Weight) / 2), 1e-12);
            (edge.Dash is null).ShouldBe(edge.Weight >= 0);
        }

        var last = diagram.Edges[^1];
        last.Name.ShouldBe("w²₁₄");
        (last.X1, last.Y1).ShouldBe((diagram.Nodes[5].X, diagram.Nodes[5].Y));
        (last.X2, last.Y2).ShouldBe((diagram.Nodes[6].X, diagram.Nodes[6].Y));
        NetworkDiagram.PositiveColour.ShouldNotBe(NetworkDiagram.NegativeColour);
        diagram.Description.ShouldContain("12 weights");
    }

    [Fact]
    public void AllWeightsZero_DrawsThinLines_AndBiasesDoNotSetTheScale()
    {
        var parameters = new double[Xor.ParameterCount];
        parameters[Xor.BiasOffset(1)] = 5;
        NetworkDiagram.Create(Xor, parameters).Edges.ShouldAllBe(e => e.Width == NetworkDiagram.MinEdgeWidth);
        parameters[0] = 1;
        NetworkDiagram.Create(Xor, parameters).Edges[0].Width.ShouldBe(NetworkDiagram.MaxEdgeWidth);
    }

    [Fact]
    public void TheHighlightedNodeOrEdge_AndTheKnownValues_AreMarked()
    {
        var node = new NetworkNode(1, 2);
        var edge = new NetworkEdge(2, 0, 3);
        var values = new[] { new NodeValue(node, 0.5, Math.Tanh(0.5)), new NodeValue(new NetworkNode(1, 0), 0.25, null) };
        var diagram = NetworkDiagram.Create(Xor, Weights(Xor), values, node, edge);
        diagram.Nodes.Single(n => n.Highlighted).Id.ShouldBe(node);
        diagram.Edges.Single(e => e.Highlighted).Id.ShouldBe(edge);
        var shown = diagram.Nodes.Single(n => n.Id == node);
        (shown.Z, shown.A).ShouldBe((0.5, Math.Tanh(0.5)));
        shown.Title.ShouldBe("h¹₃ = 0.462117 (z = 0.5)");
        diagram.ValueLines(shown).ShouldBe(["z 0.5", "= 0.462"]);
        diagram.ValueLines(diagram.Nodes.Single(n => n.Id == new NetworkNode(1, 0))).ShouldBe(["z 0.25"]);
        diagram.ValueLines(diagram.Nodes[0]).ShouldBeEmpty();
        var wide = new NetworkShape([8], Activation.Relu);
        var compact = NetworkDiagram.Create(wide, Weights(wide), [new NodeValue(new NetworkNode(1, 0), -2.5, 0)]);
        compact.Compact.ShouldBeTrue();
        diagram.Compact.ShouldBeFalse();
        compact.ValueLines(compact.Nodes[2]).ShouldBe(["z -2.5 → 0"]);
        diagram.Nodes.Single(n => n.Id == new NetworkNode(1, 0)).Title.ShouldBe("h¹₁: z = 0.25");
        diagram.Nodes.Single(n => n.Id == new NetworkNode(1, 1)).Title.ShouldBe("h¹₂");
        NetworkDiagram.Create(Xor, Weights(Xor)).Nodes.ShouldAllBe(n => !n.Highlighted && n.A == null);
    }

    [Fact]
    public void LogisticRegression_IsTwoInputsAndTheOutput()
    {
        var shape = new NetworkShape([], Activation.Tanh);
        var diagram = NetworkDiagram.Create(shape, [1, -1, 0]);
        diagram.Nodes.Select(n => n.Label).ShouldBe(["x₁", "x₂", "ŷ"]);
        diagram.Edges.Select(e => e.Name).ShouldBe(["w¹₁₁", "w¹₁₂"]);
        diagram.LayerTitle(0).ShouldBe("inputs");
        diagram.LayerTitle(1).ShouldBe("output");
        NetworkDiagram.Create(Xor, Weights(Xor)).LayerTitle(1).ShouldBe("hidden 1");
    }

    [Fact]
    public void TheWrongNumberOfParameters_IsRefused()
    {
        Should.Throw<ArgumentException>(() => NetworkDiagram.Create(Xor, [1, 2, 3]));
    }
}
