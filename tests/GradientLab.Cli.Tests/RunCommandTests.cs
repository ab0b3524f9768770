using System.Globalization;
using System.Text.Json;

namespace GradientLab.Cli.Tests;

public sealed class RunCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var result = Gradlab.Run(args);
        result.ExitCode.ShouldBe(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    [Fact]
    public void Presets_ListsEveryPresetWithItsDescription()
    {
        var result = Gradlab.Run("presets");
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("housing-live-demo ");
        result.Output.ShouldContain("rosenbrock-adam ");
        result.Output.ShouldContain("lr-dilemma");
    }

    [Fact]
    public void Json_CarriesTheReferenceNumbers_OfTheCourseLab()
    {
        var json = Json("run", "course-lab", "--steps", "3", "--format", "json");
        json.GetProperty("parameterNames").EnumerateArray().Select(e => e.GetString()).ShouldBe(["w", "b"]);
        var points = json.GetProperty("points").EnumerateArray().ToArray();
        points.Length.ShouldBe(4);
        points[0].GetProperty("loss").GetDouble().ShouldBe(85000);
        Numbers(points[0].GetProperty("gradient")).ShouldBe([-650.0, -400.0]);
        points[0].GetProperty("learningRate").GetDouble().ShouldBe(0.01);
        Numbers(points[1].GetProperty("parameters")).ShouldBe([6.5, 4.0]);
        points[1].GetProperty("loss").GetDouble().ShouldBe(79274.8125);
        points[3].GetProperty("gradient").ValueKind.ShouldBe(JsonValueKind.Null);
        points[3].GetProperty("learningRate").ValueKind.ShouldBe(JsonValueKind.Null);
        var final = json.GetProperty("final");
        final.GetProperty("step").GetInt32().ShouldBe(3);
        final.GetProperty("stopReason").GetString().ShouldBe("max-steps");
        json.GetProperty("scenario").GetProperty("optimizer").GetProperty("kind").GetString().ShouldBe("gd");
        json.GetProperty("scenario").GetProperty("steps").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void Every_KeepsTheMultiplesAndTheLast()
    {
        var points = Json("run", "lr-diverging", "--format", "json", "--every", "10").GetProperty("points");
        points.EnumerateArray().Select(p => p.GetProperty("step").GetInt32()).ShouldBe([0, 10, 20, 30, 38]);
    }

    [Fact]
    public void Csv_HasOneRowPerStep_InRoundTripPrecision()
    {
        var result = Gradlab.Run("run", "housing-live-demo", "--steps", "5", "--format", "csv");
        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldBe("step,epoch,loss,learning_rate,grad_w,grad_b,w,b");
        lines.Length.ShouldBe(7);
        var json = Json("run", "housing-live-demo", "--steps", "5", "--format", "json");
        var third = json.GetProperty("points")[3];
        var cells = lines[4].Split(',');
        double.Parse(cells[2], CultureInfo.InvariantCulture).ShouldBe(third.GetProperty("loss").GetDouble());
        double.Parse(cells[6], CultureInfo.InvariantCulture).ShouldBe(third.GetProperty("parameters")[0].GetDouble());
        lines[^1].ShouldStartWith("5,5,");
        lines[^1].Split(',')[3].ShouldBeEmpty();
    }

    [Fact]
    public void Table_PrintsTheCourseStylePrintout_AndTheStopReason()
    {
        var result = Gradlab.Run("run", "alpha-too-large");
        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("∂J/∂w");
        // The sentence the web's status line says too (RunPresentation.StopSentence).
        result.Output.ShouldContain("Diverged at step 13: the cost rose from");
        result.Output.ShouldContain("try a smaller one");
    }

    [Fact]
    public void ADivergedRun_WritesNonFiniteNumbersAsStrings()
    {
        var json = Json("run", "lr-diverging", "--learning-rate", "1e200", "--format", "json");
        json.GetProperty("final").GetProperty("stopReason").GetString().ShouldBe("diverged");
        json.GetProperty("final").GetProperty("loss").GetString().ShouldBe("Infinity");
    }

    [Fact]
    public void Overrides_ChangeTheScenario()
    {
        var scenario = Json("run", "course-lab", "--steps", "2", "--format", "json", "--alpha", "0.02", "--start", "1,2", "--momentum", "0.9").GetProperty("scenario");
        scenario.GetProperty("optimizer").GetProperty("kind").GetString().ShouldBe("sgd");
        scenario.GetProperty("optimizer").GetProperty("momentum").GetDouble().ShouldBe(0.9);
        scenario.GetProperty("optimizer").GetProperty("learningRate").GetDouble().ShouldBe(0.02);
        Numbers(scenario.GetProperty("start")).ShouldBe([1.0, 2.0]);

        var adam = Json("run", "momentum", "--steps", "1", "--format", "json", "--optimizer", "adam").GetProperty("scenario").GetProperty("optimizer");
        adam.GetProperty("kind").GetString().ShouldBe("adam");
        adam.GetProperty("learningRate").GetDouble().ShouldBe(0.05);
    }

    [Fact]
    public void BatchSizeAndSeed_GiveTheSameRunTwice()
    {
        var a = Gradlab.Run("run", "minibatch-line", "--batch-size", "2", "--seed", "5", "--steps", "20", "--format", "csv").Output;
        var b = Gradlab.Run("run", "minibatch-line", "--batch-size", "2", "--seed", "5", "--steps", "20", "--format", "csv").Output;
        var c = Gradlab.Run("run", "minibatch-line", "--batch-size", "2", "--seed", "6", "--steps", "20", "--format", "csv").Output;
        a.ShouldBe(b);
        a.ShouldNotBe(c);
    }

    [Fact]
    public void Out_WritesTheFile_AndSaysWhere()
    {
        using var folder = new TempFolder();
        var path = System.IO.Path.Combine(folder.Path, "run.json");
        var result = Gradlab.Run("run", "lr-good", "--format", "json", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Wrote 21 points of 'lr-good'");
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("points").GetArrayLength().ShouldBe(21);
    }

    [Fact]
    public void AScenarioFile_WithACsvBesideIt_Runs()
    {
        using var folder = new TempFolder();
        folder.Write("houses.csv", "size,price\n1,300\n2,500\n");
        var scenario = folder.Write("houses.json", """
            { "objective": { "kind": "linear-regression", "data": { "csv": "houses.csv", "features": ["size"], "target": "price" } },
              "optimizer": { "kind": "gd", "learningRate": 0.01 }, "steps": 1 }
            """);
        var json = Json("run", scenario, "--format", "json");
        Numbers(json.GetProperty("final").GetProperty("parameters")).ShouldBe([6.5, 4.0]);
        json.GetProperty("scenario").GetProperty("name").GetString().ShouldBe("houses");
    }
}
