using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

/// <summary>Old `?s=` links: a whole scenario in base64url.</summary>
public sealed class ShareLinkTests
{
    [Fact]
    public void AScenario_RoundTripsThroughTheAddress()
    {
        var scenario = GradientLab.Scenarios.Presets.Get("neuron-oscillation").Scenario;
        var encoded = ShareLinks.Encode(scenario).ShouldNotBeNull();
        encoded.ShouldNotContain("+");
        encoded.ShouldNotContain("/");
        var back = ShareLinks.Decode(encoded);
        back.Freeze.ShouldBe(["b"]);
        back.Start.ShouldBe(scenario.Start);
        back.Optimizer!.LearningRate.ShouldBe(4);
    }

    [Theory]
    [InlineData("%%%", "not valid base64url")]
    [InlineData("e30", "objective")]              // "{}": a scenario with nothing in it
    public void ABrokenLink_IsAFriendlyError(string encoded, string fragment)
    {
        var error = Should.Throw<GradientLab.Scenarios.ScenarioException>(() => GradientLab.Scenarios.ScenarioResolver.Resolve(ShareLinks.Decode(encoded)));
        error.Message.ShouldContain(fragment);
    }
}
