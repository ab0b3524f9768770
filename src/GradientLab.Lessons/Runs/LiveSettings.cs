using System.Globalization;
using GradientLab.Core.Diagnostics;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Runs;

/// <summary>A change of the live demo's settings: the new scenario, or the message saying why the run is unchanged.</summary>
/// <param name="Scenario">The changed scenario, or null when the input was refused.</param>
/// <param name="Error">What was wrong with the input, or null.</param>
public sealed record SettingChange(Scenario? Scenario, string? Error)
{
    /// <summary>An accepted change.</summary>
    public static SettingChange To(Scenario scenario) => new(scenario, null);

    /// <summary>A refused change.</summary>
    public static SettingChange Refused(string error) => new(null, error);
}

/// <summary>
/// What the live demo's menus offer and how each of its settings changes the scenario: plain functions
/// <c>Scenario → Scenario</c> (with the validation message of a refused input), the speeds, the loop phases, the
/// figure sizes and the number formats, so the page only wires them to its controls.
/// </summary>
public static class LiveSettings
{
    /// <summary>The speeds menu, in steps per second; 0 is "to the end".</summary>
    public static IReadOnlyList<int> Speeds { get; } = [1, 2, 5, 10, 30, 60, 100, 200, 0];

    /// <summary>The speed the page starts with.</summary>
    public const int DefaultSpeed = 30;

    /// <summary>The built-in data sets of the dataset menu: key and label.</summary>
    public static IReadOnlyList<(string Key, string Label)> Datasets { get; } =
    [
        ("portland", "Portland houses: size (1000 sq ft) → price ($1000s)"),
        ("portland-raw", "Portland houses: size (sq ft) → price ($1000s)"),
        ("housing-tiny", "two houses (course lab)"),
        ("line", "five points on y = 2x + 1"),
        ("parabola", "y = x² (not a line)"),
    ];

    /// <summary>The five phases of one update, lit in turn by a step.</summary>
    public static IReadOnlyList<string> LoopPhases { get; } =
        ["1 · predict f(x) = w·x + b", "2 · cost J(w, b)", "3 · gradients ∂J/∂w, ∂J/∂b", "4 · update w, b ← w, b − α·∇J", "5 · repeat"];

    /// <summary>The time each phase stays lit when a step animates them.</summary>
    public static TimeSpan PhaseDuration { get; } = TimeSpan.FromMilliseconds(70);

    /// <summary>
    /// The phases a step lights, in order: all five one after another, or with reduced motion only the last
    /// (the update made), at once.
    /// </summary>
    public static IReadOnlyList<int> StepPhases(bool reducedMotion) =>
        reducedMotion ? [LoopPhases.Count - 2] : [.. Enumerable.Range(0, LoopPhases.Count)];

    /// <summary>The sentence under the loop for the phase lit (−1: none).</summary>
    public static string LoopExplanation(int phase) => phase switch
    {
        0 => "Predict: the current line gives every house a price.",
        1 => "Cost: the average squared error of those predictions.",
        2 => "Gradients: how the cost changes if w or b moves a little — both measured before anything moves.",
        3 => "Update: step each parameter against its gradient, scaled by α.",
        4 => "Repeat from the new line.",
        _ => "Step once to see the phases of one update light up in turn.",
    };

    /// <summary>The next finite speed up (+1) or down (−1) the menu; "to the end" is not reached this way, and from it −1 goes to the fastest.</summary>
    public static int NextSpeed(int current, int direction)
    {
        var finite = Speeds.Where(s => s > 0).ToArray();
        var index = Array.IndexOf(finite, current);
        return index < 0
            ? finite[^1] // from "to the end" (or an unknown speed) either key gives the fastest finite speed
            : finite[Math.Clamp(index + direction, 0, finite.Length - 1)];
    }

