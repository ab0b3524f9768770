using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradientLab.Scenarios;

/// <summary>
/// Reads and writes scenarios as JSON. Reading goes field by field (no reflection): every error names the line and
/// column (counting from 1) and the field's path (<c>optimizer.learningRate</c>), and says what was expected; unknown
/// fields are errors that list the known ones.
/// </summary>
public static class ScenarioJson
{
    private const int MaxDepth = 16;

    /// <summary>The serializer options of the scenario format: camelCase names, nulls left out, indented.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses a scenario.</summary>
    /// <exception cref="ScenarioException">Malformed JSON, an unknown or repeated field, or a value of the wrong type; the message gives the line, the column and the field's path.</exception>
    public static Scenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json);
        var cursor = new JsonCursor(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = MaxDepth });
        try
        {
            cursor.Next();
            if (cursor.Token != JsonTokenType.StartObject)
            {
                throw new ScenarioException($"A scenario is a JSON object ({{ \"objective\": …, \"optimizer\": … }}), not {JsonCursor.Describe(cursor.Token)}.");
            }

            var scenario = cursor.Object(ScenarioFields.Scenario, new Scenario(), "a scenario");
            cursor.End();
            return scenario;
        }
        catch (JsonException error)
        {
            throw cursor.SyntaxError(error);
        }
    }

    /// <summary>The scenario as indented JSON, without the fields left out.</summary>
    public static string Write(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);
}

/// <summary>The fields of each part of a scenario, as JSON spells them, and how each is read.</summary>
internal static class ScenarioFields
{
    public static readonly JsonField<DataSpec>[] Data =
    [
        new("x", (DataSpec s, ref JsonCursor c) => s with { X = c.Rows() }),
        new("y", (DataSpec s, ref JsonCursor c) => s with { Y = c.Numbers("a list of numbers, one target per row: [300, 500]") }),
        new("builtin", (DataSpec s, ref JsonCursor c) => s with { Builtin = c.String() }),
        new("csv", (DataSpec s, ref JsonCursor c) => s with { Csv = c.String() }),
        new("features", (DataSpec s, ref JsonCursor c) => s with { Features = c.Strings() }),
        new("target", (DataSpec s, ref JsonCursor c) => s with { Target = c.String() }),
        new("points", (DataSpec s, ref JsonCursor c) => s with { Points = c.String() }),
        new("count", (DataSpec s, ref JsonCursor c) => s with { Count = c.Integer(GradientLab.Core.Data.PointSets.MaxCount) }),
        new("noise", (DataSpec s, ref JsonCursor c) => s with { Noise = c.Number() }),
        new("seed", (DataSpec s, ref JsonCursor c) => s with { Seed = c.Integer() }),
    ];

    public static readonly JsonField<ObjectiveSpec>[] Objective =
    [
        new("kind", (ObjectiveSpec s, ref JsonCursor c) => s with { Kind = c.String() }),
        new("loss", (ObjectiveSpec s, ref JsonCursor c) => s with { Loss = c.String() }),
        new("scaleFeatures", (ObjectiveSpec s, ref JsonCursor c) => s with { ScaleFeatures = c.Boolean() }),
        new("polynomialDegree", (ObjectiveSpec s, ref JsonCursor c) => s with { PolynomialDegree = c.Integer(GradientLab.Core.Data.PolynomialFeatures.MaxDegree) }),
        new("data", (ObjectiveSpec s, ref JsonCursor c) => s with { Data = c.OptionalObject(Data, new DataSpec()) }),
        new("name", (ObjectiveSpec s, ref JsonCursor c) => s with { Name = c.String() }),
        new("eigenvalues", (ObjectiveSpec s, ref JsonCursor c) => s with { Eigenvalues = c.Numbers("a list of positive numbers, one per parameter: [1, 10]") }),
        new("hidden", (ObjectiveSpec s, ref JsonCursor c) => s with { Hidden = c.Integers("a list of unit counts, one per hidden layer: [4] or [8, 8]") }),
        new("activation", (ObjectiveSpec s, ref JsonCursor c) => s with { Activation = c.String() }),
        new("initSeed", (ObjectiveSpec s, ref JsonCursor c) => s with { InitSeed = c.Integer() }),
    ];

