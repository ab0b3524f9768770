using System.Globalization;
using System.Text.Json.Nodes;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Torch;

/// <summary>
/// PyTorch itself as the reference: every case of tests/fixtures/torch/*.json (written by generate.py there, with
/// Debian's python3-torch 1.13.1 in float64) replayed with the engine's equivalent optimizer, schedule or objective and
/// compared value by value to |actual − torch| ≤ 1e-9·max(1, |torch|).
/// </summary>
public sealed partial class TorchFixtureTests
{
    private const double Tolerance = 1e-9;

    private static readonly Lazy<JsonObject> OptimizerFixture = new(() => Load("optimizers.json"));
    private static readonly Lazy<JsonObject> ScheduleFixture = new(() => Load("schedules.json"));
    private static readonly Lazy<JsonObject> LossFixture = new(() => Load("losses.json"));

    public static TheoryData<string> OptimizerCases => CaseNames(OptimizerFixture.Value);

    public static TheoryData<string> ScheduleCases => CaseNames(ScheduleFixture.Value);

    public static TheoryData<string> LossCases => CaseNames(LossFixture.Value);

    [Fact]
    public void Fixtures_NameTheTorchVersion_AndHoldCases()
    {
        foreach (var fixture in new[] { OptimizerFixture.Value, ScheduleFixture.Value, LossFixture.Value })
        {
            Text(Node(fixture, "version").AsObject(), "torch").ShouldStartWith("1.13");
            Node(fixture, "cases").AsArray().Count.ShouldBeGreaterThan(0);
        }
    }

    /// <summary>
    /// One torch.optim trajectory, for example (adam-amsgrad/rosenbrock):
    /// <code>
    /// theta = torch.tensor([-1.5, 2.0], requires_grad=True)
    /// optimizer = torch.optim.Adam([theta], lr=0.01, amsgrad=True, foreach=False)
    /// for _ in range(40): optimizer.zero_grad(); rosenbrock(theta).backward(); optimizer.step()
    /// </code>
    /// The same for torch.optim.SGD (momentum, dampening, nesterov, weight_decay), AdamW (weight_decay, amsgrad),
    /// Adagrad (lr_decay, initial_accumulator_value, weight_decay) and RMSprop (alpha, momentum, centered, weight_decay).
    /// Each step the engine's own gradient is checked against autograd's, then one update against torch's parameters.
    /// </summary>
    [Theory]
    [MemberData(nameof(OptimizerCases))]
    public void Optimizer_FollowsTorchTrajectory(string name)
    {
        var fixture = Case(OptimizerFixture.Value, name);
        var kind = Text(fixture, "optimizer");
        var settingsNode = Node(fixture, "settings").AsObject();
        var settings = OptimizerSettingsFor(kind, settingsNode);
        settings.Kind.ShouldBe(kind);
        PropertiesShouldMatch(settings, settingsNode, name);

        var objective = ObjectiveFor(Node(fixture, "objective").AsObject());
        var parameters = Doubles(Node(fixture, "start"));
        objective.Dimension.ShouldBe(parameters.Length);
        var optimizer = settings.Create(parameters.Length);
        var learningRate = Number(fixture, "learningRate");
        var steps = Node(fixture, "steps").AsArray();
        steps.Count.ShouldBeGreaterThanOrEqualTo(30);
        for (var t = 0; t < steps.Count; t++)
        {
            var step = steps[t]!.AsObject();
            var gradient = objective.Gradient(parameters);
            ShouldBeClose(gradient, Doubles(Node(step, "gradient")), name, string.Create(CultureInfo.InvariantCulture, $"gradient before update {t + 1}"));
            optimizer.Step(parameters, gradient, learningRate);
            ShouldBeClose(parameters, Doubles(Node(step, "parameters")), name, string.Create(CultureInfo.InvariantCulture, $"parameters after update {t + 1}"));
        }
    }

