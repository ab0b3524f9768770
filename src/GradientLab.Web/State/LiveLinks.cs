using GradientLab.Lessons.Runs;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>What /live shows of a run besides the scenario: the step and the view choices.</summary>
/// <param name="Step">The step shown (clamped to the run's last step when opened).</param>
/// <param name="Surface3d">The cost drawn as a 3-D surface instead of contours.</param>
/// <param name="LossScale"><c>auto</c>, <c>linear</c> or <c>log</c>.</param>
/// <param name="PinView">The contour view pinned to the whole path.</param>
/// <param name="PredictionX">The x the prediction is read at, when it is not the dataset's usual one.</param>
public sealed record LiveView(int Step = 0, bool Surface3d = false, string LossScale = "auto", bool PinView = false, double? PredictionX = null);

/// <summary>An uploaded file a link names but does not carry (it was over <see cref="LiveLinks.MaxInlineDataBytes"/>).</summary>
/// <param name="Name">The file's name, as the learner uploaded it.</param>
/// <param name="Sha">The first 12 hex digits of the SHA-256 of its two chosen columns as <c>x,y</c> CSV.</param>
/// <param name="Query">The link's query, to read again once the file is uploaded.</param>
public sealed record MissingFile(string Name, string Sha, string Query);

/// <summary>A /live address, read.</summary>
/// <param name="Scenario">The run to compute.</param>
/// <param name="Preset">The preset menu's label: a preset's name when the run is that preset unchanged, else <c>custom</c>.</param>
/// <param name="View">The step and the view choices.</param>
/// <param name="Version">The link's format version (0: <c>?preset=</c>, 1: <c>?s=</c>, 2: short parameters).</param>
/// <param name="Missing">The uploaded file the link names but does not carry, or null.</param>
public sealed record LiveLink(Scenario Scenario, string Preset, LiveView View, int Version, MissingFile? Missing = null);

/// <summary>
/// The /live page's address, version 2: <c>v=2&amp;preset=NAME</c> plus only the fields that differ from that preset,
/// as short parameters, plus the step and the view. Numbers are written round-trip exact. A scenario the short
/// parameters cannot say (opened from an old <c>?s=</c> link with a schedule, say) is written whole, as version 1
/// wrote it. Old links (<c>?preset=</c>, <c>?s=</c>) keep opening the run they opened.
/// </summary>
public static class LiveLinks
{
    /// <summary>The preset opened by an address without one.</summary>
    public const string DefaultPreset = "housing-live-demo";

    /// <summary>The preset menu's label for a run that is no preset unchanged.</summary>
    public const string Custom = "custom";

    /// <summary>The largest step budget /live accepts (the whole run is computed when settings change).</summary>
    public const int MaxSteps = 100_000;

    /// <summary>The largest size of a start value in a link (a start of 1e308 would overflow the cost at step 0).</summary>
    public const double MaxStart = 1e6;

    /// <summary>Uploaded data up to this many bytes (as compact <c>x,y</c> CSV) travel in the link; larger files are named.</summary>
    public const int MaxInlineDataBytes = 2048;

    /// <summary>The presets in /live's menu.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["housing-live-demo", "housing-unscaled", "course-lab", "alpha-too-large", "alpha-too-small", "unscaled-features", "minibatch-line", "nonlinear-data"];

    /// <summary>The data menu's keys.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["portland", "portland-raw", "housing-tiny", "line", "parabola"];

    /// <summary>The optimizer menu: the engine's kinds, with Nesterov as its own entry (SGD with Nesterov momentum).</summary>
    public static IReadOnlyList<string> Optimizers => OptimizerCatalogue.Keys;

    private static readonly string[] BatchKinds = ["full", "mini", "stochastic"];
    private static readonly string[] UpdateKinds = ["simultaneous", "sequential"];
    private static readonly string[] Views = ["contour", "3d"];
    private static readonly string[] LossScales = ["auto", "linear", "log"];

    /// <summary>The scenario's parameters, in the order they are applied (the data first, the optimizer before its rate).</summary>
    private static readonly string[] ScenarioParameters = ["file", "data", "sha", "dataset", "scale", "opt", "alpha", "momentum", "batch", "size", "seed", "update", "steps", "start", "freeze"];

