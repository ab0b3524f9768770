using System.Globalization;

namespace GradientLab.Scenarios;

/// <summary>The values a numeric setting may take: from <see cref="Minimum"/> to <see cref="Maximum"/>, each end
/// included or not.</summary>
public sealed record SettingRange(double Minimum, double Maximum, bool MinimumIncluded, bool MaximumIncluded)
{
    /// <summary>Above 0 (a learning rate).</summary>
    public static SettingRange Positive { get; } = new(0, double.PositiveInfinity, false, false);

    /// <summary>0 or more (weight decay, ε, AdaGrad's decay and accumulator).</summary>
    public static SettingRange NonNegative { get; } = new(0, double.PositiveInfinity, true, false);

    /// <summary>At least 0 and below 1 (momentum, the β's, RMSprop's α).</summary>
    public static SettingRange UnitInterval { get; } = new(0, 1, true, false);

    /// <summary>From 0 to 1, both included (dampening).</summary>
    public static SettingRange ClosedUnitInterval { get; } = new(0, 1, true, true);

    /// <summary>Whether <paramref name="value"/> is allowed.</summary>
    public bool Contains(double value) =>
        (MinimumIncluded ? value >= Minimum : value > Minimum) && (MaximumIncluded ? value <= Maximum : value < Maximum);

    /// <summary>The range as a learner reads it, around a <paramref name="symbol"/>: <c>0 ≤ μ &lt; 1</c>, <c>α &gt; 0</c>.</summary>
    public string Describe(string symbol)
    {
        var low = MinimumIncluded ? "≥" : ">";
        if (double.IsPositiveInfinity(Maximum))
        {
            return $"{symbol} {low} {RunPresentation.Number(Minimum)}";
        }

        return $"{RunPresentation.Number(Minimum)} {(MinimumIncluded ? "≤" : "<")} {symbol} {(MaximumIncluded ? "≤" : "<")} {RunPresentation.Number(Maximum)}";
    }
}

/// <summary>When a setting appears in a short label such as a race's legend (<c>AdamW α=0.02 λ=0.01</c>).</summary>
public enum LabelUse
{
    /// <summary>Never in the label.</summary>
    Never,

    /// <summary>Always, with its value.</summary>
    Always,

    /// <summary>Only when it is above 0 (Adam's L2 weight decay).</summary>
    WhenPositive,
}

