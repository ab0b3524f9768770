using System.Buffers.Text;
using System.Diagnostics;
using System.Text;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

public sealed class LiveLinksTests
{
    private static readonly Scenario Demo = Presets.Get("housing-live-demo").Scenario;

    /// <summary>What the /live page's controls make of the demo (the same changes as Live.razor.cs).</summary>
    public static TheoryData<string> PageChanges => [.. Changes.Keys];

    private static readonly Dictionary<string, Func<Scenario, Scenario>> Changes = new(StringComparer.Ordinal)
    {
        ["alpha"] = s => s with { Optimizer = s.Optimizer! with { LearningRate = 0.1 + 0.2 } },
        ["steps"] = s => s with { Steps = 250 },
        ["sequential"] = s => s with { Update = "sequential" },
        ["simultaneous-again"] = s => s with { Update = "simultaneous" },
        ["momentum"] = s => s with { Optimizer = LiveLinks.NewOptimizer("sgd", 0.05) with { Momentum = 0.8 } },
        ["nesterov"] = s => s with { Optimizer = LiveLinks.NewOptimizer("nesterov", 0.05) },
        ["adam"] = s => s with { Optimizer = LiveLinks.NewOptimizer("adam", 0.3) },
        ["rmsprop"] = s => s with { Optimizer = LiveLinks.NewOptimizer("rmsprop", 0.01) with { Momentum = 0.5 } },
        ["mini-batch"] = s => s with { Batch = new BatchSpec { Kind = "mini", Size = 11, Seed = 42 } },
        ["stochastic"] = s => s with { Batch = new BatchSpec { Kind = "stochastic", Seed = 7 } },
        ["full-again"] = s => s with { Batch = new BatchSpec { Kind = "full" } },
        ["unscaled"] = s => s with { Objective = s.Objective! with { ScaleFeatures = false } },
        ["start"] = s => s with { Start = [1.5, -2e-7] },
        ["freeze-b"] = s => s with { Freeze = ["b"] },
        ["dataset-line"] = s => s with { Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", ScaleFeatures = true, Data = LiveLinks.DatasetSpec("line") }, Start = [0, 0] },
        ["dataset-raw"] = s => s with { Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", ScaleFeatures = null, Data = LiveLinks.DatasetSpec("portland-raw") }, Start = [0, 0], Optimizer = s.Optimizer! with { LearningRate = 3e-7 } },
        ["uploaded"] = s => s with
        {
            Name = "my data.csv",
            Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", ScaleFeatures = true, Data = new DataSpec { X = [[1], [2], [3.25]], Y = [2, 4.5, 6.1] } },
            Start = [0, 0],
        },
        ["everything"] = s => s with
        {
            Optimizer = LiveLinks.NewOptimizer("adamw", 0.02),
            Batch = new BatchSpec { Kind = "mini", Size = 5, Seed = -3 },
            Update = "sequential",
            Steps = 4000,
            Start = [3, 4],
        },
    };

    [Theory]
    [MemberData(nameof(PageChanges))]
    public void EveryChangeThePageMakes_RoundTrips_AsShortParameters(string change)
    {
        var scenario = Changes[change](Demo);
        var query = LiveLinks.Query(scenario, new LiveView()).ShouldNotBeNull();
        query.ShouldStartWith("v=2&preset=housing-live-demo");
        query.ShouldNotContain("&s=");
        var back = LiveLinks.Read(query).Scenario;
        Canonical(back).ShouldBe(Canonical(scenario));
    }

    [Fact]
    public void ALink_CarriesOnlyTheFieldsThatDiffer()
    {
        LiveLinks.Query(Demo, new LiveView()).ShouldBe("v=2&preset=housing-live-demo");
        LiveLinks.Query(Changes["alpha"](Demo), new LiveView()).ShouldBe("v=2&preset=housing-live-demo&alpha=0.30000000000000004");
        LiveLinks.Query(Changes["freeze-b"](Demo), new LiveView()).ShouldBe("v=2&preset=housing-live-demo&freeze=b");
        LiveLinks.Query(Changes["nesterov"](Demo), new LiveView()).ShouldBe("v=2&preset=housing-live-demo&opt=nesterov&alpha=0.05&momentum=0.9");
        LiveLinks.Query(Changes["start"](Demo), new LiveView()).ShouldBe("v=2&preset=housing-live-demo&start=1.5,-2E-07");
        LiveLinks.Query(Presets.Get("course-lab").Scenario with { Steps = 20 }, new LiveView()).ShouldBe("v=2&preset=course-lab&steps=20");
    }

    [Fact]
    public void Numbers_RoundTripExactly()
    {
        var scenario = Demo with { Optimizer = Demo.Optimizer! with { LearningRate = 0.1 + 0.2 }, Start = [Math.PI, -1e-300] };
        var back = LiveLinks.Read(LiveLinks.Query(scenario, new LiveView())).Scenario;
        back.Optimizer!.LearningRate.ShouldBe(0.1 + 0.2);
        back.Start!.ShouldBe([Math.PI, -1e-300]);
    }

    [Fact]
    public void TheStepAndTheView_RoundTrip()
    {
        var view = new LiveView(Step: 17, Surface3d: true, LossScale: "log", PinView: true, PredictionX: 2.5);
        var query = LiveLinks.Query(Demo, view)!;
        query.ShouldBe("v=2&preset=housing-live-demo&step=17&view=3d&loss=log&pin=1&x=2.5");
        LiveLinks.Read(query).View.ShouldBe(view);
        LiveLinks.Query(Demo, new LiveView(PredictionX: 1.25)).ShouldBe("v=2&preset=housing-live-demo"); // the dataset's usual x
    }

    [Fact]
    public void TheLabel_IsThePreset_OnlyWhenNothingChanged()
    {
        LiveLinks.Read("v=2&preset=alpha-too-large&step=5").Preset.ShouldBe("alpha-too-large");
        LiveLinks.Read("v=2&preset=alpha-too-large&alpha=0.5").Preset.ShouldBe(LiveLinks.Custom);
        LiveLinks.Read("").Preset.ShouldBe(LiveLinks.DefaultPreset);
        LiveLinks.Read("present=1").Version.ShouldBe(0);
        LiveLinks.Read("https://example.org/live").Preset.ShouldBe(LiveLinks.DefaultPreset);
        LiveLinks.Read("/live").Version.ShouldBe(0);
    }

    [Fact]
    public void ALinkFromTheWholeAddress_IsRead_AndTheLayoutsParametersAreLeftAlone()
    {
        var link = LiveLinks.Read("https://example.org/live?v=2&preset=course-lab&steps=20&present=1&embed=1#top");
        link.Scenario.Steps.ShouldBe(20);
        LinkQuery.LayoutOf("https://example.org/live?v=2&present=1&embed=1").ShouldBe([new("present", "1"), new("embed", "1")]);
        LinkQuery.Address("neuron", "v=2&step=3", "https://example.org/live?present=1&alpha=1").ShouldBe("neuron?v=2&step=3&present=1");
        LinkQuery.Address("concepts", "", "https://example.org/concepts").ShouldBe("concepts");
        LinkQuery.PageQuery("https://example.org/live?present=1&v=2&preset=course-lab&file=my%20data.csv").ShouldBe("v=2&preset=course-lab&file=my data.csv");
    }

    [Fact]
    public void SmallUploadedData_TravelsInTheLink()
    {
        var scenario = Changes["uploaded"](Demo);
        var query = LiveLinks.Query(scenario, new LiveView())!;
        query.ShouldContain("file=my%20data.csv");
        query.ShouldContain("&data=");
        var back = LiveLinks.Read(query);
        back.Missing.ShouldBeNull();
        back.Scenario.Name.ShouldBe("my data.csv");
        back.Scenario.Objective!.Data!.Y.ShouldBe([2, 4.5, 6.1]);
    }

    [Fact]
    public void LargeUploadedData_IsNamedWithItsChecksum_AndOpensOnceUploaded()
    {
        var x = Enumerable.Range(0, 300).Select(i => i * 0.37).ToArray();
        var y = x.Select(v => (2 * v) + 1 + Math.Sin(v)).ToArray();
        var scenario = Changes["uploaded"](Demo) with
        {
            Name = "big.csv",
            Objective = Changes["uploaded"](Demo).Objective! with { Data = new DataSpec { X = [.. x.Select(v => (IReadOnlyList<double>)[v])], Y = y } },
            Steps = 50,
        };
        var query = LiveLinks.Query(scenario, new LiveView(Step: 9))!;
        query.ShouldNotContain("data=");
        query.ShouldContain("file=big.csv&sha=");
        query.Length.ShouldBeLessThan(200);

        var waiting = LiveLinks.Read(query);
        waiting.Missing.ShouldNotBeNull().Name.ShouldBe("big.csv");
        waiting.Scenario.Name.ShouldBe(LiveLinks.DefaultPreset); // the page still opens, with the demo, until the file comes

        // The learner uploads the file, with its columns in another order and one more column.
        var file = "extra,y_value,x_value\n" + string.Concat(x.Select((v, i) => $"0,{LinkQuery.Format(y[i])},{LinkQuery.Format(v)}\n"));
        var csv = LiveLinks.MatchUpload(CsvTable.Parse(file), waiting.Missing.Sha).ShouldNotBeNull();
        var opened = LiveLinks.Read(waiting.Missing.Query, csv);
        opened.Missing.ShouldBeNull();
        opened.View.Step.ShouldBe(9);
        Canonical(opened.Scenario).ShouldBe(Canonical(scenario));

        LiveLinks.MatchUpload(CsvTable.Parse("a,b\n1,2\n3,4\n"), waiting.Missing.Sha).ShouldBeNull();
    }

    [Fact]
    public void AScenarioTheShortFormCannotSay_IsWrittenWhole()
    {
        var scenario = Demo with { Schedule = new ScheduleSpec { Kind = "cosine", MinLearningRate = 0.01 } };
        var query = LiveLinks.Query(scenario, new LiveView(Step: 3))!;
        query.ShouldStartWith("v=2&s=");
        query.ShouldEndWith("&step=3");
        var back = LiveLinks.Read(query);
        back.Scenario.Schedule!.Kind.ShouldBe("cosine");
        back.View.Step.ShouldBe(3);
    }

    [Theory]
    [InlineData("v=2&alhpa=0.1", "'alhpa' is not one this page knows")]
    [InlineData("v=2&alpha=fast", "'alpha' is 'fast', which is not a number")]
    [InlineData("v=2&alpha=-1", "'alpha' is -1; it must be from")]
    [InlineData("v=2&steps=1000000", "'steps' is 1000000; it must be from 1 to 100,000")]
    [InlineData("v=2&opt=lbfgs", "'opt' is 'lbfgs'; it must be one of: gd, sgd")]
    [InlineData("v=2&preset=nope", "'preset' is 'nope', which is not a preset")]
    [InlineData("v=9&preset=course-lab", "newer GradientLab (v=9)")]
    [InlineData("v=two", "'v' is 'two', which is not a whole number")]
    [InlineData("v=2&step=1&step=2", "'step' appears twice")]
    [InlineData("v=2&start=1,x", "value 2 of the parameter 'start' is 'x'")]
    [InlineData("v=2&start=1e308,1e308", "value 1 of the parameter 'start' is 1E+308; each must be from -1000000 to 1000000")]
    [InlineData("v=2&start=0,-1000000.5", "value 2 of the parameter 'start' is -1000000.5")]
    [InlineData("v=2&file=a.csv&sha=XYZ", "'sha' is 'XYZ'; it must be 12 lowercase hex digits")]
    [InlineData("v=2&file=a.csv", "neither 'data' nor 'sha'")]
    [InlineData("v=2&file=a.csv&data=%%%", "'data' is not valid base64url")]
    [InlineData("v=2&data=bm90IGNzdg", "does not hold x,y rows")]
    [InlineData("v=2&view=4d", "'view' is '4d'; it must be one of: contour, 3d")]
    [InlineData("s=e30&alpha=1", "'alpha' cannot change a whole scenario")]
    [InlineData("s=!!!", "not valid base64url")]
    public void ABadParameter_IsAnErrorNamingIt(string query, string fragment)
    {
        var error = Should.Throw<ScenarioException>(() => LiveLinks.Read(query));
        error.Message.ShouldContain(fragment);
    }

    [Fact]
    public void AnyAddress_IsReadWithBoundedWork()
    {
        var clock = Stopwatch.StartNew();
        Should.Throw<ScenarioException>(() => LiveLinks.Read("v=2&data=" + new string('A', 5_000_000))).Message.ShouldContain("characters long");
        Should.Throw<ScenarioException>(() => LiveLinks.Read("v=2&data=" + new string('A', 5_000))).Message.ShouldContain("'data' is 5,000 characters long");
        Should.Throw<ScenarioException>(() => LiveLinks.Read("v=2&alpha=" + new string('1', 500))).Message.ShouldContain("'alpha' is 500 characters long");
        Should.Throw<ScenarioException>(() => LiveLinks.Read(string.Join("&", Enumerable.Range(0, 100).Select(i => $"p{i}=1")))).Message.ShouldContain("more than 40 parameters");
        Should.Throw<ScenarioException>(() => LiveLinks.Read("v=2&start=" + string.Join(",", Enumerable.Repeat("1", 50)))).Message.ShouldContain("at most 16");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void TheDataParameter_AtItsLimit_IsRead()
    {
        var csv = "x,y\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"{i},{i}\n"));
        var bytes = Encoding.UTF8.GetBytes(csv[..Math.Min(csv.Length, LiveLinks.MaxInlineDataBytes)]);
        var text = Encoding.UTF8.GetString(bytes);
        text = text[..(text.LastIndexOf('\n') + 1)];
        var link = LiveLinks.Read("v=2&file=f.csv&data=" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text)));
        link.Scenario.Objective!.Data!.Y!.Count.ShouldBeGreaterThan(100);
    }

    private static string Canonical(Scenario scenario) =>
        ScenarioJson.Write(ScenarioResolver.Resolve(scenario).Scenario with { Description = null });
}
