using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

/// <summary>The dilemma's and the momentum comparison's settings in /optimizers' address: only what differs, read back exactly, bad values named.</summary>
public sealed class OptimizerLinksTests
{
    [Fact]
    public void Defaults_WriteNothing_AndAnEmptyAddressReadsTheDefaults()
    {
        OptimizerLinks.Write(OptimizerSections.Default).ShouldBeEmpty();
        var read = OptimizerLinks.Read(LinkQuery.Parse("v=2"));
        read.Alphas.ShouldBe([0.01, 0.1, 1.1]);
        read.Threshold.ShouldBe(1e-3);
        read.MomentumAlpha.ShouldBe(0.05);
        read.Beta.ShouldBe(0.5);
        read.Iteration.ShouldBe(1);
    }

    [Fact]
    public void ChangedSettings_RoundTrip_Exactly_AsShortParameters()
    {
        var state = OptimizerSections.Default with { Alphas = [0.01, 0.1 + 0.2, 0.9], MomentumAlpha = 0.02, Beta = 0.9, Iteration = 19 };
        var query = LinkQuery.Write(OptimizerLinks.Write(state));
        query.ShouldBe("alphas=0.01,0.30000000000000004,0.9&malpha=0.02&beta=0.9&iter=19");
        var read = OptimizerLinks.Read(LinkQuery.Parse(query));
        read.Alphas.ShouldBe(state.Alphas);
        (read with { Alphas = state.Alphas }).ShouldBe(state);
        LinkQuery.Write(OptimizerLinks.Write(OptimizerSections.Default with { Threshold = 1e-6 })).ShouldBe("below=1E-06");
        OptimizerLinks.Read(LinkQuery.Parse("below=1E-06")).Threshold.ShouldBe(1e-6);
    }

    [Fact]
    public void ThePageAddress_CarriesThemBesideTheRace_AndAValueAnAlphaCannotRunWithStillOpens()
    {
        var settings = new LinkSetting[] { new("surface", "rosenbrock", ["rosenbrock", "beale"]) };
        var more = OptimizerLinks.Write(OptimizerSections.Default with { Beta = 0.9, Alphas = [-1, 0.1, 1.1] });
        var query = SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal) { ["surface"] = "rosenbrock" }, settings, more);
        query.ShouldBe("v=2&alphas=-1,0.1,1.1&beta=0.9");
        SettingLinks.Read(query, settings, OptimizerLinks.Parameters)["surface"].ShouldBe("rosenbrock");
        OptimizerLinks.Read(LinkQuery.Parse(query)).Alphas[0].ShouldBe(-1); // the dilemma's row says why α = −1 cannot run, as when it is typed
        Should.Throw<ScenarioException>(() => SettingLinks.Read(query, settings)).Message.ShouldContain("'alphas' is not one this page knows");
    }

    [Theory]
    [InlineData(0.05, true)]
    [InlineData(-1, true)]
    [InlineData(1e6, true)]
    [InlineData(1.0000001e6, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void TheFields_TakeWhatTheAddressTakes(double value, bool accepted)
    {
        OptimizerLinks.Accepts(value).ShouldBe(accepted);
        var read = () => OptimizerLinks.Read(LinkQuery.Parse("malpha=" + LinkQuery.Format(value)));
        if (accepted)
        {
            read().MomentumAlpha.ShouldBe(value);
        }
        else
        {
            Should.Throw<ScenarioException>(read).Message.ShouldContain("'malpha'");
        }
    }

    [Theory]
    [InlineData("alphas=0.1,0.2", "'alphas' has 2 values; it takes the three runs' learning rates")]
    [InlineData("alphas=0.1", "'alphas' has 1 value;")]
    [InlineData("alphas=0.1,0.2,0.3,0.4", "'alphas' has 4 values; it takes at most 3")]
    [InlineData("alphas=0.1,fast,0.3", "value 2 of the parameter 'alphas' is 'fast', which is not a number")]
    [InlineData("alphas=0.1,1e308,0.3", "value 2 of the parameter 'alphas' is 1E+308")]
    [InlineData("below=0", "'below' is 0; the loss threshold must be above 0")]
    [InlineData("below=-1", "'below' is -1; the loss threshold must be above 0")]
    [InlineData("below=NaN", "'below' is 'NaN', which is not a number")]
    [InlineData("malpha=1e7", "'malpha' is 10000000; it must be from -1000000 to 1000000")]
    [InlineData("beta=Infinity", "'beta' is 'Infinity', which is not a number")]
    [InlineData("iter=40", "'iter' is 40; it must be from 0 to 39")]
    [InlineData("iter=1.5", "'iter' is '1.5', which is not a whole number")]
    public void ABadValue_IsAnErrorNamingIt(string query, string fragment) =>
        Should.Throw<ScenarioException>(() => OptimizerLinks.Read(LinkQuery.Parse(query))).Message.ShouldContain(fragment);
}
