using System.Globalization;
using GradientLab.Core.Objectives;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Network;

/// <summary>A node of a network: <paramref name="Layer"/> 0 is the input, <see cref="NetworkShape.LayerCount"/> the output; <paramref name="Unit"/> counts from 0.</summary>
public readonly record struct NetworkNode(int Layer, int Unit);

/// <summary>The edge of weight W^ℓ[<paramref name="To"/>, <paramref name="From"/>]: from unit <paramref name="From"/> of layer ℓ − 1 to unit <paramref name="To"/> of layer ℓ = <paramref name="Layer"/> (from 0).</summary>
public readonly record struct NetworkEdge(int Layer, int To, int From)
{
    /// <summary>The node the edge leaves.</summary>
    public NetworkNode Source => new(Layer - 1, From);

    /// <summary>The node the edge enters.</summary>
    public NetworkNode Target => new(Layer, To);
}

/// <summary>What a node holds so far: its pre-activation z (none for an input) and its value a, each once the forward pass has computed it.</summary>
public readonly record struct NodeValue(NetworkNode Node, double? Z, double? A);

/// <summary>A node as drawn: its centre, its label (x₁, h¹₂, ŷ), its values if known, and whether it is the one in focus.</summary>
public sealed record DiagramNode(NetworkNode Id, double X, double Y, string Label, double? Z, double? A, bool Highlighted)
{
    /// <summary>What the node holds, for a tooltip: its label and its z and value when known.</summary>
    public string Title => (Z, A) switch
    {
        ({ } z, { } a) => $"{Label} = {RunPresentation.Number(a)} (z = {RunPresentation.Number(z)})",
        ({ } z, null) => $"{Label}: z = {RunPresentation.Number(z)}",
        (null, { } a) => $"{Label} = {RunPresentation.Number(a)}",
        _ => Label,
    };
}

/// <summary>
/// An edge as drawn: its ends, its weight and name, its colour by sign (blue for positive, vermillion and dashed for
/// negative: the two stay apart under every colour-blindness, and the dash says it without colour) and its width by
/// |w| relative to the largest weight of the network.
/// </summary>
public sealed record DiagramEdge(NetworkEdge Id, double X1, double Y1, double X2, double Y2, double Weight, string Name, double Width, bool Highlighted)
{
    /// <summary>Whether the weight is negative (drawn dashed, in vermillion).</summary>
    public bool Negative => Weight < 0;

    /// <summary>The stroke colour: Okabe–Ito blue for w ≥ 0, Okabe–Ito vermillion for w &lt; 0.</summary>
    public string Colour => Negative ? NetworkDiagram.NegativeColour : NetworkDiagram.PositiveColour;

    /// <summary>The dash pattern: none for w ≥ 0, "6 4" for w &lt; 0.</summary>
    public string? Dash => Negative ? "6 4" : null;

    /// <summary>The edge's tooltip: its name and its weight.</summary>
    public string Title => $"{Name} = {RunPresentation.Number(Weight)}";
}

/// <summary>
/// The drawing of a small network as a plain model: a column of nodes per layer (inputs, hidden layers, output), every
/// weight an edge coloured by its sign and as wide as its size relative to the largest, labels, the values of the nodes
/// the forward pass has reached, and the node or edge in focus. The view only draws it.
/// </summary>
public sealed class NetworkDiagram
{
    /// <summary>The colour of a positive weight (Okabe–Ito blue).</summary>
    public const string PositiveColour = "#0072B2";

    /// <summary>The colour of a negative weight (Okabe–Ito vermillion).</summary>
    public const string NegativeColour = "#D55E00";


    /// <summary>A node's radius.</summary>
    public const double Radius = 22;

    /// <summary>The thinnest and the widest edge.</summary>
    public const double MinEdgeWidth = 1, MaxEdgeWidth = 7;

    /// <summary>Layers with more units than this are drawn closer, with a node's z and value on one line.</summary>
    public const int RoomyUnits = 4;

    private const double Top = 34;
    private const double Margin = 64;
    private const double ColumnGap = 150;

    private NetworkDiagram(NetworkShape shape, IReadOnlyList<DiagramNode> nodes, IReadOnlyList<DiagramEdge> edges, double width, double height)
    {
        Shape = shape;
        Nodes = nodes;
        Edges = edges;
        Width = width;
        Height = height;
    }

    /// <summary>The network drawn.</summary>
    public NetworkShape Shape { get; }

    /// <summary>Every node, layer after layer, top to bottom.</summary>
    public IReadOnlyList<DiagramNode> Nodes { get; }

    /// <summary>Every edge, in the flat parameter order of the weights.</summary>
    public IReadOnlyList<DiagramEdge> Edges { get; }

    /// <summary>The width of the drawing's coordinate box (it grows with the number of layers).</summary>
    public double Width { get; }

    /// <summary>The height of the drawing's coordinate box (it grows with the largest layer).</summary>
    public double Height { get; }

