using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace GradientLab.Tests.Fuzzing;

/// <summary>
/// Generated and mutated inputs for the fuzzers: scenario JSON and CSV text built from plausible pieces (valid and
/// invalid values mixed), then damaged the way careless or hostile hands damage files: characters deleted, inserted,
/// repeated, cut off.
/// </summary>
internal static class Inputs
{
    /// <summary>The fuzzers' verdict on a message: one a person can act on, with no .NET internals.</summary>
    public static bool IsFriendly(string message) =>
        message.Length > 0
        && !message.Contains("System.", StringComparison.Ordinal)
        && !message.Contains("`1", StringComparison.Ordinal)
        && !message.Contains("(Parameter '", StringComparison.Ordinal)
        && !message.Contains("Exception", StringComparison.Ordinal)
        && !message.Contains("   at ", StringComparison.Ordinal)
        && !message.Contains("LineNumber:", StringComparison.Ordinal)
        && !message.Contains("BytePositionInLine", StringComparison.Ordinal);

    private static readonly Gen<string> GoodNumber = Gen.Elements("0", "0.001", "0.01", "0.1", "0.5", "0.9", "0.99", "1", "2", "3", "10", "100", "1e-8", "-0.5", "-2");

    private static readonly Gen<string> BadNumber = Gen.Frequency(
        (4, Gen.Elements("-1", "1e308", "-1e308", "1e400", "-0", "4.9e-324", "1000000", "1000000000000", "10.5", "2e9")),
        (1, Gen.Elements("NaN", "Infinity", "+1", ".5", "01", "1e")));

    private static readonly Gen<string> WrongType = Gen.Elements("\"0.1\"", "true", "null", "[]", "{}", "[1, 2]", "\"\"", "\"\\ud800\"", "\"\\u00e9\"");

    /// <summary>A value for a field of type <paramref name="good"/>: usually of that type, sometimes out of range, now and then of another type.</summary>
    private static Gen<string> Typed(Gen<string> good, Gen<string>? bad = null) => Gen.Frequency((60, good), (3, bad ?? BadNumber), (1, WrongType));

    private static Gen<string> Number => Typed(GoodNumber);

    private static Gen<string> Whole => Typed(Gen.Elements("0", "1", "2", "5", "10", "30", "100"), Gen.Elements("-1", "0", "2.5", "1e3", "99999999999", "1000001", "\"10\""));

    private static Gen<string> Boolean => Typed(Gen.Elements("true", "false"), Gen.Elements("1", "\"yes\"", "null"));

    private static Gen<string> Word(params string[] good) => Typed(Gen.Elements(good.Select(w => $"\"{w}\"").ToArray()), Gen.Elements("\"adm\"", "\"\"", "\"Adam\"", "1", "\"\\ud800\""));

    /// <summary>The fields of each optimizer kind, as the resolver knows them (and one that belongs elsewhere, now and then).</summary>
    private static readonly Dictionary<string, (string Name, Gen<string> Value)[]> OptimizerKinds = new()
    {
        ["gd"] = [("learningRate", Number)],
        ["sgd"] = [("learningRate", Number), ("momentum", Number), ("dampening", Number), ("nesterov", Boolean), ("weightDecay", Number), ("momentumForm", Word("pytorch", "ema", "scaled"))],
        ["adam"] = [("learningRate", Number), ("beta1", Number), ("beta2", Number), ("epsilon", Number), ("weightDecay", Number), ("amsgrad", Boolean)],
        ["adamw"] = [("learningRate", Number), ("beta1", Number), ("beta2", Number), ("epsilon", Number), ("weightDecay", Number), ("amsgrad", Boolean)],
        ["adagrad"] = [("learningRate", Number), ("lrDecay", Number), ("initialAccumulator", Number), ("epsilon", Number), ("weightDecay", Number)],
        ["rmsprop"] = [("learningRate", Number), ("alpha", Number), ("epsilon", Number), ("momentum", Number), ("centered", Boolean), ("weightDecay", Number)],
    };

    private static readonly Dictionary<string, (string Name, Gen<string> Value)[]> ScheduleKinds = new()
    {
        ["constant"] = [("per", Word("step", "epoch"))],
        ["step"] = [("per", Word("step", "epoch")), ("stepSize", Whole), ("gamma", Number)],
        ["exponential"] = [("per", Word("step", "epoch")), ("gamma", Number)],
        ["inverse-time"] = [("per", Word("step", "epoch")), ("decay", Number), ("period", Whole)],
        ["cosine"] = [("per", Word("step", "epoch")), ("period", Whole), ("minLearningRate", Number)],
        ["warmup-cosine"] = [("per", Word("step", "epoch")), ("warmupSteps", Whole), ("totalSteps", Whole), ("minLearningRate", Number)],
        ["one-cycle"] = [("per", Word("step", "epoch")), ("totalSteps", Whole), ("pctStart", Number)],
    };

