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
        error.Message.ShouldStartWith("Unknown field 'optimizer.betta1' (line 1, column 34).");
        error.Message.ShouldContain("beta1");
    }

    [Fact]
    public void AWronglyCasedField_GetsASuggestion() =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse("""{ "objective": { "kind": "function", "Name": "booth" } }"""))
            .Message.ShouldContain("Did you mean 'name'?");

    [Fact]
    public void AValueOfTheWrongType_NamesTheField() =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse("""{ "optimizer": { "learningRate": "fast" } }"""))
            .Message.ShouldBe("optimizer.learningRate (line 1, column 34): expected a number, not a string.");

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

    [Theory]
    [InlineData("{\n  \"optimizer\": {\n    \"learningRate\": NaN } }", "The scenario is not valid JSON at line 3, column 21 (in optimizer.learningRate): that is not a JSON number (JSON has no NaN, Infinity or leading +)")]
    [InlineData("{ \"stop\": { \"divergenceFactor\": Infinity } }", "at line 1, column 33 (in stop.divergenceFactor): that is not a JSON number")]
    [InlineData("{ \"start\": 5 }", "start (line 1, column 12): expected a list of numbers, weights first, bias last: [0.5, -2], not a number.")]
    [InlineData("{ \"start\": [1, \"2\"] }", "start[1] (line 1, column 16): expected a number, not a string.")]
    [InlineData("{ \"steps\": 1000000000000 }", "steps (line 1, column 12): 1000000000000 is too large (at most 1,000,000).")]
    [InlineData("{ \"steps\": 10.5 }", "steps (line 1, column 12): 10.5 is not a whole number.")]
    [InlineData("{ \"optimizer\": { \"beta1\": 1e400 } }", "optimizer.beta1 (line 1, column 27): 1e400 is too large for a number.")]
    [InlineData("{ \"steps\": 10, \"steps\": 20 }", "The field 'steps' appears twice (line 1, column 16); give it once.")]
    [InlineData("{ \"name\": \"é\", \"stepz\": 1 }", "Unknown field 'stepz' (line 1, column 16).")]
    [InlineData("{ \"steps\": 10 } x", "at line 1, column 17")]
    [InlineData("{ \"steps\": 10", "the JSON ends before the scenario does")]
    [InlineData("{ 'steps': 10 }", "field names need double quotes too")]
    [InlineData("{ \"steps\" 10 }", "expected a colon")]
    [InlineData("{ \"steps\": 10 \"name\": \"x\" }", "expected a comma")]
    [InlineData("{ \"objective\": { \"data\": { \"x\": [1, 2] } } }", "objective.data.x[0] (line 1, column 34): expected a row: a list of numbers, one per feature: [1.0], not a number.")]
    [InlineData("{ \"objective\": \"rosenbrock\" }", "objective (line 1, column 16): expected an object { … }, not a string.")]
    public void MalformedScenarios_SayWhereAndWhat(string json, string expected) =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse(json)).Message.ShouldContain(expected);

    [Fact]
    public void NullFields_AreLeftOut() =>
        ScenarioJson.Parse("""{ "steps": null, "optimizer": { "kind": "adam", "beta1": null } }""").ShouldBe(new Scenario { Optimizer = new OptimizerSpec { Kind = "adam" } });

    [Fact]
    public void WholeNumbersMayBeWrittenWithAnExponent() => ScenarioJson.Parse("""{ "steps": 1e3 }""").Steps.ShouldBe(1000);
}