    /// <summary>
    /// One torch.optim.lr_scheduler run, rates[t] = scheduler.get_last_lr()[0] after t calls of scheduler.step():
    /// <code>
    /// StepLR(SGD([theta], lr=γ), step_size=s, gamma=g)                          → StepDecay(γ, s, g)
    /// ExponentialLR(SGD([theta], lr=γ), gamma=g)                                → ExponentialDecay(γ, g)
    /// CosineAnnealingLR(SGD([theta], lr=γ), T_max=T, eta_min=γmin), t ≤ T only  → CosineAnnealing(γ, γmin, T)
    /// OneCycleLR(SGD([theta], lr=γmax), max_lr=γmax, total_steps=n, pct_start=p, anneal_strategy='cos',
    ///            cycle_momentum=False, div_factor=25.0, final_div_factor=1e4, three_phase=False), t &lt; n
    ///                                                                           → OneCycle(γmax, n, p)
    /// LambdaLR(SGD([theta], lr=γ), lr_lambda=lambda t: 1 / (1 + d * (t // p)))  → InverseTimeDecay(γ, d, p)
    /// </code>
    /// </summary>
    [Theory]
    [MemberData(nameof(ScheduleCases))]
    public void Schedule_GivesTorchRates(string name)
    {
        var fixture = Case(ScheduleFixture.Value, name);
        var parametersNode = Node(fixture, "parameters").AsObject();
        var schedule = ScheduleFor(Text(fixture, "schedule"), parametersNode);
        ScheduleValidation.Validate(schedule);
        PropertiesShouldMatch(schedule, parametersNode, name);

        var rates = Doubles(Node(fixture, "rates"));
        rates.Length.ShouldBeGreaterThan(1);
        for (var t = 0; t < rates.Length; t++)
        {
            ShouldBeClose(schedule.At(t), rates[t], name, string.Create(CultureInfo.InvariantCulture, $"rate at t = {t}"));
        }

        ShouldBeClose(schedule.Initial, rates[0], name, "initial rate");
    }

    /// <summary>
    /// Loss values and gradients by torch autograd:
    /// <code>
    /// half-mse:  0.5 * ((w * x + b - y) ** 2).mean()           → LinearRegression(data, RegressionLoss.HalfMse)
    /// mse:       ((w * x + b - y) ** 2).mean()                 → LinearRegression(data, RegressionLoss.Mse)
    /// squared:   ((torch.sigmoid(w * x + b) - y) ** 2).mean()  → SigmoidNeuron(data, NeuronLoss.SquaredError)
    /// BCE:       binary_cross_entropy_with_logits(w * x + b, y, reduction='mean')
    ///                                                          → SigmoidNeuron(data, NeuronLoss.BinaryCrossEntropy)
    /// trace:     one sample, every factor by autograd (∂L/∂ŷ of BCE through binary_cross_entropy(ŷ, y))
    ///                                                          → SigmoidNeuron.Trace(w, b, x, y, loss)
    /// </code>
    /// The full-batch evaluation and the mini-batch one over every row are both checked.
    /// </summary>
    [Theory]
    [MemberData(nameof(LossCases))]
    public void Loss_MatchesTorchAutograd(string name)
    {
        var fixture = Case(LossFixture.Value, name);
        var objectiveName = Text(fixture, "objective");
        var loss = Text(fixture, "loss");
        if (string.Equals(objectiveName, "SigmoidNeuron.Trace", StringComparison.Ordinal))
        {
            var trace = SigmoidNeuron.Trace(Number(fixture, "weight"), Number(fixture, "bias"), Number(fixture, "sampleX"), Number(fixture, "target"), NeuronLossFor(loss));
            var expected = Node(fixture, "trace").AsObject();
            expected.Count.ShouldBe(8);
            PropertiesShouldMatch(trace, expected, name);
            return;
        }

        var data = Dataset.FromPairs(Doubles(Node(fixture, "x")), Doubles(Node(fixture, "y")));
        ISampledObjective objective = objectiveName switch
        {
            "LinearRegression" => new LinearRegression(data, RegressionLossFor(loss)),
            "SigmoidNeuron" => new SigmoidNeuron(data, NeuronLossFor(loss)),
            _ => throw new InvalidOperationException($"Unknown objective '{objectiveName}' in case {name}."),
        };
        var point = Doubles(Node(fixture, "point"));
        var expectedValue = Number(fixture, "value");
        var expectedGradient = Doubles(Node(fixture, "gradient"));

        var gradient = new double[objective.Dimension];
        ShouldBeClose(objective.Evaluate(point, gradient), expectedValue, name, "value");
        ShouldBeClose(gradient, expectedGradient, name, "gradient");

        var allRows = new int[objective.SampleCount];
        for (var i = 0; i < allRows.Length; i++)
        {
            allRows[i] = i;
        }

        var batchGradient = new double[objective.Dimension];
        ShouldBeClose(objective.Evaluate(point, batchGradient, allRows), expectedValue, name, "value over a batch of every row");
        ShouldBeClose(batchGradient, expectedGradient, name, "gradient over a batch of every row");
    }

