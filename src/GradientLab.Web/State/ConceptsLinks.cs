using System.Globalization;
using GradientLab.Lessons.Concepts;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>What /concepts shows: the settings of each section the learner can change.</summary>
public sealed record ConceptsState
{
    /// <summary>The update rule's θ (<c>theta</c>).</summary>
    public double Theta { get; init; } = 4;

    /// <summary>The update rule's α (<c>alpha</c>).</summary>
    public double RuleAlpha { get; init; } = 0.1;

    /// <summary>The update-order comparison's preset (<c>order</c>).</summary>
    public string Order { get; init; } = UpdateOrderComparison.DefaultPreset;

    /// <summary>The update-order comparison's α (<c>order-alpha</c>; the preset's own when absent).</summary>
    public double OrderAlpha { get; init; } = UpdateOrderComparison.DefaultAlpha(UpdateOrderComparison.DefaultPreset);

    /// <summary>The update-order comparison's steps shown (<c>order-steps</c>; the preset's own when absent).</summary>
    public int OrderSteps { get; init; } = UpdateOrderComparison.DefaultSteps(UpdateOrderComparison.DefaultPreset);

    /// <summary>The batch variants' mini-batch size (<c>batch</c>).</summary>
    public int BatchSize { get; init; } = BatchVariantsLesson.DefaultBatchSize;

    /// <summary>The batch variants' epochs (<c>epochs</c>).</summary>
    public int Epochs { get; init; } = BatchVariantsLesson.DefaultEpochs;

    /// <summary>The batch variants' α (<c>batch-alpha</c>).</summary>
    public double BatchAlpha { get; init; } = BatchVariantsLesson.DefaultAlpha;

    /// <summary>The tour's iteration (<c>tour</c>).</summary>
    public int Tour { get; init; }

    /// <summary>The tour's stage, an index of <see cref="TrainingLoopTour.Stages"/> (<c>stage</c>).</summary>
    public int Stage { get; init; }

    /// <summary>The experiment shown (<c>experiment</c>).</summary>
    public string Experiment { get; init; } = TrainingLoopExperiments.Base;

    /// <summary>This state with the update-order comparison on <paramref name="preset"/> at that preset's own α and steps.</summary>
    public ConceptsState WithOrder(string preset) => this with
    {
        Order = preset,
        OrderAlpha = UpdateOrderComparison.DefaultAlpha(preset),
        OrderSteps = UpdateOrderComparison.DefaultSteps(preset),
    };
}

/// <summary>
/// The /concepts address, version 2: <c>v=2</c> and the settings that differ from the page's first ones. <c>theta</c>
/// and <c>alpha</c> (the update rule), <c>order</c>, <c>order-alpha</c> and <c>order-steps</c> (simultaneous versus
/// sequential; α and steps default to the preset's), <c>batch</c>, <c>epochs</c> and <c>batch-alpha</c> (the batch
/// variants), <c>tour</c> and <c>stage</c> (the tour's iteration and stage) and <c>experiment</c>.
/// </summary>
public static class ConceptsLinks
{
    /// <summary>The largest size of θ and of the update rule's α in a link.</summary>
    public const double MaxSize = 1e6;

    /// <summary>Every parameter this page reads, in the order its sections show them.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["theta", "alpha", "order", "order-alpha", "order-steps", "batch", "epochs", "batch-alpha", "tour", "stage", "experiment"];

    private static readonly string[] Numbers = ["theta", "alpha", "order-alpha", "batch-alpha"];

    private static readonly string[] Rates = ["order-alpha", "batch-alpha"];

