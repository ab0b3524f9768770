using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Scenarios;

/// <summary>A scenario with every default filled in, and the run it describes, ready to start.</summary>
/// <param name="Scenario">The scenario as it will run, every field given.</param>
/// <param name="Settings">The frozen settings of the run.</param>
/// <param name="Data">The samples the objective sees (after polynomial expansion and scaling), or null for a function.</param>
/// <param name="Scaling">The feature scaling applied, to map parameters back to original units; null when off.</param>
/// <param name="InputData">The samples as loaded, before polynomial expansion and scaling, or null for a function.</param>
public sealed record ResolvedScenario(Scenario Scenario, DescentSettings Settings, Dataset? Data, FeatureScaling? Scaling, Dataset? InputData)
{
    /// <summary>The model's prediction for one row of <see cref="InputData"/>: expanded to powers and scaled as the objective sees it; for a classifier, P(class 1).</summary>
    /// <exception cref="InvalidOperationException">The objective is a plain function, which predicts nothing.</exception>
    public double Predict(IReadOnlyList<double> parameters, IReadOnlyList<double> inputRow)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(inputRow);
        if (InputData is null)
        {
            throw new InvalidOperationException("A function objective makes no predictions.");
        }

        if (Classifier is { } classifier)
        {
            return classifier.Probability([.. parameters], [.. inputRow]);
        }

        var degree = Scenario.Objective?.PolynomialDegree ?? 1;
        var features = degree == 1 ? [.. inputRow] : Enumerable.Range(1, degree).Select(p => Math.Pow(inputRow[0], p)).ToArray();
        if (Scaling is not null)
        {
            for (var j = 0; j < features.Length; j++)
            {
                features[j] = (features[j] - Scaling.Means[j]) / Scaling.Deviations[j];
            }
        }

        var z = parameters[^1];
        for (var j = 0; j < features.Length; j++)
        {
            z += parameters[j] * features[j];
        }

        return Settings.Objective is SigmoidNeuron ? SigmoidNeuron.Sigmoid(z) : z;
    }

    /// <summary>
    /// Whether <see cref="Predict"/> is affine in each input (linear regression of degree 1, scaled or not): over one
    /// feature, the model is a straight line.
    /// </summary>
    public bool PredictsAffinely => InputData is not null && Classifier is null && (Scenario.Objective?.PolynomialDegree ?? 1) == 1 && Settings.Objective is not SigmoidNeuron;

    /// <summary>The model when it classifies labelled points (logistic regression or a network), else null.</summary>
    public IBinaryClassifier? Classifier => Settings.Objective as IBinaryClassifier;

    /// <summary>The fraction of the training points <paramref name="parameters"/> classify right (ŷ ≥ 0.5 predicts class 1).</summary>
    /// <exception cref="InvalidOperationException">The objective classifies nothing.</exception>
    public double Accuracy(IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var classifier = Classifier ?? throw new InvalidOperationException($"A {Scenario.Objective?.Kind} objective classifies nothing, so it has no accuracy.");
        return classifier.Accuracy([.. parameters]);
    }

    /// <summary>Parameter names, weights first, bias last.</summary>
    public IReadOnlyList<string> ParameterNames => Settings.Objective.ParameterNames;

    /// <summary>A new run of this scenario, at step 0.</summary>
    public DescentRun CreateRun() => new(Settings);

    /// <summary>The exact minimiser where it is known (the least-squares fit of linear regression, a test function's first minimum), else null.</summary>
    public IReadOnlyList<double>? KnownMinimum() => Settings.Objective switch
    {
        LinearRegression regression => regression.Minimum(),
        TestFunction { Minima.Count: > 0 } function => [.. function.Minima[0]],
        _ => null,
    };
}

/// <summary>
/// Checks a <see cref="Scenario"/>, fills in its defaults and builds the run. Every error is a
/// <see cref="ScenarioException"/> naming the field (as <c>optimizer.beta1</c>) and the value.
/// </summary>
public static class ScenarioResolver
{
    /// <summary>The step budget when a scenario gives none.</summary>
    public const int DefaultSteps = 1000;

