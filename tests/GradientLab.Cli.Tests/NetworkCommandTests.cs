using System.Globalization;
using System.Text.Json;
using GradientLab.Core.Objectives;
using GradientLab.Scenarios;

namespace GradientLab.Cli.Tests;

/// <summary>The classifier presets (<c>gradlab run xor-network</c>) through every command that takes a scenario.</summary>
public sealed class NetworkCommandTests
{
    private static readonly IReadOnlyList<string> XorNames = new NetworkShape([4], Activation.Tanh).ParameterNames;

    [Fact]
    public void Run_PrintsStepCostAccuracy_AndTheFinalAccuracy()
    {
        var result = Gradlab.Run("run", "xor-network");
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["step", "cost", "accuracy", "‖∇J‖"]);
        lines[1].ShouldStartWith("0");
        lines.ShouldContain(l => l.StartsWith("300", StringComparison.Ordinal) && l.Contains("100 %", StringComparison.Ordinal));
        result.Output.ShouldContain("The network 2-4-1 tanh: 17 parameters");
        result.Output.ShouldContain("b2_1 = ");
        result.Output.ShouldContain("Training accuracy: 100 % (200 of 200 points classified right).");
        result.Output.ShouldContain("Stopped after the budget of 300 steps");
    }

    [Fact]
    public void Run_OfLogisticRegression_ShowsItsThreeParameters_AndChanceAccuracy()
    {
        var result = Gradlab.Run("run", "xor-logistic", "--every", "100");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["step", "cost", "accuracy", "‖∇J‖", "w1", "w2", "b"]);
        result.Output.ShouldContain("Training accuracy: 52 % (104 of 200 points classified right).");
    }

    [Fact]
    public void Csv_HasAColumnForEveryParameterAndItsGradient_AtEveryNthStep()
    {
        var result = Gradlab.Run("run", "xor-network", "--format", "csv", "--every", "100");
        result.ExitCode.ShouldBe(0, result.Error);
        var rows = result.Output.TrimEnd().Split('\n');
        rows[0].Split(',').ShouldBe(["step", "epoch", "loss", "learning_rate", .. XorNames.Select(n => "grad_" + n), .. XorNames]);
        rows.Length.ShouldBe(5); // the header, steps 0, 100, 200 and 300
        rows.Skip(1).Select(r => r.Split(',')[0]).ShouldBe(["0", "100", "200", "300"]);
        rows.Skip(1).ShouldAllBe(r => r.Split(',').Length == 4 + 34);

        // The exported start is the network's own seeded start, exact.
        var start = rows[1].Split(',').Skip(4 + 17).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        start.ShouldBe(new NetworkShape([4], Activation.Tanh).Initialize(0));
    }

    [Fact]
    public void Json_HasTheShapeTheNamesAndTheFinalAccuracy_AndItsScenarioRunsAgain()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "xor.json");
        var result = Gradlab.Run("run", "xor-network", "--format", "json", "--every", "150", "--out", file);
        result.ExitCode.ShouldBe(0, result.Error);
        var json = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        json.GetProperty("parameterNames").EnumerateArray().Select(e => e.GetString()).ShouldBe(XorNames);
        json.GetProperty("points").GetArrayLength().ShouldBe(3);
        json.GetProperty("points")[0].GetProperty("parameters").GetArrayLength().ShouldBe(17);
        json.GetProperty("final").GetProperty("accuracy").GetDouble().ShouldBe(1);
        var objective = json.GetProperty("scenario").GetProperty("objective");
        objective.GetProperty("kind").GetString().ShouldBe("neural-network");
        objective.GetProperty("hidden").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([4]);
        objective.GetProperty("data").GetProperty("points").GetString().ShouldBe("xor");

        // The scenario written with the run runs again to the same end.
        var scenario = folder.Write("again.json", json.GetProperty("scenario").GetRawText());
        var again = JsonDocument.Parse(Gradlab.Run("run", scenario, "--format", "json", "--every", "300").Output).RootElement;
        again.GetProperty("final").GetProperty("loss").GetDouble().ShouldBe(json.GetProperty("final").GetProperty("loss").GetDouble());
    }

    [Fact]
    public void AStartOfTheWrongLength_NamesTheCount()
    {
        var result = Gradlab.Fails("run", "xor-network", "--start", "0.5,-2");
        result.Error.ShouldStartWith("gradlab: start: 2 values given, but the network 2-4-1 tanh has 17 parameters");
    }

    [Fact]
    public void Presets_ListsTheClassifiers_AndTheirComparison()
    {
        var output = Gradlab.Run("presets").Output;
        foreach (var name in new[] { "xor-network", "xor-logistic", "blobs-logistic", "circles-network", "moons-network", "spirals-network" })
        {
            output.ShouldContain($"\n{name} ");
        }

        output.ShouldContain("xor-line-vs-network");
    }

    [Fact]
    public void Compare_WritesTheLineAndTheNetwork_WithTheirOwnColumns()
    {
        var result = Gradlab.Run("compare", "xor-line-vs-network", "--every", "300");
        result.ExitCode.ShouldBe(0, result.Error);
        var rows = result.Output.TrimEnd().Split('\n');
        rows[0].Split(',').ShouldBe(["scenario", "step", "loss", "w1", "w2", "b", .. XorNames]);
        rows.Length.ShouldBe(5);
    }

    [Theory]
    [InlineData("xor-network")]
    [InlineData("blobs-logistic")]
    public void Diagnose_GivesAVerdict_AndTheAccuracy_WithoutPrintingAWideHessian(string preset)
    {
        var result = Gradlab.Run("diagnose", preset);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        result.Output.ShouldContain("Verdict: ");
        result.Output.ShouldContain("Training accuracy: 100 %");
        if (preset == "xor-network")
        {
            result.Output.ShouldContain("(the 17 × 17 Hessian is too wide to print here; --format json writes it whole)");
        }

        var json = JsonDocument.Parse(Gradlab.Run("diagnose", preset, "--format", "json").Output).RootElement;
        var n = Presets.Get(preset).Scenario.Objective!.Kind == "neural-network" ? 17 : 3;
        json.GetProperty("hessian").GetArrayLength().ShouldBe(n * n);
    }

    [Fact]
    public void Plot_DrawsTheLoss_AndRefusesTheFiguresOfTwoParameterRuns_WithASentence()
    {
        using var folder = new TempFolder();
        var svg = Path.Combine(folder.Path, "loss.svg");
        var plotted = Gradlab.Run("plot", "xor-network", "--out", svg);
        plotted.ExitCode.ShouldBe(0, plotted.Error);
        plotted.Output.ShouldContain("Wrote the loss figure of 'xor-network' at step 300");
        File.ReadAllText(svg).ShouldStartWith("<svg");

        Gradlab.Fails("plot", "xor-network", "--figure", "data", "--out", svg).Error
            .ShouldBe("gradlab: --figure data draws a line through regression data; 'xor-network' classifies points (neural-network), whose decision boundary the web lab's /network page draws. Try --figure loss.\n".ReplaceLineEndings());
        Gradlab.Fails("plot", "xor-network", "--figure", "contour", "--out", svg).Error
            .ShouldStartWith("gradlab: --figure contour needs exactly two parameters; this scenario has 17 (w1_1_1, w1_1_2,");
        Gradlab.Fails("plot", "blobs-logistic", "--figure", "surface", "--out", svg).Error
            .ShouldStartWith("gradlab: --figure contour needs exactly two parameters; this scenario has 3 (w1, w2, b).");
    }

    [Fact]
    public void Animate_ShowsTheLoss_ByDefault_AndRefusesTheDataView()
    {
        using var folder = new TempFolder();
        var svg = Path.Combine(folder.Path, "run.svg");
        var animated = Gradlab.Run("animate", "xor-network", "--out", svg);
        animated.ExitCode.ShouldBe(0, animated.Error);
        animated.Output.ShouldContain("(steps 0 to 300, loss,");
        Gradlab.Fails("animate", "moons-network", "--figure", "data", "--out", svg).Error.ShouldContain("/network page");
    }

    [Theory]
    [InlineData("run", "--format", "json")]
    [InlineData("run", "--format", "csv")]
    [InlineData("diagnose", "--format", "json")]
    [InlineData("plot", "--figure", "loss")]
    [InlineData("animate", "--figure", "all")]
    public void EveryCommand_RunsEveryClassifierPreset_WithoutAnUnexpectedError(string command, string option, string value)
    {
        using var folder = new TempFolder();
        foreach (var preset in Presets.All.Where(p => p.IsClassifier))
        {
            var args = new List<string> { command, preset.Name, option, value, "--steps", "20" };
            if (command is "plot" or "animate")
            {
                args.AddRange(["--out", Path.Combine(folder.Path, $"{preset.Name}.svg")]);
            }

            var result = Gradlab.Run([.. args]);
            result.ExitCode.ShouldBe(0, $"{preset.Name}: {result.Error}");
        }
    }
}
