using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;

namespace GradientLab.Scenarios;

/// <summary>A built-in scenario with a name, a one-line description and the lesson it claims; the names are part of the interface.</summary>
/// <param name="Name">The name used on the command line and in links.</param>
/// <param name="Description">What it shows, in one line.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Lesson">What the description claims, as a check on the preset's own run (the tests hold every preset to it).</param>
public sealed record Preset(string Name, string Description, Scenario Scenario, Lesson Lesson)
{
    /// <summary>Whether it classifies labelled points (logistic regression or a network): a run for the <c>/network</c>
    /// page, not a two-parameter regression run for <c>/live</c>.</summary>
    public bool IsClassifier => ObjectiveKinds.IsClassifier(Scenario.Objective?.Kind);
}

/// <summary>The built-in scenarios.</summary>
public static class Presets
{
    private static readonly DataSpec HousingTiny = new() { Builtin = "housing-tiny" };
    private static readonly DataSpec Xor = Points("xor", 0.02);
    private static readonly DataSpec PortlandBySize = new() { Builtin = "portland-housing", Features = ["size_1000sqft"], Target = "price_1000usd" };

    /// <summary>Declared before <see cref="All"/>, which uses it (static fields start in the order they are written).</summary>
    private static readonly Lesson BiasStaysFixed = Lesson.That("b stays fixed at its start", r => r.Parameter(1).All(b => b == r.Parameter(1)[0]), r => $"b moved to {r.Last.Parameters[1]}");

