using System.Globalization;
using System.Text;
using System.Text.Json;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;

namespace GradientLab.Scenarios;

/// <summary>Writes a finished run as a table (the course's printout), CSV or JSON: the command line's formats, which the web lab's downloads share.</summary>
public static class TrajectoryWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The points reported with <c>--every N</c>: every step that is a multiple of N, and the last.</summary>
    public static IReadOnlyList<StepRecord> Reported(DescentRun run, int every) =>
        [.. run.Trajectory.Where(p => p.Step % every == 0 || p.Step == run.Current.Step)];

    /// <summary>Most parameters whose gradient and value get a column each in the table; a larger model (a network) shows the gradient's length instead.</summary>
    public const int MaxTableParameters = 6;

    /// <summary>
    /// The course's printout: aligned columns of every reported step, then the final point and why the run stopped. A
    /// classifier adds its training accuracy (a column and a sentence); a model of more than
    /// <see cref="MaxTableParameters"/> parameters shows ‖∇J‖ in place of a column per parameter (CSV and JSON keep them all).
    /// </summary>
    public static void WriteTable(TextWriter output, ResolvedScenario scenario, DescentRun run, int every)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(run);
        if (scenario.ParameterNames.Count > MaxTableParameters || scenario.Classifier is not null)
        {
            WriteSummaryTable(output, scenario, run, every);
            return;
        }

        var names = scenario.ParameterNames;
        var header = new StringBuilder($"{"step",8}  {"cost",12}");
        foreach (var name in names)
        {
            header.Append(CultureInfo.InvariantCulture, $"  {"∂J/∂" + name,12}");
        }

        foreach (var name in names)
        {
            header.Append(CultureInfo.InvariantCulture, $"  {name,12}");
        }

        output.WriteLine(header);
        foreach (var point in Reported(run, every))
        {
            var line = new StringBuilder(string.Create(Invariant, $"{point.Step,8}  {Scientific(point.Loss),12}"));
            for (var i = 0; i < names.Count; i++)
            {
                line.Append(CultureInfo.InvariantCulture, $"  {(point.Gradient is null ? "" : Scientific(point.Gradient[i])),12}");
            }

            foreach (var value in point.Parameters)
            {
                line.Append(CultureInfo.InvariantCulture, $"  {Scientific(value),12}");
            }

            output.WriteLine(line);
        }

        output.WriteLine();
        var final = run.Current;
        output.WriteLine(string.Create(Invariant, $"Final after {final.Step} steps: {Assignments(names, final.Parameters)}, cost J = {RunPresentation.Number(final.Loss)}"));
        if (scenario.Scaling is { } scaling && double.IsFinite(final.Loss))
        {
            output.WriteLine($"In the original feature units: {Assignments(names, scaling.ToOriginalUnits([.. final.Parameters]))}");
        }

        output.WriteLine(RunPresentation.StopSentence(run));
    }

    /// <summary>The table of a classifier or a large model: step, cost, accuracy (for a classifier), ‖∇J‖ and, when they fit, the parameters.</summary>
    private static void WriteSummaryTable(TextWriter output, ResolvedScenario scenario, DescentRun run, int every)
    {
        var names = scenario.ParameterNames;
        var wide = names.Count > MaxTableParameters;
        var classifier = scenario.Classifier is not null;
        var header = new StringBuilder($"{"step",8}  {"cost",12}");
        if (classifier)
        {
            header.Append($"  {"accuracy",9}");
        }

        header.Append($"  {"‖∇J‖",12}");
        foreach (var name in wide ? [] : names)
        {
            header.Append(CultureInfo.InvariantCulture, $"  {name,12}");
        }

        output.WriteLine(header);
        foreach (var point in Reported(run, every))
        {
            var line = new StringBuilder(string.Create(Invariant, $"{point.Step,8}  {Scientific(point.Loss),12}"));
            if (classifier)
            {
                var accuracy = point.Parameters.All(double.IsFinite) ? RunPresentation.Percent(scenario.Accuracy(point.Parameters)) : "";
                line.Append(CultureInfo.InvariantCulture, $"  {accuracy,9}");
            }

            line.Append(CultureInfo.InvariantCulture, $"  {(point.Gradient is null ? "" : Scientific(point.GradientNorm)),12}");
            foreach (var value in wide ? [] : point.Parameters)
            {
                line.Append(CultureInfo.InvariantCulture, $"  {Scientific(value),12}");
            }

            output.WriteLine(line);
        }

        output.WriteLine();
        var final = run.Current;
        output.WriteLine(string.Create(Invariant, $"Final after {final.Step} steps: cost J = {RunPresentation.Number(final.Loss)}"));
        if (scenario.Classifier is NeuralNetwork network)
        {
            output.WriteLine($"The network {network.Shape}: {names.Count} parameters, layer by layer, each layer's weights w{{layer}}_{{unit}}_{{input}} then its biases b{{layer}}_{{unit}}:");
        }

        output.WriteLine($"  {Assignments(names, final.Parameters)}");
        if (wide)
        {
            output.WriteLine("(Every step's parameters and gradient: --format csv or json.)");
        }

        if (RunPresentation.AccuracySentence(scenario, final.Parameters) is { } accuracySentence)
        {
            output.WriteLine(accuracySentence);
        }

        output.WriteLine(RunPresentation.StopSentence(run));
    }

    /// <summary>One CSV row per reported step: step, epoch, loss, learning_rate, grad_* and the parameters, numbers round-trip exact.</summary>
    public static void WriteCsv(TextWriter output, ResolvedScenario scenario, DescentRun run, int every)
    {
        var names = scenario.ParameterNames;
        output.WriteLine(string.Join(",", ["step", "epoch", "loss", "learning_rate", .. names.Select(n => "grad_" + n), .. names]));
        foreach (var point in Reported(run, every))
        {
            var cells = new List<string>
            {
                point.Step.ToString(Invariant),
                point.Epoch.ToString(Invariant),
                Number(point.Loss),
                point.LearningRate is { } rate ? Number(rate) : "",
            };
            cells.AddRange(names.Select((_, i) => point.Gradient is null ? "" : Number(point.Gradient[i])));
            cells.AddRange(point.Parameters.Select(Number));
            output.WriteLine(string.Join(",", cells));
        }
    }

    /// <summary>Several runs as one CSV: scenario, step, loss, then one column per parameter name (blank where a run has no such parameter).</summary>
    public static void WriteComparisonCsv(TextWriter output, IReadOnlyList<(ResolvedScenario Scenario, DescentRun Run)> runs, int every)
    {
        var names = runs.SelectMany(r => r.Scenario.ParameterNames).Distinct(StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join(",", ["scenario", "step", "loss", .. names]));
        foreach (var (scenario, run) in runs)
        {
            var own = scenario.ParameterNames.ToList();
            foreach (var point in Reported(run, every))
            {
                var cells = new List<string> { Csv(scenario.Scenario.Name ?? ""), point.Step.ToString(Invariant), Number(point.Loss) };
                cells.AddRange(names.Select(name => own.IndexOf(name) is var i and >= 0 ? Number(point.Parameters[i]) : ""));
                output.WriteLine(string.Join(",", cells));
            }
        }
    }

    /// <summary>Several runs as a JSON array of <c>run</c> documents.</summary>
    public static void WriteJsonArray(Stream output, IReadOnlyList<(ResolvedScenario Scenario, DescentRun Run)> runs, int every)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ScenarioJson.Options.Encoder });
        json.WriteStartArray();
        foreach (var (scenario, run) in runs)
        {
            WriteRunDocument(json, scenario, run, every);
        }

        json.WriteEndArray();
    }

    /// <summary>One <c>run</c> document: the resolved scenario, the parameter names, the reported points and the final point.</summary>
    public static void WriteJson(Stream output, ResolvedScenario scenario, DescentRun run, int every)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = ScenarioJson.Options.Encoder });
        WriteRunDocument(json, scenario, run, every);
    }

    private static void WriteRunDocument(Utf8JsonWriter json, ResolvedScenario scenario, DescentRun run, int every)
    {
        json.WriteStartObject();
        json.WritePropertyName("scenario");
        JsonSerializer.Serialize(json, scenario.Scenario, ScenarioJson.Options);
        json.WriteStartArray("parameterNames");
        foreach (var name in scenario.ParameterNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("points");
        foreach (var point in Reported(run, every))
        {
            json.WriteStartObject();
            json.WriteNumber("step", point.Step);
            json.WriteNumber("epoch", point.Epoch);
            WriteArray(json, "parameters", point.Parameters);
            WriteNumber(json, "loss", point.Loss);
            WriteArray(json, "gradient", point.Gradient);
            if (point.LearningRate is { } rate)
            {
                WriteNumber(json, "learningRate", rate);
            }
            else
            {
                json.WriteNull("learningRate");
            }

            json.WriteEndObject();
            if (json.BytesPending > 1 << 16)
            {
                json.Flush(); // a long run's document goes out as it is written, not held whole
            }
        }

        json.WriteEndArray();
        var final = run.Current;
        json.WriteStartObject("final");
        json.WriteNumber("step", final.Step);
        WriteArray(json, "parameters", final.Parameters);
        WriteNumber(json, "loss", final.Loss);
        json.WriteString("stopReason", RunPresentation.StopReasonName(run.StopReason!.Value));
        if (scenario.Classifier is not null && final.Parameters.All(double.IsFinite))
        {
            json.WriteNumber("accuracy", scenario.Accuracy(final.Parameters));
        }

        if (scenario.Scaling is { } scaling && double.IsFinite(final.Loss))
        {
            WriteArray(json, "parametersInOriginalUnits", scaling.ToOriginalUnits([.. final.Parameters]));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Csv(string text) =>
        text.IndexOfAny([',', '"', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Assignments(IReadOnlyList<string> names, IReadOnlyList<double> values) =>
        string.Join(", ", names.Select((name, i) => $"{name} = {RunPresentation.Number(values[i])}"));

    /// <summary>Scientific with four decimals, for aligned columns.</summary>
    private static string Scientific(double value) => double.IsFinite(value) ? value.ToString("0.0000e+00", Invariant) : Number(value);

    /// <summary>Round-trip precision: parsing the text gives the same double back.</summary>
    private static string Number(double value) => value.ToString("R", Invariant);

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        // JSON has no NaN or infinity: a diverged run writes them as the strings "NaN", "Infinity", "-Infinity".
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteString(name, Number(value));
        }
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<double>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteStringValue(Number(value));
            }
        }

        json.WriteEndArray();
    }
}
