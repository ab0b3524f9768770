using Bunit;
using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Runs;
using GradientLab.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The concepts page's controls: the update rule's inputs, the sections' settings in the address, and the experiments.</summary>
public sealed class ConceptsPageTests : PageContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static string Text(IRenderedComponent<Concepts> page, string id) => page.Find($"[data-testid={id}]").TextContent.Trim();

    private static string Value(IRenderedComponent<Concepts> page, string id) => page.Find($"[data-testid={id}]").GetAttribute("value") ?? "";

    [Fact]
    public void The_update_rule_follows_its_inputs_and_ignores_bad_ones()
    {
        var page = Render<Concepts>();
        page.Find("[data-testid=rule-alpha]").Change("0.6");
        page.Find("[data-testid=rule-theta-next]").TextContent.ShouldBe("-0.8"); // 4 − 0.6 × 8
        page.Find("[data-testid=rule-alpha]").Change("x");
        page.Find("[data-testid=rule-theta-next]").TextContent.ShouldBe("-0.8");
        Navigation.Uri.ShouldEndWith("/concepts?v=2&alpha=0.6");
    }

    [Fact]
    public void An_experiment_runs_and_says_its_numbers()
    {
        var page = Render<Concepts>();
        page.Find("[data-testid=experiment-batch-1]").Click();
        page.Find("[data-testid=experiment-lesson]").TextContent.ShouldContain("The full-data cost rose on");
        Navigation.Uri.ShouldEndWith("/concepts?v=2&experiment=batch-1");
        page.Find("[data-testid=experiment-base]").Click();
        page.Find("[data-testid=experiment-lesson]").TextContent.ShouldNotContain("Final cost");
        Navigation.Uri.ShouldEndWith("/concepts");
    }

    [Fact]
    public void Each_sections_controls_write_the_address()
    {
        var page = Render<Concepts>();
        page.Find("[data-testid=order-data]").Change("course-lab");
        Navigation.Uri.ShouldEndWith("/concepts?v=2&order=course-lab");
        Value(page, "order-steps").ShouldBe("50");
        page.Find("[data-testid=order-alpha]").Change("0.02");
        page.Find("[data-testid=variants-batch-size]").Change("4");
        page.Find("[data-testid=variants-epochs]").Change("10");
        page.Find("[data-testid=variants-alpha]").Change("0.05");
        page.Find("[data-testid=tour-next]").Click();
        Navigation.Uri.ShouldEndWith("/concepts?v=2&order=course-lab&batch=4&epochs=10&stage=1&order-alpha=0.02&batch-alpha=0.05");
        Text(page, "iterations-mini").ShouldBe("20"); // ⌈5/4⌉ = 2 updates per epoch, 10 epochs
        page.Find("[data-testid=variants-alpha]").Change("0"); // a rate must be above 0: nothing changes
        Navigation.Uri.ShouldContain("batch-alpha=0.05");
        page.Find("[data-testid=tour-restart]").Click();
        Navigation.Uri.ShouldNotContain("stage=");
    }

    [Fact]
    public void An_address_restores_every_sections_controls_and_numbers()
    {
        Navigation.NavigateTo("concepts?v=2&theta=-2&order=course-lab&batch=4&epochs=10&tour=1&stage=3&experiment=alpha-large&present=1");
        var page = Render<Concepts>();
        page.FindAll("[data-testid=link-error]").ShouldBeEmpty();
        Value(page, "rule-theta").ShouldBe("-2");
        Text(page, "rule-slope").ShouldBe("-4"); // J′(θ) = 2θ
        Value(page, "order-data").ShouldBe("course-lab");
        Text(page, "order-b-sequential").ShouldBe("3.9025"); // the course lab's first sequential update, by hand (UpdateOrderComparisonTests)
        Value(page, "variants-batch-size").ShouldBe("4");
        Value(page, "variants-epochs").ShouldBe("10");
        Text(page, "iterations-mini").ShouldBe("20");
        page.Find("[data-testid=tour-stage-3]").ClassList.ShouldContain("gl-lit");
        Text(page, "tour-dw").ShouldBe(LiveSession.F(new TrainingLoopTour(1, 3).GradientW));
        page.Find("[data-testid=experiment-alpha-large]").ClassList.ShouldContain("gl-on");
        Text(page, "experiment-status").ShouldContain("Diverged");
    }

    [Fact]
    public void A_bad_address_names_its_parameter_and_shows_the_first_settings()
    {
        Navigation.NavigateTo("concepts?v=2&batch=9&epochs=10");
        var page = Render<Concepts>();
        Text(page, "link-error").ShouldContain("the parameter 'batch' is 9; it must be from 1 to 5");
        Value(page, "variants-batch-size").ShouldBe("2");
        Value(page, "variants-epochs").ShouldBe("30");
        Text(page, "iterations-mini").ShouldBe("90");
    }
}
