using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GradientLab.Lessons.Activities;

/// <summary>One sample of a challenge data set.</summary>
public sealed record ChallengeSample(double X, double Y);

/// <summary>One hidden case of the momentum challenge: a data set and the arguments the learner's function is called with.</summary>
/// <param name="Id">Its id (<c>a</c>, <c>b</c>, …), used to match the worker's results.</param>
/// <param name="Data">The samples, in the order every epoch visits them.</param>
/// <param name="LearningRate">lr.</param>
/// <param name="Beta">beta, the momentum.</param>
/// <param name="Epochs">Passes over the data.</param>
public sealed record ChallengeCase(string Id, IReadOnlyList<ChallengeSample> Data, double LearningRate, double Beta, int Epochs)
{
    /// <summary>What the learner may see of it: the arguments, not the data.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"hidden case {Id}: {Data.Count} sample{(Data.Count == 1 ? "" : "s")}, lr = {LearningRate}, beta = {Beta}, {Epochs} epoch{(Epochs == 1 ? "" : "s")}");
}

/// <summary>The typical wrong implementations the grader recognises, each by running it.</summary>
public enum MomentumMistake
{
    /// <summary>Plain SGD: w = w − lr·gradient; the velocity is never used.</summary>
    NoVelocity,

    /// <summary>velocity = velocity + gradient: the old velocity is not multiplied by beta.</summary>
    VelocityNotDecayed,

    /// <summary>The model y = w·x + b, with b trained too (with its own velocity).</summary>
    BiasAdded,

    /// <summary>velocity = beta·velocity + (1 − beta)·gradient: the moving-average convention, not this challenge's.</summary>
    DampenedVelocity,

    /// <summary>gradient = (w·x − y)·x: the factor 2 of the squared error's derivative is missing.</summary>
    MissingFactorTwo,
}

/// <summary>How the learner's function ended on one case, as the worker reports it.</summary>
public enum LearnerOutcome
{
    /// <summary>It returned a value (which may still not be a number).</summary>
    Returned,

    /// <summary>It threw an exception.</summary>
    Threw,

    /// <summary>It did not finish within the time limit; the worker was stopped.</summary>
    TimedOut,

    /// <summary>The code defines no function called sgdWithMomentum.</summary>
    NotAFunction,

    /// <summary>The code could not run at all (a syntax error, or an error at its top level).</summary>
    Crashed,

    /// <summary>Not run, because an earlier case timed out or the code crashed.</summary>
    NotRun,
}

/// <summary>What the worker reports for one case (see <c>wwwroot/challenge.js</c>).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Outcome">How the call ended.</param>
/// <param name="ValueType">JavaScript's <c>typeof</c> of the returned value, when it returned.</param>
/// <param name="Value">The returned value when it is a number (NaN and infinities included), else null.</param>
/// <param name="ValueText">The returned value as text (for a value that is not a number).</param>
/// <param name="Reported">The values passed to <c>report(w)</c> during the full run, in order, or null.</param>
/// <param name="EpochRuns">The returned w of runs with 1, 2, …, epochs − 1 epochs, then the full run's: w after each epoch, without report(w); null when a run failed.</param>
/// <param name="Error">The error message (thrown, crashed), or null.</param>
/// <param name="Line">The line of the learner's code the error points at, or null.</param>
public sealed record LearnerCaseResult(
    string CaseId,
    LearnerOutcome Outcome,
    string? ValueType = null,
    double? Value = null,
    string? ValueText = null,
    IReadOnlyList<double>? Reported = null,
    IReadOnlyList<double>? EpochRuns = null,
    string? Error = null,
    int? Line = null)
{
    /// <summary>Reads the worker's results (the JSON text of <c>gradientLabChallenge.runJson</c>).</summary>
    /// <exception cref="FormatException">The text is not the worker's results.</exception>
    public static IReadOnlyList<LearnerCaseResult> ParseAll(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. document.RootElement.EnumerateArray().Select(Parse)];
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new FormatException($"The challenge worker's results could not be read: {error.Message}", error);
        }
    }

    private static LearnerCaseResult Parse(JsonElement item)
    {
        var outcome = item.GetProperty("outcome").GetString() switch
        {
            "returned" => LearnerOutcome.Returned,
            "threw" => LearnerOutcome.Threw,
            "timeout" => LearnerOutcome.TimedOut,
            "not-a-function" => LearnerOutcome.NotAFunction,
            "crashed" => LearnerOutcome.Crashed,
            "not-run" => LearnerOutcome.NotRun,
            var other => throw new FormatException($"unknown outcome '{other}'"),
        };
        return new LearnerCaseResult(
            item.GetProperty("caseId").GetString()!,
            outcome,
            OptionalString(item, "valueType"),
            item.TryGetProperty("value", out var value) && value.ValueKind != JsonValueKind.Null ? Number(value) : null,
            OptionalString(item, "valueText"),
            Numbers(item, "reported"),
            Numbers(item, "epochRuns"),
            OptionalString(item, "error"),
            item.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : null);
    }

    private static string? OptionalString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<double>? Numbers(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(Number)] : null;

    /// <summary>A number, or one of the names JavaScript's String() gives the others ("NaN", "Infinity", "-Infinity").</summary>
    private static double Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"'{other}' is not a number"),
        },
        _ => double.NaN,
    };
}

