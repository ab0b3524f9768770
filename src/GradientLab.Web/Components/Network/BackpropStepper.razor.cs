using System.Globalization;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;
using GradientLab.Lessons.Network;
using GradientLab.Scenarios;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Network;

/// <summary>
/// The backprop stepper: one example of <see cref="Data"/> walked through the network step by step (forward, backward,
/// update), with the drawing lit at the node or edge of the step and a table of what has been computed so far. When
/// <see cref="Parameters"/> change (training moved on), the walk restarts on them for the same example.
/// </summary>
public sealed partial class BackpropStepper
{
    private BackpropWalk? _walk;
    private int _row;
    private int _index;
    private string? _error;
    private string? _note;
    private NetworkShape? _shape;
    private Dataset? _data;
    private double[] _parameters = [];
    private double _learningRate = double.NaN;

    /// <summary>The network's shape.</summary>
    [Parameter, EditorRequired]
    public NetworkShape Shape { get; set; } = default!;

    /// <summary>Its parameters now, in the flat layout of <see cref="NetworkShape"/>.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<double> Parameters { get; set; } = [];

    /// <summary>The examples to pick one from.</summary>
    [Parameter, EditorRequired]
    public Dataset? Data { get; set; }

    /// <summary>The learning rate α of the update steps.</summary>
    [Parameter, EditorRequired]
    public double LearningRate { get; set; }

    private string Example
    {
        get
        {
            var features = Enumerable.Range(0, Data!.FeatureCount).Select(j => RunPresentation.Number(Data.Column(j)[_row]));
            return $"x = ({string.Join(", ", features)}), y = {RunPresentation.Number(Data.Targets[_row])}";
        }
    }

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var sameNetwork = ReferenceEquals(Shape, _shape) && ReferenceEquals(Data, _data);
        if (sameNetwork && _parameters.SequenceEqual(Parameters) && LearningRate.Equals(_learningRate))
        {
            return;
        }

        var restarted = _walk is not null && sameNetwork;
        (_shape, _data, _parameters, _learningRate) = (Shape, Data, [.. Parameters], LearningRate);
        if (!sameNetwork)
        {
            _row = 0;
        }

        Rebuild();
        _note = restarted ? "The parameters changed (training moved on): the walk restarted on the new ones, for the same example." : null;
    }

    private void Rebuild()
    {
        _index = 0;
        _walk = null;
        if (Data is null || Data.SampleCount == 0)
        {
            return;
        }

        _row = Math.Min(_row, Data.SampleCount - 1);
        try
        {
            _walk = BackpropWalk.ForRow(Shape, _parameters, Data, _row, LearningRate);
        }
        catch (ArgumentException error)
        {
            _error = error.Message;
        }
    }

    private void Go(int index)
    {
        _index = Math.Clamp(index, 0, _walk!.Steps.Count - 1);
        _note = null;
    }

    private void OnRow(ChangeEventArgs change)
    {
        var text = Convert.ToString(change.Value, CultureInfo.InvariantCulture);
        if (!BackpropExamples.TryRow(text, Data!.SampleCount, out var row, out var error))
        {
            _error = $"{error} The walk still follows example {_row + 1}.";
            return;
        }

        Pick(row);
    }

    private void PickMisclassified()
    {
        if (BackpropExamples.NextMisclassified(Shape, _parameters, Data!, _row) is { } row)
        {
            Pick(row);
        }
        else
        {
            _error = "The network classifies every example right: there is no misclassified one to pick.";
        }
    }

    private void Pick(int row)
    {
        _row = row;
        _error = null;
        _note = null;
        Rebuild();
    }

    private NetworkDiagram Diagram(BackpropStep step) =>
        NetworkDiagram.Create(Shape, _walk!.ParametersThrough(_index), _walk.ValuesThrough(_index), step.Node, step.Edge);

    private static string Name(BackpropPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Title(BackpropPhase phase) => phase switch
    {
        BackpropPhase.Forward => "Forward pass",
        BackpropPhase.Backward => "Backward pass (chain rule)",
        _ => "Update",
    };
}