    public static readonly JsonField<OptimizerSpec>[] Optimizer =
    [
        new("kind", (OptimizerSpec s, ref JsonCursor c) => s with { Kind = c.String() }),
        new("learningRate", (OptimizerSpec s, ref JsonCursor c) => s with { LearningRate = c.Number() }),
        new("momentum", (OptimizerSpec s, ref JsonCursor c) => s with { Momentum = c.Number() }),
        new("dampening", (OptimizerSpec s, ref JsonCursor c) => s with { Dampening = c.Number() }),
        new("nesterov", (OptimizerSpec s, ref JsonCursor c) => s with { Nesterov = c.Boolean() }),
        new("weightDecay", (OptimizerSpec s, ref JsonCursor c) => s with { WeightDecay = c.Number() }),
        new("beta1", (OptimizerSpec s, ref JsonCursor c) => s with { Beta1 = c.Number() }),
        new("beta2", (OptimizerSpec s, ref JsonCursor c) => s with { Beta2 = c.Number() }),
        new("epsilon", (OptimizerSpec s, ref JsonCursor c) => s with { Epsilon = c.Number() }),
        new("amsgrad", (OptimizerSpec s, ref JsonCursor c) => s with { Amsgrad = c.Boolean() }),
        new("alpha", (OptimizerSpec s, ref JsonCursor c) => s with { Alpha = c.Number() }),
        new("centered", (OptimizerSpec s, ref JsonCursor c) => s with { Centered = c.Boolean() }),
        new("lrDecay", (OptimizerSpec s, ref JsonCursor c) => s with { LrDecay = c.Number() }),
        new("initialAccumulator", (OptimizerSpec s, ref JsonCursor c) => s with { InitialAccumulator = c.Number() }),
        new("momentumForm", (OptimizerSpec s, ref JsonCursor c) => s with { MomentumForm = c.String() }),
    ];

    public static readonly JsonField<ScheduleSpec>[] Schedule =
    [
        new("kind", (ScheduleSpec s, ref JsonCursor c) => s with { Kind = c.String() }),
        new("per", (ScheduleSpec s, ref JsonCursor c) => s with { Per = c.String() }),
        new("stepSize", (ScheduleSpec s, ref JsonCursor c) => s with { StepSize = c.Integer() }),
        new("gamma", (ScheduleSpec s, ref JsonCursor c) => s with { Gamma = c.Number() }),
        new("decay", (ScheduleSpec s, ref JsonCursor c) => s with { Decay = c.Number() }),
        new("period", (ScheduleSpec s, ref JsonCursor c) => s with { Period = c.Integer() }),
        new("minLearningRate", (ScheduleSpec s, ref JsonCursor c) => s with { MinLearningRate = c.Number() }),
        new("warmupSteps", (ScheduleSpec s, ref JsonCursor c) => s with { WarmupSteps = c.Integer() }),
        new("totalSteps", (ScheduleSpec s, ref JsonCursor c) => s with { TotalSteps = c.Integer() }),
        new("pctStart", (ScheduleSpec s, ref JsonCursor c) => s with { PctStart = c.Number() }),
    ];

    public static readonly JsonField<BatchSpec>[] Batch =
    [
        new("kind", (BatchSpec s, ref JsonCursor c) => s with { Kind = c.String() }),
        new("size", (BatchSpec s, ref JsonCursor c) => s with { Size = c.Integer(ScenarioLimits.Default.MaxRows) }),
        new("shuffle", (BatchSpec s, ref JsonCursor c) => s with { Shuffle = c.Boolean() }),
        new("seed", (BatchSpec s, ref JsonCursor c) => s with { Seed = c.Integer() }),
    ];

    public static readonly JsonField<StopSpec>[] Stop =
    [
        new("gradientTolerance", (StopSpec s, ref JsonCursor c) => s with { GradientTolerance = c.Number() }),
        new("divergenceFactor", (StopSpec s, ref JsonCursor c) => s with { DivergenceFactor = c.Number() }),
    ];