/// <summary>Where the learner's w first parts from the reference's.</summary>
/// <param name="Epoch">The epoch (from 1) after which the two values of w differ.</param>
/// <param name="Expected">The reference's w after that epoch.</param>
/// <param name="Actual">The learner's.</param>
public sealed record EpochDifference(int Epoch, double Expected, double Actual)
{
    /// <summary>Actual − expected.</summary>
    public double Difference => Actual - Expected;
}

/// <summary>The grade of one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Passed">Whether the learner's final w equals the reference's to 1e-9 (relative).</param>
/// <param name="Expected">The reference's final w.</param>
/// <param name="Actual">The learner's final w when it is a number, else null.</param>
/// <param name="Message">What happened, in words, with the numbers.</param>
/// <param name="ExpectedEpochs">The reference's w after each epoch (for the chart).</param>
/// <param name="ActualEpochs">The learner's w after each epoch, when known (from report(w), else from runs with fewer epochs).</param>
/// <param name="FirstDifference">The first epoch where the two differ, when both are known and they do.</param>
public sealed record CaseVerdict(
    ChallengeCase Case,
    bool Passed,
    double Expected,
    double? Actual,
    string Message,
    IReadOnlyList<double> ExpectedEpochs,
    IReadOnlyList<double>? ActualEpochs,
    EpochDifference? FirstDifference);

/// <summary>The grade of a whole submission.</summary>
/// <param name="Passed">Whether every case passed.</param>
/// <param name="Cases">One verdict per case, in the challenge's order.</param>
/// <param name="Mistake">The typical mistake the results match on every case that returned a number, or null.</param>
/// <param name="Summary">The feedback: how many cases pass, the diagnosis, and the first failing case.</param>
public sealed record ChallengeReport(bool Passed, IReadOnlyList<CaseVerdict> Cases, MomentumMistake? Mistake, string Summary)
{
    /// <summary>Complete when every case passes; the score counts the cases passed.</summary>
    public ActivityOutcome Outcome => new(Cases.Count(c => c.Passed), Cases.Count, Passed);
}

/// <summary>
/// The coding challenge "SGD with momentum": the specification, the learner's JavaScript starter code, the engine's
/// reference exactly as specified, hidden cases, and the grader of what the browser worker reports.
/// </summary>
public static class MomentumChallenge
{
    /// <summary>The name a <c>challenge</c> activity uses for it.</summary>
    public const string Name = "sgd-with-momentum";

    /// <summary>Results are graded to this relative tolerance.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>The name of the function the learner writes.</summary>
    public const string FunctionName = "sgdWithMomentum";