    /// <summary>Whether a layer has more than <see cref="RoomyUnits"/> units, so a node's z and value share one line.</summary>
    public bool Compact => Enumerable.Range(0, Shape.LayerCount + 1).Max(Shape.Units) > RoomyUnits;

    /// <summary>What the drawing shows, in a sentence for a screen reader.</summary>
    public string Description
    {
        get
        {
            var positive = Edges.Count(e => !e.Negative);
            return string.Create(CultureInfo.InvariantCulture, $"The network {Shape}: {Nodes.Count} nodes and {Edges.Count} weights, {positive} positive (solid blue) and {Edges.Count - positive} negative (dashed vermillion), each line as wide as its weight's size.");
        }
    }

    /// <summary>The title of a layer's column: inputs, hidden layer ℓ, output.</summary>
    public string LayerTitle(int layer) =>
        layer == 0 ? "inputs" : layer == Shape.LayerCount ? "output" : string.Create(CultureInfo.InvariantCulture, $"hidden {layer}");

    /// <summary>The x of a layer's column.</summary>
    public double ColumnX(int layer) => Margin + ((Width - (2 * Margin)) * layer / Shape.LayerCount);

    /// <summary>The lines under a node: its z and its value as far as they are known, three significant digits.</summary>
    public IReadOnlyList<string> ValueLines(DiagramNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var z = node.Z is { } zv ? "z " + RunPresentation.Brief(zv) : null;
        var a = node.A is { } av ? RunPresentation.Brief(av) : null;
        return (z, a) switch
        {
            (not null, not null) when Compact => [$"{z} → {a}"],
            (not null, not null) => [z, "= " + a],
            (not null, null) => [z],
            (null, not null) => ["= " + a],
            _ => [],
        };
    }

    /// <summary>
    /// Lays out <paramref name="shape"/> with <paramref name="parameters"/> (its flat layout). <paramref name="values"/>
    /// gives the nodes the forward pass has reached; <paramref name="node"/> or <paramref name="edge"/> is in focus.
    /// </summary>
    public static NetworkDiagram Create(
        NetworkShape shape,
        IReadOnlyList<double> parameters,
        IEnumerable<NodeValue>? values = null,
        NetworkNode? node = null,
        NetworkEdge? edge = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != shape.ParameterCount)
        {
            throw new ArgumentException($"The network {shape} has {shape.ParameterCount} parameters; got {parameters.Count}.", nameof(parameters));
        }

        var known = (values ?? []).ToDictionary(v => v.Node);
        var tallest = Enumerable.Range(0, shape.LayerCount + 1).Max(shape.Units);
        var rowHeight = tallest > RoomyUnits ? 68.0 : 84.0;
        var width = Math.Max(340, (2 * Margin) + (ColumnGap * shape.LayerCount));
        var height = (2 * Top) + (tallest * rowHeight);
        double ColumnX(int layer) => Margin + ((width - (2 * Margin)) * layer / shape.LayerCount);
        double Y(int layer, int unit) => (height / 2) + ((unit - ((shape.Units(layer) - 1) / 2.0)) * rowHeight) - 8;

        var nodes = new List<DiagramNode>();
        for (var l = 0; l <= shape.LayerCount; l++)
        {
            for (var i = 0; i < shape.Units(l); i++)
            {
                var id = new NetworkNode(l, i);
                var value = known.TryGetValue(id, out var v) ? v : (NodeValue?)null;
                nodes.Add(new DiagramNode(id, ColumnX(l), Y(l, i), BackpropNames.Node(shape, id), value?.Z, value?.A, node == id));
            }
        }

        var largest = parameters.Where((_, k) => IsWeight(shape, k)).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var edges = new List<DiagramEdge>();
        for (var l = 1; l <= shape.LayerCount; l++)
        {
            var fanIn = shape.Units(l - 1);
            for (var i = 0; i < shape.Units(l); i++)
            {
                for (var j = 0; j < fanIn; j++)
                {
                    var id = new NetworkEdge(l, i, j);
                    var w = parameters[shape.WeightOffset(l) + (i * fanIn) + j];
                    var thickness = largest > 0 && double.IsFinite(largest) ? MinEdgeWidth + ((MaxEdgeWidth - MinEdgeWidth) * Math.Abs(w) / largest) : MinEdgeWidth;
                    edges.Add(new DiagramEdge(id, ColumnX(l - 1), Y(l - 1, j), ColumnX(l), Y(l, i), w, BackpropNames.Weight(id), thickness, edge == id));
                }
            }
        }

        return new NetworkDiagram(shape, nodes, edges, width, height);
    }

    private static bool IsWeight(NetworkShape shape, int index)
    {
        for (var l = 1; l <= shape.LayerCount; l++)
        {
            if (index >= shape.WeightOffset(l) && index < shape.BiasOffset(l))
            {
                return true;
            }
        }

        return false;
    }
}
