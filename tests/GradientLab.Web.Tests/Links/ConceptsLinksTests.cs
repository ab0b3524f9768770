using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

public sealed class ConceptsLinksTests
{
    [Fact]
    public void ThePagesFirstState_WritesNoQuery_AndAnEmptyAddressReadsBackToIt()
    {
        ConceptsLinks.Query(new ConceptsState()).ShouldBe("");
        ConceptsLinks.Read("https://example.org/concepts").ShouldBe(new ConceptsState());
        ConceptsLinks.Read("/concepts?present=1&slide=order").ShouldBe(new ConceptsState());
    }

    [Fact]
    public void EverySetting_IsWrittenOnlyWhenChanged_AndReadBack()
    {
        var state = new ConceptsState().WithOrder("course-lab") with
        {
            Theta = -2.5,
            RuleAlpha = 0.6,
            OrderAlpha = 0.02,
            BatchSize = 4,
            Epochs = 12,
            BatchAlpha = 0.05,
            Tour = 3,
            Stage = 2,
            Experiment = "batch-1",
        };
        var query = ConceptsLinks.Query(state);
        query.ShouldBe("v=2&order=course-lab&batch=4&epochs=12&tour=3&stage=2&experiment=batch-1&theta=-2.5&alpha=0.6&order-alpha=0.02&batch-alpha=0.05");
        ConceptsLinks.Read("/concepts?" + query).ShouldBe(state);
    }

    [Fact]
    public void TheOrderComparisonsRateAndSteps_DefaultToItsPresets()
    {
        // course-lab is shown at α = 0.01 for 50 steps, the Portland houses at α = 0.2 (UpdateOrderComparison's defaults).
        ConceptsLinks.Query(new ConceptsState().WithOrder("course-lab")).ShouldBe("v=2&order=course-lab");
        ConceptsLinks.Read("/concepts?v=2&order=housing-live-demo").ShouldBe(new ConceptsState { Order = "housing-live-demo", OrderAlpha = 0.2, OrderSteps = 50 });
        ConceptsLinks.Query(new ConceptsState().WithOrder("housing-live-demo") with { OrderSteps = 300 }).ShouldBe("v=2&order=housing-live-demo&order-steps=300");
        ConceptsLinks.Query(new ConceptsState { OrderSteps = 301 }).ShouldBe("v=2&order-steps=301");
    }

    [Fact]
    public void NumbersAreWrittenExactly()
    {
        var state = new ConceptsState { Theta = 0.1 + 0.2, BatchAlpha = 1e-7 };
        ConceptsLinks.Read("/concepts?" + ConceptsLinks.Query(state)).ShouldBe(state);
    }

    [Theory]
    [InlineData("batch=9", "'batch' is 9; it must be from 1 to 5")]
    [InlineData("batch=two", "'batch' is 'two', which is not a whole number")]
    [InlineData("epochs=0", "'epochs' is 0; it must be from 1 to 500")]
    [InlineData("order=rosenbrock", "'order' is 'rosenbrock'; it must be one of: sequential-himmelblau, course-lab, housing-live-demo")]
    [InlineData("order-steps=2001", "'order-steps' is 2001; it must be from 1 to 2,000")]
    [InlineData("order-alpha=0", "'order-alpha' is 0; a learning rate must be above 0")]
    [InlineData("batch-alpha=-0.1", "'batch-alpha' is -0.1; it must be from 0 to 1000000")]
    [InlineData("order-alpha=NaN", "'order-alpha' is 'NaN', which is not a number")]
    [InlineData("theta=1e308", "'theta' is 1E+308; it must be from -1000000 to 1000000")]
    [InlineData("alpha=x", "'alpha' is 'x', which is not a number")]
    [InlineData("tour=2001", "'tour' is 2001; it must be from 0 to 2,000")]
    [InlineData("stage=6", "'stage' is 6; it must be from 0 to 5")]
    [InlineData("experiment=nope", "'experiment' is 'nope'")]
    [InlineData("speed=3", "'speed' is not one this page knows")]
    public void ABadParameter_IsAnErrorNamingIt(string query, string fragment) =>
        Should.Throw<ScenarioException>(() => ConceptsLinks.Read("/concepts?v=2&" + query)).Message.ShouldContain(fragment);

    [Theory]
    [InlineData("theta", "-3.5", true, -3.5)]
    [InlineData("theta", "2e6", false, 0)]
    [InlineData("alpha", "-0.1", true, -0.1)] // a negative α is a lesson too: the step goes uphill
    [InlineData("order-alpha", "0", false, 0)]
    [InlineData("batch-alpha", "0.05", true, 0.05)]
    [InlineData("batch-alpha", "Infinity", false, 0)]
    [InlineData("order-alpha", "x", false, 0)]
    public void ATypedNumber_IsTakenOnlyWhenItsLinkCouldCarryIt(string name, string text, bool taken, double value)
    {
        ConceptsLinks.TryNumber(name, text, out var read).ShouldBe(taken);
        if (taken)
        {
            read.ShouldBe(value);
        }
    }

    [Theory]
    [InlineData("batch", "9", 5)]
    [InlineData("batch", "0", 1)]
    [InlineData("epochs", "2.6", 3)]
    [InlineData("order-steps", "99999", 2000)]
    public void ATypedWholeNumber_IsBroughtIntoItsRange(string name, string text, int value)
    {
        ConceptsLinks.TryWhole(name, text, out var read).ShouldBeTrue();
        read.ShouldBe(value);
        ConceptsLinks.TryWhole(name, "x", out _).ShouldBeFalse();
    }
}
