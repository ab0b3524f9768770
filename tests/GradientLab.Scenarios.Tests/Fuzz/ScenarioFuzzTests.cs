using System.Text;
using FsCheck;
using FsCheck.Fluent;
using GradientLab.Core.Descent;
using GradientLab.Scenarios;
using GradientLab.Tests.Fuzzing;

namespace GradientLab.Scenarios.Tests.Fuzz;

/// <summary>
/// The scenario reader and the CSV reader on generated and mutated input: the only outcomes are a result or a
/// <see cref="ScenarioException"/> whose message a person can act on. Any other exception fails the property with the
/// input that caused it. The everyday suite tries 500 inputs; the Full category 10,000.
/// </summary>
public sealed class ScenarioFuzzTests
{
    private const int Everyday = 500;
    private const int Full = 10_000;

    [Fact]
    public void ScenarioJson_GivesAScenarioOrAFriendlyError() => Check(Inputs.ScenarioJson, ScenarioOutcome, Everyday);

    [Fact]
    [Trait("Category", "Full")]
    public void ScenarioJson_GivesAScenarioOrAFriendlyError_TenThousandInputs() => Check(Inputs.ScenarioJson, ScenarioOutcome, Full);

    [Fact]
    public void Csv_GivesATableOrAFriendlyError() => Check(Inputs.CsvText, CsvOutcome, Everyday);

    [Fact]
    [Trait("Category", "Full")]
    public void Csv_GivesATableOrAFriendlyError_TenThousandInputs() => Check(Inputs.CsvText, CsvOutcome, Full);

    private static void Check(Gen<string> inputs, Func<string, bool> outcome, int count) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true), Prop.ForAll(inputs.ToArbitrary(), outcome));

    /// <summary>Parses, resolves, runs up to 30 steps and diagnoses; only a friendly <see cref="ScenarioException"/> may stop it.</summary>
    private static bool ScenarioOutcome(string json)
    {
        try
        {
            var scenario = ScenarioJson.Parse(json);
            var resolved = ScenarioResolver.Resolve(scenario, _ => new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n3,4\n")));
            var run = new DescentRun(resolved.Settings with { MaxSteps = Math.Min(resolved.Settings.MaxSteps, 30) });
            run.RunToEnd();
            new ScenarioDiagnoser(resolved).Diagnose(run.Trajectory, run.StopReason);

            // What resolves writes back as JSON that resolves again.
            ScenarioResolver.Resolve(ScenarioJson.Parse(ScenarioJson.Write(resolved.Scenario)), _ => new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n3,4\n")));
            return true;
        }
        catch (ScenarioException error)
        {
            return Inputs.IsFriendly(error.Message) || Fail(json, error.Message);
        }
    }

    /// <summary>Parses from text and from a stream (the same outcome either way), then asks every column for its numbers.</summary>
    private static bool CsvOutcome(string text)
    {
        var limits = new CsvLimits(MaxColumns: 4);
        var fromText = Outcome(() => CsvTable.Parse(text, "f.csv", limits));
        var fromStream = Outcome(() => CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.csv", limits));
        return fromText == fromStream || Fail(text, $"text: {fromText}; stream: {fromStream}");

        static string Outcome(Func<CsvTable> parse)
        {
            try
            {
                var table = parse();
                var columns = table.Headers.Select(name =>
                {
                    try
                    {
                        var values = table.NumericColumn(name);
                        return values.Length == table.RowCount && values.All(double.IsFinite) ? "numbers" : "WRONG LENGTH";
                    }
                    catch (ScenarioException error)
                    {
                        return Inputs.IsFriendly(error.Message) && error.Message.Contains("f.csv", StringComparison.Ordinal) ? error.Message : "UNFRIENDLY " + error.Message;
                    }
                });
                return $"{table.RowCount} rows: {string.Join(" | ", columns)}";
            }
            catch (ScenarioException error)
            {
                return Inputs.IsFriendly(error.Message) ? error.Message : "UNFRIENDLY " + error.Message;
            }
        }
    }

    private static bool Fail(string input, string message) =>
        throw new Xunit.Sdk.XunitException($"Input {System.Text.Json.JsonSerializer.Serialize(input)} gave: {message}");
}