    private static OptimizerSettings OptimizerSettingsFor(string kind, JsonObject s) => kind switch
    {
        "sgd" => new SgdSettings(
            Momentum: Number(s, "Momentum"), Dampening: Number(s, "Dampening"), Nesterov: Flag(s, "Nesterov"), WeightDecay: Number(s, "WeightDecay")),
        "adam" => new AdamSettings(
            Beta1: Number(s, "Beta1"), Beta2: Number(s, "Beta2"), Epsilon: Number(s, "Epsilon"), WeightDecay: Number(s, "WeightDecay"), AmsGrad: Flag(s, "AmsGrad")),
        "adamw" => new AdamWSettings(
            Beta1: Number(s, "Beta1"), Beta2: Number(s, "Beta2"), Epsilon: Number(s, "Epsilon"), WeightDecay: Number(s, "WeightDecay"), AmsGrad: Flag(s, "AmsGrad")),
        "adagrad" => new AdaGradSettings(
            LearningRateDecay: Number(s, "LearningRateDecay"), InitialAccumulator: Number(s, "InitialAccumulator"), Epsilon: Number(s, "Epsilon"), WeightDecay: Number(s, "WeightDecay")),
        "rmsprop" => new RmsPropSettings(
            Alpha: Number(s, "Alpha"), Epsilon: Number(s, "Epsilon"), Momentum: Number(s, "Momentum"), Centered: Flag(s, "Centered"), WeightDecay: Number(s, "WeightDecay")),
        _ => throw new InvalidOperationException($"Unknown optimizer kind '{kind}'."),
    };

    private static ILearningRateSchedule ScheduleFor(string kind, JsonObject p) => kind switch
    {
        "StepDecay" => new StepDecay(Number(p, "Initial"), Integer(p, "StepSize"), Number(p, "Gamma")),
        "ExponentialDecay" => new ExponentialDecay(Number(p, "Initial"), Number(p, "Gamma")),
        "CosineAnnealing" => new CosineAnnealing(Number(p, "Initial"), Number(p, "Minimum"), Integer(p, "Period")),
        "OneCycle" => new OneCycle(Number(p, "Maximum"), Integer(p, "TotalSteps"), Number(p, "PercentStart")),
        "InverseTimeDecay" => new InverseTimeDecay(Number(p, "Initial"), Number(p, "Decay"), Integer(p, "Period")),
        _ => throw new InvalidOperationException($"Unknown schedule '{kind}'."),
    };

    private static IObjective ObjectiveFor(JsonObject description)
    {
        var name = Text(description, "name");
        return name switch
        {
            "linear-regression" => new LinearRegression(
                Dataset.FromPairs(Doubles(Node(description, "x")), Doubles(Node(description, "y"))), RegressionLossFor(Text(description, "loss"))),
            "quadratic-bowl" => TestFunctions.Create(name, Doubles(Node(description, "eigenvalues"))),
            _ => TestFunctions.Create(name),
        };
    }

