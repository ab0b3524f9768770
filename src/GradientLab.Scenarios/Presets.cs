namespace GradientLab.Scenarios;

/// <summary>A built-in scenario with a name and a one-line description; the names are part of the interface.</summary>
/// <param name="Name">The name used on the command line and in links.</param>
/// <param name="Description">What it shows, in one line.</param>
/// <param name="Scenario">The scenario.</param>
public sealed record Preset(string Name, string Description, Scenario Scenario);

/// <summary>The built-in scenarios.</summary>
public static class Presets
{
    private static readonly DataSpec HousingTiny = new() { Builtin = "housing-tiny" };
    private static readonly DataSpec PortlandBySize = new() { Builtin = "portland-housing", Features = ["size_1000sqft"], Target = "price_1000usd" };

    /// <summary>Every preset, in the order a course meets them.</summary>
    public static IReadOnlyList<Preset> All { get; } =
    [
        Make("housing-live-demo",
            "Batch gradient descent (α = 0.2) fits price ($1000s) against size (1000 sq ft) for 47 Portland houses, from the nonsensical line w = −0.1, b = 900.",
            Regression(PortlandBySize), [-0.1, 900], Gd(0.2), 1000,
            stop: new StopSpec { GradientTolerance = 1e-3 }),
        Make("course-lab",
            "The course lab: two houses, start at w = b = 0, α = 0.01, 10000 steps; ends near w = 200, b = 100.",
            Regression(HousingTiny), [0, 0], Gd(0.01), 10000),
        Make("alpha-too-large",
            "The course lab with α = 0.8, above the largest stable rate 2/λmax ≈ 0.58: every step overshoots further and the cost explodes.",
            Regression(HousingTiny), [0, 0], Gd(0.8), 200),
        Make("alpha-too-small",
            "The course lab with α = 0.001: every step is safe but tiny, and 1000 steps leave the line far from the data.",
            Regression(HousingTiny), [0, 0], Gd(0.001), 1000),
        Make("unscaled-features",
            "Portland prices from size in raw square feet and bedrooms: the valley is so thin that the largest stable α (≈ 4e-7) barely moves the bias.",
            Regression(new DataSpec { Builtin = "portland-housing", Features = ["size_sqft", "bedrooms"], Target = "price_1000usd" }), [0, 0, 0], Gd(3e-7), 1000),
        Make("neuron-underprediction",
            "One sigmoid neuron, x = 2, target y = 1, from w = 0.5, b = 0: ŷ ≈ 0.73 is too low, ∂L/∂w < 0, so w goes up.",
            Neuron(2, 1), [0.5, 0], Gd(1), 50),
        Make("neuron-overprediction",
            "One sigmoid neuron, x = 2, target y = 0, from w = 0.5, b = 0: ŷ ≈ 0.73 is too high, ∂L/∂w > 0, so w goes down.",
            Neuron(2, 0), [0.5, 0], Gd(1), 50),
        Make("neuron-oscillation",
            "One sigmoid neuron, x = 2, target y = 0.5, α = 4: every step overshoots z = 0, and w settles into a two-step cycle (≈ −0.23, 0.43) instead of converging.",
            Neuron(2, 0.5), [0.5, 0], Gd(4), 50),
        Make("lr-too-small",
            "J(θ) = θ² from θ = 4 with α = 0.01: θ shrinks by only 2 % a step; after 20 steps J is still 7.13 (from 16).",
            Function("quadratic-1d"), [4], Gd(0.01), 20),
        Make("lr-good",
            "J(θ) = θ² from θ = 4 with α = 0.1: θ shrinks by 20 % a step (4, 3.2, 2.56, 2.048, …).",
            Function("quadratic-1d"), [4], Gd(0.1), 20),
        Make("lr-diverging",
            "J(θ) = θ² from θ = 4 with α = 1.1: θ flips sign and grows ×1.2 a step (4, −4.8, 5.76, −6.912, …) until the run is stopped as diverged.",
            Function("quadratic-1d"), [4], Gd(1.1), 50),
        Make("momentum",
            "J(θ) = θ² from θ = 4, momentum β = 0.5 with α = 0.05 (PyTorch form): faster than vanilla, and it overshoots below zero at step 19.",
            Function("quadratic-1d"), [4], new OptimizerSpec { Kind = "sgd", LearningRate = 0.05, Momentum = 0.5 }, 40),
        Make("minibatch-line",
            "Mini-batches of 4 from five points on y = 2x + 1, reshuffled every epoch (seed 42): a noisy path towards w = 2, b = 1.",
            Regression(new DataSpec { Builtin = "line" }), [0, 0], Gd(0.02), 2000,
            new BatchSpec { Kind = "mini", Size = 4, Shuffle = true, Seed = 42 }),
        Make("nonlinear-data",
            "A straight line fitted to y = x²: the cost stops falling at a floor well above zero, because no line fits a parabola.",
            Regression(new DataSpec { Builtin = "parabola" }), [0, 0], Gd(0.05), 500),
        Make("rosenbrock-adam",
            "Adam (α = 0.02) from (−1.2, 1) along Rosenbrock's curved valley to the minimum at (1, 1).",
            Function("rosenbrock"), [-1.2, 1], new OptimizerSpec { Kind = "adam", LearningRate = 0.02 }, 3000),
        Make("vanilla",
            "J(θ) = θ² from θ = 4, plain gradient descent with α = 0.05, to set against 'momentum': still at 0.82 after 15 steps.",
            Function("quadratic-1d"), [4], Gd(0.05), 40),
        Make("rosenbrock-gd",
            "Plain gradient descent (α = 0.001) from (−1.2, 1) on Rosenbrock: it reaches the valley fast, then crawls along its floor.",
            Function("rosenbrock"), [-1.2, 1], Gd(0.001), 3000),
        Make("rosenbrock-momentum",
            "SGD with momentum 0.9 (α = 0.001) from (−1.2, 1) on Rosenbrock: the velocity carries it along the valley floor.",
            Function("rosenbrock"), [-1.2, 1], new OptimizerSpec { Kind = "sgd", LearningRate = 0.001, Momentum = 0.9 }, 3000),
        Make("sequential-update",
            "The course lab with α = 0.5 and the buggy sequential update: w moves first, then ∂J/∂b is measured at the new w.",
            Regression(HousingTiny), [0, 0], Gd(0.5), 200,
            update: "sequential"),
        Make("saddle-point",
            "f(x, y) = x² − y² from (−1.8, 0.000001): plain GD slides into the saddle at the origin and lingers there before it escapes along y.",
            Function("saddle"), [-1.8, 1e-6], Gd(0.1), 40),
        Make("plateau",
            "One sigmoid neuron started deep in saturation (x = 2, y = 1, w = −5): σ is flat there, the gradient is tiny and the loss barely moves.",
            Neuron(2, 1), [-5, 0], Gd(1), 100),
    ];

