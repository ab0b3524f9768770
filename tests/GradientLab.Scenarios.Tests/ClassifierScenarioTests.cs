using System.Text;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Scenarios.Tests;

/// <summary>The objectives logistic-regression and neural-network in the scenario format: fields, defaults, errors and the round trip.</summary>
public sealed class ClassifierScenarioTests
{
    private const string XorNetwork = """
        { "objective": { "kind": "neural-network", "hidden": [4], "activation": "tanh", "initSeed": 3,
                         "data": { "points": "xor", "count": 120, "noise": 0.05, "seed": 7 } },
          "optimizer": { "kind": "adam", "learningRate": 0.3 }, "steps": 20 }
        """;

    private static ResolvedScenario Resolve(string json, Func<string, string>? csv = null) =>
        ScenarioResolver.Resolve(ScenarioJson.Parse(json), csv is null ? null : path => new MemoryStream(Encoding.UTF8.GetBytes(csv(path))));

    private static string Error(string json, Func<string, string>? csv = null) =>
        Should.Throw<ScenarioException>(() => Resolve(json, csv)).Message;

    private static string Network(string objectiveFields, string data = """{ "points": "xor" }""") =>
        $$"""{ "objective": { "kind": "neural-network", {{objectiveFields}}{{(objectiveFields.Length == 0 ? "" : ", ")}}"data": {{data}} } }""";

    [Fact]
    public void ANetworkScenario_BuildsTheNetwork_OnTheGeneratedPoints_FromItsSeededStart()
    {
        var resolved = Resolve(XorNetwork);
        var network = resolved.Settings.Objective.ShouldBeOfType<NeuralNetwork>();
        network.Shape.ToString().ShouldBe("2-4-1 tanh");
        resolved.ParameterNames.Count.ShouldBe(17);
        resolved.ParameterNames.ShouldBe(network.Shape.ParameterNames);
        var expected = PointSets.Generate(PointSetKind.Xor, 120, 0.05, 7);
        network.Data.Column(0).ToArray().ShouldBe(expected.Column(0).ToArray());
        network.Data.Targets.ToArray().ShouldBe(expected.Targets.ToArray());
        resolved.Settings.Start.ShouldBe(network.Shape.Initialize(3));
        resolved.Scenario.Start.ShouldBe(network.Shape.Initialize(3));
        resolved.InputData.ShouldBeSameAs(network.Data);
        resolved.Classifier.ShouldBeSameAs(network);
    }

    [Fact]
    public void ANetwork_Defaults_ToFourTanhUnits_Seed0_And200NoiselessPointsFromSeed0()
    {
        var resolved = Resolve(Network(""));
        var objective = resolved.Scenario.Objective!;
        objective.Hidden.ShouldBe([4]);
        objective.Activation.ShouldBe("tanh");
        objective.InitSeed.ShouldBe(0);
        objective.Data.ShouldBe(new DataSpec { Points = "xor", Count = 200, Noise = 0, Seed = 0 });
        resolved.Settings.Start.ShouldBe(new NetworkShape([4], Activation.Tanh).Initialize(0));
    }

    [Theory]
    [InlineData("[]", "2-1", 3)]
    [InlineData("[8, 8]", "2-8-8-1 relu", 105)]
    [InlineData("[1]", "2-1-1 relu", 5)]
    public void EveryShapeFromNoneToTwoLayers_Resolves(string hidden, string shape, int parameters)
    {
        var resolved = Resolve(Network($"\"hidden\": {hidden}, \"activation\": \"relu\""));
        var network = resolved.Settings.Objective.ShouldBeOfType<NeuralNetwork>();
        network.Shape.ToString().ShouldBe(shape);
        network.Dimension.ShouldBe(parameters);
    }

