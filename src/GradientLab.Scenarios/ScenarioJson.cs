using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GradientLab.Scenarios;

/// <summary>Reads and writes scenarios as JSON. Unknown fields are errors that name the field and list the known ones.</summary>
public static class ScenarioJson
{
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
    /// <exception cref="ScenarioException">Malformed JSON, an unknown field, or a value of the wrong type; the message gives the field's path.</exception>
    public static Scenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new ScenarioException($"The scenario is not valid JSON: {error.Message}", error);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioException($"A scenario is a JSON object ({{ \"objective\": …, \"optimizer\": … }}), not {Describe(document.RootElement.ValueKind)}.");
            }

            CheckFields(document.RootElement, typeof(Scenario), "");
            try
            {
                return document.RootElement.Deserialize<Scenario>(Options)!;
            }
            catch (JsonException error)
            {
                var path = error.Path is { Length: > 2 } p ? p[2..] : "the scenario";
                throw new ScenarioException($"{path}: {Expected(error)}", error);
            }
        }
    }

    /// <summary>The scenario as indented JSON, without the fields left out.</summary>
    public static string Write(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    /// <summary>The camelCase names of a record's fields, as the JSON spells them.</summary>
    internal static IReadOnlyList<string> FieldNames(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))];

    private static void CheckFields(JsonElement element, Type type, string path)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), StringComparer.Ordinal);
        foreach (var field in element.EnumerateObject())
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            if (!properties.TryGetValue(field.Name, out var property))
            {
                var suggestion = properties.Keys.FirstOrDefault(k => string.Equals(k, field.Name, StringComparison.OrdinalIgnoreCase));
                var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
                var where = path.Length == 0 ? "a scenario" : $"'{path}'";
                throw new ScenarioException($"Unknown field '{fieldPath}'.{hint} The fields of {where} are: {string.Join(", ", properties.Keys)}.");
            }

            if (property.PropertyType.Namespace == typeof(Scenario).Namespace && field.Value.ValueKind == JsonValueKind.Object)
            {
                CheckFields(field.Value, property.PropertyType, fieldPath);
            }
        }
    }

    private static string Expected(JsonException error)
    {
        var message = error.Message;
        foreach (var (clr, word) in new[] { ("System.Double", "a number"), ("System.Int32", "a whole number"), ("System.Boolean", "true or false"), ("System.String", "a string"), ("IReadOnlyList", "a list") })
        {
            if (message.Contains(clr, StringComparison.Ordinal))
            {
                return $"expected {word}.";
            }
        }

        foreach (var (clr, word) in new[] { ("ObjectiveSpec", "an object"), ("DataSpec", "an object"), ("OptimizerSpec", "an object"), ("ScheduleSpec", "an object"), ("BatchSpec", "an object"), ("StopSpec", "an object") })
        {
            if (message.Contains(clr, StringComparison.Ordinal))
            {
                return $"expected {word}.";
            }
        }

        return message;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