    private static readonly Dictionary<string, (string Name, Gen<string> Value)[]> BatchKinds = new()
    {
        ["full"] = [],
        ["mini"] = [("size", Whole), ("shuffle", Boolean), ("seed", Whole)],
        ["stochastic"] = [("shuffle", Boolean), ("seed", Whole)],
    };

    private static readonly (string Name, Gen<string> Value)[] StopFields = [("gradientTolerance", Number), ("divergenceFactor", Typed(Gen.Elements("2", "10", "1e6", "1e300")))];

    /// <summary>Scenario JSON: mostly well formed, with values of every kind, then sometimes damaged.</summary>
    public static Gen<string> ScenarioJson { get; } = Mutated(Scenario());

    /// <summary>CSV text: a header and rows with every separator, quoting and line ending, then sometimes damaged.</summary>
    public static Gen<string> CsvText { get; } = Mutated(Csv());

    private static Gen<string> Scenario() =>
        from objective in Objective()
        from fields in Gen.SubListOf(
        [
            Field("start", Gen.Frequency((6, List(GoodNumber, 2, 2)), (1, List(Number, 0, 4)), (1, Number))),
            Field("optimizer", Kinded(OptimizerKinds)),
            Field("schedule", Kinded(ScheduleKinds)),
            Field("batch", Kinded(BatchKinds)),
            Field("stop", Object(StopFields)),
            Field("steps", Typed(Gen.Elements("0", "1", "5", "30"), Gen.Elements("1000000", "1000001", "-1", "1e3", "2.5", "\"10\"", "99999999999"))),
            Field("update", Word("simultaneous", "sequential")),
            Field("name", Word("mine", "x y")),
        ])
        from ordered in Gen.Shuffle(fields.ToArray())
        from joined in Gen.CollectToArray<string>(ordered)
        from typo in Gen.Frequency((20, Gen.Constant("")), (1, Gen.Elements(", \"stepz\": 1", ", \"steps\": 2", ", \"Objective\": {}")))
        select "{ " + string.Join(", ", [objective, .. joined]) + typo + " }";

    private static Gen<string> Objective() => Gen.Frequency(
        (4, from name in Word("quadratic-1d", "quadratic-bowl", "rosenbrock", "beale", "himmelblau", "booth", "saddle", "rastrigin")
            from eigenvalues in name != "\"quadratic-bowl\""
                ? Gen.Frequency((20, Gen.Constant("")), (1, Gen.Constant(", \"eigenvalues\": [1]")))
                : Gen.Frequency((4, Gen.Constant("")), (4, List(Typed(Gen.Elements("1", "10", "0.5", "100")), 1, 5).Select(v => $", \"eigenvalues\": {v}")), (1, Gen.Choose(1, 300).Select(n => $", \"eigenvalues\": [{string.Join(", ", Enumerable.Repeat("1", n))}]")))
            select $"\"objective\": {{ \"kind\": \"function\", \"name\": {name}{eigenvalues} }}"),
        (4, from kind in Word("linear-regression", "sigmoid-neuron")
            from data in Data()
            from extra in kind == "\"linear-regression\""
                ? Gen.Frequency((12, Gen.Elements("", ", \"scaleFeatures\": true", ", \"polynomialDegree\": 2", ", \"loss\": \"mse\"", ", \"scaleFeatures\": true, \"polynomialDegree\": 3")), (1, Gen.Elements(", \"polynomialDegree\": 11", ", \"loss\": \"bce\"", ", \"loss\": 1")))
                : Gen.Frequency((12, Gen.Elements("", ", \"loss\": \"bce\"", ", \"loss\": \"squared-error\"")), (1, Gen.Elements(", \"scaleFeatures\": true", ", \"loss\": \"mse\"")))
            select $"\"objective\": {{ \"kind\": {kind}, \"data\": {data}{extra} }}"),
        (1, Gen.Elements("\"objective\": null", "\"objective\": \"rosenbrock\"", "\"objective\": []", "\"objective\": {}", "\"objective\": { \"kind\": \"function\" }")));

    private static Gen<string> Data() => Gen.Frequency(
        (3, from rows in Gen.Choose(1, 8)
            from width in Gen.Frequency((6, Gen.Choose(1, 2)), (1, Gen.Choose(0, 4)))
            from x in Gen.ArrayOf(Gen.ArrayOf(Typed(GoodNumber), width), rows)
            from y in Gen.ArrayOf(Typed(Gen.Elements("0", "1", "0.5", "300", "500")), rows)
            from ragged in Gen.Frequency((8, Gen.Constant("")), (1, Gen.Constant(", [1, 2, 3]")))
            select $"{{ \"x\": [{string.Join(", ", x.Select(r => "[" + string.Join(", ", r) + "]"))}{ragged}], \"y\": [{string.Join(", ", y)}] }}"),
        (2, Gen.Elements("{ \"builtin\": \"line\" }", "{ \"builtin\": \"housing-tiny\" }", "{ \"builtin\": \"portland-housing\", \"features\": [\"size_1000sqft\", \"bedrooms\"] }",
            "{ \"builtin\": \"parabola\" }", "{ \"csv\": \"h.csv\", \"features\": [\"a\"], \"target\": \"b\" }", "{ \"csv\": \"h.csv\" }")),
        (1, Gen.Elements("{ \"builtin\": \"nope\" }", "{ \"builtin\": \"line\", \"csv\": \"x.csv\" }", "{ \"x\": [[1]] }", "{ \"builtin\": \"line\", \"features\": [] }",
            "{ \"builtin\": \"line\", \"target\": \"nope\" }", "{ \"csv\": \"h.csv\", \"features\": [\"zz\"], \"target\": \"b\" }", "null", "[]")));