    /// <summary>Every preset, in the order a course meets them.</summary>
    public static IReadOnlyList<Preset> All { get; } =
    [
        Make("housing-live-demo",
            "Batch gradient descent (α = 0.2) fits price ($1000s) against size for 47 Portland houses from the nonsensical line w = −0.1, b = 900, with the sizes standardised (w is $1000s per standard deviation of size, 786 sq ft; b is the price of a house of mean size, 2,001 sq ft): the line turns towards the houses at once.",
            Regression(PortlandBySize, scale: true), [-0.1, 900], Gd(0.2), 1000,
            Lesson.All(
                Lesson.That("the slope turns positive at the first step and the intercept drops", r => r.Parameter(0)[1] > 0 && r.Parameter(1)[1] < r.Parameter(1)[0], r => $"w: {r.Parameter(0)[0]} → {r.Parameter(0)[1]}, b: {r.Parameter(1)[0]} → {r.Parameter(1)[1]}"),
                Lesson.That("the loss falls at every step, fast and then flattening, to the least-squares line's cost", r => Lesson.Monotone(r.Losses) && r.Losses[10] - r.Losses[20] < 0.1 * (r.Losses[0] - r.Losses[10]) && r.Last.Loss <= LeastSquaresCost(r) * (1 + 1e-6), r => $"J: {r.Losses[0]} → {r.Losses[10]} → {r.Losses[20]} → {r.Last.Loss}; least-squares J* = {LeastSquaresCost(r)}"),
                Lesson.That("the steps shrink on their own (each step shorter than the one before)", r => Lesson.Monotone(StepLengths(r)), r => "a step is longer than the one before it"),
                Lesson.That("it converges to the least-squares line", r => r.StopReason == StopReason.Converged && Near(r.Last.Parameters, r.Scenario.KnownMinimum()!, 1e-3), r => $"stopped as {r.StopReason} at ({string.Join(", ", r.Last.Parameters)})")),
            stop: new StopSpec { GradientTolerance = 1e-3 }),
        Make("housing-unscaled",
            "The live demo's data with the size in 1000 sq ft, not standardised: from w = −0.1, b = 900 the first step swings w to about −207 (the fast direction of the thin bowl lowers w and b together, because the sizes are far from zero), and w turns positive only around step 40.",
            Regression(PortlandBySize), [-0.1, 900], Gd(0.2), 1000,
            Lesson.All(
                Lesson.That("the first step swings w the wrong way, below −100", r => r.Parameter(0)[1] < -100, r => $"w after one step: {r.Parameter(0)[1]}"),
                Lesson.That("w turns positive only after step 20", r => r.FirstStep(p => p.Parameters[0] > 0) is > 20, r => $"w turns positive at step {r.FirstStep(p => p.Parameters[0] > 0)}"),
                Lesson.That("the loss still falls at every step", r => Lesson.Monotone(r.Losses), r => "the loss rose at some step")),
            stop: new StopSpec { GradientTolerance = 1e-3 }),
        Make("course-lab",
            "The course lab: two houses, start at w = b = 0, α = 0.01, 10000 steps; ends near w = 200, b = 100.",
            Regression(HousingTiny), [0, 0], Gd(0.01), 10000,
            Lesson.All(Lesson.LossFallsBelow(1e-6), Lesson.EndsNear([200, 100], 0.05))),
        Make("alpha-too-large",
            "The course lab with α = 0.8, above the largest stable rate 2/λmax ≈ 0.58: every step overshoots further and the cost explodes.",
            Regression(HousingTiny), [0, 0], Gd(0.8), 200,
            Lesson.All(
                Lesson.DivergesWithin(200),
                Lesson.That("after the first steps the cost rises at every step", r => Lesson.Monotone([.. r.Losses.Skip(3).Select(l => -l)]), r => "the cost fell at some step after the third"))),
        Make("alpha-too-small",
            "The course lab with α = 0.0001: every step is safe but tiny. The cost falls by only about 7 % per 100 steps, so after 1000 steps it has barely halved (85000 → 42832) and the line is still far below both houses.",
            Regression(HousingTiny), [0, 0], Gd(0.0001), 1000,
            Lesson.All(
                Lesson.That("the loss falls at every step", r => Lesson.Monotone(r.Losses), r => "the loss rose at some step"),
                Lesson.That("no 100 steps remove more than 10 % of the cost left", r => Enumerable.Range(1, r.Last.Step / 100).All(k => r.Losses[k * 100] > 0.9 * r.Losses[(k - 1) * 100]), r => "some 100 steps removed more than 10 % of the cost"),
                Lesson.That("after 1000 steps the cost is still more than 40 % of its start", r => r.Last.Loss > 0.4 * r.Losses[0], r => $"it fell to {r.Last.Loss / r.Losses[0]:P1} of its start"),
                Lesson.That("after 1000 steps w and b are still more than 100 from the fit (200, 100)", r => !Near(r.Last.Parameters, [200, 100], 100), r => $"it reached ({string.Join(", ", r.Last.Parameters)})"))),
        Make("unscaled-features",
            "Portland prices from size in raw square feet and bedrooms: the valley is so thin that the largest stable α (≈ 4e-7) barely moves the bias.",
            Regression(new DataSpec { Builtin = "portland-housing", Features = ["size_sqft", "bedrooms"], Target = "price_1000usd" }), [0, 0, 0], Gd(3e-7), 1000,
            Lesson.All(
                Lesson.That("the loss falls at first", r => r.Losses[10] < r.Losses[0], r => "the loss did not fall in 10 steps"),
                Lesson.That("after 1000 steps the bias has moved by less than 0.01 ($10)", r => Math.Abs(r.Last.Parameters[2]) < 0.01, r => $"b = {r.Last.Parameters[2]}"))),
        Make("neuron-underprediction",
            "One sigmoid neuron, x = 2, target y = 1, from w = 0.5 with the bias fixed at b = 0: ŷ ≈ 0.73 is too low, ∂L/∂w < 0, so w goes up.",
            Neuron(2, 1), [0.5, 0], Gd(1), 50,
            Lesson.All(
                Lesson.That("∂L/∂w < 0 at the start and w goes up at every step", r => r.Trajectory[0].Gradient![0] < 0 && Lesson.Monotone([.. r.Parameter(0).Select(w => -w)]), r => $"∂L/∂w at the start: {r.Trajectory[0].Gradient![0]}"),
                BiasStaysFixed),
            freeze: ["b"]),
        Make("neuron-overprediction",
            "One sigmoid neuron, x = 2, target y = 0, from w = 0.5 with the bias fixed at b = 0: ŷ ≈ 0.73 is too high, ∂L/∂w > 0, so w goes down.",
            Neuron(2, 0), [0.5, 0], Gd(1), 50,
            Lesson.All(
                Lesson.That("∂L/∂w > 0 at the start and w goes down at every step", r => r.Trajectory[0].Gradient![0] > 0 && Lesson.Monotone(r.Parameter(0)), r => $"∂L/∂w at the start: {r.Trajectory[0].Gradient![0]}"),
                BiasStaysFixed),
            freeze: ["b"]),
        Make("neuron-oscillation",
            "One sigmoid neuron, x = 2, target y = 0.6, b fixed at 0, α = 4, from w = 0.5: every step overshoots the optimum w* = ln(0.6/0.4)/2 ≈ 0.2027, ∂L/∂w flips sign every step, and the swings shrink until it converges (|Δw| < 0.001 by step 33).",
            Neuron(2, 0.6), [0.5, 0], Gd(4), 60,
            Lesson.All(
                Lesson.That("∂L/∂w alternates in sign for at least 6 steps", r => Lesson.AlternatingChanges(r.Parameter(0)) >= 6, r => $"w's changes alternate for {Lesson.AlternatingChanges(r.Parameter(0))} steps"),
                Lesson.That("then |Δw| shrinks below 0.001 by step 33 and w ends at w* = ln(1.5)/2", r => Math.Abs(r.Parameter(0)[33] - r.Parameter(0)[32]) < 1e-3 && Math.Abs(r.Last.Parameters[0] - (Math.Log(1.5) / 2)) < 1e-3, r => $"|Δw| at step 33: {Math.Abs(r.Parameter(0)[33] - r.Parameter(0)[32])}, w at the end: {r.Last.Parameters[0]}"),
                BiasStaysFixed),
            freeze: ["b"]),
        Make("neuron-cycle",
            "The oscillation with b trained too (x = 2, y = 0.5, α = 4, from w = 0.5, b = 0): every step overshoots z = 0, and w settles into a two-step cycle (≈ −0.23, 0.43) instead of converging.",
            Neuron(2, 0.5), [0.5, 0], Gd(4), 50,
            Lesson.All(
                Lesson.That("w's changes alternate in sign for at least 6 steps", r => Lesson.AlternatingChanges(r.Parameter(0)) >= 6, r => $"they alternate for {Lesson.AlternatingChanges(r.Parameter(0))} steps"),
                Lesson.That("w ends in a two-step cycle near −0.23 and 0.43", r => Math.Abs(Math.Min(r.Parameter(0)[^1], r.Parameter(0)[^2]) + 0.23) < 0.01 && Math.Abs(Math.Max(r.Parameter(0)[^1], r.Parameter(0)[^2]) - 0.43) < 0.01, r => $"the last two values of w: {r.Parameter(0)[^2]}, {r.Parameter(0)[^1]}"))),
        Make("lr-too-small",
            "J(θ) = θ² from θ = 4 with α = 0.01: θ shrinks by only 2 % a step; after 20 steps J is still 7.13 (from 16).",
            Function("quadratic-1d"), [4], Gd(0.01), 20,
            Lesson.That("after 20 steps J is 7.13 (16 · 0.98⁴⁰)", r => Math.Abs(r.Last.Loss - (16 * Math.Pow(0.98, 40))) < 1e-9 && Math.Abs(r.Last.Loss - 7.13) < 0.005, r => $"J after {r.Last.Step} steps: {r.Last.Loss}")),
        Make("lr-good",
            "J(θ) = θ² from θ = 4 with α = 0.1: θ shrinks by 20 % a step (4, 3.2, 2.56, 2.048, …).",
            Function("quadratic-1d"), [4], Gd(0.1), 20,
            Lesson.That("θ shrinks by 20 % a step: θₖ = 4 · 0.8ᵏ", r => r.Trajectory.All(p => Math.Abs(p.Parameters[0] - (4 * Math.Pow(0.8, p.Step))) < 1e-12), r => $"θ₃ = {r.Parameter(0)[3]}")),
        Make("lr-diverging",
            "J(θ) = θ² from θ = 4 with α = 1.1: θ flips sign and grows ×1.2 a step (4, −4.8, 5.76, −6.912, …) until the run is stopped as diverged.",
            Function("quadratic-1d"), [4], Gd(1.1), 50,
            Lesson.All(
                Lesson.DivergesWithin(50),
                Lesson.That("θ flips sign and grows ×1.2 a step", r => r.Trajectory.All(p => Math.Abs(p.Parameters[0] - (4 * Math.Pow(-1.2, p.Step))) <= 1e-9 * Math.Pow(1.2, p.Step)), r => $"θ₁ = {r.Parameter(0)[1]}"))),
        Make("momentum",
            "J(θ) = θ² from θ = 4, momentum β = 0.5 with α = 0.05 (PyTorch form): faster than vanilla, and it overshoots below zero at step 19.",
            Function("quadratic-1d"), [4], new OptimizerSpec { Kind = "sgd", LearningRate = 0.05, Momentum = 0.5 }, 40,
            Lesson.All(
                Lesson.That("it first goes below zero at step 19", r => r.FirstStep(p => p.Parameters[0] < 0) == 19, r => $"first below zero at step {r.FirstStep(p => p.Parameters[0] < 0)}"),
                Lesson.That("after 15 steps it is closer to 0 than vanilla's 0.82", r => Math.Abs(r.Parameter(0)[15]) < 4 * Math.Pow(0.9, 15) / 2, r => $"θ₁₅ = {r.Parameter(0)[15]}"))),
        Make("minibatch-line",
            "Mini-batches of 4 from five points on y = 2x + 1, reshuffled every epoch (seed 42): a noisy path towards w = 2, b = 1.",
            Regression(new DataSpec { Builtin = "line" }), [0, 0], Gd(0.02), 2000,
            Lesson.All(
                Lesson.That("the full-data loss rises on some updates (the noise of mini-batches)", r => !Lesson.Monotone(r.Losses), r => "the loss fell at every update"),
                Lesson.EndsNear([2, 1], 0.05)),
            new BatchSpec { Kind = "mini", Size = 4, Shuffle = true, Seed = 42 }),
        Make("training-loop",
            "The training loop's code: y = 2x + 1 on x = 1…5, w = b = 0, α = 0.01, MSE, mini-batches of 4 (four rows, then the fifth alone), reshuffled every epoch (seed 42), 100 epochs = 200 updates.",
            new ObjectiveSpec { Kind = "linear-regression", Loss = "mse", Data = new DataSpec { Builtin = "line" } }, [0, 0], Gd(0.01), 200,
            Lesson.All(
                Lesson.That("each epoch is two updates, of four rows and then one", r => r.Trajectory[2].Epoch == 1 && r.Trajectory[1].Epoch == 0 && r.Last.Epoch == 100, r => $"epochs at steps 1, 2 and the end: {r.Trajectory[1].Epoch}, {r.Trajectory[2].Epoch}, {r.Last.Epoch}"),
                Lesson.That("the loss printed every 25 epochs falls each time", r => Lesson.Monotone([.. Enumerable.Range(0, 5).Select(k => r.Losses[k * 50])]), r => $"losses at epochs 0, 25, …, 100: {string.Join(", ", Enumerable.Range(0, 5).Select(k => r.Losses[k * 50]))}"),
                Lesson.That("w ends near 2 (within 0.1)", r => Math.Abs(r.Last.Parameters[0] - 2) < 0.1, r => $"w = {r.Last.Parameters[0]}")),
            new BatchSpec { Kind = "mini", Size = 4, Shuffle = true, Seed = 42 }),
        Make("stochastic-constant",
            "Stochastic gradient descent (one house per update, seed 7) on the 47 Portland houses, sizes standardised, with a constant α = 0.1: it gets near the least-squares line fast, then keeps jittering around it, because every house pulls the line its own way.",
            Regression(PortlandBySize, scale: true), [0, 0], Gd(0.1), 2000,
            Lesson.That("after 2000 updates the full-data cost is still more than 1 % above the least-squares line's: the noise keeps it off the minimum", r => r.Last.Loss > 1.01 * LeastSquaresCost(r), r => $"J ends at {r.Last.Loss}, J* = {LeastSquaresCost(r)}"),
            new BatchSpec { Kind = "stochastic", Shuffle = true, Seed = 7 }),
        Make("stochastic-decay",
            "The same run with the rate decayed by cosine annealing from 0.1 to 0 over the 2000 updates: the same fast start, then ever smaller steps that let the noise die out, and an excess cost above the least-squares line's far lower.",
            Regression(PortlandBySize, scale: true), [0, 0], Gd(0.1), 2000,
            Lesson.That("its excess cost J − J* ends at least 10× lower than the constant rate's", r => (r.Last.Loss - LeastSquaresCost(r)) * 10 < LessonRun.Of(r.Scenario.Scenario with { Schedule = new ScheduleSpec { Kind = "constant" } }).Last.Loss - LeastSquaresCost(r), r => $"J − J* ends at {r.Last.Loss - LeastSquaresCost(r)}, the constant rate's at {LessonRun.Of(r.Scenario.Scenario with { Schedule = new ScheduleSpec { Kind = "constant" } }).Last.Loss - LeastSquaresCost(r)}"),
            new BatchSpec { Kind = "stochastic", Shuffle = true, Seed = 7 },
            schedule: new ScheduleSpec { Kind = "cosine" }),
        Make("nonlinear-data",
            "A straight line fitted to y = x² (x = 0 … 3): the cost stops falling at a floor well above zero, because no line fits a parabola.",
            Regression(new DataSpec { Builtin = "parabola" }), [0, 0], Gd(0.05), 2000,
            Lesson.That("the cost ends on a floor well above zero: the best line's J* > 0.1", r => r.Last.Loss > 0.1 && Math.Abs(r.Last.Loss - r.Losses[^100]) < 1e-6 * r.Last.Loss, r => $"J ends at {r.Last.Loss} (100 steps before: {r.Losses[^100]})")),
        Make("rosenbrock-adam",
            "Adam (α = 0.02) from (−1.2, 1) along Rosenbrock's curved valley to the minimum at (1, 1).",
            Function("rosenbrock"), [-1.2, 1], new OptimizerSpec { Kind = "adam", LearningRate = 0.02 }, 3000,
            Lesson.EndsNear([1, 1], 0.05)),
        Make("vanilla",
            "J(θ) = θ² from θ = 4, plain gradient descent with α = 0.05, to set against 'momentum': still at 0.82 after 15 steps.",
            Function("quadratic-1d"), [4], Gd(0.05), 40,
            Lesson.That("θ is still 0.82 after 15 steps (4 · 0.9¹⁵) and never crosses zero", r => Math.Abs(r.Parameter(0)[15] - 0.8236) < 1e-4 && r.Trajectory.All(p => p.Parameters[0] > 0), r => $"θ₁₅ = {r.Parameter(0)[15]}")),
        Make("rosenbrock-gd",
            "Plain gradient descent (α = 0.001) from (−1.2, 1) on Rosenbrock: it reaches the valley fast, then crawls along its floor.",
            Function("rosenbrock"), [-1.2, 1], Gd(0.001), 3000,
            Lesson.All(
                Lesson.That("the valley is reached fast: the loss falls below 5 within 100 steps", r => r.Losses[100] < 5, r => $"J₁₀₀ = {r.Losses[100]}"),
                Lesson.That("then it crawls: after 3000 steps it is still more than 0.1 from (1, 1)", r => !Near(r.Last.Parameters, [1, 1], 0.1), r => $"it reached ({string.Join(", ", r.Last.Parameters)})"))),
        Make("rosenbrock-momentum",
            "SGD with momentum 0.9 (α = 0.001) from (−1.2, 1) on Rosenbrock: the velocity carries it along the valley floor.",
            Function("rosenbrock"), [-1.2, 1], new OptimizerSpec { Kind = "sgd", LearningRate = 0.001, Momentum = 0.9 }, 3000,
            Lesson.That("it ends within 0.05 of the minimum (1, 1), where plain GD is still crawling", r => Near(r.Last.Parameters, [1, 1], 0.05), r => $"it reached ({string.Join(", ", r.Last.Parameters)})")),
        Make("sequential-update",
            "The course lab with α = 0.5 and the buggy sequential update: w moves first, then ∂J/∂b is measured at the new w.",
            Regression(HousingTiny), [0, 0], Gd(0.5), 200,
            Lesson.That("the first update of b uses ∂J/∂b measured at the new w, not at the start (−400)", r => Math.Abs(r.Trajectory[0].Gradient![1] - (-400)) > 1, r => $"∂J/∂b used: {r.Trajectory[0].Gradient![1]}"),
            update: "sequential"),
        Make("himmelblau-simultaneous",
            "Himmelblau's function from (−4.2, 0) with α = 0.01 and the correct simultaneous update: it goes down to the minimum at (−3.78, −3.28).",
            Function("himmelblau"), [-4.2, 0], Gd(0.01), 2000,
            Lesson.EndsNear([-3.779310, -3.283186], 1e-3)),
        Make("sequential-himmelblau",
            "The same start and α with the sequential bug: ∂f/∂y is measured after x has moved, the path turns the other way and lands in another minimum, (−2.81, 3.13).",
            Function("himmelblau"), [-4.2, 0], Gd(0.01), 2000,
            Lesson.All(
                Lesson.EndsNear([-2.805118, 3.131312], 1e-3),
                Lesson.That("the correct simultaneous update from the same start ends in a different minimum", r => Near(LessonRun.Of(r.Scenario.Scenario with { Update = "simultaneous" }).Last.Parameters, [-3.779310, -3.283186], 1e-3), r => "the simultaneous update ends in the same minimum")),
            update: "sequential"),
        Make("saddle-point",
            "f(x, y) = x² − y² from (−1.8, 0.000001): plain GD slides into the saddle at the origin and lingers there before it escapes along y.",
            Function("saddle"), [-1.8, 1e-6], Gd(0.1), 40,
            Lesson.All(
                Lesson.That("it slides into the saddle: |x| < 0.01 and |y| < 0.001 by step 25", r => Math.Abs(r.Parameter(0)[25]) < 0.01 && Math.Abs(r.Parameter(1)[25]) < 1e-3, r => $"at step 25: ({r.Parameter(0)[25]}, {r.Parameter(1)[25]})"),
                Lesson.That("then escapes along y: |y| grows ×1.2 a step", r => Math.Abs(r.Parameter(1)[^1]) > 100 * Math.Abs(r.Parameter(1)[0]), r => $"y at the end: {r.Parameter(1)[^1]}"))),
        Make("plateau",
            "One sigmoid neuron started deep in saturation (x = 2, y = 1, w = −5): σ is flat there, the gradient is tiny and the loss barely moves.",
            Neuron(2, 1), [-5, 0], Gd(1), 100,
            Lesson.That("over 100 steps the loss falls by less than 1 %", r => r.Last.Loss > 0.99 * r.Trajectory[0].Loss, r => $"J: {r.Trajectory[0].Loss} → {r.Last.Loss}")),
        Make("xor-network",
            "XOR (200 points, noise 0.02, seed 1) and a network of 4 tanh hidden units (2-4-1, 17 parameters, Glorot start from seed 0), Adam α = 0.3: the hidden units bend the boundary round the four corners, and within 300 steps it classifies every point right (100 %) with the loss below 0.05, where logistic regression stays at chance.",
            Network(Xor, [4]), null, Adam(0.3), 300,
            Lesson.All(
                Lesson.That("it starts near chance: the loss within 0.05 of ln 2 ≈ 0.693", r => Math.Abs(r.Losses[0] - Math.Log(2)) < 0.05, r => $"J₀ = {r.Losses[0]}"),
                Lesson.That("within 300 steps it classifies every point right (100 %), the loss below 0.05", r => r.Accuracy() == 1 && r.Last.Loss < 0.05, r => $"accuracy {r.Accuracy():P1}, J = {r.Last.Loss}"),
                Lesson.That("logistic regression on the same points stays below 60 %", r => LessonRun.Of(r.Scenario.Scenario with { Objective = Logistic(Xor), Start = null }).Accuracy() < 0.6, r => "logistic regression reached 60 % or more"))),
        Make("xor-logistic",
            "Logistic regression (one sigmoid unit, 3 parameters) on the same XOR points, Adam α = 0.3 for 300 steps: no straight line separates XOR, so the accuracy stays near chance (below 60 %) and the loss ends near ln 2 ≈ 0.693, the loss of guessing ½ everywhere.",
            Logistic(Xor), null, Adam(0.3), 300,
            Lesson.All(
                Lesson.That("the accuracy stays below 60 %", r => r.Accuracy() < 0.6, r => $"accuracy {r.Accuracy():P1}"),
                Lesson.That("the loss ends within 0.01 of ln 2 ≈ 0.693", r => Math.Abs(r.Last.Loss - Math.Log(2)) < 0.01, r => $"J = {r.Last.Loss}"))),
        Make("blobs-logistic",
            "Logistic regression on two separable blobs (200 points, noise 0.1, seed 1), plain gradient descent α = 1 from zeros: the first step already separates them (100 %), and then the loss keeps falling (below 0.02 by step 100) while the weights grow at every step, because separable data has no finite best line.",
            Logistic(Points("blobs", 0.1)), null, Gd(1), 100,
            Lesson.All(
                Lesson.That("every point is classified right (100 %) from the first step", r => r.AccuracyAt(1) == 1, r => $"accuracy at step 1: {r.AccuracyAt(1):P1}"),
                Lesson.That("the loss falls at every step, below 0.02 by step 100", r => Lesson.Monotone(r.Losses) && r.Last.Loss < 0.02, r => $"J = {r.Last.Loss}, monotone: {Lesson.Monotone(r.Losses)}"),
                Lesson.That("the weights grow at every step", r => r.Trajectory.Zip(r.Trajectory.Skip(1)).All(p => WeightNorm(p.Second) > WeightNorm(p.First)), r => "‖w‖ shrank at some step"))),
        Make("circles-network",
            "Two circles, one inside the other (200 points, noise 0.05, seed 1): a network of 4 tanh units (2-4-1), Adam α = 0.1, closes a boundary round the inner circle and classifies every point right (100 %) within 300 steps, where logistic regression's straight line stays below 65 %.",
            Network(Points("circles", 0.05), [4]), null, Adam(0.1), 300,
            Lesson.All(
                Lesson.That("every point is classified right (100 %) within 300 steps", r => r.Accuracy() == 1, r => $"accuracy {r.Accuracy():P1}"),
                Lesson.That("logistic regression on the same points stays below 65 %", r => LessonRun.Of(r.Scenario.Scenario with { Objective = Logistic(Points("circles", 0.05)), Start = null }).Accuracy() < 0.65, r => "logistic regression reached 65 % or more"))),
        Make("moons-network",
            "Two interleaved moons (200 points, noise 0.1, seed 1): a network of 4 tanh units (2-4-1), Adam α = 0.1, bends its boundary between them and classifies every point right (100 %) within 300 steps; logistic regression's best line stops near 90 %.",
            Network(Points("moons", 0.1), [4]), null, Adam(0.1), 300,
            Lesson.All(
                Lesson.That("every point is classified right (100 %) within 300 steps", r => r.Accuracy() == 1, r => $"accuracy {r.Accuracy():P1}"),
                Lesson.That("logistic regression on the same points stops between 85 % and 95 %", r => LessonRun.Of(r.Scenario.Scenario with { Objective = Logistic(Points("moons", 0.1)), Start = null }).Accuracy() is > 0.85 and < 0.95, r => "logistic regression ended outside 85 % to 95 %"))),
        Make("spirals-network",
            "Two spirals wound 1¾ turns round each other (200 points, seed 1): two hidden layers of 8 tanh units (2-8-8-1, 105 parameters), Adam α = 0.05, classify every point right (100 %) within 600 steps; one layer of 8 units, as long, does not.",
            Network(Points("spirals", 0), [8, 8]), null, Adam(0.05), 600,
            Lesson.All(
                Lesson.That("every point is classified right (100 %) within 600 steps", r => r.Accuracy() == 1, r => $"accuracy {r.Accuracy():P1}"),
                Lesson.That("one hidden layer of 8 units, as many steps, stays below 100 %", r => LessonRun.Of(r.Scenario.Scenario with { Objective = Network(Points("spirals", 0), [8]), Start = null }).Accuracy() < 1, r => "one layer of 8 units also reached 100 %"))),
    ];