    /// <summary>How long one case may run (the worker is stopped after it).</summary>
    public static TimeSpan TimeLimitPerCase { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The specification shown with the starter code; the reference follows it exactly.</summary>
    public const string Specification =
        """
        Implement sgdWithMomentum(data, lr, beta, epochs) for the model y = w·x (a weight, no bias).
        • data is an array of samples {x, y}; lr is the learning rate; beta is the momentum; epochs is the number of passes over the data.
        • Start with w = 0 and velocity = 0.
        • Each epoch visits the samples in the given order (no shuffling) and updates after every sample:
            gradient = 2·(w·x − y)·x   (the derivative of that sample's squared error (w·x − y)² with respect to w)
            velocity = beta·velocity + gradient
            w = w − lr·velocity
        • Return the final w (a number).
        Your function runs on several data sets you do not see and must match the lab's reference to 1e-9 (relative).
        Optional: call report(w) at the end of each epoch; the feedback then charts your w next to the reference's.
        """;

    /// <summary>The code the editor starts with.</summary>
    public const string StarterCode =
        """
        // SGD with momentum for the model y = w·x.
        // data: an array of {x, y}; lr: learning rate; beta: momentum; epochs: passes over the data.
        function sgdWithMomentum(data, lr, beta, epochs) {
          let w = 0;
          let velocity = 0;
          for (let epoch = 0; epoch < epochs; epoch++) {
            for (const { x, y } of data) {
              // 1. the gradient of this sample's squared error (w·x − y)² with respect to w
              // 2. the new velocity
              // 3. the step on w
            }
            report(w); // optional: lets the feedback chart your w after each epoch
          }
          return w;
        }
        """;

    /// <summary>
    /// Solutions for tests and demonstrations: a correct one, each typical mistake, one that throws, one that never ends,
    /// and one that returns text.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExampleSolutions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["correct"] = Solution("velocity = beta * velocity + gradient;"),
        ["no-velocity"] = Solution("velocity = gradient;"),
        ["velocity-not-decayed"] = Solution("velocity = velocity + gradient;"),
        ["dampened-velocity"] = Solution("velocity = beta * velocity + (1 - beta) * gradient;"),
        ["bias-added"] =
            """
            function sgdWithMomentum(data, lr, beta, epochs) {
              let w = 0, b = 0, velocity = 0, biasVelocity = 0;
              for (let epoch = 0; epoch < epochs; epoch++) {
                for (const { x, y } of data) {
                  const error = w * x + b - y;
                  velocity = beta * velocity + 2 * error * x;
                  biasVelocity = beta * biasVelocity + 2 * error;
                  w = w - lr * velocity;
                  b = b - lr * biasVelocity;
                }
                report(w);
              }
              return w;
            }
            """,
        ["throws"] = "function sgdWithMomentum(data, lr, beta, epochs) {\n  return data[0].z.value;\n}\n",
        ["endless-loop"] = "function sgdWithMomentum(data, lr, beta, epochs) {\n  let w = 0;\n  for (let epoch = 0; epoch < epochs; epoch--) { w += 1; }\n  return w;\n}\n",
        ["returns-text"] = "function sgdWithMomentum(data, lr, beta, epochs) {\n  return \"0.5\";\n}\n",
    };

    /// <summary>The hidden cases. Together they tell every <see cref="MomentumMistake"/> apart from the reference and from each other.</summary>
    public static IReadOnlyList<ChallengeCase> Cases { get; } =
    [
        // Points near y = 2x: the everyday case, strong momentum.
        new("a", Samples((1, 2.1), (2, 3.9), (3, 6.2), (4, 7.8)), 0.01, 0.9, 25),
        // beta = 0: momentum must reduce to plain SGD here (so a no-velocity solution passes this case alone).
        new("b", Samples((0.5, -1.1), (1.5, -2.9), (2.5, -5.2)), 0.02, 0, 10),
        // One sample: every epoch is one update, so plain SGD agrees with momentum for the first epoch only.
        new("c", Samples((2, 3)), 0.05, 0.8, 6),
        // y = 3x + 4: a line with an intercept, which a model with a bias fits differently.
        new("d", Samples((1, 7), (2, 10), (3, 13), (4, 16), (5, 19)), 0.005, 0.7, 40),
        // Large x, small rate: the scale of the gradient matters.
        new("e", Samples((10, 5.2), (20, 9.7), (30, 15.4)), 0.0001, 0.95, 30),
    ];

    /// <summary>The reference: the final w of the specification for <paramref name="challengeCase"/>.</summary>
    public static double Reference(ChallengeCase challengeCase) => Trajectory(challengeCase) is { Count: > 0 } w ? w[^1] : 0;

    /// <summary>
    /// w after each epoch (from 1) of the specification, or of <paramref name="mistake"/> implemented instead: model
    /// y = w·x, w = velocity = 0 at the start, samples in the given order, an update after each sample.
    /// </summary>
    public static IReadOnlyList<double> Trajectory(ChallengeCase challengeCase, MomentumMistake? mistake = null)
    {
        ArgumentNullException.ThrowIfNull(challengeCase);
        var (lr, beta) = (challengeCase.LearningRate, challengeCase.Beta);
        double w = 0, velocity = 0, b = 0, biasVelocity = 0;
        var epochs = new double[challengeCase.Epochs];
        for (var epoch = 0; epoch < challengeCase.Epochs; epoch++)
        {
            foreach (var (x, y) in challengeCase.Data)
            {
                var error = (w * x) + (mistake == MomentumMistake.BiasAdded ? b : 0) - y;
                var gradient = mistake == MomentumMistake.MissingFactorTwo ? error * x : 2 * error * x;
                velocity = mistake switch
                {
                    MomentumMistake.NoVelocity => gradient,
                    MomentumMistake.VelocityNotDecayed => velocity + gradient,
                    MomentumMistake.DampenedVelocity => (beta * velocity) + ((1 - beta) * gradient),
                    _ => (beta * velocity) + gradient,
                };
                if (mistake == MomentumMistake.BiasAdded)
                {
                    biasVelocity = (beta * biasVelocity) + (2 * error);
                    b -= lr * biasVelocity;
                }

                w -= lr * velocity;
            }

            epochs[epoch] = w;
        }

        return epochs;
    }

