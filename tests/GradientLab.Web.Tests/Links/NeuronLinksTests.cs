using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

public sealed class NeuronLinksTests
{
    [Fact]
    public void AnOldNeuronLink_OpensThePreset()
    {
        // Made by main 8d52225: /neuron read ?preset= alone.
        var state = NeuronLinks.Read("/neuron?preset=neuron-oscillation");
        state.ShouldBe(new NeuronState("neuron-oscillation", "neuron-oscillation", X: 2, Y: 0.6, W: 0.5, B: 0, Alpha: 4, TrainBias: false));
        NeuronLinks.Read("neuron?preset=plateau").W.ShouldBe(-5);
        NeuronLinks.Read("https://example.org/neuron").Preset.ShouldBe(NeuronLinks.DefaultPreset);
    }

    [Fact]
    public void TheSettingsAndTheStep_RoundTrip_AsTheFieldsThatDiffer()
    {
        var state = NeuronState.Of("neuron-underprediction") with { Preset = "custom", Alpha = 0.1 + 0.2, TrainBias = true, Step = 12 };
        var query = NeuronLinks.Query(state);
        query.ShouldBe("v=2&preset=neuron-underprediction&alpha=0.30000000000000004&bias=1&step=12");
        NeuronLinks.Read(query).ShouldBe(state);
        NeuronLinks.Read(NeuronLinks.Query(NeuronState.Of("neuron-overprediction") with { Step = 3 })).Preset.ShouldBe("neuron-overprediction");
    }

    [Theory]
    [InlineData("v=2&preset=course-lab", "'preset' is 'course-lab', which is not a neuron preset")]
    [InlineData("v=2&alpha=big", "'alpha' is 'big', which is not a number")]
    [InlineData("v=2&speed=3", "'speed' is not one this page knows")]
    [InlineData("v=2&step=-1", "'step' is -1")]
    public void ABadParameter_IsAnErrorNamingIt(string query, string fragment) =>
        Should.Throw<ScenarioException>(() => NeuronLinks.Read(query)).Message.ShouldContain(fragment);
}
