using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class ScenarioJsonTests
{
    private const string IssueExample = """
        { "name": "example",
          "objective": { "kind": "linear-regression", "loss": "half-mse", "scaleFeatures": false,
                         "data": { "x": [[1.0],[2.0]], "y": [300, 500] } },
          "start": [0, 0],
          "optimizer": { "kind": "sgd", "learningRate": 0.01, "momentum": 0.9 },
          "schedule": { "kind": "cosine", "period": 100 },
          "batch": { "kind": "mini", "size": 1, "shuffle": true, "seed": 42 },
          "update": "simultaneous",
          "steps": 1000,
          "stop": { "gradientTolerance": 0, "divergenceFactor": 1e6 } }
        """;

    [Fact]
    public void TheDocumentedShape_Parses()
    {
        var scenario = ScenarioJson.Parse(IssueExample);
        scenario.Optimizer!.Momentum.ShouldBe(0.9);
        scenario.Objective!.Data!.X![1][0].ShouldBe(2.0);
        scenario.Batch!.Seed.ShouldBe(42);
        ScenarioResolver.Resolve(scenario).CreateRun().RunToEnd();
    }

    [Fact]
    public void AnUnknownField_IsAnError_NamingItsPath_AndTheKnownFields()
    {
        var error = Should.Throw<ScenarioException>(() => ScenarioJson.Parse("""{ "optimizer": { "kind": "adam", "betta1": 0.8 } }"""));
        error.Message.ShouldStartWith("Unknown field 'optimizer.betta1'.");
        error.Message.ShouldContain("beta1");
    }

    [Fact]
    public void AWronglyCasedField_GetsASuggestion() =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse("""{ "objective": { "kind": "function", "Name": "booth" } }"""))
            .Message.ShouldContain("Did you mean 'name'?");

    [Fact]
    public void AValueOfTheWrongType_NamesTheField() =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse("""{ "optimizer": { "learningRate": "fast" } }"""))
            .Message.ShouldBe("optimizer.learningRate: expected a number.");

    [Fact]
    public void MalformedJson_SaysSo() =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse("{ \"steps\": 10,, }")).Message.ShouldStartWith("The scenario is not valid JSON");

    [Fact]
    public void NotAnObject_SaysWhatAScenarioIs() =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse("[1, 2]")).Message.ShouldContain("not a list");

    [Fact]
    public void AResolvedScenario_RoundTripsThroughJson_AndResolvesToItself()
    {
        foreach (var preset in Presets.All)
        {
            var resolved = ScenarioResolver.Resolve(preset.Scenario).Scenario;
            var json = ScenarioJson.Write(resolved);
            var again = ScenarioResolver.Resolve(ScenarioJson.Parse(json)).Scenario;
            ScenarioJson.Write(again).ShouldBe(json, preset.Name);
        }
    }
}
