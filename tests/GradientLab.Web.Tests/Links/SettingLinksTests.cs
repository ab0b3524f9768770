using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

public sealed class SettingLinksTests
{
    private static readonly LinkSetting[] Settings =
    [
        new("surface", "rosenbrock", ["rosenbrock", "himmelblau", "saddle"]),
        new("racers", "gd,adam", ["gd", "momentum", "adam"], Many: true),
        new("budget", "500", Min: 1, Max: 20_000),
    ];

    [Fact]
    public void OnlyTheSettingsThatDiffer_AreWritten_AndReadBack()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["surface"] = "saddle", ["racers"] = "adam,momentum,gd", ["budget"] = "500" };
        var query = SettingLinks.Query(values, Settings);
        query.ShouldBe("v=2&surface=saddle&racers=gd,momentum,adam");
        SettingLinks.Read("/optimizers?" + query, Settings).ShouldBe(new Dictionary<string, string>(StringComparer.Ordinal) { ["surface"] = "saddle", ["racers"] = "gd,momentum,adam", ["budget"] = "500" });
        SettingLinks.Query(SettingLinks.Read("https://example.org/optimizers", Settings), Settings).ShouldBe("");
        SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal) { ["surface"] = "rosenbrock", ["racers"] = "adam,gd", ["budget"] = "500" }, Settings).ShouldBe("");
    }

    [Theory]
    [InlineData("v=2&surface=moon", "'surface' is 'moon'; it must be one of")]
    [InlineData("v=2&racers=gd,lbfgs", "'racers' has 'lbfgs'")]
    [InlineData("v=2&budget=0", "'budget' is 0; it must be from 1 to 20,000")]
    [InlineData("v=2&speed=3", "'speed' is not one this page knows")]
    public void ABadParameter_IsAnErrorNamingIt(string query, string fragment) =>
        Should.Throw<ScenarioException>(() => SettingLinks.Read(query, Settings)).Message.ShouldContain(fragment);
}
