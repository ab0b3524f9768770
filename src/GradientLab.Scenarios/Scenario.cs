namespace GradientLab.Scenarios;

/// <summary>
/// A scenario as its JSON spells it: what to minimise, from where, how, and for how long. Fields left out take the
/// defaults that <see cref="ScenarioResolver.Resolve"/> fills in. Parameters are ordered weights first, bias last.
/// </summary>
public sealed record Scenario
{
    /// <summary>A short name (presets use theirs).</summary>
    public string? Name { get; init; }

    /// <summary>One line saying what the scenario shows.</summary>
    public string? Description { get; init; }

    /// <summary>What to minimise.</summary>
    public ObjectiveSpec? Objective { get; init; }

    /// <summary>θ₀, weights first, bias last (default: all zeros; for a network, drawn from <see cref="ObjectiveSpec.InitSeed"/>).</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>The update rule (default: plain gradient descent, learning rate 0.01).</summary>
    public OptimizerSpec? Optimizer { get; init; }

    /// <summary>The learning-rate schedule (default: constant).</summary>
    public ScheduleSpec? Schedule { get; init; }

    /// <summary>How many rows each update sees (default: all).</summary>
    public BatchSpec? Batch { get; init; }

    /// <summary><c>simultaneous</c> (default, correct) or <c>sequential</c> (the classic bug).</summary>
    public string? Update { get; init; }

    /// <summary>Parameters held at their start values, by name (e.g. <c>["b"]</c>: train the weight alone).</summary>
    public IReadOnlyList<string>? Freeze { get; init; }

    /// <summary>The step budget (default 1000).</summary>
    public int? Steps { get; init; }

    /// <summary>Early stopping (default: tolerance 0, divergence factor 1e6).</summary>
    public StopSpec? Stop { get; init; }
}

/// <summary>The objective: <c>linear-regression</c>, <c>sigmoid-neuron</c>, <c>logistic-regression</c>, <c>neural-network</c> or <c>function</c>.</summary>
public sealed record ObjectiveSpec
{
    /// <summary><c>linear-regression</c>, <c>sigmoid-neuron</c>, <c>logistic-regression</c>, <c>neural-network</c> or <c>function</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Linear regression: <c>half-mse</c> (default) or <c>mse</c>; sigmoid neuron: <c>squared-error</c> (default) or <c>bce</c>.</summary>
    public string? Loss { get; init; }

    /// <summary>Linear regression: z-score scale the features (default false).</summary>
    public bool? ScaleFeatures { get; init; }

    /// <summary>Linear regression of one input: fit x, x², …, x^degree (default 1, a straight line).</summary>
    public int? PolynomialDegree { get; init; }

    /// <summary>The samples, for linear regression and the sigmoid neuron.</summary>
    public DataSpec? Data { get; init; }

    /// <summary>Function: its name (<c>quadratic-1d</c>, <c>rosenbrock</c>, …).</summary>
    public string? Name { get; init; }

    /// <summary>Function <c>quadratic-bowl</c>: the Hessian's eigenvalues (default [1, 10]).</summary>
    public IReadOnlyList<double>? Eigenvalues { get; init; }

    /// <summary>Neural network: the units of each hidden layer, none to two layers of 1 to 8 (default [4]).</summary>
    public IReadOnlyList<int>? Hidden { get; init; }

    /// <summary>Neural network: the hidden units' activation, <c>tanh</c> (default), <c>relu</c> or <c>sigmoid</c>.</summary>
    public string? Activation { get; init; }

    /// <summary>
    /// Logistic regression and neural network: the seed of the starting parameters when no <c>start</c> is given (the
    /// model's own initialisation: Glorot or He uniform weights, zero biases). Default for a network 0; logistic
    /// regression without a seed starts at zeros.
    /// </summary>
    public int? InitSeed { get; init; }
}

/// <summary>Samples: inline (<c>x</c>, <c>y</c>), built in (<c>builtin</c>), from a CSV file (<c>csv</c>), with chosen
/// columns, or, for a classifier, a point set generated from a seed (<c>points</c>).</summary>
public sealed record DataSpec
{
    /// <summary>Inline rows of features: <c>[[1.0], [2.0]]</c>.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? X { get; init; }

    /// <summary>Inline targets, one per row of <see cref="X"/>.</summary>
    public IReadOnlyList<double>? Y { get; init; }

    /// <summary>A built-in dataset's name.</summary>
    public string? Builtin { get; init; }

    /// <summary>A CSV file with a header row (a path relative to the scenario file, on the command line).</summary>
    public string? Csv { get; init; }

    /// <summary>The feature columns of a built-in dataset or CSV file.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The target column of a built-in dataset or CSV file.</summary>
    public string? Target { get; init; }