    private static readonly string[] ViewParameters = ["step", "view", "loss", "pin", "x"];

    /// <summary>Every parameter /live reads (besides the layout's <c>present</c> and <c>embed</c>).</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["v", "preset", "s", .. ScenarioParameters, .. ViewParameters];

    /// <summary>The longest <c>data</c> value: <see cref="MaxInlineDataBytes"/> in base64url, measured before decoding.</summary>
    private static readonly int MaxDataLength = Base64Url.GetEncodedLength(MaxInlineDataBytes);

    private static readonly Dictionary<string, int> LongValues = new(StringComparer.Ordinal)
    {
        ["s"] = ShareLinks.MaxEncodedLength * 2,
        ["data"] = MaxDataLength,
    };

    /// <summary>The data of a data-menu key, as the scenario spells it, or null for an unknown key.</summary>
    public static DataSpec? DatasetSpec(string key) => key switch
    {
        "portland" => new DataSpec { Builtin = "portland-housing", Features = ["size_1000sqft"], Target = "price_1000usd" },
        "portland-raw" => new DataSpec { Builtin = "portland-housing", Features = ["size_sqft"], Target = "price_1000usd" },
        "housing-tiny" or "line" or "parabola" => new DataSpec { Builtin = key },
        _ => null,
    };

    /// <summary>The data-menu key whose data is exactly <paramref name="data"/>, or null.</summary>
    public static string? DatasetKey(DataSpec? data) =>
        data is null ? null : Datasets.FirstOrDefault(key => Same(DatasetSpec(key), data));

    /// <summary>The x the prediction is read at for a data-menu key (NaN: none).</summary>
    public static double DefaultPredictionX(string? datasetKey) => datasetKey switch { "portland" => 1.25, "portland-raw" => 1250, _ => double.NaN };

    /// <summary>The optimizer menu's entry for the scenario's optimizer.</summary>
    public static string OptimizerChoice(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return OptimizerCatalogue.ChoiceOf(scenario.Optimizer)?.Key ?? scenario.Optimizer?.Kind ?? "gd";
    }

    /// <summary>A new optimizer of the menu's <paramref name="choice"/>, keeping the learning rate (momentum methods start at μ = 0.9).</summary>
    public static OptimizerSpec NewOptimizer(string choice, double? learningRate) => OptimizerCatalogue.Get(choice).NewSpec(learningRate);

