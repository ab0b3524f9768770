using System.Globalization;
using System.Text.Json;
using GradientLab.Core.Descent;
using GradientLab.Scenarios;

namespace GradientLab.Cli;

/// <summary>Writes a diagnosis as sentences or as JSON.</summary>
internal static class DiagnosisWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteText(TextWriter output, ResolvedScenario scenario, DescentRun run, DiagnosisReport report)
    {
        var c = report.Curvature;
        var names = scenario.ParameterNames;
        output.WriteLine($"Scenario: {scenario.Scenario.Name} ({RunPresentation.StopReasonName(run.StopReason!.Value)} at step {run.Current.Step}, J = {G(run.Current.Loss)})");
        output.WriteLine();
        if (!c.IsDefined)
        {
            output.WriteLine($"Curvature, parameters {string.Join(", ", names)}: undefined here (the numbers at this point are not finite).");
        }
        else
        {
            output.WriteLine(c.Local ? $"Curvature at the final point (local: the objective is not quadratic), parameters {string.Join(", ", names)}:" : $"Curvature (the Hessian is the same everywhere), parameters {string.Join(", ", names)}:");
            var n = names.Count;
            if (n > TrajectoryWriter.MaxTableParameters)
            {
                output.WriteLine($"  (the {n} × {n} Hessian is too wide to print here; --format json writes it whole)");
            }
            else
            {
                for (var r = 0; r < n; r++)
                {
                    output.WriteLine("  [" + string.Join("  ", Enumerable.Range(0, n).Select(col => G(c.Hessian[(r * n) + col]).PadLeft(12))) + " ]");
                }
            }

            output.WriteLine($"  eigenvalues:              {string.Join(", ", c.Eigenvalues.Select(G))}");
            output.WriteLine($"  condition number κ:       {G(c.ConditionNumber)}");
            output.WriteLine($"  largest stable α (2/λmax): {G(c.MaxStableLearningRate)}");
            output.WriteLine($"  best constant α (2/(λmin+λmax)): {G(c.BestLearningRate)}, error ×{Factor(c.BestContraction)} per step");
            output.WriteLine($"  at this run's α = {G(scenario.Settings.Schedule.Initial)}: error ×{Factor(c.Contraction(scenario.Settings.Schedule.Initial))} per step");
        }

        if (report.Scaling is { } scaling)
        {
            output.WriteLine();
            output.WriteLine($"Feature scaling (z-score){(scaling.IsScaled ? ", which this run uses" : "")}:");
            output.WriteLine($"  condition number: {G(scaling.ConditionUnscaled)} unscaled, {G(scaling.ConditionScaled)} scaled");
            output.WriteLine($"  steps at the best rate to cut the error a million-fold: {G(scaling.StepsUnscaled)} unscaled, {G(scaling.StepsScaled)} scaled");
        }

        if (RunPresentation.AccuracySentence(scenario, run.Current.Parameters) is { } accuracy)
        {
            output.WriteLine();
            output.WriteLine(accuracy);
        }

        output.WriteLine();
        var d = report.Diagnosis;
        output.WriteLine($"Verdict: {RunPresentation.VerdictWord(d.Verdict)}");
        output.WriteLine($"Evidence: {d.Evidence}");
        output.WriteLine($"Advice: {(d.Advice.Length == 0 ? "none needed." : d.Advice)}");
    }

    public static void WriteJson(Stream stream, ResolvedScenario scenario, DescentRun run, DiagnosisReport report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = ScenarioJson.Options.Encoder });
        var c = report.Curvature;
        var d = report.Diagnosis;
        json.WriteStartObject();
        json.WriteString("scenario", scenario.Scenario.Name);
        json.WriteStartArray("parameterNames");
        foreach (var name in scenario.ParameterNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        Numbers(json, "hessian", c.Hessian);
        Numbers(json, "hessianEigenvalues", c.Eigenvalues);
        Number(json, "conditionNumber", c.ConditionNumber);
        Number(json, "maxStableLearningRate", c.MaxStableLearningRate);
        Number(json, "bestLearningRate", c.BestLearningRate);
        Number(json, "predictedContraction", c.Contraction(scenario.Settings.Schedule.Initial));
        json.WriteBoolean("local", c.Local);
        json.WriteBoolean("curvatureDefined", c.IsDefined);
        json.WriteString("verdict", RunPresentation.VerdictWord(d.Verdict));
        json.WriteString("evidence", d.Evidence);
        json.WriteString("advice", d.Advice);
        if (d.SuggestedLearningRate is { } rate)
        {
            Number(json, "suggestedLearningRate", rate);
        }
        else
        {
            json.WriteNull("suggestedLearningRate");
        }

        json.WriteBoolean("suggestScaling", d.SuggestScaling);
        if (report.Scaling is { } scaling)
        {
            json.WriteStartObject("featureScaling");
            Number(json, "conditionNumberUnscaled", scaling.ConditionUnscaled);
            Number(json, "conditionNumberScaled", scaling.ConditionScaled);
            Number(json, "stepsUnscaled", scaling.StepsUnscaled);
            Number(json, "stepsScaled", scaling.StepsScaled);
            json.WriteBoolean("scaled", scaling.IsScaled);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("featureScaling");
        }

        json.WriteString("stopReason", RunPresentation.StopReasonName(run.StopReason!.Value));
        json.WriteNumber("steps", run.Current.Step);
        json.WriteEndObject();
    }

    private static string Factor(double value) => value is > 0.999 and < 1 ? $"(1 − {G(1 - value)})" : G(value);

    private static string G(double value) => double.IsNaN(value) ? "undefined here" : RunPresentation.Number(value);

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteString(name, value.ToString("R", Invariant));
        }
    }

    private static void Numbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            if (double.IsFinite(value))
            {
                json.WriteNumberValue(value);
            }
            else
            {
                json.WriteStringValue(value.ToString("R", Invariant));
            }
        }

        json.WriteEndArray();
    }
}
