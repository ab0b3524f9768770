using Bunit;
using GradientLab.Web.Components.Pages;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The concepts page's controls: the update rule's inputs and the experiments.</summary>
public sealed class ConceptsPageTests : PageContext
{
    [Fact]
    public void The_update_rule_follows_its_inputs_and_ignores_bad_ones()
    {
        var page = Render<Concepts>();
        page.Find("[data-testid=rule-alpha]").Change("0.6");
        page.Find("[data-testid=rule-theta-next]").TextContent.ShouldBe("-0.8"); // 4 − 0.6 × 8
        page.Find("[data-testid=rule-alpha]").Change("x");
        page.Find("[data-testid=rule-theta-next]").TextContent.ShouldBe("-0.8");
    }

    [Fact]
    public void An_experiment_runs_and_says_its_numbers()
    {
        var page = Render<Concepts>();
        page.Find("[data-testid=experiment-batch-1]").Click();
        page.Find("[data-testid=experiment-lesson]").TextContent.ShouldContain("The full-data cost rose on");
        page.Find("[data-testid=experiment-base]").Click();
        page.Find("[data-testid=experiment-lesson]").TextContent.ShouldNotContain("Final cost");
    }
}