/// <summary>One setting of an optimizer, as a scenario's JSON spells it.</summary>
/// <param name="Field">The JSON field (<c>beta1</c>).</param>
/// <param name="Symbol">Its symbol in the lessons (<c>β1</c>).</param>
/// <param name="Default">What the engine uses when the scenario leaves it out: a <see cref="double"/>, a
/// <see cref="bool"/> or (for a choice) a <see cref="string"/>.</param>
/// <param name="Description">One line: what it does.</param>
/// <param name="Range">The allowed numbers (null for a flag or a choice).</param>
/// <param name="Choices">The allowed words of a choice (null otherwise).</param>
/// <param name="Label">When it shows in a short label.</param>
/// <param name="Hint">Whether a hint next to the optimizer names it with its value (<c>β1 = 0.9</c>).</param>
public sealed record OptimizerSetting(
    string Field,
    string Symbol,
    object Default,
    string Description,
    SettingRange? Range = null,
    IReadOnlyList<string>? Choices = null,
    LabelUse Label = LabelUse.Never,
    bool Hint = false)
{
    /// <summary>The default as text: <c>0.9</c>, <c>1e-08</c>, <c>false</c>, <c>pytorch</c>.</summary>
    public string DefaultText => Text(Default);

    /// <summary>The allowed values as text: <c>0 ≤ β1 &lt; 1</c>, <c>true or false</c>, <c>pytorch, ema or scaled</c>.</summary>
    public string RangeText => Range is { } range
        ? range.Describe(Symbol)
        : Choices is { } choices ? string.Join(", ", choices.Take(choices.Count - 1)) + " or " + choices[^1] : "true or false";

    /// <summary>A value of this setting as text.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        double number => RunPresentation.Number(number),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>One optimizer a learner can choose, in a menu, on the command line or in a scenario's
/// <c>optimizer.kind</c>.</summary>
/// <param name="Key">Its name in menus, links and <c>--optimizer</c> (<c>nesterov</c>).</param>
/// <param name="DisplayName">Its name in a sentence or a menu (<c>Nesterov momentum</c>).</param>
/// <param name="ShortName">Its name in a legend (<c>Nesterov</c>).</param>
/// <param name="Kind">The scenario's <c>optimizer.kind</c> it becomes (<c>sgd</c>).</param>
/// <param name="Description">One line: what it does.</param>
/// <param name="Settings">Its settings with their defaults, in the order they are shown.</param>
/// <param name="Fixed">Settings this choice sets and a learner does not (Nesterov: <c>nesterov = true</c>).</param>
/// <param name="Starting">Values a new choice starts at, where they differ from the engine's defaults (the momentum
/// methods start at μ = 0.9 in a menu; a scenario's <c>"kind": "sgd"</c> keeps PyTorch's μ = 0).</param>
public sealed record OptimizerChoice(
    string Key,
    string DisplayName,
    string ShortName,
    string Kind,
    string Description,
    IReadOnlyList<OptimizerSetting> Settings,
    IReadOnlyDictionary<string, object>? Fixed = null,
    IReadOnlyDictionary<string, object>? Starting = null)
{
    /// <summary>The setting of JSON name <paramref name="field"/>, or null.</summary>
    public OptimizerSetting? Setting(string field) => Settings.FirstOrDefault(s => s.Field == field);

    /// <summary>A new optimizer of this choice, as a scenario spells it: its kind, the fixed and starting values, and
    /// <paramref name="learningRate"/> (null: the default).</summary>
    public OptimizerSpec NewSpec(double? learningRate = null)
    {
        var spec = new OptimizerSpec { Kind = Kind, LearningRate = learningRate };
        foreach (var (field, value) in (Starting ?? Empty).Concat(Fixed ?? Empty))
        {
            spec = OptimizerCatalogue.With(spec, field, value);
        }

        return spec;
    }

    /// <summary>Whether <paramref name="spec"/> is this choice: its kind, and its fixed values.</summary>
    public bool Matches(OptimizerSpec spec) =>
        spec.Kind == Kind && (Fixed ?? Empty).All(pair => Equals(OptimizerCatalogue.Read(spec, pair.Key), pair.Value));

    /// <summary>A short label with the settings that tell runs apart: <c>AdamW α=0.02 λ=0.01</c>. A setting left out
    /// of <paramref name="spec"/> shows its default.</summary>
    public string Label(OptimizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new System.Text.StringBuilder(ShortName);
        foreach (var setting in Settings.Where(s => s.Label != LabelUse.Never))
        {
            var value = OptimizerCatalogue.Read(spec, setting.Field) ?? OptimizerCatalogue.DefaultOf(spec, setting.Field) ?? setting.Default;
            if (setting.Label == LabelUse.WhenPositive && !(value is double number && number > 0))
            {
                continue;
            }

            text.Append(' ').Append(setting.Symbol).Append('=').Append(value is double d ? RunPresentation.Brief(d) : OptimizerSetting.Text(value));
        }

        return text.ToString();
    }

    /// <summary>The settings this choice's hint names, with the values it starts at, in one line:
    /// <c>β1 = 0.9, β2 = 0.999, λ = 0.01</c>.</summary>
    public string DefaultsHint() => string.Join(", ", Settings
        .Where(s => s.Hint)
        .Select(s => $"{s.Symbol} = {OptimizerSetting.Text(Starting?.GetValueOrDefault(s.Field) ?? s.Default)}"));

    private static readonly Dictionary<string, object> Empty = new(StringComparer.Ordinal);
}

/// <summary>
/// Every optimizer a learner can choose, with its settings, their defaults, ranges and descriptions, written once: the
/// scenario resolver fills its defaults from here, the command line lists it (<c>gradlab optimizers</c>), and the web's
/// menus, legends and hints read it. The defaults are PyTorch's <c>torch.optim</c> ones (REFERENCE.md, "Update rules":
/// SGD momentum 0, dampening 0; Adam β1 = 0.9, β2 = 0.999, ε = 1e-8; AdamW λ = 0.01; Adagrad ε = 1e-10; RMSprop
/// α = 0.99, ε = 1e-8), except the learning rate, 0.01 everywhere but Adam's and AdamW's 0.001 (PyTorch's SGD has none).
/// </summary>
public static class OptimizerCatalogue
{
    /// <summary>Where a menu starts the momentum methods: μ = 0.9, the value PyTorch's examples use.</summary>
    private const double MenuMomentum = 0.9;

    private static readonly OptimizerSetting LearningRate01 = new("learningRate", "α", 0.01, "The learning rate: how far each step goes along the gradient.", SettingRange.Positive, Label: LabelUse.Always);
    private static readonly OptimizerSetting LearningRate0001 = LearningRate01 with { Default = 0.001 };
    private static readonly OptimizerSetting Momentum = new("momentum", "μ", 0.0, "How much of the last step is kept (0: none).", SettingRange.UnitInterval);
    private static readonly OptimizerSetting MomentumShown = Momentum with { Label = LabelUse.Always, Hint = true };
    private static readonly OptimizerSetting WeightDecay = new("weightDecay", "λ", 0.0, "L2 weight decay: λθ is added to the gradient.", SettingRange.NonNegative);
    private static readonly OptimizerSetting Beta1 = new("beta1", "β1", 0.9, "The smoothing of the gradient's moving average (first moment).", SettingRange.UnitInterval, Hint: true);
    private static readonly OptimizerSetting Beta2 = new("beta2", "β2", 0.999, "The smoothing of the squared gradient's moving average (second moment).", SettingRange.UnitInterval, Hint: true);
    private static readonly OptimizerSetting Epsilon8 = new("epsilon", "ε", 1e-8, "Added to the root of the second moment so a step never divides by 0.", SettingRange.NonNegative);
    private static readonly OptimizerSetting AmsGrad = new("amsgrad", "AMSGrad", false, "Divide by the largest second moment so far, not the current one.");

    /// <summary>The choices, in the order a learner meets them.</summary>
    public static IReadOnlyList<OptimizerChoice> All { get; } =
    [
        new("gd", "gradient descent", "GD", "gd", "Plain gradient descent: each step goes α times the gradient downhill.", [LearningRate01]),
        new("sgd", "momentum (SGD)", "momentum", "sgd", "Gradient descent with momentum, as torch.optim.SGD: a velocity keeps part of the last steps.",
        [
            LearningRate01,
            MomentumShown,
            new("dampening", "τ", 0.0, "How much of each new gradient is held back from the velocity.", SettingRange.ClosedUnitInterval),
            new("nesterov", "Nesterov", false, "Look ahead along the velocity before taking the gradient's step."),
            WeightDecay,
            new("momentumForm", "form", "pytorch", "How the velocity is written: PyTorch's, the course's moving average (ema) or v ← μv + αg (scaled).", Choices: ["pytorch", "ema", "scaled"]),
        ],
        Starting: new Dictionary<string, object>(StringComparer.Ordinal) { ["momentum"] = MenuMomentum }),
        new("nesterov", "Nesterov momentum", "Nesterov", "sgd", "SGD with momentum that takes the gradient at the point the velocity leads to.",
            [LearningRate01, MomentumShown with { Default = MenuMomentum, Range = new SettingRange(0, 1, false, false) }, WeightDecay],
            Fixed: new Dictionary<string, object>(StringComparer.Ordinal) { ["nesterov"] = true },
            Starting: new Dictionary<string, object>(StringComparer.Ordinal) { ["momentum"] = MenuMomentum }),
        new("adam", "Adam", "Adam", "adam", "Steps by the gradient's moving average over the root of the squared gradient's, both bias-corrected.",
            [LearningRate0001, Beta1, Beta2, Epsilon8, WeightDecay with { Symbol = "L2 λ", Label = LabelUse.WhenPositive }, AmsGrad]),
        new("adamw", "AdamW", "AdamW", "adamw", "Adam with the weight decay taken from the weights directly, not added to the gradient.",
            [LearningRate0001, Beta1, Beta2, Epsilon8, WeightDecay with { Default = 0.01, Description = "Decoupled weight decay: θ shrinks by α·λ·θ before each Adam step.", Label = LabelUse.Always, Hint = true }, AmsGrad]),
        new("adagrad", "AdaGrad", "AdaGrad", "adagrad", "Divides each parameter's step by the root of the sum of its squared gradients.",
        [
            LearningRate01,
            new("lrDecay", "η", 0.0, "Learning-rate decay: the rate is divided by 1 + (t − 1)·η.", SettingRange.NonNegative),
            new("initialAccumulator", "s0", 0.0, "Where the sum of squared gradients starts.", SettingRange.NonNegative),
            Epsilon8 with { Default = 1e-10 },
            WeightDecay,
        ]),
        new("rmsprop", "RMSprop", "RMSprop", "rmsprop", "Divides each parameter's step by the root of a moving average of its squared gradients.",
        [
            LearningRate01,
            new("alpha", "α(smoothing)", 0.99, "The smoothing of the squared gradient's moving average.", SettingRange.UnitInterval, Hint: true),
            Epsilon8,
            Momentum,
            new("centered", "centered", false, "Subtract the squared mean gradient: divide by an estimate of the variance."),
            WeightDecay,
        ]),
    ];

    /// <summary>The choices' keys, in order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(c => c.Key)];

    /// <summary>The scenario kinds (<c>gd</c>, <c>sgd</c>, <c>adam</c>, …): the choices whose key is their kind.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [.. All.Where(c => c.Key == c.Kind).Select(c => c.Key)];

    /// <summary>The choice of key <paramref name="key"/>, or null.</summary>
    public static OptimizerChoice? Find(string? key) => All.FirstOrDefault(c => c.Key == key);

    /// <summary>The choice of key <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">No such choice.</exception>
    public static OptimizerChoice Get(string key) =>
        Find(key) ?? throw new ArgumentException($"No optimizer '{key}': one of {string.Join(", ", Keys)}.", nameof(key));

    /// <summary>The choice <paramref name="spec"/> is (Nesterov before plain SGD), or null for an unknown kind.</summary>
    public static OptimizerChoice? ChoiceOf(OptimizerSpec? spec)
    {
        var kind = spec ?? new OptimizerSpec { Kind = "gd" };
        kind = kind.Kind is null ? kind with { Kind = "gd" } : kind;
        return All.Where(c => c.Fixed is not null).FirstOrDefault(c => c.Matches(kind)) ?? Find(kind.Kind);
    }

    /// <summary>The learning rate <paramref name="spec"/> runs at: its own, or its choice's default (gradient descent's
    /// for an unknown kind).</summary>
    public static double LearningRateOf(OptimizerSpec? spec) =>
        spec?.LearningRate ?? (double)(ChoiceOf(spec) ?? All[0]).Setting("learningRate")!.Default;

    /// <summary>The display name of the choice of key <paramref name="key"/> (the key itself if there is none).</summary>
    public static string DisplayName(string key) => Find(key)?.DisplayName ?? key;

    /// <summary>The engine's default of <paramref name="field"/> for <paramref name="spec"/>'s kind, or null.</summary>
    internal static object? DefaultOf(OptimizerSpec spec, string field) => Find(spec.Kind)?.Setting(field)?.Default;

    /// <summary>Reads the field of JSON name <paramref name="field"/>.</summary>
    public static object? Read(OptimizerSpec spec, string field)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return field switch
        {
            "learningRate" => spec.LearningRate,
            "momentum" => spec.Momentum,
            "dampening" => spec.Dampening,
            "nesterov" => spec.Nesterov,
            "weightDecay" => spec.WeightDecay,
            "beta1" => spec.Beta1,
            "beta2" => spec.Beta2,
            "epsilon" => spec.Epsilon,
            "amsgrad" => spec.Amsgrad,
            "alpha" => spec.Alpha,
            "centered" => spec.Centered,
            "lrDecay" => spec.LrDecay,
            "initialAccumulator" => spec.InitialAccumulator,
            "momentumForm" => spec.MomentumForm,
            _ => throw new ArgumentException($"No optimizer field '{field}'.", nameof(field)),
        };
    }

    /// <summary><paramref name="spec"/> with the field of JSON name <paramref name="field"/> set to <paramref name="value"/>.</summary>
    public static OptimizerSpec With(OptimizerSpec spec, string field, object? value)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return field switch
        {
            "learningRate" => spec with { LearningRate = (double?)value },
            "momentum" => spec with { Momentum = (double?)value },
            "dampening" => spec with { Dampening = (double?)value },
            "nesterov" => spec with { Nesterov = (bool?)value },
            "weightDecay" => spec with { WeightDecay = (double?)value },
            "beta1" => spec with { Beta1 = (double?)value },
            "beta2" => spec with { Beta2 = (double?)value },
            "epsilon" => spec with { Epsilon = (double?)value },
            "amsgrad" => spec with { Amsgrad = (bool?)value },
            "alpha" => spec with { Alpha = (double?)value },
            "centered" => spec with { Centered = (bool?)value },
            "lrDecay" => spec with { LrDecay = (double?)value },
            "initialAccumulator" => spec with { InitialAccumulator = (double?)value },
            "momentumForm" => spec with { MomentumForm = (string?)value },
            _ => throw new ArgumentException($"No optimizer field '{field}'.", nameof(field)),
        };
    }

    /// <summary>The README's optimizer table, in Markdown: one row per choice with its settings and defaults.</summary>
    public static string MarkdownTable()
    {
        var text = new System.Text.StringBuilder();
        text.Append("| choice | kind | what it does | settings (default) |\n|---|---|---|---|\n");
        foreach (var choice in All)
        {
            var kind = choice.Key == choice.Kind ? $"`{choice.Kind}`" : $"`{choice.Kind}` with " + string.Join(", ", (choice.Fixed ?? new Dictionary<string, object>(StringComparer.Ordinal)).Select(p => $"`{p.Key}: {OptimizerSetting.Text(p.Value)}`"));
            var settings = string.Join(", ", choice.Settings.Select(s => $"`{s.Field}` {s.Symbol} ({s.DefaultText})"));
            text.Append(CultureInfo.InvariantCulture, $"| `{choice.Key}` {choice.DisplayName} | {kind} | {choice.Description} | {settings} |\n");
        }

        return text.ToString();
    }
}
