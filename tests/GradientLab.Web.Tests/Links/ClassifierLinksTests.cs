using Bunit;
using Bunit.TestDoubles;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Pages;
using GradientLab.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace GradientLab.Web.Tests.Links;

/// <summary>The classifier presets (logistic regression, networks) open on /network: /live refuses them with a sentence, and lists none.</summary>
public sealed class ClassifierLinksTests : Pages.PageContext
{
    public static TheoryData<string> ClassifierPresets => [.. Presets.All.Where(p => p.IsClassifier).Select(p => p.Name)];

    [Fact]
    public void TheClassifierPresets_AreTheLogisticAndNetworkOnes_AndNoneIsOnLivesMenu()
    {
        Presets.All.Where(p => p.IsClassifier).Select(p => p.Name).ShouldBe(["xor-network", "xor-logistic", "blobs-logistic", "circles-network", "moons-network", "spirals-network"], ignoreOrder: true);
        Presets.All.Where(p => p.IsClassifier).ShouldAllBe(p => p.Scenario.Objective!.Kind == ObjectiveKinds.NeuralNetwork || p.Scenario.Objective!.Kind == ObjectiveKinds.LogisticRegression);
        LiveLinks.Presets.ShouldAllBe(name => !Presets.Get(name).IsClassifier);
    }

    [Theory]
    [MemberData(nameof(ClassifierPresets))]
    public void ALiveLinkToAClassifierPreset_SaysItOpensOnTheNetworkPage(string name)
    {
        var error = Should.Throw<ScenarioException>(() => LiveLinks.Read($"v=2&preset={name}"));
        error.Message.ShouldBe($"the preset '{name}' classifies points ({Presets.Get(name).Scenario.Objective!.Kind}); it opens on the /network page (/network?preset={name}), not on /live.");
    }

    [Fact]
    public void ALiveLinkCarryingAWholeNetworkScenario_IsRefusedToo()
    {
        var encoded = ShareLinks.Encode(Presets.Get("xor-network").Scenario).ShouldNotBeNull();
        Should.Throw<ScenarioException>(() => LiveLinks.Read($"v=2&s={encoded}")).Message.ShouldContain("/network page");
    }

    [Fact]
    public void TheLivePage_OpenedOnXorNetwork_SaysSo_AndShowsTheDemoInstead()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/live?preset=xor-network");
        var page = Render<Live>();
        page.WaitForAssertion(() =>
        {
            var status = page.Find("[data-testid=status]");
            status.TextContent.ShouldContain("the preset 'xor-network' classifies points (neural-network); it opens on the /network page (/network?preset=xor-network), not on /live.");
            status.ClassList.ShouldContain("gl-status-error");
        }, TimeSpan.FromSeconds(30));
        page.Find("[data-testid=preset]").GetAttribute("value").ShouldBe(LiveLinks.DefaultPreset);
    }
}
