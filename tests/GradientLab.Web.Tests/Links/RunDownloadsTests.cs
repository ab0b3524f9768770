using GradientLab.Lessons.Runs;
using System.Globalization;
using System.Text.Json;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

public sealed class RunDownloadsTests
{
    private static LiveSession Session(Scenario scenario) => new(scenario);

    [Fact]
    public void TheTrajectoryCsv_HasEveryStep_InTheCommandLinesColumns()
    {
        var session = Session(Presets.Get("course-lab").Scenario with { Steps = 30 });
        var file = RunDownloads.TrajectoryCsv(session);
        file.Name.ShouldBe("course-lab-trajectory.csv");
        file.Type.ShouldBe("text/csv");
        var lines = file.Text.TrimEnd('\n').Split('\n');
        lines[0].ShouldBe("step,epoch,loss,learning_rate,grad_w,grad_b,w,b");
        lines.Length.ShouldBe(1 + session.Trajectory.Count);
        var second = lines[2].Split(',');
        double.Parse(second[^2], CultureInfo.InvariantCulture).ShouldBe(6.5);
        double.Parse(second[^1], CultureInfo.InvariantCulture).ShouldBe(4);
    }

    [Fact]
    public void TheTrajectoryJson_IsTheRunDocument()
    {
        var session = Session(Presets.Get("alpha-too-large").Scenario);
        var file = RunDownloads.TrajectoryJson(session);
        using var json = JsonDocument.Parse(file.Text);
        json.RootElement.GetProperty("parameterNames").EnumerateArray().Select(e => e.GetString()).ShouldBe(["w", "b"]);
        json.RootElement.GetProperty("points").GetArrayLength().ShouldBe(session.Trajectory.Count);
        json.RootElement.GetProperty("final").GetProperty("stopReason").GetString().ShouldBe("diverged");
        json.RootElement.GetProperty("points")[1].GetProperty("parameters")[0].GetDouble().ShouldBe(520);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheScenarioJson_ParsesAndRunsTheSameRun(bool uploaded)
    {
        var demo = Presets.Get("housing-live-demo").Scenario;
        var scenario = uploaded
            ? demo with { Name = "my data.csv", Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", Data = new DataSpec { X = [[1], [2], [3]], Y = [2, 4.1, 5.9] } }, Start = [0, 0], Steps = 300 }
            : demo with { Optimizer = LiveLinks.NewOptimizer("nesterov", 0.05), Batch = new BatchSpec { Kind = "mini", Size = 9, Seed = 42 } };
        var file = RunDownloads.Scenario(scenario);
        file.Name.ShouldBe(uploaded ? "my-data.scenario.json" : "housing-live-demo.scenario.json");

        var parsed = ScenarioJson.Parse(file.Text);
        var original = Session(scenario);
        var again = Session(parsed);
        again.Trajectory.Count.ShouldBe(original.Trajectory.Count);
        again.Trajectory[^1].Parameters.ShouldBe(original.Trajectory[^1].Parameters);
        ScenarioJson.Write(again.Resolved.Scenario).ShouldBe(ScenarioJson.Write(original.Resolved.Scenario));
    }

    [Theory]
    [InlineData("course-lab", "course-lab")]
    [InlineData("../etc/passwd", "passwd")]
    [InlineData("", "run")]
    [InlineData("a b?c.csv", "a-b-c")]
    public void FileNames_AreSafe(string name, string expected) =>
        RunDownloads.BaseName(new Scenario { Name = name }).ShouldBe(expected);
}