    public static readonly JsonField<Scenario>[] Scenario =
    [
        new("name", (Scenario s, ref JsonCursor c) => s with { Name = c.String() }),
        new("description", (Scenario s, ref JsonCursor c) => s with { Description = c.String() }),
        new("objective", (Scenario s, ref JsonCursor c) => s with { Objective = c.OptionalObject(Objective, new ObjectiveSpec()) }),
        new("start", (Scenario s, ref JsonCursor c) => s with { Start = c.Numbers("a list of numbers, weights first, bias last: [0.5, -2]") }),
        new("optimizer", (Scenario s, ref JsonCursor c) => s with { Optimizer = c.OptionalObject(Optimizer, new OptimizerSpec()) }),
        new("schedule", (Scenario s, ref JsonCursor c) => s with { Schedule = c.OptionalObject(Schedule, new ScheduleSpec()) }),
        new("batch", (Scenario s, ref JsonCursor c) => s with { Batch = c.OptionalObject(Batch, new BatchSpec()) }),
        new("update", (Scenario s, ref JsonCursor c) => s with { Update = c.String() }),
        new("freeze", (Scenario s, ref JsonCursor c) => s with { Freeze = c.Strings() }),
        new("steps", (Scenario s, ref JsonCursor c) => s with { Steps = c.Integer(ScenarioLimits.Default.MaxSteps) }),
        new("stop", (Scenario s, ref JsonCursor c) => s with { Stop = c.OptionalObject(Stop, new StopSpec()) }),
    ];
}

/// <summary>Reads one field's value into <paramref name="target"/>, returning the changed copy.</summary>
internal delegate T JsonFieldReader<T>(T target, ref JsonCursor cursor);

/// <summary>Reads the list element the cursor stands on.</summary>
internal delegate T JsonElementReader<T>(ref JsonCursor cursor);

/// <summary>A field of a JSON object: its name and how its value is read.</summary>
internal sealed record JsonField<T>(string Name, JsonFieldReader<T> Read);