    /// <summary>The uploaded data as compact CSV (<c>x,y</c> header, numbers round-trip exact), as links carry and check it.</summary>
    public static string CompactCsv(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var text = new StringBuilder("x,y\n");
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            text.Append(LinkQuery.Format(x[i])).Append(',').Append(LinkQuery.Format(y[i])).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The first 12 hex digits of the SHA-256 of <paramref name="text"/> (UTF-8).</summary>
    public static string Checksum(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    /// <summary>
    /// The compact CSV of the two numeric columns of an uploaded <paramref name="table"/> whose checksum is
    /// <paramref name="sha"/> (any ordered pair of its first 12 numeric columns), or null when none matches.
    /// </summary>
    public static string? MatchUpload(CsvTable table, string sha)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.NumericColumns().Take(12).ToArray();
        foreach (var x in columns)
        {
            foreach (var y in columns.Where(c => c != x))
            {
                var csv = CompactCsv(table.NumericColumn(x), table.NumericColumn(y));
                if (Checksum(csv) == sha)
                {
                    return csv;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The address's query (without <c>?</c>) for <paramref name="scenario"/> shown as <paramref name="view"/>:
    /// <c>v=2&amp;preset=…</c> and the fields that differ from the preset; the whole scenario (<c>s=</c>) when the short
    /// parameters cannot say it; null when even that is too long for an address.
    /// </summary>
    public static string? Query(Scenario scenario, LiveView view)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(view);
        var preset = GradientLab.Scenarios.Presets.Find(scenario.Name ?? "") ?? GradientLab.Scenarios.Presets.Get(DefaultPreset);
        var mine = Flatten(scenario);
        var theirs = Flatten(preset.Scenario);
        var parameters = new List<KeyValuePair<string, string>> { new("v", "2"), new("preset", preset.Name) };
        bool Differs(string name) => mine[name] != theirs[name];
        var groups = new (string Kind, string[] Members)[] { ("opt", ["alpha", "momentum"]), ("batch", ["size", "seed"]), ("data", ["file"]), ("sha", ["file"]) };
        foreach (var name in ScenarioParameters)
        {
            var group = groups.FirstOrDefault(g => g.Members.Contains(name) && Differs(g.Kind));
            if (mine[name] is { } value && (Differs(name) || group.Kind is not null))
            {
                parameters.Add(new(name, value));
            }
        }

        var candidate = Apply(preset.Scenario, ToQuery(parameters), InlineCsv(scenario), out _);
        if (!SameRun(candidate, scenario))
        {
            if (ShareLinks.Encode(scenario) is not { } encoded)
            {
                return null;
            }

            parameters = [new("v", "2"), new("s", encoded)];
        }

        AddView(parameters, view, DatasetKey(scenario.Objective?.Data));
        return LinkQuery.Write(parameters);
    }

    /// <summary>Reads a /live address (or its query): any version this build knows.</summary>
    /// <param name="address">The address, or its query.</param>
    /// <param name="uploadedCsv">The compact CSV of an uploaded file the link names (see <see cref="MissingFile"/>), once the learner gave it.</param>
    /// <exception cref="ScenarioException">A parameter is unknown or bad; the message names it and says what to change.</exception>
    public static LiveLink Read(string? address, string? uploadedCsv = null)
    {
        var query = LinkQuery.Parse(address, LongValues);
        query.RequireKnown([.. Parameters]);
        var version = query.FormatVersion();
        var view = ReadView(query);
        if (query["s"] is { Length: > 0 } encoded)
        {
            var whole = ShareLinks.Decode(encoded);
            if (query.Names.FirstOrDefault(n => ScenarioParameters.Contains(n, StringComparer.Ordinal) || n == "preset") is { } extra)
            {
                throw new ScenarioException($"the parameter '{extra}' cannot change a whole scenario given as 's'; remove one of them.");
            }

            if (ObjectiveKinds.IsClassifier(whole.Objective?.Kind))
            {
                throw new ScenarioException($"this scenario classifies points ({whole.Objective!.Kind}), which the /network page shows; /live runs regression and functions.");
            }

            return new LiveLink(whole, whole.Name is { } name && Presets.Contains(name, StringComparer.Ordinal) ? name : Custom, view, version);
        }

        var presetName = query["preset"] ?? DefaultPreset;
        var preset = GradientLab.Scenarios.Presets.Find(presetName)
            ?? throw new ScenarioException($"the parameter 'preset' is '{presetName}', which is not a preset: use one of {string.Join(", ", Presets)}.");
        if (preset.IsClassifier)
        {
            throw new ScenarioException($"the preset '{preset.Name}' classifies points ({preset.Scenario.Objective!.Kind}); it opens on the /network page (/network?preset={preset.Name}), not on /live.");
        }

        var scenario = Apply(preset.Scenario, query, uploadedCsv, out var missing);
        if (missing is not null)
        {
            return new LiveLink(preset.Scenario, Presets.Contains(preset.Name, StringComparer.Ordinal) ? preset.Name : Custom, view with { Step = 0 }, version, missing with { Query = LinkQuery.Write(query.Names.Select(n => new KeyValuePair<string, string>(n, query[n]!))) });
        }

        var changed = query.Names.Any(n => ScenarioParameters.Contains(n, StringComparer.Ordinal));
        var label = !changed && Presets.Contains(preset.Name, StringComparer.Ordinal) ? preset.Name : Custom;
        return new LiveLink(scenario, label, view, version);
    }

    private static LiveView ReadView(LinkQuery query) => new(
        Step: query.WholeNumber("step", 0, MaxSteps) ?? 0,
        Surface3d: query.Choice("view", Views) == "3d",
        LossScale: query.Choice("loss", LossScales) ?? "auto",
        PinView: query.Flag("pin") ?? false,
        PredictionX: query.Number("x"));

    private static void AddView(List<KeyValuePair<string, string>> parameters, LiveView view, string? datasetKey)
    {
        if (view.Step > 0)
        {
            parameters.Add(new("step", view.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (view.Surface3d)
        {
            parameters.Add(new("view", "3d"));
        }

        if (view.LossScale != "auto")
        {
            parameters.Add(new("loss", view.LossScale));
        }

        if (view.PinView)
        {
            parameters.Add(new("pin", "1"));
        }

        if (view.PredictionX is { } x && double.IsFinite(x) && !x.Equals(DefaultPredictionX(datasetKey)))
        {
            parameters.Add(new("x", LinkQuery.Format(x)));
        }
    }

    /// <summary>The scenario's fields as the short parameters write them (null: absent, or not expressible).</summary>
    private static Dictionary<string, string?> Flatten(Scenario scenario)
    {
        var data = scenario.Objective?.Data;
        var inline = InlineCsv(scenario);
        var small = inline is not null && Encoding.UTF8.GetByteCount(inline) <= MaxInlineDataBytes;
        var optimizer = scenario.Optimizer;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["file"] = inline is null ? null : scenario.Name,
            ["data"] = small ? Base64Url.EncodeToString(Encoding.UTF8.GetBytes(inline!)) : null,
            ["sha"] = inline is not null && !small ? Checksum(inline) : null,
            ["dataset"] = DatasetKey(data),
            ["scale"] = scenario.Objective?.ScaleFeatures ?? false ? "1" : "0",
            ["opt"] = OptimizerChoice(scenario),
            ["alpha"] = optimizer?.LearningRate is { } rate ? LinkQuery.Format(rate) : null,
            ["momentum"] = optimizer?.Momentum is { } momentum ? LinkQuery.Format(momentum) : null,
            ["batch"] = scenario.Batch?.Kind ?? "full",
            ["size"] = scenario.Batch?.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["seed"] = scenario.Batch?.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["update"] = scenario.Update ?? "simultaneous",
            ["steps"] = (scenario.Steps ?? ScenarioResolver.DefaultSteps).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["start"] = scenario.Start is { } start ? LinkQuery.Format(start) : null,
            ["freeze"] = LiveSettings.InterceptFrozen(scenario) ? "b" : null,
        };
    }

    /// <summary>Inline data of one feature as compact CSV, or null.</summary>
    private static string? InlineCsv(Scenario scenario) =>
        scenario.Objective?.Data is { X: { } x, Y: { } y, Builtin: null, Csv: null } && x.All(row => row.Count == 1)
            ? CompactCsv([.. x.Select(row => row[0])], y)
            : null;

    /// <summary>The preset's scenario with the address's scenario parameters applied, in a fixed order.</summary>
    private static Scenario Apply(Scenario preset, LinkQuery query, string? uploadedCsv, out MissingFile? missing)
    {
        missing = null;
        var scenario = preset;
        if (query["data"] is { } data)
        {
            scenario = WithData(scenario, DecodeData(data), query["file"]);
        }
        else if (query["sha"] is { } sha)
        {
            if (sha.Length != 12 || !sha.All(char.IsAsciiHexDigitLower))
            {
                throw new ScenarioException($"the parameter 'sha' is '{sha}'; it must be 12 lowercase hex digits (the start of the file's SHA-256).");
            }

            var file = query["file"] ?? "your file";
            if (uploadedCsv is null || Checksum(uploadedCsv) != sha)
            {
                missing = new MissingFile(file, sha, "");
                return scenario;
            }

            scenario = WithData(scenario, uploadedCsv, file);
        }
        else if (query["file"] is not null)
        {
            throw new ScenarioException("the parameter 'file' names uploaded data, but the link has neither 'data' nor 'sha': copy the link again.");
        }

        if (query.Choice("dataset", Datasets) is { } key)
        {
            scenario = scenario with
            {
                Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", ScaleFeatures = scenario.Objective?.ScaleFeatures, Data = DatasetSpec(key) },
            };
        }

        if (query.Flag("scale") is { } scale)
        {
            scenario = scenario with { Objective = (scenario.Objective ?? new ObjectiveSpec()) with { ScaleFeatures = scale ? true : (scenario.Objective?.ScaleFeatures is null ? null : false) } };
        }

        if (query.Choice("freeze", ["b"]) is not null)
        {
            scenario = LiveSettings.WithFrozenIntercept(scenario, freeze: true);
        }

        if (query.Choice("opt", Optimizers) is { } choice)
        {
            scenario = scenario with { Optimizer = NewOptimizer(choice, scenario.Optimizer?.LearningRate) };
        }

        if (query.Number("alpha", double.Epsilon, 1e6) is { } alpha)
        {
            scenario = scenario with { Optimizer = (scenario.Optimizer ?? new OptimizerSpec { Kind = "gd" }) with { LearningRate = alpha } };
        }

        if (query.Number("momentum", 0, 0.999999) is { } momentum)
        {
            scenario = scenario with { Optimizer = (scenario.Optimizer ?? new OptimizerSpec { Kind = "sgd" }) with { Momentum = momentum } };
        }

        if (query.Choice("batch", BatchKinds) is { } batch)
        {
            scenario = scenario with { Batch = new BatchSpec { Kind = batch } };
        }

        if (query.WholeNumber("size", 1, 1_000_000) is { } size)
        {
            scenario = scenario with { Batch = (scenario.Batch ?? new BatchSpec { Kind = "mini" }) with { Size = size } };
        }

        if (query.WholeNumber("seed", int.MinValue, int.MaxValue) is { } seed)
        {
            scenario = scenario with { Batch = (scenario.Batch ?? new BatchSpec { Kind = "stochastic" }) with { Seed = seed } };
        }

        if (query.Choice("update", UpdateKinds) is { } update)
        {
            scenario = scenario with { Update = update };
        }

        if (query.WholeNumber("steps", 1, MaxSteps) is { } steps)
        {
            scenario = scenario with { Steps = steps };
        }

        if (query.Numbers("start", 16, -MaxStart, MaxStart) is { } start)
        {
            scenario = scenario with { Start = start };
        }

        return scenario;
    }

    private static string DecodeData(string data)
    {
        if (data.Length > MaxDataLength)
        {
            throw new ScenarioException($"the parameter 'data' is {data.Length:N0} characters long; links carry at most {MaxDataLength:N0} (larger files travel as 'file' and 'sha').");
        }

        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(data));
        }
        catch (FormatException error)
        {
            throw new ScenarioException("the parameter 'data' is not valid base64url (was the address cut short when it was copied?).", error);
        }
    }

    private static Scenario WithData(Scenario scenario, string csv, string? file)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Parse(csv, "the link's data", new CsvLimits(MaxCharacters: 1024 * 1024, MaxRows: 10_000, MaxColumns: 2));
        }
        catch (ScenarioException error)
        {
            throw new ScenarioException($"the parameter 'data' does not hold x,y rows: {error.Message}", error);
        }

        if (table.Headers is not ["x", "y"])
        {
            throw new ScenarioException("the parameter 'data' does not hold x,y rows (its header is not 'x,y'): copy the link again.");
        }

        return scenario with
        {
            Name = file ?? "uploaded.csv",
            Objective = new ObjectiveSpec
            {
                Kind = "linear-regression",
                Loss = "half-mse",
                ScaleFeatures = scenario.Objective?.ScaleFeatures,
                Data = new DataSpec { X = [.. table.NumericColumn("x").Select(v => (IReadOnlyList<double>)[v])], Y = table.NumericColumn("y") },
            },
        };
    }

    private static LinkQuery ToQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        LinkQuery.Parse(LinkQuery.Write(parameters), LongValues);

    /// <summary>Whether two scenarios describe the same run: the same JSON once every default is filled in (the description aside).</summary>
    private static bool SameRun(Scenario a, Scenario b)
    {
        static string Canonical(Scenario scenario)
        {
            try
            {
                return ScenarioJson.Write(ScenarioResolver.Resolve(scenario).Scenario with { Description = null });
            }
            catch (ScenarioException)
            {
                return ScenarioJson.Write(scenario with { Description = null });
            }
        }

        return Canonical(a) == Canonical(b);
    }

    private static bool Same(DataSpec? a, DataSpec? b) =>
        a is not null && b is not null && a.Builtin == b.Builtin && a.Csv == b.Csv && a.Target == b.Target && a.X is null && b.X is null && a.Y is null && b.Y is null
        && (a.Features ?? []).SequenceEqual(b.Features ?? [], StringComparer.Ordinal);
}