    /// <summary>An object of a kind with some of its own fields; now and then a field of another kind, or an unknown kind.</summary>
    private static Gen<string> Kinded(Dictionary<string, (string Name, Gen<string> Value)[]> kinds) =>
        from kind in Gen.Frequency((30, Gen.Elements(kinds.Keys.ToArray())), (1, Gen.Elements("adm", "", "Adam")))
        from stray in Gen.Frequency((20, Gen.Constant<(string Name, Gen<string> Value)[]>([])), (1, Gen.Elements(kinds.Values.SelectMany(f => f).ToArray()).Select(f => new[] { f })))
        from body in Object([.. kinds.GetValueOrDefault(kind, []), .. stray])
        from kindless in Gen.Frequency((30, Gen.Constant(false)), (1, Gen.Constant(true)))
        select kindless ? body : body.Length <= 4 ? $"{{ \"kind\": \"{kind}\" }}" : $"{{ \"kind\": \"{kind}\", " + body[2..];

    private static Gen<string> Object((string Name, Gen<string> Value)[] fields) =>
        from chosen in Gen.SubListOf(fields)
        from values in Gen.CollectToArray<string>(chosen.Select(f => f.Value))
        select "{ " + string.Join(", ", chosen.Select((field, i) => $"\"{field.Name}\": {values[i]}")) + " }";

    private static Gen<string> Field(string name, Gen<string> value) => value.Select(v => $"\"{name}\": {v}");

    private static Gen<string> List(Gen<string> element, int min, int max) =>
        from count in Gen.Choose(min, max)
        from values in Gen.ArrayOf(element, count)
        select "[" + string.Join(", ", values) + "]";

    private static Gen<string> Csv() =>
        from separator in Gen.Elements(',', ',', ';', '\t', '|')
        from newline in Gen.Elements("\n", "\r\n", "\r")
        from width in Gen.Choose(1, 5)
        from header in Gen.Frequency(
            (6, Gen.Constant(Enumerable.Range(0, width).Select(i => $"c{i}").ToArray())),
            (1, Gen.ArrayOf(Gen.Elements("a", "b", "size", "", "a", "\"q,r\"", " c ", "\"d\"\"e\"", "\"line\nbreak\"", "é"), width)))
        from rowCount in Gen.Choose(0, 12)
        from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.Frequency(
            (12, Gen.Elements("1", "-2.5", "3e2", "0", " 4 ", "1.5", "\"5\"", "1e-300")),
            (1, Gen.Elements("", "abc", "NaN", "Infinity", "1e400", "\"1,5\"", "1,5", "\"x\"\"y\"", "\"a\nb\"", "\"open", "7\"", "\"8\"x", "\0"))), width), rowCount)
        from blank in Gen.Elements("", "", newline, newline + newline)
        select blank + string.Join(separator, header) + newline + string.Join(newline, rows.Select(r => string.Join(separator, r))) + (rowCount % 2 == 0 ? newline : "");

    /// <summary>The text as generated (half the time) or with one to four mutations.</summary>
    private static Gen<string> Mutated(Gen<string> text) =>
        from original in text
        from count in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Choose(1, 4)))
        from seeds in Gen.ArrayOf(Gen.Choose(0, int.MaxValue), count * 3)
        select Mutate(original, seeds);

    private static readonly string[] Insertions = ["{", "}", "[", "]", "\"", ",", ":", "0", "-", "e", ".", " ", "\n", "\\", "\0", "NaN", "1e999", "é", ";", "\t", "\r", "//", "/*", "'"];

    private static string Mutate(string text, int[] seeds)
    {
        for (var i = 0; i + 2 < seeds.Length; i += 3)
        {
            if (text.Length == 0)
            {
                break;
            }

            var at = seeds[i + 1] % text.Length;
            text = (seeds[i] % 5) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, Insertions[seeds[i + 2] % Insertions.Length]),
                2 => text[..at],
                3 => text.Insert(at, text.Substring(at, Math.Min(text.Length - at, 1 + (seeds[i + 2] % 12)))),
                _ => text.Remove(at, 1).Insert(at, ((char)(' ' + (seeds[i + 2] % 95))).ToString(CultureInfo.InvariantCulture)),
            };
        }

        return text;
    }
}
