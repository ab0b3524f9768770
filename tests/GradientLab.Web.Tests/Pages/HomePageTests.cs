using Bunit;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.Components.Pages;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The home page: a card for each page, each with a picture drawn from that page's own run.</summary>
public sealed class HomePageTests : PageContext
{
    [Theory]
    [InlineData("live")]
    [InlineData("neuron")]
    [InlineData("concepts")]
    [InlineData("optimizers")]
    [InlineData("failures")]
    public void Each_card_leads_to_its_page_and_shows_a_picture(string page)
    {
        var home = Render<Home>();
        var card = home.Find($"[data-testid=card-{page}]");
        card.GetAttribute("href").ShouldBe(page);
        card.QuerySelector(".gl-preview svg").ShouldNotBeNull();
    }

    [Fact]
    public void The_optimizer_card_races_gd_momentum_and_adam_to_the_end_of_their_budget()
    {
        var race = CardPreviews.RaceOnRosenbrock();
        race.Runs.Select(r => r.Racer.Key).ShouldBe(CardPreviews.RaceKeys);
        race.Finished.ShouldBeTrue();
        race.StepCount.ShouldBeLessThanOrEqualTo(CardPreviews.RaceSteps);
    }

    [Fact]
    public void The_concepts_card_shows_one_step_from_four_landing_on_three_point_two()
    {
        // θ − α·2θ = 4 − 0.1·8 = 3.2 (the update rule on J(θ) = θ²).
        CardPreviews.FirstStep.Next.ShouldBe(3.2, 1e-12);
    }

    [Fact]
    public void The_cards_show_the_learning_path_and_the_progress_tools()
    {
        var home = Render<Home>();
        home.FindAll(".gl-card").Count.ShouldBe(5);
        home.Find("[data-testid=learning-path]").ShouldNotBeNull();
        home.Find("[data-testid=progress-tools]").ShouldNotBeNull();
        home.Find("[data-testid=overall-progress]").TextContent.ShouldStartWith("Overall:");
    }
}