    /// <summary>A generated two-class point set: <c>blobs</c>, <c>xor</c>, <c>circles</c>, <c>moons</c> or <c>spirals</c>.</summary>
    public string? Points { get; init; }

    /// <summary>Points: how many, 2 to 10,000 (default 200).</summary>
    public int? Count { get; init; }

    /// <summary>Points: the standard deviation of the noise on each coordinate, 0 to 1 (default 0).</summary>
    public double? Noise { get; init; }

    /// <summary>Points: the seed of the draw (default 0).</summary>
    public int? Seed { get; init; }
}

/// <summary>The optimizer and its hyperparameters; which fields apply depends on <see cref="Kind"/>.</summary>
public sealed record OptimizerSpec
{
    /// <summary>A key of <see cref="OptimizerCatalogue"/>: <c>gd</c>, <c>sgd</c>, <c>nesterov</c>, <c>adam</c>, … The
    /// defaults of the fields below, their ranges and meanings are the catalogue's (<c>gradlab optimizers</c>).</summary>
    public string? Kind { get; init; }

    /// <summary>γ.</summary>
    public double? LearningRate { get; init; }

    /// <summary>SGD and RMSprop: momentum μ.</summary>
    public double? Momentum { get; init; }

    /// <summary>SGD: dampening τ.</summary>
    public double? Dampening { get; init; }

    /// <summary>SGD: Nesterov momentum.</summary>
    public bool? Nesterov { get; init; }

    /// <summary>L2 weight decay λ.</summary>
    public double? WeightDecay { get; init; }

    /// <summary>Adam: β1.</summary>
    public double? Beta1 { get; init; }

    /// <summary>Adam: β2.</summary>
    public double? Beta2 { get; init; }

    /// <summary>ε.</summary>
    public double? Epsilon { get; init; }

    /// <summary>Adam: AMSGrad.</summary>
    public bool? Amsgrad { get; init; }

    /// <summary>RMSprop: smoothing α.</summary>
    public double? Alpha { get; init; }

    /// <summary>RMSprop: centered.</summary>
    public bool? Centered { get; init; }

    /// <summary>AdaGrad: learning-rate decay η.</summary>
    public double? LrDecay { get; init; }

    /// <summary>AdaGrad: initial accumulator.</summary>
    public double? InitialAccumulator { get; init; }

    /// <summary>SGD: <c>pytorch</c>, <c>ema</c> or <c>scaled</c>.</summary>
    public string? MomentumForm { get; init; }
}

/// <summary>The learning-rate schedule; which fields apply depends on <see cref="Kind"/>.</summary>
public sealed record ScheduleSpec
{
    /// <summary><c>constant</c>, <c>step</c>, <c>exponential</c>, <c>inverse-time</c>, <c>cosine</c>, <c>warmup-cosine</c> or <c>one-cycle</c>.</summary>
    public string? Kind { get; init; }

    /// <summary><c>step</c> (default) or <c>epoch</c>: what t counts.</summary>
    public string? Per { get; init; }

    /// <summary>Step decay: t between decays (default 100).</summary>
    public int? StepSize { get; init; }

    /// <summary>Step and exponential decay: the factor (defaults 0.5 and 0.99).</summary>
    public double? Gamma { get; init; }

    /// <summary>Inverse time: d (default 0.01).</summary>
    public double? Decay { get; init; }

    /// <summary>Inverse time: the staircase period (default 1); cosine: T (default the step budget).</summary>
    public int? Period { get; init; }

    /// <summary>Cosine and warm-up cosine: γmin (default 0).</summary>
    public double? MinLearningRate { get; init; }

    /// <summary>Warm-up cosine: w (default 10 % of the total).</summary>
    public int? WarmupSteps { get; init; }

    /// <summary>Warm-up cosine and one-cycle: T (default the step budget).</summary>
    public int? TotalSteps { get; init; }

    /// <summary>One-cycle: the share of steps spent rising (default 0.3).</summary>
    public double? PctStart { get; init; }
}

/// <summary>Batching: <c>full</c>, <c>mini</c> or <c>stochastic</c>.</summary>
public sealed record BatchSpec
{
    /// <summary><c>full</c> (default), <c>mini</c> or <c>stochastic</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Mini: rows per batch (default 32, at most the data size).</summary>
    public int? Size { get; init; }

    /// <summary>Mini and stochastic: reshuffle every epoch (default true).</summary>
    public bool? Shuffle { get; init; }

    /// <summary>Mini and stochastic: the shuffle seed (default 0).</summary>
    public int? Seed { get; init; }
}

/// <summary>Early stopping.</summary>
public sealed record StopSpec
{
    /// <summary>Converged when the gradient norm is at or under this (default 0).</summary>
    public double? GradientTolerance { get; init; }

    /// <summary>Diverged when |J| exceeds this × |J(θ₀)| (default 1e6).</summary>
    public double? DivergenceFactor { get; init; }
}
