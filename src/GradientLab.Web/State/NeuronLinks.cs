using System.Globalization;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>What /neuron shows: one sigmoid neuron's settings and the iteration on screen.</summary>
/// <param name="Preset">The scenario menu's label: a neuron preset's name, or <c>custom</c> once a setting changed.</param>
/// <param name="Base">The preset the settings start from.</param>
/// <param name="X">The input x.</param>
/// <param name="Y">The target y.</param>
/// <param name="W">The start w.</param>
/// <param name="B">The start b.</param>
/// <param name="Alpha">The learning rate α.</param>
/// <param name="TrainBias">Whether b is trained too (the presets hold it fixed).</param>
/// <param name="Step">The iteration shown.</param>
public sealed record NeuronState(string Preset, string Base, double X, double Y, double W, double B, double Alpha, bool TrainBias, int Step = 0)
{
    /// <summary>The settings of the neuron preset <paramref name="name"/>, at iteration 0.</summary>
    /// <exception cref="ScenarioException">No neuron preset has that name.</exception>
    public static NeuronState Of(string name)
    {
        var scenario = Presets.Find(name) is { Scenario.Objective.Kind: "sigmoid-neuron" } preset
            ? preset.Scenario
            : throw new ScenarioException($"the parameter 'preset' is '{name}', which is not a neuron preset: use one of {string.Join(", ", NeuronLinks.Presets)}.");
        return new NeuronState(name, name, scenario.Objective!.Data!.X![0][0], scenario.Objective.Data.Y![0], scenario.Start![0], scenario.Start[1], scenario.Optimizer!.LearningRate!.Value, scenario.Freeze is not ["b"]);
    }
}

/// <summary>
/// The /neuron page's address, version 2: <c>v=2&amp;preset=NAME</c> plus the settings that differ from it
/// (<c>x</c>, <c>y</c>, <c>w</c>, <c>b</c>, <c>alpha</c>, <c>bias</c>) and <c>step</c>. Version 0 (<c>?preset=</c>) is read too.
/// </summary>
public static class NeuronLinks
{
    /// <summary>The preset opened by an address without one.</summary>
    public const string DefaultPreset = "neuron-underprediction";

    /// <summary>The presets the page opens: the sigmoid-neuron ones.</summary>
    public static IReadOnlyList<string> Presets { get; } =
        [.. GradientLab.Scenarios.Presets.All.Where(p => p.Scenario.Objective?.Kind == "sigmoid-neuron").Select(p => p.Name)];

    private static readonly string[] Settings = ["x", "y", "w", "b", "alpha", "bias"];

    private static readonly string[] Parameters = ["v", "preset", .. Settings, "step"];

    /// <summary>The query (without <c>?</c>) for <paramref name="state"/>.</summary>
    public static string Query(NeuronState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var preset = NeuronState.Of(state.Base);
        var parameters = new List<KeyValuePair<string, string>> { new("v", "2"), new("preset", state.Base) };
        void Add(string name, double value, double presetValue)
        {
            if (!value.Equals(presetValue))
            {
                parameters.Add(new(name, LinkQuery.Format(value)));
            }
        }

        Add("x", state.X, preset.X);
        Add("y", state.Y, preset.Y);
        Add("w", state.W, preset.W);
        Add("b", state.B, preset.B);
        Add("alpha", state.Alpha, preset.Alpha);
        if (state.TrainBias != preset.TrainBias)
        {
            parameters.Add(new("bias", state.TrainBias ? "1" : "0"));
        }

        if (state.Step > 0)
        {
            parameters.Add(new("step", state.Step.ToString(CultureInfo.InvariantCulture)));
        }

        return LinkQuery.Write(parameters);
    }

    /// <summary>Reads a /neuron address (or its query).</summary>
    /// <exception cref="ScenarioException">A parameter is unknown or bad; the message names it.</exception>
    public static NeuronState Read(string? address)
    {
        var query = LinkQuery.Parse(address);
        query.RequireKnown(Parameters);
        query.FormatVersion();
        var state = NeuronState.Of(query["preset"] ?? DefaultPreset);
        var changed = query.Names.Any(n => Settings.Contains(n, StringComparer.Ordinal));
        return state with
        {
            Preset = changed ? "custom" : state.Preset,
            X = query.Number("x", -1e6, 1e6) ?? state.X,
            Y = query.Number("y", -1e6, 1e6) ?? state.Y,
            W = query.Number("w", -1e6, 1e6) ?? state.W,
            B = query.Number("b", -1e6, 1e6) ?? state.B,
            Alpha = query.Number("alpha", double.Epsilon, 1e6) ?? state.Alpha,
            TrainBias = query.Flag("bias") ?? state.TrainBias,
            Step = query.WholeNumber("step", 0, 10_000) ?? 0,
        };
    }
}