    /// <summary>What a mistake is, why it is wrong and how to fix it.</summary>
    public static string Explain(MomentumMistake mistake) => mistake switch
    {
        MomentumMistake.NoVelocity => "Your results are those of plain SGD, w = w − lr·gradient: the velocity never carries anything from one update to the next. Keep a velocity that starts at 0, update it after every sample with velocity = beta·velocity + gradient, and step with w = w − lr·velocity.",
        MomentumMistake.VelocityNotDecayed => "Your results are those of velocity = velocity + gradient: the old velocity is never multiplied by beta, so every gradient ever seen keeps pushing with its full weight and w overshoots. Decay it: velocity = beta·velocity + gradient.",
        MomentumMistake.BiasAdded => "Your results are those of the model y = w·x + b with b trained too: the challenge's model has no bias (y = w·x), and b's updates change every later gradient of w. Predict with w·x alone.",
        MomentumMistake.DampenedVelocity => "Your results are those of velocity = beta·velocity + (1 − beta)·gradient, the moving-average convention. This challenge (like PyTorch's SGD) adds the whole gradient: velocity = beta·velocity + gradient.",
        MomentumMistake.MissingFactorTwo => "Your results are those of gradient = (w·x − y)·x: the derivative of the squared error (w·x − y)² with respect to w is 2·(w·x − y)·x; the factor 2 is missing.",
        _ => throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "Unknown mistake."),
    };

    /// <summary>The cases as the worker receives them: <c>[{id, data: [{x, y}], lr, beta, epochs}]</c>.</summary>
    public static string CasesJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var c in Cases)
            {
                json.WriteStartObject();
                json.WriteString("id", c.Id);
                json.WriteStartArray("data");
                foreach (var sample in c.Data)
                {
                    json.WriteStartObject();
                    json.WriteNumber("x", sample.X);
                    json.WriteNumber("y", sample.Y);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteNumber("lr", c.LearningRate);
                json.WriteNumber("beta", c.Beta);
                json.WriteNumber("epochs", c.Epochs);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Whether two values of w agree to <see cref="RelativeTolerance"/> (equal infinities and two NaNs agree).</summary>
    public static bool Agree(double a, double b) =>
        a.Equals(b) || Math.Abs(a - b) <= RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Grades what the worker reported (one result per case; a case without a result counts as not run).</summary>
    public static ChallengeReport Grade(IReadOnlyList<LearnerCaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var verdicts = Cases.Select(c => GradeCase(c, results.FirstOrDefault(r => r.CaseId == c.Id) ?? new LearnerCaseResult(c.Id, LearnerOutcome.NotRun))).ToList();
        var passed = verdicts.All(v => v.Passed);
        var mistake = passed ? null : Diagnose(results);
        return new ChallengeReport(passed, verdicts, mistake, Summarise(verdicts, mistake));
    }

    private static CaseVerdict GradeCase(ChallengeCase c, LearnerCaseResult result)
    {
        var expectedEpochs = Trajectory(c);
        var expected = Reference(c);
        CaseVerdict Fail(string message) => new(c, false, expected, null, $"{Capitalised(c.Description)}: {message}", expectedEpochs, null, null);
        switch (result.Outcome)
        {
            case LearnerOutcome.Threw:
                return Fail($"your function threw an error{At(result.Line)}: {result.Error ?? "(no message)"}.");
            case LearnerOutcome.TimedOut:
                return Fail($"it did not finish within {TimeLimitPerCase.TotalSeconds:0.#} s and was stopped. Is there a loop whose condition never becomes false (for example a counter that moves the wrong way)?");
            case LearnerOutcome.NotAFunction:
                return Fail($"no function called {FunctionName} was found. Keep the first line of the starter code: function {FunctionName}(data, lr, beta, epochs) {{ … }}.");
            case LearnerOutcome.Crashed:
                return Fail($"the code could not run{At(result.Line)}: {result.Error ?? "(no message)"}.");
            case LearnerOutcome.NotRun:
                return Fail("not run, because an earlier case did not finish.");
        }

        if (result.ValueType != "number" || result.Value is not { } actual)
        {
            return Fail(result.ValueType switch
            {
                "undefined" => "your function returned nothing (undefined). Does it end with return w; ?",
                "string" => $"your function returned the text \"{result.ValueText}\", not a number. Return w itself.",
                _ => $"your function returned {result.ValueType ?? "a value"} {result.ValueText}, not a number. Return w, the final weight.",
            });
        }

        var actualEpochs = PerEpoch(result, c.Epochs);
        var first = actualEpochs is null ? null : FirstDifference(expectedEpochs, actualEpochs);
        var ok = Agree(actual, expected);
        string message;
        if (ok)
        {
            message = $"passed: w = {Show(actual)}.";
        }
        else if (double.IsNaN(actual))
        {
            message = $"your function returned NaN (not a number); the reference ends at w = {Show(expected)}. NaN comes from arithmetic with undefined (a misspelt field such as sample.X) or from w overflowing.";
        }
        else
        {
            message = $"w = {Show(actual)}, the reference's is {Show(expected)} (off by {Show(actual - expected, 3)}, relative {Show(Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon), 2)}).";
        }

        if (!ok && first is not null)
        {
            message += $" Your w first differs after epoch {first.Epoch}: {Show(first.Actual)} instead of {Show(first.Expected)} (off by {Show(first.Difference, 3)}).";
        }
        else if (!ok && actualEpochs is null)
        {
            message += " (Your w after each epoch is unknown: runs with fewer epochs failed.)";
        }

        return new CaseVerdict(c, ok, expected, actual, $"{Capitalised(c.Description)}: {message}", expectedEpochs, actualEpochs, ok ? null : first);
    }

    /// <summary>The learner's w after each epoch: from report(w) when it was called once per epoch, else from the shorter runs.</summary>
    private static IReadOnlyList<double>? PerEpoch(LearnerCaseResult result, int epochs)
    {
        if (result.Reported is { } reported && reported.Count == epochs)
        {
            return reported;
        }

        return result.EpochRuns is { } runs && runs.Count == epochs ? runs : null;
    }

    private static EpochDifference? FirstDifference(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        for (var k = 0; k < expected.Count; k++)
        {
            if (!Agree(expected[k], actual[k]))
            {
                return new EpochDifference(k + 1, expected[k], actual[k]);
            }
        }

        return null;
    }

    /// <summary>The mistake whose final w agrees with the learner's on every case that returned a number (if exactly one does).</summary>
    private static MomentumMistake? Diagnose(IReadOnlyList<LearnerCaseResult> results)
    {
        var numbers = Cases
            .Select(c => (Case: c, Result: results.FirstOrDefault(r => r.CaseId == c.Id)))
            .Where(p => p.Result is { Outcome: LearnerOutcome.Returned, ValueType: "number", Value: not null })
            .ToList();
        if (numbers.Count == 0)
        {
            return null;
        }

        var matches = Enum.GetValues<MomentumMistake>()
            .Where(m => numbers.All(p => Agree(p.Result!.Value!.Value, Trajectory(p.Case, m) is { Count: > 0 } w ? w[^1] : 0)))
            .ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Summarise(List<CaseVerdict> verdicts, MomentumMistake? mistake)
    {
        var passed = verdicts.Count(v => v.Passed);
        if (passed == verdicts.Count)
        {
            return $"All {verdicts.Count} hidden cases pass: your {FunctionName} matches the reference to 1e-9 (relative). Well done.";
        }

        var text = new StringBuilder($"{passed} of {verdicts.Count} hidden cases pass.");
        if (mistake is { } m)
        {
            text.Append(' ').Append(Explain(m));
        }

        text.Append(' ').Append(verdicts.First(v => !v.Passed).Message);
        return text.ToString();
    }

    private static string At(int? line) => line is { } l ? $" (line {l})" : "";

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Show(double value, int digits = 10) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static ChallengeSample[] Samples(params (double X, double Y)[] samples) => [.. samples.Select(s => new ChallengeSample(s.X, s.Y))];

    private static string Solution(string velocityLine) =>
        $$"""
        function sgdWithMomentum(data, lr, beta, epochs) {
          let w = 0;
          let velocity = 0;
          for (let epoch = 0; epoch < epochs; epoch++) {
            for (const { x, y } of data) {
              const gradient = 2 * (w * x - y) * x;
              {{velocityLine}}
              w = w - lr * velocity;
            }
            report(w);
          }
          return w;
        }
        """;
}