    [Fact]
    public void AnExplicitStart_IsUsed_AndItsLengthIsChecked_NamingTheCount()
    {
        var resolved = ScenarioResolver.Resolve(ScenarioJson.Parse(XorNetwork) with { Start = [.. Enumerable.Range(1, 17).Select(i => i / 10.0)] });
        resolved.Settings.Start[16].ShouldBe(1.7);

        var error = Should.Throw<ScenarioException>(() => ScenarioResolver.Resolve(ScenarioJson.Parse(XorNetwork) with { Start = [0.5, -2] })).Message;
        error.ShouldStartWith("start: 2 values given, but the network 2-4-1 tanh has 17 parameters (w1_1_1, w1_1_2,");
        error.ShouldEndWith("layer by layer, each layer's weights then its biases; or leave 'start' out and give objective.initSeed.");
    }

    [Fact]
    public void LogisticRegression_StartsAtZeros_OrFromItsSeed()
    {
        const string Logistic = """{ "objective": { "kind": "logistic-regression", "data": { "points": "blobs", "count": 50, "seed": 2 } } }""";
        var plain = Resolve(Logistic);
        var model = plain.Settings.Objective.ShouldBeOfType<LogisticRegression>();
        plain.Settings.Start.ShouldBe([0.0, 0.0, 0.0]);
        plain.Scenario.Objective!.InitSeed.ShouldBeNull();
        plain.ParameterNames.ShouldBe(["w1", "w2", "b"]);

        var seeded = Resolve(Logistic.Replace("\"kind\": \"logistic-regression\",", "\"kind\": \"logistic-regression\", \"initSeed\": 5,", StringComparison.Ordinal));
        seeded.Settings.Start.ShouldBe(model.Initialize(5));
    }

    [Theory]
    [InlineData("\"hidden\": [4, 9]", "objective.hidden[1]: 9 units; a layer has 1 to 8.")]
    [InlineData("\"hidden\": [0]", "objective.hidden[0]: 0 units; a layer has 1 to 8.")]
    [InlineData("\"hidden\": [2, 2, 2]", "objective.hidden: 3 layers; a network here has 0, 1 or 2 hidden layers, such as [4] or [8, 8] ([] is logistic regression).")]
    [InlineData("\"activation\": \"softmax\"", "objective.activation: 'softmax' is not one of tanh, relu, sigmoid.")]
    public void ABadShape_IsNamed_WithWhatToChange(string fields, string message) =>
        Error(Network(fields)).ShouldBe(message);