    /// <summary>Reads a number typed by the learner; the message names <paramref name="what"/> when it is not one.</summary>
    public static bool TryNumber(string? text, string what, out double value, out string? error)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            error = $"The {what} '{text}' is not a number; the run is unchanged.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The learning rate of the log-scale slider's position, to three significant digits.</summary>
    public static double RateFromSlider(double log10) =>
        double.Parse(Math.Pow(10, log10).ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The slider's position for a learning rate (rates below 1e-6 sit at its left end).</summary>
    public static string SliderPosition(double rate) => Invariant(Math.Log10(Math.Max(rate, 1e-6)));

    /// <summary>The scenario with learning rate <paramref name="rate"/> (plain gradient descent if no optimizer was set).</summary>
    public static Scenario WithLearningRate(Scenario scenario, double rate) =>
        scenario with { Optimizer = (scenario.Optimizer ?? new OptimizerSpec { Kind = "gd" }) with { LearningRate = rate } };

    /// <summary>The scenario with a steps budget; refused unless a whole number from 1 to <paramref name="max"/>.</summary>
    public static SettingChange WithSteps(Scenario scenario, double steps, int max) =>
        steps != Math.Floor(steps) || steps < 1 || steps > max
            ? SettingChange.Refused($"Steps budget: {Invariant(steps)} is not a whole number from 1 to {max.ToString("N0", CultureInfo.InvariantCulture)}.")
            : SettingChange.To(scenario with { Steps = (int)steps });

    /// <summary>The scenario with a momentum (the engine checks its range when the run is made).</summary>
    public static Scenario WithMomentum(Scenario scenario, double momentum) =>
        scenario with { Optimizer = (scenario.Optimizer ?? new OptimizerSpec { Kind = "gd" }) with { Momentum = momentum } };

    /// <summary>
    /// The scenario with a batch kind: "mini" takes a quarter of the <paramref name="sampleCount"/> samples (at least one)
    /// with seed 42, "stochastic" one sample with seed 42, anything else the full batch.
    /// </summary>
    public static Scenario WithBatchKind(Scenario scenario, string kind, int sampleCount) => scenario with
    {
        Batch = kind switch
        {
            "mini" => new BatchSpec { Kind = "mini", Size = Math.Max(1, sampleCount / 4), Seed = 42 },
            "stochastic" => new BatchSpec { Kind = "stochastic", Seed = 42 },
            _ => new BatchSpec { Kind = "full" },
        },
    };

    /// <summary>The scenario with a mini-batch size; refused unless a whole number of at least 1.</summary>
    public static SettingChange WithBatchSize(Scenario scenario, double size) =>
        size != Math.Floor(size) || size < 1 || size > int.MaxValue
            ? SettingChange.Refused($"Batch size: {Invariant(size)} is not a whole number of at least 1.")
            : SettingChange.To(scenario with { Batch = (scenario.Batch ?? new BatchSpec { Kind = "mini" }) with { Size = (int)size } });

    /// <summary>The scenario with a sampling seed; refused unless a whole number.</summary>
    public static SettingChange WithSeed(Scenario scenario, double seed) =>
        seed != Math.Floor(seed) || seed < int.MinValue || seed > int.MaxValue
            ? SettingChange.Refused($"Seed: {Invariant(seed)} is not a whole number.")
            : SettingChange.To(scenario with { Batch = (scenario.Batch ?? new BatchSpec { Kind = "full" }) with { Seed = (int)seed } });

    /// <summary>The scenario with an update order ("simultaneous" or "sequential").</summary>
    public static Scenario WithUpdate(Scenario scenario, string? update) => scenario with { Update = update };

    /// <summary>The scenario with feature scaling on or off; turning it on starts from (0, 0), where the scaled problem's start makes sense.</summary>
    public static Scenario WithScaling(Scenario scenario, bool scale) => scenario with
    {
        Objective = (scenario.Objective ?? new ObjectiveSpec { Kind = "linear-regression" }) with { ScaleFeatures = scale },
        Start = scale ? [0, 0] : scenario.Start,
    };

    /// <summary>The scenario with start parameter <paramref name="index"/> set to <paramref name="value"/>, the others as in <paramref name="start"/>.</summary>
    public static Scenario WithStart(Scenario scenario, IReadOnlyList<double> start, int index, double value)
    {
        var values = start.ToArray();
        values[index] = value;
        return scenario with { Start = values };
    }

    /// <summary>The scenario starting at a point clicked on the contour map (rounded to four significant digits).</summary>
    public static Scenario WithStartAt(Scenario scenario, double w, double b) => scenario with { Start = [Round4(w), Round4(b)] };

    /// <summary>The scenario with b frozen at its start (only w trains: y = w·x) or with both trained.</summary>
    public static Scenario WithFrozenIntercept(Scenario scenario, bool freeze) => scenario with
    {
        Freeze = freeze ? ["b"] : (scenario.Freeze?.Where(n => n != "b").ToArray() is { Length: > 0 } rest ? rest : null),
    };

    /// <summary>Whether the scenario holds b at its start.</summary>
    public static bool InterceptFrozen(Scenario scenario) => scenario.Freeze?.Contains("b", StringComparer.Ordinal) == true;

    /// <summary>The ledger's sentence about the parameters held fixed, with their values, or null when all train.</summary>
    public static string? FrozenNote(IReadOnlyList<string>? frozen, IReadOnlyList<string> names, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(parameters);
        var held = names.Select((name, i) => (name, i)).Where(p => frozen?.Contains(p.name, StringComparer.Ordinal) == true).ToArray();
        return held.Length == 0
            ? null
            : $"{string.Join(", ", held.Select(p => $"{p.name} = {Number(parameters[p.i])}"))} is fixed at its start: its gradient is computed but it does not move.";
    }

    /// <summary>
    /// The scenario with the diagnosis's advice applied: its learning rate, scaling (from the default start) and the
    /// simultaneous update, each only if advised.
    /// </summary>
    public static Scenario WithAdvice(Scenario scenario, Diagnosis advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var changed = advice.SuggestedLearningRate is { } rate ? WithLearningRate(scenario, rate) : scenario;
        return changed with
        {
            Objective = advice.SuggestScaling ? (changed.Objective ?? new ObjectiveSpec { Kind = "linear-regression" }) with { ScaleFeatures = true } : changed.Objective,
            Start = advice.SuggestScaling ? null : changed.Start,
            Update = advice.SuggestSimultaneous ? "simultaneous" : changed.Update,
        };
    }

    /// <summary>
    /// The sizes of the views (the line and the contours) and of the loss curve for a figure width, and in presenting
    /// mode the height that reaches the screen's bottom (0 otherwise). Width is clamped to 240–2400, heights to at most 900.
    /// </summary>
    public static ((int Width, int Height) View, (int Width, int Height) Loss) FigureSizes(int width, int fitHeight)
    {
        var w = Math.Clamp(width, 240, 2400);
        var fit = Math.Clamp(fitHeight, 0, 900);
        var view = (int)Math.Round(Math.Clamp(Math.Max(w * 0.78, Math.Min(fit, w * 1.3)), 260, 900));
        var loss = (int)Math.Round(Math.Clamp(Math.Max(w * 0.6, Math.Min(fit, w * 1.3)), 220, 900));
        return ((w, view), (w, loss));
    }

    /// <summary>The dataset menu's key for a scenario's data.</summary>
    public static string DatasetKeyOf(Scenario scenario) => scenario.Objective?.Data switch
    {
        { Builtin: "portland-housing", Features: [.., "size_sqft"] } => "portland-raw",
        { Builtin: "portland-housing" } => "portland",
        { Builtin: { } name } => name,
        { X: not null } => "upload",
        _ => "portland",
    };

    /// <summary>
    /// The numeric columns of an uploaded table usable as x and y (x the first, y the last), or the message saying
    /// why it cannot be used.
    /// </summary>
    public static (IReadOnlyList<string> Columns, string? Error) UploadColumns(CsvTable table, string fileName)
    {
        ArgumentNullException.ThrowIfNull(table);
        var numeric = table.NumericColumns();
        return numeric.Count < 2
            ? ([], $"{fileName} needs at least two columns of numbers (an x and a y); its numeric columns are: {(numeric.Count == 0 ? "none" : string.Join(", ", numeric))}.")
            : (numeric, null);
    }

    /// <summary>The scenario fitting a line to two columns of an uploaded table (from (0, 0); scaling kept as it was).</summary>
    /// <exception cref="ScenarioException">A column is missing or not numeric.</exception>
    public static Scenario WithUpload(Scenario scenario, CsvTable table, string name, string xColumn, string yColumn)
    {
        ArgumentNullException.ThrowIfNull(table);
        var x = table.NumericColumn(xColumn);
        var y = table.NumericColumn(yColumn);
        return scenario with
        {
            Name = name,
            Objective = new ObjectiveSpec
            {
                Kind = "linear-regression",
                Loss = "half-mse",
                ScaleFeatures = scenario.Objective?.ScaleFeatures,
                Data = new DataSpec { X = [.. x.Select(v => (IReadOnlyList<double>)[v])], Y = y },
            },
            Start = [0, 0],
        };
    }

    /// <summary>The prediction w·x + b of a one-feature line at <paramref name="x"/>, or null for another model or no x.</summary>
    public static double? PredictionAt(IReadOnlyList<double> parameters, double x) =>
        parameters is [var w, var b] && double.IsFinite(x) ? (w * x) + b : null;

    /// <summary>A number as the page shows it: four significant digits, or the engine's words for NaN and infinities.</summary>
    public static string Number(double value) => double.IsFinite(value) ? NiceNumbers.Significant(value) : LiveSession.F(value);

    /// <summary>A number as an input box holds it: round-trip invariant, empty for NaN.</summary>
    public static string Invariant(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static double Round4(double value) => double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
