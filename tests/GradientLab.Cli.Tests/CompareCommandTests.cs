using System.Globalization;
using System.Text.Json;

namespace GradientLab.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public void TheLearningRateDilemma_AsCsv_HasTheReferenceIterates()
    {
        var result = Gradlab.Run("compare", "lr-dilemma", "--every", "1");
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("scenario,step,loss,θ");
        double Theta(string scenario, int step) => double.Parse(lines.Single(l => l.StartsWith($"{scenario},{step},", StringComparison.Ordinal)).Split(',')[3], CultureInfo.InvariantCulture);
        Theta("lr-good", 1).ShouldBe(3.2, 1e-12);
        Theta("lr-good", 3).ShouldBe(2.048, 1e-12);
        Theta("lr-diverging", 2).ShouldBe(5.76, 1e-12);
        Theta("lr-too-small", 20).ShouldBe(4 * Math.Pow(0.98, 20), 1e-12);
        lines.Count(l => l.StartsWith("lr-diverging,", StringComparison.Ordinal)).ShouldBe(39);
    }

    [Fact]
    public void Json_IsAnArrayOfRunDocuments()
    {
        var result = Gradlab.Run("compare", "momentum-vs-vanilla", "--format", "json");
        result.ExitCode.ShouldBe(0, result.Error);
        var runs = JsonDocument.Parse(result.Output).RootElement;
        runs.GetArrayLength().ShouldBe(2);
        runs[1].GetProperty("scenario").GetProperty("name").GetString().ShouldBe("momentum");
        runs[1].GetProperty("points")[1].GetProperty("parameters")[0].GetDouble().ShouldBe(3.6, 1e-12);
        runs[0].GetProperty("points")[15].GetProperty("parameters")[0].GetDouble().ShouldBe(4 * Math.Pow(0.9, 15), 1e-12);
    }

    [Fact]
    public void DifferentParameterNames_GetTheirOwnColumns()
    {
        var result = Gradlab.Run("compare", "lr-good", "rosenbrock-adam", "--steps", "1");
        result.Output.ShouldStartWith("scenario,step,loss,θ,x,y");
        result.Output.ShouldContain("lr-good,1,10.240000000000002,3.2,,");
    }

    [Fact]
    public void Out_WritesTheFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "race.csv");
        var result = Gradlab.Run("compare", "race-rosenbrock", "--steps", "10", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Wrote 3 runs");
        File.ReadAllLines(path).Length.ShouldBe(1 + (3 * 11));
    }

    [Fact]
    public void AnUnknownName_IsAnError() =>
        Gradlab.Fails("compare", "lr-good", "no-such-thing").Error.ShouldContain("No preset or scenario file named 'no-such-thing'");

    [Fact]
    public void NoScenario_IsAParseError() => Gradlab.Fails("compare").Error.ShouldContain("gradlab --help");
}