    /// <summary>Each optimizer key's fields, from <see cref="OptimizerCatalogue"/> (a choice such as <c>nesterov</c> also
    /// takes its kind's fields).</summary>
    private static readonly Dictionary<string, string[]> OptimizerFields = OptimizerCatalogue.All.ToDictionary(
        c => c.Key,
        c => c.Key == c.Kind ? [.. c.Settings.Select(s => s.Field)] : OptimizerCatalogue.Get(c.Kind).Settings.Select(s => s.Field).ToArray(),
        StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> ScheduleFields = new(StringComparer.Ordinal)
    {
        ["constant"] = ["per"],
        ["step"] = ["per", "stepSize", "gamma"],
        ["exponential"] = ["per", "gamma"],
        ["inverse-time"] = ["per", "decay", "period"],
        ["cosine"] = ["per", "period", "minLearningRate"],
        ["warmup-cosine"] = ["per", "warmupSteps", "totalSteps", "minLearningRate"],
        ["one-cycle"] = ["per", "totalSteps", "pctStart"],
    };

    private static readonly Dictionary<string, string[]> ObjectiveFields = new(StringComparer.Ordinal)
    {
        ["linear-regression"] = ["loss", "scaleFeatures", "polynomialDegree", "data"],
        ["sigmoid-neuron"] = ["loss", "data"],
        [ObjectiveKinds.LogisticRegression] = ["data", "initSeed"],
        [ObjectiveKinds.NeuralNetwork] = ["hidden", "activation", "data", "initSeed"],
        ["function"] = ["name", "eigenvalues"],
    };

    /// <summary>The activations of a network's hidden units, as a scenario spells them.</summary>
    private static readonly string[] Activations = ["tanh", "relu", "sigmoid"];

    private static readonly Dictionary<string, string[]> BatchFields = new(StringComparer.Ordinal)
    {
        ["full"] = [],
        ["mini"] = ["size", "shuffle", "seed"],
        ["stochastic"] = ["shuffle", "seed"],
    };

    /// <summary>The optimizer kinds and choices (<c>nesterov</c>), in the order a learner meets them.</summary>
    public static IReadOnlyList<string> OptimizerKinds => OptimizerCatalogue.Keys;

    /// <summary>The schedule kinds.</summary>
    public static IReadOnlyList<string> ScheduleKinds => [.. ScheduleFields.Keys];

    /// <summary>Checks the scenario, fills in its defaults and builds its run.</summary>
    /// <param name="scenario">The scenario as given.</param>
    /// <param name="openCsv">Opens a CSV file named by a scenario (the command line opens it inside the scenario's
    /// folder, see <see cref="ScenarioFolder"/>). Null: CSV files are refused.</param>
    /// <param name="limits">What the scenario may ask for (default <see cref="ScenarioLimits.Default"/>); every limit
    /// is checked before the run is made.</param>
    /// <exception cref="ScenarioException">Anything that cannot run, with the field and the value.</exception>
    public static ResolvedScenario Resolve(Scenario scenario, Func<string, Stream>? openCsv = null, ScenarioLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        limits ??= ScenarioLimits.Default;
        var steps = scenario.Steps ?? DefaultSteps;
        RequireRange(steps, 0, limits.MaxSteps, "steps");
        var objectiveSpec = scenario.Objective ?? throw new ScenarioException("The scenario has no 'objective': say what to minimise, for example { \"kind\": \"function\", \"name\": \"rosenbrock\" }.");
        var (objective, resolvedObjective, data, scaling, inputData, seededStart) = BuildObjective(objectiveSpec, openCsv, limits);
        RequireWithinBudget(steps, objective.Dimension, data?.SampleCount ?? 1, limits);
        var optimizerSpec = ResolveOptimizer(scenario.Optimizer ?? new OptimizerSpec { Kind = "gd" });
        var scheduleSpec = ResolveSchedule(scenario.Schedule ?? new ScheduleSpec { Kind = "constant" }, steps);
        var batchSpec = ResolveBatch(scenario.Batch ?? new BatchSpec { Kind = "full" }, data);
        var update = Choose(scenario.Update ?? "simultaneous", "update", ["simultaneous", "sequential"]);
        var stopSpec = new StopSpec
        {
            GradientTolerance = scenario.Stop?.GradientTolerance ?? 0,
            DivergenceFactor = scenario.Stop?.DivergenceFactor ?? 1e6,
        };
        var start = scenario.Start ?? seededStart ?? new double[objective.Dimension];
        if (start.Count != objective.Dimension)
        {
            throw new ScenarioException(objective is NeuralNetwork network
                ? $"start: {start.Count} values given, but the network {network.Shape} has {objective.Dimension} parameters ({Names(objective.ParameterNames)}), layer by layer, each layer's weights then its biases; or leave 'start' out and give objective.initSeed."
                : $"start: {start.Count} values given, but this objective has {objective.Dimension} parameters ({Names(objective.ParameterNames)}), weights first, bias last.");
        }

        var frozen = new List<int>();
        foreach (var name in scenario.Freeze ?? [])
        {
            var index = objective.ParameterNames.ToList().IndexOf(name);
            if (index < 0 || frozen.Contains(index))
            {
                throw new ScenarioException($"freeze: '{name}' is not {(index < 0 ? "a parameter of this objective" : "named once")}; its parameters are {string.Join(", ", objective.ParameterNames)}.");
            }

            frozen.Add(index);
        }

        if (frozen.Count >= objective.Dimension)
        {
            throw new ScenarioException($"freeze: every parameter ({string.Join(", ", objective.ParameterNames)}) is frozen, so nothing would train; leave at least one out.");
        }

        if (batchSpec.Kind != "full" && data is null)
        {
            throw new ScenarioException($"batch.kind: '{batchSpec.Kind}' batches need data; a function objective has none (use \"full\").");
        }

        var optimizer = CreateOptimizer(optimizerSpec);
        Check(optimizer.Validate, "optimizer");
        var schedule = CreateSchedule(scheduleSpec, optimizerSpec.LearningRate!.Value);
        Check(() => ScheduleValidation.Validate(schedule), "schedule");
        var settings = new DescentSettings(objective, [.. start], optimizer, schedule, steps)
        {
            ScheduleUnit = scheduleSpec.Per == "epoch" ? ScheduleUnit.Epoch : ScheduleUnit.Step,
            Batch = new BatchSettings(
                batchSpec.Kind switch { "mini" => BatchKind.Mini, "stochastic" => BatchKind.Stochastic, _ => BatchKind.Full },
                batchSpec.Size ?? 1,
                batchSpec.Shuffle ?? false,
                batchSpec.Seed ?? 0),
            Update = update == "sequential" ? UpdateMode.Sequential : UpdateMode.Simultaneous,
            Stop = new StopCriteria(stopSpec.GradientTolerance.Value, stopSpec.DivergenceFactor.Value),
            Frozen = frozen,
        };
        Check(settings.Validate, "");

        var resolved = scenario with
        {
            Objective = resolvedObjective,
            Start = [.. start],
            Optimizer = optimizerSpec,
            Schedule = scheduleSpec,
            Batch = batchSpec,
            Update = update,
            Freeze = frozen.Count == 0 ? null : [.. frozen.Select(i => objective.ParameterNames[i])],
            Steps = steps,
            Stop = stopSpec,
        };
        return new ResolvedScenario(resolved, settings, data, scaling, inputData);
    }

    /// <summary>The message of an <see cref="ArgumentException"/> without the " (Parameter 'name')" that .NET appends.</summary>
    internal static string PlainMessage(ArgumentException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    /// <summary>
    /// Runs one of the engine's own checks and turns its <see cref="ArgumentException"/> into a message that names the
    /// field where the scenario keeps it: "Invalid beta1: 1 (must be …)" becomes "optimizer.beta1: 1 is not allowed; it must be …".
    /// </summary>
    private static void Check(Action validate, string section)
    {
        try
        {
            validate();
        }
        catch (ArgumentException error)
        {
            var message = PlainMessage(error);
            var match = System.Text.RegularExpressions.Regex.Match(message, @"^Invalid (?<name>[A-Za-z0-9]+): (?<value>.+?) \((?<rule>must [^)]*)\)\.?$");
            if (!match.Success)
            {
                throw new ScenarioException(section.Length == 0 ? message : $"{section}: {message}", error);
            }

            var name = match.Groups["name"].Value;
            var field = name switch
            {
                "learningRate" => "optimizer.learningRate",
                "steps" or "start" => name,
                "gradientTolerance" or "divergenceFactor" => $"stop.{name}",
                _ => section.Length == 0 ? name : $"{section}.{name}",
            };
            throw new ScenarioException($"{field}: {match.Groups["value"].Value} is not allowed; it {match.Groups["rule"].Value}.", error);
        }
    }

    private static void RequireRange(long value, long minimum, long maximum, string field)
    {
        if (value > maximum)
        {
            throw new ScenarioException($"{field}: {ScenarioLimits.N(value)} is too large (at most {ScenarioLimits.N(maximum)}).");
        }

        if (value < minimum)
        {
            throw new ScenarioException($"{field}: {ScenarioLimits.N(value)} is too small (at least {ScenarioLimits.N(minimum)}).");
        }
    }

    private static void RequireCount(int count, int minimum, int maximum, string field, string noun, string why)
    {
        if (count > maximum)
        {
            throw new ScenarioException($"{field}: {ScenarioLimits.N(count)} {noun} are too many (at most {ScenarioLimits.N(maximum)}{why}).");
        }

        if (count < minimum)
        {
            throw new ScenarioException($"{field}: {ScenarioLimits.N(count)} {noun}; at least {ScenarioLimits.N(minimum)} needed.");
        }
    }

    /// <summary>Refuses a run whose records (steps × parameters) or arithmetic (steps × rows × parameters) would pass the limits.</summary>
    private static void RequireWithinBudget(int steps, int parameters, int rows, ScenarioLimits limits)
    {
        var recorded = (steps + 1L) * parameters;
        if (recorded > limits.MaxRecordedValues)
        {
            var bytes = (steps + 1L) * (220 + (16L * parameters));
            var most = (limits.MaxRecordedValues / parameters) - 1;
            throw new ScenarioException(
                $"steps: {ScenarioLimits.N(steps)} steps of {ScenarioLimits.N(parameters)} parameters would record {ScenarioLimits.N(recorded)} numbers " +
                $"(about {Size(bytes)}), more than the limit of {ScenarioLimits.N(limits.MaxRecordedValues)} (steps × parameters); " +
                $"with {ScenarioLimits.N(parameters)} parameters use at most {ScenarioLimits.N(Math.Max(most, 0))} steps.");
        }

        var work = (double)steps * rows * parameters;
        if (work > limits.MaxWork)
        {
            var most = (long)(limits.MaxWork / ((double)rows * parameters));
            throw new ScenarioException(
                $"steps: {ScenarioLimits.N(steps)} steps over {ScenarioLimits.N(rows)} rows with {ScenarioLimits.N(parameters)} parameters is {work:0.#e+0} " +
                $"row-parameter evaluations, more than the limit of {ScenarioLimits.N(limits.MaxWork)} (steps × rows × parameters); " +
                $"use at most {ScenarioLimits.N(most)} steps, or fewer rows.");
        }
    }

    private static string Size(long bytes) => bytes >= 1L << 30
        ? FormattableString.Invariant($"{bytes / (double)(1L << 30):0.#} GB")
        : FormattableString.Invariant($"{bytes / (double)(1L << 20):0} MB");

    private static string Names(IReadOnlyList<string> names) => CsvTable.ListNames(names);

    private static (IObjective Objective, ObjectiveSpec Resolved, Dataset? Data, FeatureScaling? Scaling, Dataset? InputData, double[]? SeededStart) BuildObjective(ObjectiveSpec spec, Func<string, Stream>? openCsv, ScenarioLimits limits)
    {
        var kind = Choose(spec.Kind ?? throw new ScenarioException($"objective.kind is missing: {string.Join(", ", ObjectiveFields.Keys)}."), "objective.kind", [.. ObjectiveFields.Keys]);
        RequireApplicable(spec, "objective", kind, ObjectiveFields);
        if (kind == "function")
        {
            var name = spec.Name ?? throw new ScenarioException($"objective.name is missing: one of {string.Join(", ", TestFunctions.Names)}.");
            Choose(name, "objective.name", TestFunctions.Names);
            if (spec.Eigenvalues is { } eigenvalues)
            {
                if (name != "quadratic-bowl")
                {
                    throw new ScenarioException($"objective.eigenvalues: function '{name}' takes no eigenvalues; only quadratic-bowl does.");
                }

                RequireCount(eigenvalues.Count, 1, limits.MaxParameters, "objective.eigenvalues", "eigenvalues", ", one per parameter");
                for (var i = 0; i < eigenvalues.Count; i++)
                {
                    if (!(eigenvalues[i] > 0) || !double.IsFinite(eigenvalues[i]))
                    {
                        throw new ScenarioException(FormattableString.Invariant($"objective.eigenvalues[{i}]: {eigenvalues[i]} is not allowed; each eigenvalue must be a finite number above 0."));
                    }
                }
            }

            var function = TestFunctions.Create(name, spec.Eigenvalues);
            return (function, spec with { Eigenvalues = function is QuadraticBowl bowl ? bowl.Eigenvalues : null }, null, null, null, null);
        }

        if (ObjectiveKinds.IsClassifier(kind))
        {
            var (classifier, resolvedClassifier, start) = BuildClassifier(kind, spec, openCsv, limits);
            return (classifier, resolvedClassifier, classifier.Data, null, classifier.Data, start);
        }

        var degree = spec.PolynomialDegree ?? 1;
        if (kind == "linear-regression")
        {
            RequireRange(degree, 1, PolynomialFeatures.MaxDegree, "objective.polynomialDegree");
        }

        var (dataset, resolvedData) = LoadData(spec.Data ?? throw new ScenarioException($"objective.data is missing: a {kind} learns from samples (inline x and y, a builtin dataset, or a csv file)."), openCsv, limits, classifier: false);
        if (kind == "sigmoid-neuron")
        {
            var neuronLoss = Choose(spec.Loss ?? "squared-error", "objective.loss", ["squared-error", "bce"]);
            var neuron = new SigmoidNeuron(dataset, neuronLoss == "bce" ? NeuronLoss.BinaryCrossEntropy : NeuronLoss.SquaredError);
            return (neuron, spec with { Loss = neuronLoss, Data = resolvedData }, dataset, null, dataset, null);
        }

        var loss = Choose(spec.Loss ?? "half-mse", "objective.loss", ["half-mse", "mse"]);
        var inputData = dataset;
        if (degree != 1)
        {
            if (dataset.FeatureCount != 1)
            {
                throw new ScenarioException($"objective.polynomialDegree: powers expand one input; this data has {dataset.FeatureCount} features ({Names(dataset.FeatureNames)}).");
            }

            var largest = 0.0;
            foreach (var x in dataset.Column(0))
            {
                largest = Math.Max(largest, Math.Abs(x));
            }

            if (!double.IsFinite(Math.Pow(largest, degree)))
            {
                throw new ScenarioException(FormattableString.Invariant($"objective.polynomialDegree: {degree} raises the largest input, |x| = {largest:G4}, beyond double precision; scale the inputs down or use a lower degree."));
            }

            dataset = PolynomialFeatures.Expand(dataset, degree);
        }

        var scale = spec.ScaleFeatures ?? false;
        FeatureScaling? scaling = null;
        if (scale)
        {
            try
            {
                scaling = FeatureScaling.Fit(dataset);
                dataset = scaling.Apply(dataset);
            }
            catch (ArgumentException error)
            {
                throw new ScenarioException("objective.scaleFeatures: the features are too large to scale (their spread overflows double precision); scale the inputs down first.", error);
            }
        }

        var regression = new LinearRegression(dataset, loss == "mse" ? RegressionLoss.Mse : RegressionLoss.HalfMse);
        var resolved = spec with { Loss = loss, ScaleFeatures = scale, PolynomialDegree = degree == 1 ? null : degree, Data = resolvedData };
        return (regression, resolved, dataset, scaling, inputData, null);
    }

    /// <summary>
    /// Logistic regression or a network: the shape checked first (before any data is read or drawn), then the labelled
    /// points, then the model and its seeded start (null: logistic regression without a seed starts at zeros).
    /// </summary>
    private static (IBinaryClassifier Classifier, ObjectiveSpec Resolved, double[]? Start) BuildClassifier(string kind, ObjectiveSpec spec, Func<string, Stream>? openCsv, ScenarioLimits limits)
    {
        NetworkShape? shape = null;
        string? activation = null;
        if (kind == ObjectiveKinds.NeuralNetwork)
        {
            var hidden = spec.Hidden ?? [4];
            if (hidden.Count > NetworkShape.MaxHiddenLayers)
            {
                throw new ScenarioException($"objective.hidden: {hidden.Count} layers; a network here has 0, 1 or {NetworkShape.MaxHiddenLayers} hidden layers, such as [4] or [8, 8] ([] is logistic regression).");
            }

            for (var i = 0; i < hidden.Count; i++)
            {
                if (hidden[i] is < 1 or > NetworkShape.MaxUnits)
                {
                    throw new ScenarioException($"objective.hidden[{i}]: {hidden[i]} units; a layer has 1 to {NetworkShape.MaxUnits}.");
                }
            }

            activation = Choose(spec.Activation ?? "tanh", "objective.activation", Activations);
            shape = new NetworkShape(hidden, Enum.Parse<Activation>(activation, ignoreCase: true), inputCount: 2);
        }

        var (dataset, resolvedData) = LoadData(spec.Data ?? throw new ScenarioException($"objective.data is missing: a {kind} learns from labelled points, such as {{ \"points\": \"xor\", \"count\": 200, \"noise\": 0.1, \"seed\": 1 }}, or {{ \"csv\": \"points.csv\" }} with the columns x1, x2 and label (0 or 1)."), openCsv, limits, classifier: true);
        IBinaryClassifier? model = null;
        if (shape is not null)
        {
            if (dataset.FeatureCount is < 1 or > NetworkShape.MaxInputs)
            {
                throw new ScenarioException($"objective.data: {dataset.FeatureCount} features; a network here takes 1 to {NetworkShape.MaxInputs} inputs.");
            }

            shape = new NetworkShape(shape.HiddenLayers, shape.Activation, dataset.FeatureCount);
            Check(() => model = new NeuralNetwork(dataset, shape), "objective.data");
        }
        else
        {
            Check(() => model = new LogisticRegression(dataset), "objective.data");
        }

        var seed = spec.InitSeed ?? (shape is null ? null : 0);
        var start = seed is not { } s ? null : model switch
        {
            NeuralNetwork network => network.Shape.Initialize(s),
            LogisticRegression logistic => logistic.Initialize(s),
            _ => null,
        };
        var resolved = spec with { Hidden = shape?.HiddenLayers, Activation = activation, InitSeed = seed, Data = resolvedData };
        return (model!, resolved, start);
    }

    /// <summary>A generated point set: its kind, size, noise and seed checked, then drawn.</summary>
    private static (Dataset Data, DataSpec Resolved) GeneratePoints(DataSpec spec)
    {
        var kind = PointSets.Find(Choose(spec.Points!, "objective.data.points", PointSets.Names))!.Value;
        var count = spec.Count ?? 200;
        if (count is < PointSets.MinCount or > PointSets.MaxCount)
        {
            throw new ScenarioException($"objective.data.count: {ScenarioLimits.N(count)} points; a point set has {PointSets.MinCount} to {ScenarioLimits.N(PointSets.MaxCount)}.");
        }

        var noise = spec.Noise ?? 0;
        if (!(noise is >= 0 and <= PointSets.MaxNoise))
        {
            throw new ScenarioException(FormattableString.Invariant($"objective.data.noise: {noise} is not allowed; the noise is a standard deviation from 0 to {PointSets.MaxNoise}, such as 0.1."));
        }

        var seed = spec.Seed ?? 0;
        var resolved = new DataSpec { Points = PointSets.NameOf(kind), Count = count, Noise = noise, Seed = seed };
        return (PointSets.Generate(kind, count, noise, seed), resolved);
    }

    private static (Dataset Data, DataSpec Resolved) LoadData(DataSpec spec, Func<string, Stream>? openCsv, ScenarioLimits limits, bool classifier)
    {
        var sources = new[] { spec.X is not null || spec.Y is not null, spec.Builtin is not null, spec.Csv is not null, spec.Points is not null }.Count(given => given);
        if (sources != 1)
        {
            throw new ScenarioException("objective.data: give exactly one of inline { \"x\": [[…]], \"y\": […] }, { \"builtin\": \"…\" } or { \"csv\": \"file.csv\", \"features\": […], \"target\": \"…\" }" +
                (classifier ? " or { \"points\": \"xor\", \"count\": 200, \"noise\": 0.1, \"seed\": 1 }." : "."));
        }

        if (spec.Points is null && new[] { ("count", spec.Count is not null), ("noise", spec.Noise is not null), ("seed", spec.Seed is not null) }.FirstOrDefault(f => f.Item2).Item1 is { } pointField)
        {
            throw new ScenarioException($"objective.data.{pointField}: it sets a generated point set, which this data is not; give \"points\" (one of {string.Join(", ", PointSets.Names)}) or leave '{pointField}' out.");
        }

        if (spec.Points is not null)
        {
            if (!classifier)
            {
                throw new ScenarioException($"objective.data.points: generated point sets are labelled 0 and 1, for the objectives {ObjectiveKinds.LogisticRegression} and {ObjectiveKinds.NeuralNetwork}; this one learns from other data (inline x and y, a builtin dataset, or a csv file).");
            }

            if (spec.Features is not null || spec.Target is not null)
            {
                throw new ScenarioException("objective.data: 'features' and 'target' choose columns of a builtin or csv source; a generated point set always has x1, x2 and label.");
            }

            return GeneratePoints(spec);
        }

        if (classifier && spec.Csv is not null)
        {
            return PointCsv(spec, openCsv, limits);
        }

        if (spec.X is not null || spec.Y is not null)
        {
            return (InlineData(spec, limits), spec);
        }

        var features = spec.Features;
        if (features is not null)
        {
            RequireCount(features.Count, 1, limits.MaxParameters - 1, "objective.data.features", "features", "; each has a weight, and the bias is one more parameter");
        }

        CsvTable table;
        IReadOnlyList<string>? defaultFeatures = null;
        string? defaultTarget = null;
        if (spec.Builtin is not null)
        {
            var builtin = BuiltinData.Find(spec.Builtin)
                ?? throw new ScenarioException($"objective.data.builtin: '{CsvTable.Shorten(spec.Builtin)}' is not one of {string.Join(", ", BuiltinData.Datasets.Select(d => d.Name))}.");
            table = builtin.Table;
            defaultFeatures = builtin.DefaultFeatures;
            defaultTarget = builtin.DefaultTarget;
        }
        else
        {
            table = ReadCsv(spec.Csv!, openCsv, limits);
        }

        features ??= defaultFeatures;
        var target = spec.Target ?? defaultTarget;
        if (features is null || features.Count == 0 || target is null)
        {
            throw new ScenarioException($"objective.data: name the 'features' (a list of columns) and the 'target' column of '{CsvTable.Shorten(spec.Csv ?? spec.Builtin!)}'; its columns are: {CsvTable.ListNames(table.Headers)}.");
        }

        var columns = features.Select(table.NumericColumn).ToArray();
        var dataset = new Dataset(features, target, columns, table.NumericColumn(target));
        return (dataset, spec with { Features = features, Target = target });
    }

    /// <summary>The learner's points from a CSV file: two coordinate columns (default x1, x2) and a 0/1 label column (default label), read as <see cref="PointSetCsv"/> reads them.</summary>
    private static (Dataset Data, DataSpec Resolved) PointCsv(DataSpec spec, Func<string, Stream>? openCsv, ScenarioLimits limits)
    {
        var features = spec.Features ?? ["x1", "x2"];
        if (features.Count != 2)
        {
            throw new ScenarioException($"objective.data.features: {features.Count} columns; a point set from a CSV file has two coordinate columns, such as [\"x1\", \"x2\"].");
        }

        var target = spec.Target ?? "label";
        var pointLimits = PointSetCsv.Limits;
        var table = ReadCsv(spec.Csv!, openCsv, limits with
        {
            MaxFileBytes = Math.Min(limits.MaxFileBytes, pointLimits.MaxCharacters),
            MaxRows = Math.Min(limits.MaxRows, pointLimits.MaxRows),
            MaxColumns = Math.Min(limits.MaxColumns, pointLimits.MaxColumns),
        });
        var dataset = PointSetCsv.FromTable(table, $"objective.data.csv: '{CsvTable.Shorten(Path.GetFileName(spec.Csv!))}'", features[0], features[1], target);
        return (dataset, spec with { Features = features, Target = target });
    }

    private static Dataset InlineData(DataSpec spec, ScenarioLimits limits)
    {
        if (spec.X is null || spec.Y is null)
        {
            throw new ScenarioException("objective.data: inline data needs both 'x' (rows of features) and 'y' (one target per row).");
        }

        if (spec.Features is not null || spec.Target is not null)
        {
            throw new ScenarioException("objective.data: 'features' and 'target' choose columns of a builtin or csv source, not of inline data.");
        }

        RequireCount(spec.X.Count, 1, limits.MaxRows, "objective.data.x", "rows", "");
        if (spec.X.Count != spec.Y.Count)
        {
            throw new ScenarioException($"objective.data: {spec.X.Count} rows of x but {spec.Y.Count} values of y.");
        }

        var width = spec.X[0].Count;
        RequireCount(width, 1, limits.MaxParameters - 1, "objective.data.x[0]", "features", "; each has a weight, and the bias is one more parameter");
        for (var i = 0; i < spec.X.Count; i++)
        {
            if (spec.X[i].Count != width)
            {
                throw new ScenarioException($"objective.data.x[{i}]: {spec.X[i].Count} values, but x[0] has {width}; every row needs the same features.");
            }
        }

        Dataset? dataset = null;
        Check(() => dataset = Dataset.FromRows(spec.X, spec.Y), "objective.data");
        return dataset!;
    }

    private static CsvTable ReadCsv(string path, Func<string, Stream>? openCsv, ScenarioLimits limits)
    {
        var name = CsvTable.Shorten(path);
        if (openCsv is null)
        {
            throw new ScenarioException($"objective.data.csv: '{name}' cannot be read here; CSV files are loaded by the command line or uploaded in the web lab.");
        }

        Stream stream;
        try
        {
            stream = openCsv(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = error switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                ArgumentException or NotSupportedException => "not a valid file name",
                _ => error.Message,
            };
            throw new ScenarioException($"objective.data.csv: cannot read '{name}': {reason}.", error);
        }

        using (stream)
        {
            if (stream.CanSeek && stream.Length > limits.MaxFileBytes)
            {
                throw new ScenarioException($"objective.data.csv: '{name}' is {ScenarioLimits.N(stream.Length)} bytes; a CSV file may be at most {ScenarioLimits.N(limits.MaxFileBytes)}.");
            }

            try
            {
                return CsvTable.Read(stream, Path.GetFileName(path), limits.Csv);
            }
            catch (IOException error)
            {
                throw new ScenarioException($"objective.data.csv: cannot read '{name}': {error.Message}", error);
            }
        }
    }

    private static OptimizerSpec ResolveOptimizer(OptimizerSpec spec)
    {
        var kind = Choose(spec.Kind ?? "gd", "optimizer.kind", [.. OptimizerFields.Keys]);
        RequireApplicable(spec, "optimizer", kind, OptimizerFields);
        if (spec.LearningRate is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ScenarioException(rate == 0
                ? "optimizer.learningRate: 0 would never move the parameters; use a rate above 0, such as 0.01."
                : FormattableString.Invariant($"optimizer.learningRate: {rate} is not allowed; it must be a finite number above 0, such as 0.01."));
        }

        // A choice that is not a kind (nesterov) brings its fixed values and starts where it says; then every setting
        // of the kind left out takes the catalogue's default.
        var choice = OptimizerCatalogue.Get(kind);
        foreach (var setting in choice.Settings)
        {
            spec = OptimizerCatalogue.Read(spec, setting.Field) is null ? OptimizerCatalogue.With(spec, setting.Field, setting.Default) : spec;
        }

        foreach (var (field, value) in choice.Fixed ?? new Dictionary<string, object>(StringComparer.Ordinal))
        {
            spec = OptimizerCatalogue.With(spec, field, value);
        }

        var resolved = new OptimizerSpec { Kind = choice.Kind };
        foreach (var setting in OptimizerCatalogue.Get(choice.Kind).Settings)
        {
            var value = OptimizerCatalogue.Read(spec, setting.Field) ?? setting.Default;
            if (setting.Choices is { } choices)
            {
                value = Choose((string)value, $"optimizer.{setting.Field}", choices);
            }

            resolved = OptimizerCatalogue.With(resolved, setting.Field, value);
        }

        return resolved;
    }

    private static OptimizerSettings CreateOptimizer(OptimizerSpec s) => s.Kind switch
    {
        "gd" => new GradientDescentSettings(),
        "sgd" => new SgdSettings(s.Momentum!.Value, s.Dampening!.Value, s.Nesterov!.Value, s.WeightDecay!.Value, s.MomentumForm switch
        {
            "ema" => MomentumForm.Ema,
            "scaled" => MomentumForm.Scaled,
            _ => MomentumForm.PyTorch,
        }),
        "adam" => new AdamSettings(s.Beta1!.Value, s.Beta2!.Value, s.Epsilon!.Value, s.WeightDecay!.Value, s.Amsgrad!.Value),
        "adamw" => new AdamWSettings(s.Beta1!.Value, s.Beta2!.Value, s.Epsilon!.Value, s.WeightDecay!.Value, s.Amsgrad!.Value),
        "adagrad" => new AdaGradSettings(s.LrDecay!.Value, s.InitialAccumulator!.Value, s.Epsilon!.Value, s.WeightDecay!.Value),
        _ => new RmsPropSettings(s.Alpha!.Value, s.Epsilon!.Value, s.Momentum!.Value, s.Centered!.Value, s.WeightDecay!.Value),
    };

    private static ScheduleSpec ResolveSchedule(ScheduleSpec spec, int steps)
    {
        var kind = Choose(spec.Kind ?? "constant", "schedule.kind", [.. ScheduleFields.Keys]);
        RequireApplicable(spec, "schedule", kind, ScheduleFields);
        var per = Choose(spec.Per ?? "step", "schedule.per", ["step", "epoch"]);
        var horizon = Math.Max(steps, 1);
        return kind switch
        {
            "constant" => new ScheduleSpec { Kind = kind, Per = per },
            "step" => new ScheduleSpec { Kind = kind, Per = per, StepSize = spec.StepSize ?? 100, Gamma = spec.Gamma ?? 0.5 },
            "exponential" => new ScheduleSpec { Kind = kind, Per = per, Gamma = spec.Gamma ?? 0.99 },
            "inverse-time" => new ScheduleSpec { Kind = kind, Per = per, Decay = spec.Decay ?? 0.01, Period = spec.Period ?? 1 },
            "cosine" => new ScheduleSpec { Kind = kind, Per = per, Period = spec.Period ?? horizon, MinLearningRate = spec.MinLearningRate ?? 0 },
            "warmup-cosine" => new ScheduleSpec
            {
                Kind = kind,
                Per = per,
                WarmupSteps = spec.WarmupSteps ?? Math.Max(1, (spec.TotalSteps ?? horizon) / 10),
                TotalSteps = spec.TotalSteps ?? horizon,
                MinLearningRate = spec.MinLearningRate ?? 0,
            },
            _ => new ScheduleSpec { Kind = kind, Per = per, TotalSteps = spec.TotalSteps ?? Math.Max(horizon, 2), PctStart = spec.PctStart ?? 0.3 },
        };
    }

    private static ILearningRateSchedule CreateSchedule(ScheduleSpec s, double rate) => s.Kind switch
    {
        "constant" => new ConstantRate(rate),
        "step" => new StepDecay(rate, s.StepSize!.Value, s.Gamma!.Value),
        "exponential" => new ExponentialDecay(rate, s.Gamma!.Value),
        "inverse-time" => new InverseTimeDecay(rate, s.Decay!.Value, s.Period!.Value),
        "cosine" => new CosineAnnealing(rate, s.MinLearningRate!.Value, s.Period!.Value),
        "warmup-cosine" => new WarmupCosine(rate, s.MinLearningRate!.Value, s.WarmupSteps!.Value, s.TotalSteps!.Value),
        _ => new OneCycle(rate, s.TotalSteps!.Value, s.PctStart!.Value),
    };

    private static BatchSpec ResolveBatch(BatchSpec spec, Dataset? data)
    {
        var kind = Choose(spec.Kind ?? "full", "batch.kind", [.. BatchFields.Keys]);
        RequireApplicable(spec, "batch", kind, BatchFields);
        if (kind == "mini" && spec.Size is { } size)
        {
            if (size < 1)
            {
                throw new ScenarioException($"batch.size: {ScenarioLimits.N(size)} is too small (at least 1).");
            }

            if (data is not null && size > data.SampleCount)
            {
                throw new ScenarioException($"batch.size: {ScenarioLimits.N(size)} is more than the {ScenarioLimits.N(data.SampleCount)} rows of data; use at most {ScenarioLimits.N(data.SampleCount)}, or \"full\" batches.");
            }
        }

        return kind switch
        {
            "full" => new BatchSpec { Kind = kind },
            "mini" => new BatchSpec { Kind = kind, Size = spec.Size ?? 32, Shuffle = spec.Shuffle ?? true, Seed = spec.Seed ?? 0 },
            _ => new BatchSpec { Kind = kind, Shuffle = spec.Shuffle ?? true, Seed = spec.Seed ?? 0 },
        };
    }

    private static string Choose(string value, string field, IReadOnlyList<string> allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ScenarioException($"{field}: '{CsvTable.Shorten(value)}' is not one of {string.Join(", ", allowed)}.");

    private static void RequireApplicable<T>(T spec, string section, string kind, Dictionary<string, string[]> fieldsByKind)
    {
        var allowed = fieldsByKind[kind];
        foreach (var property in typeof(T).GetProperties())
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (name == "kind" || property.GetValue(spec) is null || allowed.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            var fits = fieldsByKind.Where(pair => pair.Value.Contains(name, StringComparer.Ordinal)).Select(pair => pair.Key).ToArray();
            throw new ScenarioException($"{section}.{name} does not apply to {section} '{kind}'" +
                (allowed.Length == 0 ? " (it takes no settings)" : $" (its settings: {string.Join(", ", allowed)})") +
                (fits.Length == 0 ? "." : $"; it belongs to: {string.Join(", ", fits)}."));
        }
    }
}