    [Fact]
    public void ABadShape_IsRefused_BeforeAnyDataIsRead()
    {
        var read = false;
        var error = Should.Throw<ScenarioException>(() => ScenarioResolver.Resolve(
            ScenarioJson.Parse(Network("\"hidden\": [12]", """{ "csv": "points.csv" }""")),
            _ =>
            {
                read = true;
                return new MemoryStream();
            })).Message;
        error.ShouldBe("objective.hidden[0]: 12 units; a layer has 1 to 8.");
        read.ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{ "points": "stars" }""", "objective.data.points: 'stars' is not one of blobs, xor, circles, moons, spirals.")]
    [InlineData("""{ "points": "xor", "count": 1 }""", "objective.data.count: 1 points; a point set has 2 to 10,000.")]
    [InlineData("""{ "points": "xor", "count": 10001 }""", "objective.data.count: 10,001 points; a point set has 2 to 10,000.")]
    [InlineData("""{ "points": "xor", "noise": 1.5 }""", "objective.data.noise: 1.5 is not allowed; the noise is a standard deviation from 0 to 1, such as 0.1.")]
    [InlineData("""{ "points": "xor", "noise": -0.1 }""", "objective.data.noise: -0.1 is not allowed; the noise is a standard deviation from 0 to 1, such as 0.1.")]
    [InlineData("""{ "builtin": "line", "seed": 3 }""", "objective.data.seed: it sets a generated point set, which this data is not; give \"points\" (one of blobs, xor, circles, moons, spirals) or leave 'seed' out.")]
    [InlineData("""{ "points": "xor", "builtin": "line" }""", "objective.data: give exactly one of inline { \"x\": [[…]], \"y\": […] }, { \"builtin\": \"…\" } or { \"csv\": \"file.csv\", \"features\": […], \"target\": \"…\" } or { \"points\": \"xor\", \"count\": 200, \"noise\": 0.1, \"seed\": 1 }.")]
    [InlineData("""{ "points": "xor", "target": "label" }""", "objective.data: 'features' and 'target' choose columns of a builtin or csv source; a generated point set always has x1, x2 and label.")]
    public void ABadPointSet_IsNamed_WithWhatToChange(string data, string message) =>
        Error(Network("", data)).ShouldBe(message);

    [Fact]
    public void GeneratedPoints_AreForClassifiersOnly()
    {
        Error("""{ "objective": { "kind": "linear-regression", "data": { "points": "xor" } } }""")
            .ShouldStartWith("objective.data.points: generated point sets are labelled 0 and 1, for the objectives logistic-regression and neural-network;");
    }

    [Fact]
    public void FieldsOfOtherKinds_DoNotApply()
    {
        Error("""{ "objective": { "kind": "logistic-regression", "hidden": [4], "data": { "points": "xor" } } }""")
            .ShouldBe("objective.hidden does not apply to objective 'logistic-regression' (its settings: data, initSeed); it belongs to: neural-network.");
        Error("""{ "objective": { "kind": "neural-network", "loss": "mse", "data": { "points": "xor" } } }""")
            .ShouldStartWith("objective.loss does not apply to objective 'neural-network' (its settings: hidden, activation, data, initSeed)");
    }

    [Fact]
    public void MissingData_SaysWhatAClassifierLearnsFrom() =>
        Error("""{ "objective": { "kind": "neural-network" } }""").ShouldBe(
            "objective.data is missing: a neural-network learns from labelled points, such as { \"points\": \"xor\", \"count\": 200, \"noise\": 0.1, \"seed\": 1 }, or { \"csv\": \"points.csv\" } with the columns x1, x2 and label (0 or 1).");

    [Theory]
    [InlineData("""{ "objective": { "hidden": 4 } }""", "objective.hidden (line 1, column 28): expected a list of unit counts, one per hidden layer: [4] or [8, 8], not a number.")]
    [InlineData("""{ "objective": { "hidden": [4.5] } }""", "objective.hidden[0] (line 1, column 29): 4.5 is not a whole number.")]
    [InlineData("""{ "objective": { "initSeed": "one" } }""", "objective.initSeed (line 1, column 30): expected a number, not a string.")]
    [InlineData("""{ "objective": { "data": { "count": 2.5 } } }""", "objective.data.count (line 1, column 37): 2.5 is not a whole number.")]
    public void ABadValueInTheJson_IsNamedWithItsPlace(string json, string message) =>
        Should.Throw<ScenarioException>(() => ScenarioJson.Parse(json)).Message.ShouldBe(message);

    [Fact]
    public void TheLearnersCsv_WithALabelColumn_IsReadAsAPointSet()
    {
        var resolved = Resolve(Network("", """{ "csv": "mine.csv" }"""), _ => "x1,x2,label\n0,0,0\n1,1,1\n0,1,1\n1,0,0\n");
        resolved.Classifier!.Data.SampleCount.ShouldBe(4);
        resolved.Scenario.Objective!.Data!.Features.ShouldBe(["x1", "x2"]);
        resolved.Scenario.Objective!.Data!.Target.ShouldBe("label");

        var chosen = Resolve(Network("", """{ "csv": "mine.csv", "features": ["a", "b"], "target": "class" }"""), _ => "a,b,class\n0,0,0\n1,1,1\n");
        chosen.Classifier!.Data.SampleCount.ShouldBe(2);
    }

    [Theory]
    [InlineData("x1,x2,label\n0,0,0\n1,1,2\n", "objective.data.csv: 'mine.csv', line 3, column 3 ('label'): the label is 2; a label must be 0 or 1.")]
    [InlineData("x1,x2,label\n0,0,0\n", null)]
    public void ABadLabel_InTheLearnersCsv_IsNamedWithItsLine(string csv, string? message)
    {
        if (message is null)
        {
            Resolve(Network("", """{ "csv": "mine.csv" }"""), _ => csv).Classifier!.Data.SampleCount.ShouldBe(1);
            return;
        }

        Error(Network("", """{ "csv": "mine.csv" }"""), _ => csv).ShouldBe(message);
    }

    [Fact]
    public void ACsvOfThreeCoordinates_IsRefused_AndAMissingColumnIsNamed()
    {
        Error(Network("", """{ "csv": "mine.csv", "features": ["a", "b", "c"] }"""), _ => "a,b,c,label\n0,0,0,1\n")
            .ShouldBe("objective.data.features: 3 columns; a point set from a CSV file has two coordinate columns, such as [\"x1\", \"x2\"].");
        Error(Network("", """{ "csv": "mine.csv" }"""), _ => "x,y,label\n0,0,1\n").ShouldContain("x1");
    }

    [Fact]
    public void InlineData_WithTargetsOutside0To1_IsRefusedForAClassifier() =>
        Error("""{ "objective": { "kind": "logistic-regression", "data": { "x": [[1, 2]], "y": [3] } } }""")
            .ShouldStartWith("objective.data: Binary cross-entropy needs targets from 0 to 1;");

    [Fact]
    public void AScenarioWithTheNewFields_RoundTripsThroughJson()
    {
        var resolved = Resolve(XorNetwork).Scenario;
        var json = ScenarioJson.Write(resolved);
        json.ShouldContain("\"hidden\": [");
        json.ShouldContain("\"initSeed\": 3");
        json.ShouldContain("\"points\": \"xor\"");
        var again = ScenarioJson.Parse(json);
        ScenarioJson.Write(again).ShouldBe(json);
        ScenarioJson.Write(ScenarioResolver.Resolve(again).Scenario).ShouldBe(json);
    }

    [Fact]
    public void AccuracyAndPrediction_AreTheClassifiers()
    {
        var run = LessonRun.Of(ScenarioJson.Parse(XorNetwork));
        var classifier = run.Scenario.Classifier!;
        run.Accuracy().ShouldBe(classifier.Accuracy([.. run.Last.Parameters]), 1e-15);
        run.Scenario.Predict(run.Last.Parameters, [0.5, -0.5]).ShouldBe(classifier.Probability([.. run.Last.Parameters], [0.5, -0.5]), 1e-15);
        Should.Throw<InvalidOperationException>(() => LessonRun.Of(Presets.Get("course-lab").Scenario with { Steps = 1 }).Accuracy());
        new ResolvedScenario[] { ScenarioResolver.Resolve(Presets.Get("course-lab").Scenario) }.ShouldAllBe(r => r.Classifier == null);
    }

    [Theory]
    [InlineData("xor-network", 0.003)]      // too slow a rate: far from 100 % after 300 steps
    [InlineData("blobs-logistic", 0.01)]    // too slow a rate: the loss is still far above 0.02 at step 100
    [InlineData("circles-network", 0.001)]
    [InlineData("moons-network", 0.001)]
    [InlineData("spirals-network", 0.001)]
    public void AClassifiersLessonCheck_Fails_WhenTheRunNoLongerShowsIt(string name, double learningRate)
    {
        var preset = Presets.Get(name);
        var broken = preset.Scenario with { Optimizer = preset.Scenario.Optimizer! with { LearningRate = learningRate } };
        preset.Lesson.Verify(LessonRun.Of(broken)).ShouldNotBeNull();
    }

    [Fact]
    public void XorLogisticsLessonCheck_Fails_ForANetwork()
    {
        var preset = Presets.Get("xor-logistic");
        var network = preset.Scenario with { Objective = Presets.Get("xor-network").Scenario.Objective };
        preset.Lesson.Verify(LessonRun.Of(network)).ShouldNotBeNull();
    }

    [Fact]
    public void ThePresetsTellClassifiersApart()
    {
        Presets.Get("xor-network").IsClassifier.ShouldBeTrue();
        Presets.Get("xor-logistic").IsClassifier.ShouldBeTrue();
        Presets.Get("housing-live-demo").IsClassifier.ShouldBeFalse();
        Presets.Get("neuron-cycle").IsClassifier.ShouldBeFalse();
        ObjectiveKinds.IsClassifier("function").ShouldBeFalse();
        ObjectiveKinds.IsClassifier(null).ShouldBeFalse();
    }
}
