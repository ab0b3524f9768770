using System.Globalization;
using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Activities;

/// <summary>What the learner predicts before a step.</summary>
public enum PredictionKind
{
    /// <summary>For each trained parameter: up, down or unchanged.</summary>
    UpdateSigns,

    /// <summary>The first weight's next value, to two significant digits.</summary>
    NextValue,
}

/// <summary>Which way a parameter moves in one step.</summary>
public enum Direction
{
    /// <summary>It decreases.</summary>
    Down = -1,

    /// <summary>It does not change.</summary>
    Stays = 0,

    /// <summary>It increases.</summary>
    Up = 1,
}

/// <summary>A number the question shows (the learner needs it to answer).</summary>
/// <param name="Symbol">w, ∂J/∂w, α…</param>
/// <param name="Value">Its value.</param>
public sealed record Given(string Symbol, double Value)
{
    /// <summary>"α = 0.01".</summary>
    public string Text => $"{Symbol} = {PredictThenSee.Show(Value)}";
}

/// <summary>The question before one step, made from the run's own numbers.</summary>
/// <param name="Step">The step k it asks about: the update from θₖ to θₖ₊₁.</param>
/// <param name="Kind">Signs, or the next value.</param>
/// <param name="Prompt">The question.</param>
/// <param name="Parameters">The parameters asked about, by name (every trained one for signs; the first weight for the next value).</param>
/// <param name="Givens">The numbers the page shows with the question.</param>
/// <param name="Hint">A nudge the page may reveal on request.</param>
/// <param name="Tolerance">For the next value: how far from the true value an answer may be (half a unit of the second significant digit).</param>
public sealed record StepQuestion(int Step, PredictionKind Kind, string Prompt, IReadOnlyList<string> Parameters, IReadOnlyList<Given> Givens, string Hint, double? Tolerance);

/// <summary>One parameter's part of a grade.</summary>
/// <param name="Parameter">Its name.</param>
/// <param name="Predicted">The prediction, in words or digits.</param>
/// <param name="Actual">What the step did.</param>
/// <param name="IsCorrect">Whether the prediction was right.</param>
public sealed record PartVerdict(string Parameter, string Predicted, string Actual, bool IsCorrect);

/// <summary>The grade of a prediction, explained with the step's numbers.</summary>
/// <param name="Question">The question.</param>
/// <param name="IsCorrect">Whether every part was right.</param>
/// <param name="Parts">One part per parameter asked about.</param>
/// <param name="Headline">One line: right, or what happened instead.</param>
/// <param name="Explanation">The numbers: gradient, α, the change and the new value (and the chain rule, for the neuron).</param>
public sealed record StepVerdict(StepQuestion Question, bool IsCorrect, IReadOnlyList<PartVerdict> Parts, string Headline, string Explanation);

/// <summary>The running score of predict-then-see.</summary>
/// <param name="Asked">Steps predicted (each question counted once, at its first answer).</param>
/// <param name="Right">Of those, the right ones.</param>
public sealed record PredictionScore(int Asked, int Right)
{
    /// <summary>"4 of 5 right".</summary>
    public string Text => $"{Right} of {Asked} right";
}

/// <summary>
/// Predict, then see: before each step of a run (the live demo's, or the chain-rule stepper's one neuron), a question
/// built from that step's real numbers; a grade that explains itself with them; a running score. Works on any recorded
/// trajectory; for a one-sample, one-input sigmoid neuron the explanation walks through the chain rule.
/// </summary>
public sealed class PredictThenSee
{
    private readonly ResolvedScenario _scenario;
    private readonly IReadOnlyList<StepRecord> _trajectory;
    private readonly int[] _trained;
    private readonly (double X, double Y, NeuronLoss Loss)? _neuron;
    private readonly Dictionary<(int Step, PredictionKind Kind), bool> _first = [];

