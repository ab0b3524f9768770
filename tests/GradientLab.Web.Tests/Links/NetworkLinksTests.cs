using GradientLab.Core.Objectives;
using GradientLab.Lessons.Network;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

public sealed class NetworkLinksTests
{
    [Fact]
    public void TheDefault_IsJustTheVersion()
    {
        NetworkLinks.Query(new NetworkState(NetworkSettings.Default)).ShouldBe("v=2");
        var state = NetworkLinks.Read("https://lab/network");
        state.Settings.ShouldBe(NetworkSettings.Default);
        state.Step.ShouldBe(0);
    }

    [Fact]
    public void EverySetting_AndTheStep_GoThereAndBack()
    {
        var settings = NetworkSettings.Default with
        {
            PointSet = "moons", Count = 500, Noise = 0.1, DataSeed = 7, Hidden = [5, 3], Activation = Activation.Relu,
            InitSeed = 4, Optimizer = "sgd", LearningRate = 0.05, BatchSize = 32, Steps = 800,
        };
        var query = NetworkLinks.Query(new NetworkState(settings, 120));
        query.ShouldBe("v=2&data=moons&points=500&noise=0.1&dseed=7&hidden=5,3&act=relu&seed=4&opt=sgd&rate=0.05&batch=32&steps=800&step=120");
        var back = NetworkLinks.Read("/network?" + query);
        back.Step.ShouldBe(120);
        back.Settings.Hidden.ShouldBe([5, 3]);
        (back.Settings with { Hidden = settings.Hidden }).ShouldBe(settings);
    }

    [Fact]
    public void LogisticRegression_IsHiddenNone()
    {
        var query = NetworkLinks.Query(new NetworkState(NetworkSettings.Default.AsLogistic()));
        query.ShouldBe("v=2&hidden=none");
        NetworkLinks.Read("?" + query).Settings.Hidden.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("?hidden=9", "the parameter 'hidden' is '9'")]
    [InlineData("?hidden=4,4,4", "the parameter 'hidden' is '4,4,4'")]
    [InlineData("?points=1", "the parameter 'points' is 1")]
    [InlineData("?opt=lion", "the parameter 'opt' is 'lion'")]
    [InlineData("?batch=500", "Batch size: 500 is outside the range")]
    [InlineData("?colour=red", "the parameter 'colour' is not one this page knows")]
    public void ABadLink_IsRefusedWithTheParameterNamed(string query, string start) =>
        Should.Throw<ScenarioException>(() => NetworkLinks.Read(query)).Message.ShouldStartWith(start);
}

public sealed class NetworkPresetLinkTests
{
    [Fact]
    public void APresetLink_OpensThePresetsSettings_AndItsOtherParametersChangeThem()
    {
        var spirals = NetworkLinks.Read("https://lab/network?preset=spirals-network");
        NetworkLinks.Query(spirals).ShouldBe(NetworkLinks.Query(new NetworkState(NetworkSettings.FromScenario(Presets.Get("spirals-network").Scenario))));
        spirals.Settings.Hidden.ShouldBe([8, 8]);
        spirals.Settings.PointSet.ShouldBe("spirals");

        var shorter = NetworkLinks.Read("https://lab/network?preset=spirals-network&steps=100&step=40");
        NetworkLinks.Query(shorter).ShouldBe(NetworkLinks.Query(new NetworkState(spirals.Settings with { Steps = 100 }, 40)));
        shorter.Step.ShouldBe(40);
    }

    [Fact]
    public void EveryClassifierPresetOfPoints_IsAPresetOfThePage() =>
        NetworkLinks.PresetNames.ShouldBe(["xor-network", "xor-logistic", "blobs-logistic", "circles-network", "moons-network", "spirals-network"], ignoreOrder: true);

    [Theory]
    [InlineData("no-such-preset")]
    [InlineData("course-lab")]
    public void APresetThePageDoesNotOpen_IsNamed(string name)
    {
        var error = Should.Throw<ScenarioException>(() => NetworkLinks.Read($"https://lab/network?preset={name}"));
        error.Message.ShouldContain("'preset'");
        error.Message.ShouldContain("xor-network");
    }
}
