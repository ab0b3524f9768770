using GradientLab.Lessons.Optimizers;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

/// <summary>The race's learning rates and clicked start in its address: only what the learner changed, read back exactly.</summary>
public sealed class RaceLinksTests
{
    private static Dictionary<string, double> Defaults() =>
        RaceSession.AllRacers.ToDictionary(r => r.Key, r => r.Optimizer.LearningRate!.Value, StringComparer.Ordinal);

    [Fact]
    public void Defaults_WriteNothing()
    {
        var surface = RaceSession.Surfaces[0];
        RaceLinks.Write(Defaults(), surface.Start, surface.Start).ShouldBeEmpty();
        RaceLinks.ReadRates(LinkQuery.Parse("v=2")).ShouldBe(Defaults());
        RaceLinks.ReadStart(LinkQuery.Parse("v=2")).ShouldBeNull();
    }

    [Fact]
    public void ChangedRatesAndStart_RoundTrip_Exactly()
    {
        var surface = RaceSession.Surfaces[0];
        var rates = Defaults();
        rates["adam"] = 0.1 + 0.2; // a double with no short decimal: written round-trip
        rates["gd"] = 3e-7;
        double[] start = [-1.5, 2.25];
        var query = LinkQuery.Write(RaceLinks.Write(rates, start, surface.Start));
        query.ShouldStartWith("rates=");
        query.ShouldContain("start=-1.5,2.25");
        var read = LinkQuery.Parse(query);
        RaceLinks.ReadRates(read).ShouldBe(rates);
        RaceLinks.ReadStart(read).ShouldBe(start);
    }

    [Fact]
    public void TheRaceAddress_CarriesThemBesideTheSettings()
    {
        var settings = new LinkSetting[] { new("surface", "rosenbrock", ["rosenbrock", "beale"]) };
        var rates = Defaults();
        rates["momentum"] = 0.002;
        var query = SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal) { ["surface"] = "rosenbrock" }, settings, RaceLinks.Write(rates, [0, 0], [-1.2, 1]));
        query.ShouldBe("v=2&rates=momentum_0.002&start=0,0");
        SettingLinks.Read(query, settings, RaceLinks.Parameters)["surface"].ShouldBe("rosenbrock");
        Should.Throw<ScenarioException>(() => SettingLinks.Read(query, settings));
    }

    [Theory]
    [InlineData("rates=lbfgs_0.1", "'rates' has 'lbfgs_0.1'")]
    [InlineData("rates=adam", "'rates' has 'adam'")]
    [InlineData("rates=adam_-1", "gives adam the rate '-1'")]
    [InlineData("rates=adam_fast", "gives adam the rate 'fast'")]
    [InlineData("rates=adam_1e308", "gives adam the rate '1e308'")]
    public void ABadRate_IsAnErrorNamingIt(string query, string fragment) =>
        Should.Throw<ScenarioException>(() => RaceLinks.ReadRates(LinkQuery.Parse(query))).Message.ShouldContain(fragment);

    [Theory]
    [InlineData("start=1", "'start' must be two numbers")]
    [InlineData("start=1,2,3", "takes at most 2")]
    [InlineData("start=1e300,0", "'start' must be two numbers")]
    [InlineData("start=a,0", "not a number")]
    public void ABadStart_IsAnErrorNamingIt(string query, string fragment) =>
        Should.Throw<ScenarioException>(() => RaceLinks.ReadStart(LinkQuery.Parse(query))).Message.ShouldContain(fragment);
}