    /// <summary>Predictions on <paramref name="trajectory"/>, a run of <paramref name="scenario"/> (θ₀ first).</summary>
    public PredictThenSee(ResolvedScenario scenario, IReadOnlyList<StepRecord> trajectory)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(trajectory);
        _scenario = scenario;
        _trajectory = trajectory;
        _trained = [.. Enumerable.Range(0, scenario.ParameterNames.Count).Where(i => !scenario.Settings.Frozen.Contains(i))];
        if (scenario.Settings.Objective is SigmoidNeuron { Data: { SampleCount: 1, FeatureCount: 1 } data } neuron)
        {
            _neuron = (data.Column(0)[0], data.Targets[0], neuron.Loss);
        }
    }

    /// <summary>Whether the explanations walk through the chain rule of one sigmoid neuron.</summary>
    public bool IsNeuron => _neuron is not null;

    /// <summary>The running score.</summary>
    public PredictionScore Score => new(_first.Count, _first.Values.Count(right => right));

    /// <summary>Predict-then-see's outcome for the progress book: complete at <paramref name="goal"/> right predictions.</summary>
    public ActivityOutcome Outcome(int goal) => new(Math.Min(Score.Right, goal), goal, Score.Right >= goal);

    /// <summary>Forgets the score (a new run, or the learner starts over).</summary>
    public void ResetScore() => _first.Clear();

    /// <summary>
    /// The question before step <paramref name="step"/>, or null when there is none: the last point (no step leaves it), a
    /// point with numbers that are not finite, or a next-value question on a step that is not plain gradient descent
    /// (momentum or Adam: the change depends on state the page does not show; ask for the signs there).
    /// </summary>
    public StepQuestion? Ask(int step, PredictionKind kind)
    {
        if (Step(step) is not { } s)
        {
            return null;
        }

        var givens = new List<Given>();
        if (_neuron is { } n)
        {
            givens.Add(new("x", n.X));
            givens.Add(new("y", n.Y));
        }

        if (kind == PredictionKind.UpdateSigns)
        {
            givens.AddRange(_trained.Select(i => new Given(Name(i), s.Before[i])));
            givens.Add(new("α", s.Rate));
            var names = _trained.Select(Name).ToList();
            return new StepQuestion(
                step,
                kind,
                $"Step {step + 1}: will {List(names)} go up, go down or stay the same?",
                names,
                givens,
                $"The update moves each parameter against its slope: {string.Join(", ", _trained.Select(i => $"{Partial(i)} = {Show(s.Gradient[i])}"))}.",
                null);
        }

        var first = 0;
        if (!s.Plain || !_trained.Contains(first))
        {
            return null;
        }

        var tolerance = Tolerance(s.After[first], s.Before[first], s.Change[first]);
        givens.Add(new(Name(first), s.Before[first]));
        givens.Add(new(Partial(first), s.Gradient[first]));
        givens.Add(new("α", s.Rate));
        return new StepQuestion(
            step,
            kind,
            $"Step {step + 1}: what will {Name(first)} be after it? Give it to two significant digits (within ±{Show(tolerance)}).",
            [Name(first)],
            givens,
            $"{Name(first)}′ = {Name(first)} − α·{Partial(first)}.",
            tolerance);
    }

    /// <summary>Grades predicted directions, one per <see cref="StepQuestion.Parameters"/>, in order.</summary>
    /// <exception cref="ArgumentException">Not a sign question of this run, or the wrong number of directions.</exception>
    public StepVerdict Grade(StepQuestion question, IReadOnlyList<Direction> predicted)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(predicted);
        var s = Check(question, PredictionKind.UpdateSigns);
        if (predicted.Count != _trained.Length)
        {
            throw new ArgumentException($"The question asks about {_trained.Length} parameter{(_trained.Length == 1 ? "" : "s")} ({List(question.Parameters)}); got {predicted.Count} directions.", nameof(predicted));
        }

        var parts = _trained.Select((i, k) =>
        {
            var actual = (Direction)Math.Sign(s.Change[i]);
            return new PartVerdict(Name(i), Words(predicted[k]), Words(actual), predicted[k] == actual);
        }).ToList();
        var correct = parts.All(p => p.IsCorrect);
        var headline = correct
            ? $"Right: {string.Join("; ", parts.Select(p => $"{p.Parameter} {Moved(p.Actual)}"))}."
            : $"Not quite: {string.Join("; ", parts.Where(p => !p.IsCorrect).Select(p => $"{p.Parameter} {Moved(p.Actual)}, not {p.Predicted}"))}.";
        return Record(new StepVerdict(question, correct, parts, headline, Explain(s)));
    }

    /// <summary>Grades a predicted next value of the first weight.</summary>
    /// <exception cref="ArgumentException">Not a next-value question of this run.</exception>
    public StepVerdict Grade(StepQuestion question, double predicted)
    {
        ArgumentNullException.ThrowIfNull(question);
        var s = Check(question, PredictionKind.NextValue);
        var tolerance = question.Tolerance!.Value;
        var after = s.After[0];
        var correct = double.IsFinite(predicted) && Math.Abs(predicted - after) <= tolerance * (1 + 1e-12);
        var part = new PartVerdict(Name(0), Show(predicted), TwoDigits(after), correct);
        var headline = correct
            ? $"Right: {Name(0)} became {Show(after)} ({TwoDigits(after)} to two significant digits)."
            : $"Not quite: {Name(0)} became {Show(after)} ({TwoDigits(after)} to two significant digits), not {Show(predicted)}.";
        return Record(new StepVerdict(question, correct, [part], headline, Explain(s)));
    }

    /// <summary>Reads a typed number: a leading '−' (U+2212) or '-', and a decimal comma when there is no point.</summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        value = double.NaN;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().Replace('−', '-');
        if (!cleaned.Contains('.', StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace(',', '.');
        }

        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>A value as the lab shows it (six significant digits).</summary>
    internal static string Show(double value) =>
        double.IsNaN(value) ? "not a number" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : NiceNumbers.Significant(value);

    /// <summary>A value rounded to two significant digits: 6.5, 0.012, 1200.</summary>
    internal static string TwoDigits(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return Show(value);
        }

        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var unit = Math.Pow(10, exponent - 1);
        var rounded = Math.Round(value / unit) * unit;
        var decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(Math.Abs(rounded))), 0, 15); // 9.96 rounds to 10, not 10.0
        return rounded.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Half a unit of the second significant digit of <paramref name="value"/> (of the step's scale when it is 0).</summary>
    private static double Tolerance(double value, double before, double change)
    {
        var scale = value != 0 ? Math.Abs(value) : Math.Max(Math.Abs(before), Math.Abs(change));
        return scale == 0 ? 0.005 : 0.5 * Math.Pow(10, Math.Floor(Math.Log10(scale)) - 1);
    }

    private StepVerdict Record(StepVerdict verdict)
    {
        _first.TryAdd((verdict.Question.Step, verdict.Question.Kind), verdict.IsCorrect);
        return verdict;
    }

    private StepNumbers Check(StepQuestion question, PredictionKind kind)
    {
        if (question.Kind != kind || Ask(question.Step, kind) is not { } asked || asked.Prompt != question.Prompt || asked.Hint != question.Hint || !asked.Givens.SequenceEqual(question.Givens))
        {
            throw new ArgumentException($"This is not a {(kind == PredictionKind.UpdateSigns ? "sign" : "next-value")} question of this run.", nameof(question));
        }

        return Step(question.Step)!;
    }

    private StepNumbers? Step(int step)
    {
        if (step < 0 || step >= _trajectory.Count - 1 || _trajectory[step] is not { Gradient: { } gradient, LearningRate: { } rate } before)
        {
            return null;
        }

        var after = _trajectory[step + 1];
        var numbers = new StepNumbers(step, [.. before.Parameters], [.. after.Parameters], [.. gradient], rate);
        return numbers.Before.Concat(numbers.After).Concat(numbers.Gradient).All(double.IsFinite) && double.IsFinite(rate) ? numbers : null;
    }

    private string Explain(StepNumbers s)
    {
        var lines = new List<string>();
        if (_neuron is { } n)
        {
            var (w, b) = (s.Before[0], s.Before[1]);
            var trace = SigmoidNeuron.Trace(w, b, n.X, n.Y, n.Loss);
            lines.Add($"Forward: z = w·x + b = {Show(w)} × {Show(n.X)} + {Show(b)} = {Show(trace.Z)}; ŷ = σ(z) = {Show(trace.Prediction)}, against the target y = {Show(n.Y)}.");
            lines.Add(n.Loss == NeuronLoss.SquaredError
                ? $"Backward: ∂L/∂ŷ = 2(ŷ − y) = {Show(trace.DLossDPrediction)}; ∂ŷ/∂z = ŷ(1 − ŷ) = {Show(trace.DPredictionDZ)}; ∂z/∂w = x = {Show(n.X)}; so ∂L/∂w = {Show(trace.DLossDPrediction)} × {Show(trace.DPredictionDZ)} × {Show(n.X)} = {Show(trace.DLossDWeight)} and ∂L/∂b = {Show(trace.DLossDBias)}."
                : $"Backward: ∂L/∂z = ŷ − y = {Show(trace.DLossDBias)}; ∂z/∂w = x = {Show(n.X)}; so ∂L/∂w = {Show(trace.DLossDWeight)} and ∂L/∂b = {Show(trace.DLossDBias)}.");
        }

        var on = _scenario.Settings.Batch.Kind switch
        {
            BatchKind.Mini => " on this step's mini-batch",
            BatchKind.Stochastic => " on this step's sample",
            _ => "",
        };
        foreach (var i in _trained)
        {
            var (name, g, change) = (Name(i), s.Gradient[i], s.Change[i]);
            var moved = $"{name} {Moved(Words((Direction)Math.Sign(change)))}, from {Show(s.Before[i])} to {Show(s.After[i])}";
            lines.Add(s.Plain
                ? $"{Partial(i)} = {Show(g)}{on} and α = {Show(s.Rate)}: the change is −α·{Partial(i)} = −{Show(s.Rate)} × {Paren(g)} = {Show(change)}, so {moved}."
                : $"{Partial(i)} = {Show(g)}{on}, so −α·{Partial(i)} alone would be {Show(-s.Rate * g)}; the optimizer's state (such as momentum's velocity) made the change {Show(change)}, so {moved}.");
        }

        foreach (var i in Enumerable.Range(0, s.Before.Length).Except(_trained))
        {
            lines.Add($"{Name(i)} is not trained: it stays at {Show(s.Before[i])}.");
        }

        return string.Join(" ", lines);
    }

    private string Name(int index) => _scenario.ParameterNames[index];

    private string Partial(int index) => $"∂{(_neuron is null ? "J" : "L")}/∂{Name(index)}";

    private static string Paren(double value) => value < 0 ? $"({Show(value)})" : Show(value);

    private static string Words(Direction direction) => direction switch
    {
        Direction.Up => "up",
        Direction.Down => "down",
        _ => "unchanged",
    };

    private static string Moved(string words) => words == "unchanged" ? "stayed the same" : $"went {words}";

    private static string List(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    /// <summary>The numbers of one step; <see cref="Plain"/> when every trained change is −α·gradient (plain gradient descent).</summary>
    private sealed record StepNumbers(int Index, double[] Before, double[] After, double[] Gradient, double Rate)
    {
        public double[] Change { get; } = [.. After.Zip(Before, (a, b) => a - b)];

        /// <remarks>θₖ₊₁ − θₖ loses the digits of a step much smaller than θₖ, hence the allowance in units of |θₖ|; a parameter
        /// that did not move (frozen) does not count.</remarks>
        public bool Plain => Enumerable.Range(0, Change.Length).All(i =>
            Change[i] == 0 || Math.Abs(Change[i] + (Rate * Gradient[i])) <= (1e-9 * Math.Max(Math.Abs(Change[i]), Math.Abs(Rate * Gradient[i]))) + (1e-14 * Math.Abs(Before[i])));
    }
}
