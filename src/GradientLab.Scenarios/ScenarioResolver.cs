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
    /// <summary>The model's prediction for one row of <see cref="InputData"/>: expanded to powers and scaled as the objective sees it.</summary>
    /// <exception cref="InvalidOperationException">The objective is a plain function, which predicts nothing.</exception>
    public double Predict(IReadOnlyList<double> parameters, IReadOnlyList<double> inputRow)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(inputRow);
        if (InputData is null)
        {
            throw new InvalidOperationException("A function objective makes no predictions.");
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

    private static readonly Dictionary<string, string[]> OptimizerFields = new(StringComparer.Ordinal)
    {
        ["gd"] = ["learningRate"],
        ["sgd"] = ["learningRate", "momentum", "dampening", "nesterov", "weightDecay", "momentumForm"],
        ["adam"] = ["learningRate", "beta1", "beta2", "epsilon", "weightDecay", "amsgrad"],
        ["adamw"] = ["learningRate", "beta1", "beta2", "epsilon", "weightDecay", "amsgrad"],
        ["adagrad"] = ["learningRate", "lrDecay", "initialAccumulator", "epsilon", "weightDecay"],
        ["rmsprop"] = ["learningRate", "alpha", "epsilon", "momentum", "centered", "weightDecay"],
    };

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
        ["function"] = ["name", "eigenvalues"],
    };

    private static readonly Dictionary<string, string[]> BatchFields = new(StringComparer.Ordinal)
    {
        ["full"] = [],
        ["mini"] = ["size", "shuffle", "seed"],
        ["stochastic"] = ["shuffle", "seed"],
    };

    /// <summary>The optimizer kinds, in the order a learner meets them.</summary>
    public static IReadOnlyList<string> OptimizerKinds => [.. OptimizerFields.Keys];

    /// <summary>The schedule kinds.</summary>
    public static IReadOnlyList<string> ScheduleKinds => [.. ScheduleFields.Keys];

    /// <summary>Checks the scenario, fills in its defaults and builds its run.</summary>
    /// <param name="scenario">The scenario as given.</param>
    /// <param name="readCsv">Returns the text of a CSV file named by a scenario (the command line resolves paths
    /// against the scenario's folder; the web app serves uploads). Null: CSV files are refused.</param>
    /// <exception cref="ScenarioException">Anything that cannot run, with the field and the value.</exception>
    public static ResolvedScenario Resolve(Scenario scenario, Func<string, string>? readCsv = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var objectiveSpec = scenario.Objective ?? throw new ScenarioException("The scenario has no 'objective': say what to minimise, for example { \"kind\": \"function\", \"name\": \"rosenbrock\" }.");
        var (objective, resolvedObjective, data, scaling, inputData) = BuildObjective(objectiveSpec, readCsv);
        var steps = scenario.Steps ?? DefaultSteps;
        var optimizerSpec = ResolveOptimizer(scenario.Optimizer ?? new OptimizerSpec { Kind = "gd" });
        var scheduleSpec = ResolveSchedule(scenario.Schedule ?? new ScheduleSpec { Kind = "constant" }, steps);
        var batchSpec = ResolveBatch(scenario.Batch ?? new BatchSpec { Kind = "full" });
        var update = Choose(scenario.Update ?? "simultaneous", "update", ["simultaneous", "sequential"]);
        var stopSpec = new StopSpec
        {
            GradientTolerance = scenario.Stop?.GradientTolerance ?? 0,
            DivergenceFactor = scenario.Stop?.DivergenceFactor ?? 1e6,
        };
        var start = scenario.Start ?? new double[objective.Dimension];
        if (start.Count != objective.Dimension)
        {
            throw new ScenarioException($"start: {start.Count} values given, but this objective has {objective.Dimension} parameters ({string.Join(", ", objective.ParameterNames)}), weights first, bias last.");
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

        var settings = new DescentSettings(objective, [.. start], CreateOptimizer(optimizerSpec), CreateSchedule(scheduleSpec, optimizerSpec.LearningRate!.Value), steps)
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
        try
        {
            settings.Validate();
        }
        catch (ArgumentException error)
        {
            throw new ScenarioException(error.Message, error);
        }

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

    private static (IObjective Objective, ObjectiveSpec Resolved, Dataset? Data, FeatureScaling? Scaling, Dataset? InputData) BuildObjective(ObjectiveSpec spec, Func<string, string>? readCsv)
    {
        var kind = Choose(spec.Kind ?? throw new ScenarioException("objective.kind is missing: linear-regression, sigmoid-neuron or function."), "objective.kind", [.. ObjectiveFields.Keys]);
        RequireApplicable(spec, "objective", kind, ObjectiveFields);
        if (kind == "function")
        {
            var name = spec.Name ?? throw new ScenarioException($"objective.name is missing: one of {string.Join(", ", TestFunctions.Names)}.");
            Choose(name, "objective.name", TestFunctions.Names);
            try
            {
                var function = TestFunctions.Create(name, spec.Eigenvalues);
                return (function, spec with { Eigenvalues = function is QuadraticBowl bowl ? bowl.Eigenvalues : null }, null, null, null);
            }
            catch (ArgumentException error)
            {
                throw new ScenarioException($"objective.eigenvalues: {error.Message}", error);
            }
        }

        var (dataset, resolvedData) = LoadData(spec.Data ?? throw new ScenarioException($"objective.data is missing: a {kind} learns from samples (inline x and y, a builtin dataset, or a csv file)."), readCsv);
        if (kind == "sigmoid-neuron")
        {
            var neuronLoss = Choose(spec.Loss ?? "squared-error", "objective.loss", ["squared-error", "bce"]);
            var neuron = new SigmoidNeuron(dataset, neuronLoss == "bce" ? NeuronLoss.BinaryCrossEntropy : NeuronLoss.SquaredError);
            return (neuron, spec with { Loss = neuronLoss, Data = resolvedData }, dataset, null, dataset);
        }

        var loss = Choose(spec.Loss ?? "half-mse", "objective.loss", ["half-mse", "mse"]);
        var inputData = dataset;
        var degree = spec.PolynomialDegree ?? 1;
        if (degree != 1)
        {
            try
            {
                dataset = PolynomialFeatures.Expand(dataset, degree);
            }
            catch (ArgumentException error)
            {
                throw new ScenarioException($"objective.polynomialDegree: {error.Message}", error);
            }
        }

        var scale = spec.ScaleFeatures ?? false;
        FeatureScaling? scaling = null;
        if (scale)
        {
            scaling = FeatureScaling.Fit(dataset);
            dataset = scaling.Apply(dataset);
        }

        var regression = new LinearRegression(dataset, loss == "mse" ? RegressionLoss.Mse : RegressionLoss.HalfMse);
        var resolved = spec with { Loss = loss, ScaleFeatures = scale, PolynomialDegree = degree == 1 ? null : degree, Data = resolvedData };
        return (regression, resolved, dataset, scaling, inputData);
    }

    private static (Dataset Data, DataSpec Resolved) LoadData(DataSpec spec, Func<string, string>? readCsv)
    {
        var sources = new[] { spec.X is not null || spec.Y is not null, spec.Builtin is not null, spec.Csv is not null }.Count(given => given);
        if (sources != 1)
        {
            throw new ScenarioException("objective.data: give exactly one of inline { \"x\": [[…]], \"y\": […] }, { \"builtin\": \"…\" } or { \"csv\": \"file.csv\", \"features\": […], \"target\": \"…\" }.");
        }

        if (spec.X is not null || spec.Y is not null)
        {
            if (spec.X is null || spec.Y is null)
            {
                throw new ScenarioException("objective.data: inline data needs both 'x' (rows of features) and 'y' (one target per row).");
            }

            if (spec.Features is not null || spec.Target is not null)
            {
                throw new ScenarioException("objective.data: 'features' and 'target' choose columns of a builtin or csv source, not of inline data.");
            }

            if (spec.X.Count != spec.Y.Count)
            {
                throw new ScenarioException($"objective.data: {spec.X.Count} rows of x but {spec.Y.Count} values of y.");
            }

            try
            {
                return (Dataset.FromRows(spec.X, spec.Y), spec);
            }
            catch (ArgumentException error)
            {
                throw new ScenarioException($"objective.data: {error.Message}", error);
            }
        }

        CsvTable table;
        IReadOnlyList<string>? defaultFeatures = null;
        string? defaultTarget = null;
        if (spec.Builtin is not null)
        {
            var builtin = BuiltinData.Get(spec.Builtin);
            table = builtin.Table;
            defaultFeatures = builtin.DefaultFeatures;
            defaultTarget = builtin.DefaultTarget;
        }
        else
        {
            if (readCsv is null)
            {
                throw new ScenarioException($"objective.data.csv: '{spec.Csv}' cannot be read here; CSV files are loaded by the command line or uploaded in the web lab.");
            }

            string text;
            try
            {
                text = readCsv(spec.Csv!);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new ScenarioException($"objective.data.csv: cannot read '{spec.Csv}': {error.Message}", error);
            }

            table = CsvTable.Parse(text, spec.Csv!);
        }

        var features = spec.Features ?? defaultFeatures;
        var target = spec.Target ?? defaultTarget;
        if (features is null || features.Count == 0 || target is null)
        {
            throw new ScenarioException($"objective.data: name the 'features' (a list of columns) and the 'target' column of '{spec.Csv}'; its columns are: {string.Join(", ", table.Headers)}.");
        }

        var columns = features.Select(table.NumericColumn).ToArray();
        var dataset = new Dataset(features, target, columns, table.NumericColumn(target));
        return (dataset, spec with { Features = features, Target = target });
    }

    private static OptimizerSpec ResolveOptimizer(OptimizerSpec spec)
    {
        var kind = Choose(spec.Kind ?? "gd", "optimizer.kind", [.. OptimizerFields.Keys]);
        RequireApplicable(spec, "optimizer", kind, OptimizerFields);
        var isAdam = kind is "adam" or "adamw";
        return kind switch
        {
            "gd" => new OptimizerSpec { Kind = kind, LearningRate = spec.LearningRate ?? 0.01 },
            "sgd" => new OptimizerSpec
            {
                Kind = kind,
                LearningRate = spec.LearningRate ?? 0.01,
                Momentum = spec.Momentum ?? 0,
                Dampening = spec.Dampening ?? 0,
                Nesterov = spec.Nesterov ?? false,
                WeightDecay = spec.WeightDecay ?? 0,
                MomentumForm = Choose(spec.MomentumForm ?? "pytorch", "optimizer.momentumForm", ["pytorch", "ema", "scaled"]),
            },
            _ when isAdam => new OptimizerSpec
            {
                Kind = kind,
                LearningRate = spec.LearningRate ?? 0.001,
                Beta1 = spec.Beta1 ?? 0.9,
                Beta2 = spec.Beta2 ?? 0.999,
                Epsilon = spec.Epsilon ?? 1e-8,
                WeightDecay = spec.WeightDecay ?? (kind == "adamw" ? 0.01 : 0),
                Amsgrad = spec.Amsgrad ?? false,
            },
            "adagrad" => new OptimizerSpec
            {
                Kind = kind,
                LearningRate = spec.LearningRate ?? 0.01,
                LrDecay = spec.LrDecay ?? 0,
                InitialAccumulator = spec.InitialAccumulator ?? 0,
                Epsilon = spec.Epsilon ?? 1e-10,
                WeightDecay = spec.WeightDecay ?? 0,
            },
            _ => new OptimizerSpec
            {
                Kind = kind,
                LearningRate = spec.LearningRate ?? 0.01,
                Alpha = spec.Alpha ?? 0.99,
                Epsilon = spec.Epsilon ?? 1e-8,
                Momentum = spec.Momentum ?? 0,
                Centered = spec.Centered ?? false,
                WeightDecay = spec.WeightDecay ?? 0,
            },
        };
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

    private static BatchSpec ResolveBatch(BatchSpec spec)
    {
        var kind = Choose(spec.Kind ?? "full", "batch.kind", [.. BatchFields.Keys]);
        RequireApplicable(spec, "batch", kind, BatchFields);
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
            : throw new ScenarioException($"{field}: '{value}' is not one of {string.Join(", ", allowed)}.");

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
