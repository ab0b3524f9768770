using System.Globalization;
using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Network;

/// <summary>An accepted or refused change of the network lab's settings: the new settings, or the sentence saying why not.</summary>
/// <param name="Settings">The settings after the change (the old ones when refused).</param>
/// <param name="Error">Null when accepted; else what was wrong, naming the field and its range.</param>
public sealed record NetworkChange(NetworkSettings Settings, string? Error)
{
    /// <summary>Whether the change was accepted.</summary>
    public bool Accepted => Error is null;
}

/// <summary>
/// Everything one run of the network lab needs: the data (a point set drawn from a seed), the model (0 hidden layers is
/// logistic regression; 1 or 2 layers of 1–8 units), the initial weights' seed, the optimizer (a key of
/// <see cref="OptimizerCatalogue"/>) with its learning rate, the batch size and the step budget. Immutable; each
/// <c>With…</c> change is checked and refused with a sentence that names the field and its range, keeping the last good
/// value.
/// </summary>
/// <param name="PointSet">One of <see cref="PointSets.Names"/>.</param>
/// <param name="Count">Number of points, <see cref="MinCount"/> to <see cref="MaxCount"/>.</param>
/// <param name="Noise">Standard deviation of the noise added to each coordinate, 0 to <see cref="PointSets.MaxNoise"/>.</param>
/// <param name="DataSeed">Seed of the points.</param>
/// <param name="Hidden">Units of each hidden layer: none (logistic regression), one or two layers of 1–8 units.</param>
/// <param name="Activation">The hidden units' activation.</param>
/// <param name="InitSeed">Seed of the initial weights (and of the mini-batches' order).</param>
/// <param name="Optimizer">A key of <see cref="OptimizerCatalogue"/>.</param>
/// <param name="LearningRate">α, above 0 and at most <see cref="MaxLearningRate"/>.</param>
/// <param name="BatchSize">Samples per step: 0 for the full batch, else 1 to the point count.</param>
/// <param name="Steps">The step budget, 1 to <see cref="MaxSteps"/>.</param>
public sealed record NetworkSettings(
    string PointSet,
    int Count,
    double Noise,
    int DataSeed,
    IReadOnlyList<int> Hidden,
    Activation Activation,
    int InitSeed,
    string Optimizer,
    double LearningRate,
    int BatchSize,
    int Steps)
{
    /// <summary>Fewest points.</summary>
    public const int MinCount = PointSets.MinCount;

    /// <summary>Most points on the page (each step touches every point of a full batch).</summary>
    public const int MaxCount = 2000;

    /// <summary>Largest step budget on the page (every step is recorded and can be shown).</summary>
    public const int MaxSteps = 5000;

    /// <summary>Largest learning rate accepted.</summary>
    public const double MaxLearningRate = 100;

    /// <summary>
    /// The settings of a classifier scenario (a preset such as <c>xor-network</c>), read from the scenario as the resolver
    /// completes it, so its defaults are the resolver's: the point set, the network, the start's seed, the optimizer and
    /// its rate, the batch and the budget.
    /// </summary>
    /// <exception cref="ScenarioException">The scenario does not classify generated points, or a setting is outside this page's limits.</exception>
    public static NetworkSettings FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!ObjectiveKinds.IsClassifier(scenario.Objective?.Kind))
        {
            throw new ScenarioException($"the scenario '{scenario.Name}' does not classify points; the /network page shows logistic regression and networks.");
        }

        var whole = ScenarioResolver.Resolve(scenario).Scenario;
        var objective = whole.Objective!;
        var data = objective.Data!;
        if (data.Points is null)
        {
            throw new ScenarioException($"the scenario '{scenario.Name}' reads its points from a file; the /network page draws a point set from a seed.");
        }

        var batch = whole.Batch?.Kind switch
        {
            null or "full" => 0,
            "mini" => whole.Batch.Size!.Value,
            _ => 1, // stochastic: one sample per step
        };
        var settings = new NetworkSettings(
            data.Points, data.Count!.Value, data.Noise!.Value, data.Seed!.Value,
            objective.Hidden ?? [], objective.Activation is { } name ? ActivationNamed(name) ?? Activation.Tanh : Activation.Tanh,
            objective.InitSeed ?? 0, whole.Optimizer!.Kind!, OptimizerCatalogue.LearningRateOf(whole.Optimizer), batch, whole.Steps!.Value);
        return settings.Problem() is { } problem ? throw new ScenarioException(problem) : settings;
    }

    /// <summary>
    /// The lesson's start: 200 XOR points (noise 0.02, so none crosses an axis), a hidden layer of 4 tanh units, Adam at
    /// α = 0.3, full batch, 300 steps: the setting measured to reach 100 % from 19 of 20 seeds (NetworkLessonTests).
    /// </summary>
    public static NetworkSettings Default { get; } = new("xor", 200, 0.02, 1, [4], Activation.Tanh, 0, "adam", 0.3, 0, 300);

    /// <summary>The activations' names as menus and links spell them.</summary>
    public static IReadOnlyList<string> Activations { get; } = ["tanh", "relu", "sigmoid"];

    /// <summary>The network's shape: 2 inputs, the hidden layers, one sigmoid output.</summary>
    public NetworkShape Shape => new(Hidden, Activation);

    /// <summary>Whether the model is logistic regression (no hidden layer).</summary>
    public bool IsLogistic => Hidden.Count == 0;

    /// <summary>The model in words: "logistic regression (2-1)" or "network 2-4-1 tanh".</summary>
    public string ModelName => IsLogistic ? "logistic regression" : $"network {Shape}";

    /// <summary>The activation called <paramref name="name"/> (one of <see cref="Activations"/>), or null.</summary>
    public static Activation? ActivationNamed(string name)
    {
        for (var i = 0; i < Activations.Count; i++)
        {
            if (string.Equals(Activations[i], name, StringComparison.Ordinal))
            {
                return (Activation)i;
            }
        }

        return null;
    }

    /// <summary>The activation's name (tanh, relu, sigmoid).</summary>
    public string ActivationName => Activations[(int)Activation];

    /// <summary>
    /// The learner's own points (a CSV file read by <see cref="WithOwnPoints"/>), trained instead of the point set; null
    /// for the point set drawn from <see cref="PointSet"/>, <see cref="Count"/>, <see cref="Noise"/> and <see cref="DataSeed"/>.
    /// </summary>
    public Dataset? OwnPoints { get; init; }

    /// <summary>The file the own points came from, as the page names it.</summary>
    public string? OwnPointsName { get; init; }

    /// <summary>
    /// These settings on the learner's own points, read from CSV <paramref name="text"/> with the columns x1, x2 and label
    /// (0 or 1) by <see cref="PointSetCsv"/>; the batch size is kept when the file has enough points, else set to the full
    /// batch. Refused, with the sentence naming the file, the line and the column, when the file cannot be read or holds
    /// more than <see cref="MaxCount"/> points.
    /// </summary>
    public NetworkChange WithOwnPoints(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        Dataset points;
        try
        {
            points = PointSetCsv.Parse(text, fileName);
        }
        catch (ScenarioException error)
        {
            return new NetworkChange(this, error.Message + " Nothing was changed.");
        }

        if (points.SampleCount > MaxCount)
        {
            return new NetworkChange(this, $"{fileName} has {points.SampleCount:N0} points; this page trains at most {MaxCount:N0}. Nothing was changed.");
        }

        var next = this with { OwnPoints = points, OwnPointsName = fileName, Count = points.SampleCount, BatchSize = BatchSize <= points.SampleCount ? BatchSize : 0 };
        return next.Problem() is { } problem ? new NetworkChange(this, problem) : new NetworkChange(next, null);
    }

    /// <summary>The largest file of points the page reads: 1 MiB.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Why a file of <paramref name="bytes"/> bytes is not read (checked before reading it), or null.</summary>
    public static string? FileProblem(string fileName, long bytes) =>
        bytes > MaxFileBytes ? $"{fileName} is {bytes:N0} bytes; the limit is {MaxFileBytes:N0} (1 MiB). Nothing was changed." : null;

    /// <summary>These settings back on the point set drawn from a seed.</summary>
    public NetworkSettings WithoutOwnPoints() => this with { OwnPoints = null, OwnPointsName = null, Count = OwnPoints is null ? Count : Math.Clamp(Count, MinCount, MaxCount) };

    /// <summary>The same settings as logistic regression (no hidden layer).</summary>
    public NetworkSettings AsLogistic() => this with { Hidden = [] };

    /// <summary>The first problem that stops these settings from running, as a sentence naming the field; null when they can run.</summary>
    public string? Problem()
    {
        if (OwnPoints is not null && OwnPoints.SampleCount != Count)
        {
            return $"Points: {Count} given, but {OwnPointsName} has {OwnPoints.SampleCount}.";
        }

        if (PointSets.Find(PointSet) is null)
        {
            return $"Data: '{PointSet}' is not a point set; choose one of {string.Join(", ", PointSets.Names)}.";
        }

        if (Count is < MinCount or > MaxCount)
        {
            return Say($"Points: {Count} is outside the range {MinCount} to {MaxCount:N0}.");
        }

        if (!(Noise is >= 0 and <= PointSets.MaxNoise))
        {
            return Say($"Noise: {Noise} is outside the range 0 to {PointSets.MaxNoise}.");
        }

        if (Hidden.Count > NetworkShape.MaxHiddenLayers)
        {
            return Say($"Hidden layers: {Hidden.Count} is outside the range 0 to {NetworkShape.MaxHiddenLayers}.");
        }

        for (var l = 0; l < Hidden.Count; l++)
        {
            if (Hidden[l] is < 1 or > NetworkShape.MaxUnits)
            {
                return Say($"Units in hidden layer {l + 1}: {Hidden[l]} is outside the range 1 to {NetworkShape.MaxUnits}.");
            }
        }

        if (!Enum.IsDefined(Activation))
        {
            return $"Activation: '{Activation}' is not one of {string.Join(", ", Activations)}.";
        }

        if (OptimizerCatalogue.Find(Optimizer) is null)
        {
            return $"Optimizer: '{Optimizer}' is not one of {string.Join(", ", OptimizerCatalogue.Keys)}.";
        }

        if (!(LearningRate > 0 && LearningRate <= MaxLearningRate))
        {
            return Say($"Learning rate: {LearningRate} is outside the range above 0 up to {MaxLearningRate}.");
        }

        if (BatchSize < 0 || BatchSize > Count)
        {
            return Say($"Batch size: {BatchSize} is outside the range 0 (the full batch) to {Count} (the number of points).");
        }

        if (Steps is < 1 or > MaxSteps)
        {
            return Say($"Steps: {Steps} is outside the range 1 to {MaxSteps:N0}.");
        }

        return null;
    }

    /// <summary>The data these settings draw.</summary>
    /// <exception cref="ArgumentException">The settings cannot run (<see cref="Problem"/>).</exception>
    public Dataset Data()
    {
        Require();
        return OwnPoints ?? PointSets.Generate(PointSets.Find(PointSet)!.Value, Count, Noise, DataSeed);
    }

    /// <summary>
    /// The descent run of these settings over <paramref name="model"/>, from <paramref name="start"/>: the catalogue's
    /// optimizer (its defaults filled in by the scenario resolver, never restated here), a constant rate, the batch.
    /// </summary>
    public DescentSettings Descent(IObjective model, IReadOnlyList<double> start)
    {
        Require();
        return new DescentSettings(model, start, OptimizerOf(Optimizer, LearningRate), new Core.Schedules.ConstantRate(LearningRate), Steps)
        {
            Batch = BatchSize == 0 || BatchSize >= Count ? BatchSettings.Full : new BatchSettings(BatchKind.Mini, BatchSize, Shuffle: true, Seed: InitSeed),
        };
    }

    /// <summary>The setting called <paramref name="field"/> set from the text a control gives, or refused with the reason.</summary>
    /// <param name="field">data, points, noise, data-seed, layers, units1, units2, activation, init-seed, optimizer, rate, batch or steps.</param>
    /// <param name="text">The control's value (invariant culture).</param>
    public NetworkChange With(string field, string? text)
    {
        var value = (text ?? "").Trim();
        var drawn = WithoutOwnPoints(); // a change of the point set's settings goes back to the point set
        NetworkSettings? changed = field switch
        {
            "data" => drawn with { PointSet = value },
            "points" => Whole(value) is { } n ? drawn with { Count = n } : null,
            "noise" => Number(value) is { } x ? drawn with { Noise = x } : null,
            "data-seed" => Whole(value) is { } n ? drawn with { DataSeed = n } : null,
            "layers" => Whole(value) is { } n ? this with { Hidden = Layers(n) } : null,
            "units1" => Whole(value) is { } n && Hidden.Count >= 1 ? this with { Hidden = [n, .. Hidden.Skip(1)] } : null,
            "units2" => Whole(value) is { } n && Hidden.Count == 2 ? this with { Hidden = [Hidden[0], n] } : null,
            "activation" => ActivationNamed(value) is { } activation ? this with { Activation = activation } : null,
            "init-seed" => Whole(value) is { } n ? this with { InitSeed = n } : null,
            "optimizer" => OptimizerCatalogue.Find(value) is not null ? this with { Optimizer = value, LearningRate = value == Optimizer ? LearningRate : DefaultRate(value) } : this with { Optimizer = value },
            "rate" => Number(value) is { } x ? this with { LearningRate = x } : null,
            "batch" => Whole(value) is { } n ? this with { BatchSize = n } : null,
            "steps" => Whole(value) is { } n ? this with { Steps = n } : null,
            _ => throw new ArgumentException($"No setting '{field}'.", nameof(field)),
        };
        if (changed is null)
        {
            return new(this, $"{Label(field)}: '{value}' is not {(field is "noise" or "rate" ? "a number" : "a whole number")}{RangeOf(field)}.");
        }

        return changed.Problem() is { } problem ? new(this, problem) : new(changed, null);
    }

    /// <summary>The learning rate the catalogue starts <paramref name="optimizer"/> at.</summary>
    public static double DefaultRate(string optimizer) => OptimizerCatalogue.LearningRateOf(OptimizerCatalogue.Get(optimizer).NewSpec());

    /// <summary>
    /// The engine's optimizer settings for a catalogue key and rate: the scenario resolver fills in every default from the
    /// catalogue (so no default is restated here), on a throwaway function scenario of no steps.
    /// </summary>
    public static OptimizerSettings OptimizerOf(string key, double learningRate)
    {
        var scenario = new Scenario
        {
            Objective = new ObjectiveSpec { Kind = "function", Name = "rosenbrock" },
            Optimizer = OptimizerCatalogue.Get(key).NewSpec(learningRate),
            Steps = 0,
        };
        return ScenarioResolver.Resolve(scenario).Settings.Optimizer;
    }

    private IReadOnlyList<int> Layers(int count) => count switch
    {
        0 => [],
        1 => [Hidden.Count > 0 ? Hidden[0] : 4],
        2 => [Hidden.Count > 0 ? Hidden[0] : 4, Hidden.Count > 1 ? Hidden[1] : Hidden.Count > 0 ? Hidden[0] : 4],
        _ => [.. Enumerable.Repeat(1, count)], // refused by Problem()
    };

    private void Require()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    private static string Label(string field) => field switch
    {
        "data" => "Data",
        "points" => "Points",
        "noise" => "Noise",
        "data-seed" => "Data seed",
        "layers" => "Hidden layers",
        "units1" => "Units in hidden layer 1",
        "units2" => "Units in hidden layer 2",
        "activation" => "Activation",
        "init-seed" => "Initial weights' seed",
        "optimizer" => "Optimizer",
        "rate" => "Learning rate",
        "batch" => "Batch size",
        _ => "Steps",
    };

    private string RangeOf(string field) => field switch
    {
        "points" => Say($" from {MinCount} to {MaxCount:N0}"),
        "noise" => Say($" from 0 to {PointSets.MaxNoise}"),
        "layers" => Say($" from 0 to {NetworkShape.MaxHiddenLayers}"),
        "units1" or "units2" => Say($" from 1 to {NetworkShape.MaxUnits}"),
        "rate" => Say($" above 0 up to {MaxLearningRate}"),
        "batch" => Say($" from 0 (the full batch) to {Count}"),
        "steps" => Say($" from 1 to {MaxSteps:N0}"),
        "activation" => $" ({string.Join(", ", Activations)})",
        _ => "",
    };

    private static int? Whole(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v == Math.Floor(v) && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