    /// <summary>Named sets of presets to run side by side (<c>gradlab compare lr-dilemma</c>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Comparisons { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["lr-dilemma"] = ["lr-too-small", "lr-good", "lr-diverging"],
        ["momentum-vs-vanilla"] = ["vanilla", "momentum"],
        ["race-rosenbrock"] = ["rosenbrock-gd", "rosenbrock-momentum", "rosenbrock-adam"],
        ["sequential-bug"] = ["himmelblau-simultaneous", "sequential-himmelblau"],
        ["schedule-helps"] = ["stochastic-constant", "stochastic-decay"],
        ["xor-line-vs-network"] = ["xor-logistic", "xor-network"],
    };

    /// <summary>The names of every preset.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(p => p.Name)];

    /// <summary>The preset called <paramref name="name"/>, or null.</summary>
    public static Preset? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The preset called <paramref name="name"/>.</summary>
    /// <exception cref="ScenarioException">No preset has that name; the message lists them.</exception>
    public static Preset Get(string name) =>
        Find(name) ?? throw new ScenarioException($"Unknown preset '{name}'. Presets: {string.Join(", ", Names)}.");

    private static Preset Make(string name, string description, ObjectiveSpec objective, double[]? start, OptimizerSpec optimizer, int steps, Lesson lesson, BatchSpec? batch = null, StopSpec? stop = null, string? update = null, string[]? freeze = null, ScheduleSpec? schedule = null) =>
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
            Freeze = freeze,
            Schedule = schedule,
        }, lesson);

    private static bool Near(IReadOnlyList<double> point, IReadOnlyList<double> target, double tolerance) =>
        point.Count == target.Count && point.Zip(target).All(p => Math.Abs(p.First - p.Second) <= tolerance);

    /// <summary>‖w‖ of a logistic regression's point [w₁, w₂, b].</summary>
    private static double WeightNorm(StepRecord point) => Math.Sqrt((point.Parameters[0] * point.Parameters[0]) + (point.Parameters[1] * point.Parameters[1]));

    private static double LeastSquaresCost(LessonRun run) => run.Scenario.Settings.Objective.Value([.. run.Scenario.KnownMinimum()!]);

    /// <summary>The length of every step, ‖θₖ₊₁ − θₖ‖.</summary>
    private static double[] StepLengths(LessonRun run) =>
        [.. run.Trajectory.Zip(run.Trajectory.Skip(1)).Select(p => Math.Sqrt(p.First.Parameters.Zip(p.Second.Parameters).Sum(q => (q.Second - q.First) * (q.Second - q.First))))];

    private static ObjectiveSpec Regression(DataSpec data, bool scale = false) =>
        new() { Kind = "linear-regression", Loss = "half-mse", Data = data, ScaleFeatures = scale ? true : null };

    private static ObjectiveSpec Neuron(double x, double y) =>
        new() { Kind = "sigmoid-neuron", Loss = "squared-error", Data = new DataSpec { X = [[x]], Y = [y] } };

    private static ObjectiveSpec Function(string name) => new() { Kind = "function", Name = name };

    /// <summary>A generated point set of 200 points from seed 1.</summary>
    private static DataSpec Points(string kind, double noise) => new() { Points = kind, Count = 200, Noise = noise, Seed = 1 };

    private static ObjectiveSpec Logistic(DataSpec points) => new() { Kind = ObjectiveKinds.LogisticRegression, Data = points };

    /// <summary>A tanh network over <paramref name="points"/>, its start drawn from seed 0.</summary>
    private static ObjectiveSpec Network(DataSpec points, int[] hidden) =>
        new() { Kind = ObjectiveKinds.NeuralNetwork, Hidden = hidden, Activation = "tanh", InitSeed = 0, Data = points };

    private static OptimizerSpec Adam(double learningRate) => new() { Kind = "adam", LearningRate = learningRate };

    private static OptimizerSpec Gd(double learningRate) => new() { Kind = "gd", LearningRate = learningRate };
}
