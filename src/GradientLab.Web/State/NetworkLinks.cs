using System.Globalization;
using GradientLab.Core.Objectives;
using GradientLab.Lessons.Network;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>What /network shows: the lab's settings and the step on screen.</summary>
/// <param name="Settings">The run's settings.</param>
/// <param name="Step">The step shown.</param>
public sealed record NetworkState(NetworkSettings Settings, int Step = 0);

/// <summary>
/// The /network page's address, version 2: <c>v=2</c> plus the settings that differ from
/// <see cref="NetworkSettings.Default"/> (<c>data</c>, <c>points</c>, <c>noise</c>, <c>dseed</c>, <c>hidden</c> as
/// <c>4</c>, <c>4,3</c> or <c>none</c>, <c>act</c>, <c>seed</c>, <c>opt</c>, <c>rate</c>, <c>batch</c>, <c>steps</c>) and
/// <c>step</c>.
/// </summary>
public static class NetworkLinks
{
    private static readonly string[] Parameters = ["v", "preset", "data", "points", "noise", "dseed", "hidden", "act", "seed", "opt", "rate", "batch", "steps", "step"];

    /// <summary>The query (without <c>?</c>) for <paramref name="state"/>.</summary>
    public static string Query(NetworkState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var s = state.Settings;
        var d = NetworkSettings.Default;
        var parameters = new List<KeyValuePair<string, string>> { new("v", "2") };
        void Add(string name, string value, string defaultValue)
        {
            if (value != defaultValue)
            {
                parameters.Add(new(name, value));
            }
        }

        Add("data", s.PointSet, d.PointSet);
        Add("points", Whole(s.Count), Whole(d.Count));
        Add("noise", LinkQuery.Format(s.Noise), LinkQuery.Format(d.Noise));
        Add("dseed", Whole(s.DataSeed), Whole(d.DataSeed));
        Add("hidden", Hidden(s.Hidden), Hidden(d.Hidden));
        Add("act", s.ActivationName, d.ActivationName);
        Add("seed", Whole(s.InitSeed), Whole(d.InitSeed));
        Add("opt", s.Optimizer, d.Optimizer);
        Add("rate", LinkQuery.Format(s.LearningRate), LinkQuery.Format(d.LearningRate));
        Add("batch", Whole(s.BatchSize), Whole(d.BatchSize));
        Add("steps", Whole(s.Steps), Whole(d.Steps));
        Add("step", Whole(state.Step), "0");
        return LinkQuery.Write(parameters);
    }

    /// <summary>Reads a /network address (or its query).</summary>
    /// <exception cref="ScenarioException">A parameter is unknown or bad; the message names it.</exception>
    public static NetworkState Read(string? address)
    {
        var query = LinkQuery.Parse(address);
        query.RequireKnown(Parameters);
        query.FormatVersion();
        var d = query["preset"] is { } presetName ? FromPreset(presetName) : NetworkSettings.Default;
        var settings = d with
        {
            PointSet = query.Choice("data", Core.Data.PointSets.Names) ?? d.PointSet,
            Count = query.WholeNumber("points", NetworkSettings.MinCount, NetworkSettings.MaxCount) ?? d.Count,
            Noise = query.Number("noise", 0, Core.Data.PointSets.MaxNoise) ?? d.Noise,
            DataSeed = query.WholeNumber("dseed", int.MinValue, int.MaxValue) ?? d.DataSeed,
            Hidden = ReadHidden(query["hidden"]) ?? d.Hidden,
            Activation = query.Choice("act", NetworkSettings.Activations) is { } act ? (Activation)NetworkSettings.Activations.ToList().IndexOf(act) : d.Activation,
            InitSeed = query.WholeNumber("seed", int.MinValue, int.MaxValue) ?? d.InitSeed,
            Optimizer = query.Choice("opt", OptimizerCatalogue.Keys) ?? d.Optimizer,
            LearningRate = query.Number("rate", double.Epsilon, NetworkSettings.MaxLearningRate) ?? d.LearningRate,
            BatchSize = query.WholeNumber("batch", 0, NetworkSettings.MaxCount) ?? d.BatchSize,
            Steps = query.WholeNumber("steps", 1, NetworkSettings.MaxSteps) ?? d.Steps,
        };
        if (settings.Problem() is { } problem)
        {
            throw new ScenarioException(problem);
        }

        return new NetworkState(settings, query.WholeNumber("step", 0, NetworkSettings.MaxSteps) ?? 0);
    }

    /// <summary>The names of the presets this page opens (<c>?preset=xor-network</c>), in the order a course meets them.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = [.. Presets.All.Where(p => p.IsClassifier && p.Scenario.Objective?.Data?.Points is not null).Select(p => p.Name)];

    // A preset's settings, which the address's other parameters then change.
    private static NetworkSettings FromPreset(string name) =>
        PresetNames.Contains(name, StringComparer.Ordinal)
            ? NetworkSettings.FromScenario(Presets.Get(name).Scenario)
            : throw new ScenarioException($"the parameter 'preset' is '{name}', which is not a preset of this page: use one of {string.Join(", ", PresetNames)}.");

    private static string Hidden(IReadOnlyList<int> hidden) => hidden.Count == 0 ? "none" : string.Join(",", hidden.Select(Whole));

    private static int[]? ReadHidden(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text == "none")
        {
            return [];
        }

        var parts = text.Split(',');
        var units = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts.Length > NetworkShape.MaxHiddenLayers || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out units[i]) || units[i] is < 1 or > NetworkShape.MaxUnits)
            {
                throw new ScenarioException($"the parameter 'hidden' is '{text}'; it must be none, or one or two unit counts from 1 to {NetworkShape.MaxUnits} separated by a comma, like 4 or 4,3.");
            }
        }

        return units;
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}