    private static RegressionLoss RegressionLossFor(string name) => name switch
    {
        "HalfMse" => RegressionLoss.HalfMse,
        "Mse" => RegressionLoss.Mse,
        _ => throw new InvalidOperationException($"Unknown regression loss '{name}'."),
    };

    private static NeuronLoss NeuronLossFor(string name) => name switch
    {
        "SquaredError" => NeuronLoss.SquaredError,
        "BinaryCrossEntropy" => NeuronLoss.BinaryCrossEntropy,
        _ => throw new InvalidOperationException($"Unknown neuron loss '{name}'."),
    };

    /// <summary>Every field the fixture names is a property of <paramref name="target"/> with that value (to the tolerance).</summary>
    private static void PropertiesShouldMatch(object target, JsonObject expected, string caseName)
    {
        foreach (var (key, value) in expected)
        {
            var property = target.GetType().GetProperty(key)
                ?? throw new ShouldAssertException($"{caseName}: {target.GetType().Name} has no property '{key}' named by the fixture.");
            var node = value ?? throw new ShouldAssertException($"{caseName}: '{key}' is null in the fixture.");
            switch (property.GetValue(target))
            {
                case double number:
                    ShouldBeClose(number, node.GetValue<double>(), caseName, key);
                    break;
                case int integer:
                    integer.ShouldBe(node.GetValue<int>(), $"{caseName}: {key}");
                    break;
                case bool flag:
                    flag.ShouldBe(node.GetValue<bool>(), $"{caseName}: {key}");
                    break;
                default:
                    throw new ShouldAssertException($"{caseName}: property '{key}' of {target.GetType().Name} is not a number or a flag.");
            }
        }
    }

    private static void ShouldBeClose(double actual, double expected, string caseName, string what)
    {
        var allowed = Tolerance * Math.Max(1, Math.Abs(expected));
        if (!(Math.Abs(actual - expected) <= allowed))
        {
            throw new ShouldAssertException(string.Create(
                CultureInfo.InvariantCulture,
                $"{caseName}, {what}: torch gives {expected:R}, the engine {actual:R} (off by {actual - expected:R}, allowed {allowed:R})."));
        }
    }

    private static void ShouldBeClose(double[] actual, double[] expected, string caseName, string what)
    {
        actual.Length.ShouldBe(expected.Length, $"{caseName}, {what}: length");
        for (var i = 0; i < actual.Length; i++)
        {
            ShouldBeClose(actual[i], expected[i], caseName, string.Create(CultureInfo.InvariantCulture, $"{what} [{i}]"));
        }
    }

    private static TheoryData<string> CaseNames(JsonObject fixture)
    {
        var names = new TheoryData<string>();
        foreach (var entry in Node(fixture, "cases").AsArray())
        {
            names.Add(Text(entry!.AsObject(), "name"));
        }

        return names;
    }

    private static JsonObject Case(JsonObject fixture, string name)
    {
        foreach (var entry in Node(fixture, "cases").AsArray())
        {
            var candidate = entry!.AsObject();
            if (string.Equals(Text(candidate, "name"), name, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No fixture case named '{name}'.");
    }

    private static JsonNode Node(JsonObject parent, string key) =>
        parent[key] ?? throw new InvalidOperationException($"The fixture has no '{key}'.");

    private static double Number(JsonObject parent, string key) => Node(parent, key).GetValue<double>();

    private static int Integer(JsonObject parent, string key) => Node(parent, key).GetValue<int>();

    private static bool Flag(JsonObject parent, string key) => Node(parent, key).GetValue<bool>();

    private static string Text(JsonObject parent, string key) => Node(parent, key).GetValue<string>();

    private static double[] Doubles(JsonNode node)
    {
        var array = node.AsArray();
        var values = new double[array.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = array[i]!.GetValue<double>();
        }

        return values;
    }

    private static JsonObject Load(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "fixtures", "torch", fileName);
        return JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidOperationException($"{path} holds no JSON object.");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GradientLab.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("GradientLab.slnx not found above " + AppContext.BaseDirectory);
    }
}