/// <summary>
/// A <see cref="Utf8JsonReader"/> that knows the path of the field it is in and turns every problem into a
/// <see cref="ScenarioException"/> with the line, the column and that path.
/// </summary>
internal ref struct JsonCursor
{
    private readonly ReadOnlySpan<byte> _bytes;
    private Utf8JsonReader _reader;
    private string _path;

    public JsonCursor(ReadOnlySpan<byte> bytes, JsonReaderOptions options)
    {
        _bytes = bytes;
        _reader = new Utf8JsonReader(bytes, options);
        _path = "";
    }

    public readonly JsonTokenType Token => _reader.TokenType;

    public void Next()
    {
        if (!_reader.Read())
        {
            throw Fail(_bytes.Length, "the JSON ends before the scenario does: a value, a ] or a } is missing.");
        }
    }

    /// <summary>Requires the end of the text after the scenario.</summary>
    public void End()
    {
        if (_reader.Read())
        {
            _path = "";
            throw Fail(_reader.TokenStartIndex, "text after the scenario's closing }.");
        }
    }

    public T Object<T>(JsonField<T>[] fields, T value, string what)
    {
        var path = _path;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Next();
            if (_reader.TokenType == JsonTokenType.EndObject)
            {
                _path = path;
                return value;
            }

            var start = _reader.TokenStartIndex;
            var name = Text(start);
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            var field = Array.Find(fields, f => f.Name == name);
            if (field is null)
            {
                var suggestion = Array.Find(fields, f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Name;
                var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
                var where = path.Length == 0 ? what : $"'{path}'";
                throw new ScenarioException($"Unknown field '{CsvTable.Shorten(fieldPath)}'{At(start)}.{hint} The fields of {where} are: {string.Join(", ", fields.Select(f => f.Name))}.");
            }

            if (!seen.Add(name))
            {
                throw new ScenarioException($"The field '{fieldPath}' appears twice{At(start)}; give it once.");
            }

            _path = fieldPath;
            value = field.Read(value, ref this);
            _path = path;
        }
    }

    public T? OptionalObject<T>(JsonField<T>[] fields, T empty)
        where T : class => Begin(JsonTokenType.StartObject, "an object { … }") ? Object(fields, empty, "") : null;

    public string? String()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => Text(_reader.TokenStartIndex),
            _ => throw Expected("a string in double quotes"),
        };
    }

    public bool? Boolean()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Expected("true or false"),
        };
    }

    public double? Number()
    {
        Next();
        return _reader.TokenType == JsonTokenType.Null ? null : CurrentNumber();
    }

    public int? Integer(int maximum = int.MaxValue)
    {
        Next();
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return CurrentInteger(maximum);
    }

    private int CurrentInteger(int maximum)
    {
        var value = CurrentNumber();
        if (value != Math.Floor(value))
        {
            throw Fail(_reader.TokenStartIndex, $"{Raw()} is not a whole number.");
        }

        if (value > int.MaxValue)
        {
            throw Fail(_reader.TokenStartIndex, $"{Raw()} is too large (at most {ScenarioLimits.N(maximum)}).");
        }

        if (value < int.MinValue)
        {
            throw Fail(_reader.TokenStartIndex, $"{Raw()} is too small.");
        }

        return (int)value;
    }

    public IReadOnlyList<double>? Numbers(string expected) =>
        Begin(JsonTokenType.StartArray, expected) ? List(static (ref JsonCursor c) => c.CurrentNumber()) : null;

    public IReadOnlyList<int>? Integers(string expected) =>
        Begin(JsonTokenType.StartArray, expected) ? List(static (ref JsonCursor c) => c.CurrentInteger(int.MaxValue)) : null;

    public IReadOnlyList<IReadOnlyList<double>>? Rows() =>
        Begin(JsonTokenType.StartArray, "a list of rows, each a list of features: [[1.0], [2.0]]")
            ? List<IReadOnlyList<double>>(static (ref JsonCursor c) => c._reader.TokenType == JsonTokenType.StartArray
                ? c.List(static (ref JsonCursor n) => n.CurrentNumber())
                : throw c.Expected("a row: a list of numbers, one per feature: [1.0]"))
            : null;

    public IReadOnlyList<string>? Strings() =>
        Begin(JsonTokenType.StartArray, "a list of column names: [\"size\"]")
            ? List(static (ref JsonCursor c) => c._reader.TokenType == JsonTokenType.String
                ? c.Text(c._reader.TokenStartIndex)
                : throw c.Expected("a column name in double quotes"))
            : null;

    /// <summary>A reader error (malformed JSON) as a message with the line, the column and the field being read.</summary>
    public readonly ScenarioException SyntaxError(JsonException error)
    {
        var line = (int)(error.LineNumber ?? 0);
        var lineStart = 0;
        for (var i = 0; i < line && lineStart < _bytes.Length; i++)
        {
            var next = _bytes[lineStart..].IndexOf((byte)'\n');
            lineStart = next < 0 ? _bytes.Length : lineStart + next + 1;
        }

        var bytesIn = (int)Math.Min(error.BytePositionInLine ?? 0, _bytes.Length - lineStart);
        var column = Encoding.UTF8.GetCharCount(_bytes.Slice(lineStart, bytesIn)) + 1;
        var offset = lineStart + bytesIn;
        var where = _path.Length == 0 ? "" : $" (in {_path})";
        return new ScenarioException($"The scenario is not valid JSON at line {line + 1}, column {column}{where}: {Explain(error.Message, offset)}", error);
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "a list",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => "something else",
    };

    /// <summary>Reads the next value: false for null, true for <paramref name="token"/>, an error for anything else.</summary>
    private bool Begin(JsonTokenType token, string expected)
    {
        Next();
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        return _reader.TokenType == token ? true : throw Expected(expected);
    }

    /// <summary>The elements of a list whose [ was just read, up to its ], each read by <paramref name="read"/>.</summary>
    private List<T> List<T>(JsonElementReader<T> read)
    {
        var path = _path;
        var values = new List<T>();
        while (true)
        {
            _path = $"{path}[{values.Count}]";
            Next();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                _path = path;
                return values;
            }

            values.Add(read(ref this));
        }
    }

    /// <summary>The current string or name, unescaped.</summary>
    private readonly string Text(long start)
    {
        try
        {
            return _reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail(start, "the text holds an escape that is not a character (a lone \\uD800 surrogate half?).");
        }
    }

    private double CurrentNumber()
    {
        if (_reader.TokenType != JsonTokenType.Number)
        {
            throw Expected("a number");
        }

        if (_reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw Fail(_reader.TokenStartIndex, $"{Raw()} is too large for a number.");
    }

    private readonly string Raw()
    {
        var span = _reader.HasValueSequence ? _reader.ValueSequence.ToArray() : _reader.ValueSpan.ToArray();
        return CsvTable.Shorten(Encoding.UTF8.GetString(span));
    }

    private readonly ScenarioException Expected(string what)
    {
        var got = Describe(_reader.TokenType);
        return Fail(_reader.TokenStartIndex, $"expected {what}, not {got}.");
    }

    private readonly ScenarioException Fail(long offset, string message)
    {
        var field = _path.Length == 0 ? "the scenario" : _path;
        return new ScenarioException($"{field}{At(offset)}: {message}");
    }

    private readonly string At(long offset)
    {
        var (line, column) = Position(offset);
        return $" (line {line}, column {column})";
    }

    private readonly (int Line, int Column) Position(long offset)
    {
        var before = _bytes[..(int)Math.Min(offset, _bytes.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    private readonly string Explain(string readerMessage, int offset)
    {
        var rest = offset < _bytes.Length ? _bytes[offset..] : [];
        if (rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8) || rest.StartsWith("+"u8))
        {
            return "that is not a JSON number (JSON has no NaN, Infinity or leading +); write a finite number such as 0.01.";
        }

        var message = readerMessage;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        if (offset >= _bytes.Length - 1 && !message.Contains("single JSON value", StringComparison.Ordinal))
        {
            return "the JSON ends before the scenario does: a value, a ] or a } is missing.";
        }

        if (message.Contains("invalid start of a value", StringComparison.Ordinal) || message.Contains("invalid start of a property name", StringComparison.Ordinal))
        {
            return rest.Length > 0 && (rest[0] == (byte)'\'' || char.IsAsciiLetter((char)rest[0]))
                ? "expected a value: a number, a string in double quotes (not single quotes or bare words), true, false, null, a list [ … ] or an object { … }; field names need double quotes too."
                : "expected a value: a number, a string in double quotes, true, false, null, a list [ … ] or an object { … }.";
        }

        if (message.Contains("maximum allowed depth", StringComparison.Ordinal))
        {
            return "the JSON is nested too deeply (a scenario needs at most 4 levels).";
        }

        if (message.Contains("Expected a ':'", StringComparison.Ordinal) || message.Contains("value separator", StringComparison.Ordinal))
        {
            return "expected a colon between a field's name and its value: \"steps\": 100.";
        }

        if (message.Contains("Expected either ','", StringComparison.Ordinal) || message.Contains("after a value", StringComparison.Ordinal) || message.Contains("after a property", StringComparison.Ordinal))
        {
            return "expected a comma between two values, or the closing ] or }.";
        }

        if (message.Contains("end of string", StringComparison.Ordinal) || message.Contains("within a JSON string", StringComparison.Ordinal))
        {
            return "a string is not closed, or holds a raw line break or control character (write \\n).";
        }

        if (message.Contains("single JSON value", StringComparison.Ordinal))
        {
            return "text after the scenario's closing }.";
        }

        if (message.Contains("comment", StringComparison.OrdinalIgnoreCase))
        {
            return "a comment is not closed.";
        }

        // The reader's own words, which name no types; kept short.
        return CsvTable.Shorten(message.TrimEnd('.')) + ".";
    }
}