    /// <summary>Named sets of presets to run side by side (<c>gradlab compare lr-dilemma</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Comparisons { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["lr-dilemma"] = ["lr-too-small", "lr-good", "lr-diverging"],
        ["momentum-vs-vanilla"] = ["vanilla", "momentum"],
        ["race-rosenbrock"] = ["rosenbrock-gd", "rosenbrock-momentum", "rosenbrock-adam"],
    };

    /// <summary>The names of every preset.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(p => p.Name)];

    /// <summary>The preset called <paramref name="name"/>, or null.</summary>
    public static Preset? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="ScenarioException">No preset has that name; the message lists them.</exception>
    public static Preset Get(string name) =>
        Find(name) ?? throw new ScenarioException($"Unknown preset '{name}'. Presets: {string.Join(", ", Names)}.");

    private static Preset Make(string name, string description, ObjectiveSpec objective, double[] start, OptimizerSpec optimizer, int steps, BatchSpec? batch = null, StopSpec? stop = null, string? update = null) =>
        new(name, description, new Scenario
        {
            Name = name,
            Description = description,
            Objective = objective,
            Start = start,
            Optimizer = optimizer,
            Batch = batch,
            Steps = steps,
            Stop = stop,
            Update = update,
        });

    private static ObjectiveSpec Regression(DataSpec data) => new() { Kind = "linear-regression", Loss = "half-mse", Data = data };

    private static ObjectiveSpec Neuron(double x, double y) =>
        new() { Kind = "sigmoid-neuron", Loss = "squared-error", Data = new DataSpec { X = [[x]], Y = [y] } };

    private static ObjectiveSpec Function(string name) => new() { Kind = "function", Name = name };

    private static OptimizerSpec Gd(double learningRate) => new() { Kind = "gd", LearningRate = learningRate };
}