    /// <summary>The state an address describes (the page's first state where it says nothing).</summary>
    /// <exception cref="ScenarioException">An unknown parameter or a bad value; the message names it.</exception>
    public static ConceptsState Read(string? address)
    {
        var values = SettingLinks.Read(address, Settings(null), Numbers);
        var query = LinkQuery.Parse(address);
        var order = values["order"];
        var first = new ConceptsState().WithOrder(order);
        return first with
        {
            Theta = query.Number("theta", -MaxSize, MaxSize) ?? first.Theta,
            RuleAlpha = query.Number("alpha", -MaxSize, MaxSize) ?? first.RuleAlpha,
            OrderAlpha = Rate(query, "order-alpha") ?? first.OrderAlpha,
            OrderSteps = values["order-steps"] is { Length: > 0 } steps ? Whole(steps) : first.OrderSteps,
            BatchSize = Whole(values["batch"]),
            Epochs = Whole(values["epochs"]),
            BatchAlpha = Rate(query, "batch-alpha") ?? first.BatchAlpha,
            Tour = Whole(values["tour"]),
            Stage = Whole(values["stage"]),
            Experiment = values["experiment"],
        };
    }

    /// <summary>The query (without <c>?</c>) for <paramref name="state"/>: empty when every setting is the page's first.</summary>
    public static string Query(ConceptsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["order"] = state.Order,
            ["order-steps"] = Text(state.OrderSteps),
            ["batch"] = Text(state.BatchSize),
            ["epochs"] = Text(state.Epochs),
            ["tour"] = Text(state.Tour),
            ["stage"] = Text(state.Stage),
            ["experiment"] = state.Experiment,
        };
        var first = new ConceptsState().WithOrder(state.Order);
        var numbers = new (string Name, double Value, double First)[]
        {
            ("theta", state.Theta, first.Theta),
            ("alpha", state.RuleAlpha, first.RuleAlpha),
            ("order-alpha", state.OrderAlpha, first.OrderAlpha),
            ("batch-alpha", state.BatchAlpha, first.BatchAlpha),
        };
        return SettingLinks.Query(values, Settings(state.Order), numbers.Where(n => !n.Value.Equals(n.First)).Select(n => new KeyValuePair<string, string>(n.Name, LinkQuery.Format(n.Value))));
    }

    /// <summary>
    /// A number typed into the field of parameter <paramref name="name"/>: true when it is one that parameter may carry
    /// (finite; θ and the rule's α at most <see cref="MaxSize"/> in size; the other rates above 0).
    /// </summary>
    public static bool TryNumber(string name, string? text, out double value)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }

        return Rates.Contains(name, StringComparer.Ordinal) ? value > 0 && value <= MaxSize : Math.Abs(value) <= MaxSize;
    }

    /// <summary>A whole number typed into the field of parameter <paramref name="name"/>, brought into its range; false when it is not a number.</summary>
    public static bool TryWhole(string name, string? text, out int value)
    {
        value = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return false;
        }

        var setting = Settings(null).Single(s => s.Name == name);
        value = (int)Math.Clamp(Math.Round(number), setting.Min, setting.Max);
        return true;
    }

    /// <summary>The settings SettingLinks checks; <c>order-steps</c> defaults to <paramref name="order"/>'s steps (to nothing when reading, where the order is not yet known).</summary>
    private static LinkSetting[] Settings(string? order) =>
    [
        new("order", UpdateOrderComparison.DefaultPreset, [.. UpdateOrderComparison.Data.Select(d => d.Preset)]),
        new("order-steps", order is null ? "" : Text(UpdateOrderComparison.DefaultSteps(order)), Min: 1, Max: UpdateOrderComparison.MaxSteps),
        new("batch", Text(BatchVariantsLesson.DefaultBatchSize), Min: 1, Max: BatchVariantsLesson.Rows),
        new("epochs", Text(BatchVariantsLesson.DefaultEpochs), Min: 1, Max: BatchVariantsLesson.MaxEpochs),
        new("tour", "0", Min: 0, Max: TrainingLoopTour.LastIteration),
        new("stage", "0", Min: 0, Max: TrainingLoopTour.Stages.Count - 1),
        new("experiment", TrainingLoopExperiments.Base, [.. TrainingLoopExperiments.All.Select(e => e.Key)]),
    ];

    private static double? Rate(LinkQuery query, string name) => query.Number(name, 0, MaxSize) switch
    {
        0 => throw new ScenarioException($"the parameter '{name}' is 0; a learning rate must be above 0, like 0.01."),
        var rate => rate,
    };

    private static int Whole(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
