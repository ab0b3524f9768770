using System.Globalization;
using Bunit;
using GradientLab.Lessons.Optimizers;
using GradientLab.Web.Components.Pages;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The optimizer race's controls, with playback on a fake clock: play, pause, speed, step, reset, racers and the selected run.</summary>
public sealed class RaceControlsTests : PageContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IRenderedComponent<Optimizers> Open()
    {
        var page = Render<Optimizers>();
        page.WaitForElement("[data-testid=race-table]", Patience);
        return page;
    }

    private static int Step(IRenderedComponent<Optimizers> page) =>
        int.Parse(page.Find("[data-testid=race-step-count]").TextContent.Trim(), CultureInfo.InvariantCulture);

    private static string[] Rows(IRenderedComponent<Optimizers> page) =>
        [.. page.FindAll("[data-testid^=race-row-]").Select(row => row.GetAttribute("data-testid")!["race-row-".Length..])];

    [Fact]
    public void Play_at_30_steps_a_second_makes_30_steps_in_one_second_and_pause_holds()
    {
        var page = Open();
        page.Find("[data-testid=race-speed]").Change("30");
        Step(page).ShouldBe(0);

        page.Find("[data-testid=race-play]").Click();
        page.Find("[data-testid=race-play]").TextContent.ShouldContain("Pause");
        Elapse(1.0);
        page.WaitForAssertion(() => Step(page).ShouldBe(30));

        page.Find("[data-testid=race-play]").Click();
        page.Find("[data-testid=race-play]").TextContent.ShouldContain("Play");
        Elapse(1.0);
        Step(page).ShouldBe(30);
    }

    [Fact]
    public void At_300_steps_a_second_the_clock_ticks_60_times_and_makes_300_steps_in_one_second()
    {
        // PlaybackPace: 300 steps/s are shown as 60 ticks of 5 steps (the screen refreshes at most 60 times a second).
        var page = Open();
        page.Find("[data-testid=race-speed]").GetAttribute("value").ShouldBe("300");
        page.Find("[data-testid=race-play]").Click();
        Elapse(1.0);
        page.WaitForAssertion(() => Step(page).ShouldBe(300));
    }

    [Fact]
    public void Step_moves_one_step_and_reset_returns_to_the_start_with_the_same_rows()
    {
        var page = Open();
        var start = page.Find("[data-testid=final-loss-adam]").TextContent;
        page.Find("[data-testid=race-step]").Click();
        page.Find("[data-testid=race-step]").Click();
        Step(page).ShouldBe(2);
        page.Find("[data-testid=final-loss-adam]").TextContent.ShouldNotBe(start);

        page.Find("[data-testid=race-reset]").Click();
        Step(page).ShouldBe(0);
        page.Find("[data-testid=final-loss-adam]").TextContent.ShouldBe(start);
    }

    [Fact]
    public void A_racer_left_out_leaves_the_table_and_the_menu_and_one_added_joins_both()
    {
        var page = Open();
        Rows(page).ShouldBe(["gd", "momentum", "adam"]);

        page.Find("[data-testid=racer-momentum]").Change(false);
        page.Find("[data-testid=racer-rmsprop]").Change(true);

        Rows(page).ShouldBe(["gd", "rmsprop", "adam"], ignoreOrder: true);
        page.FindAll("[data-testid=state-run] option").Select(o => o.GetAttribute("value")).ShouldBe(Rows(page), ignoreOrder: true);
    }

    [Fact]
    public void Choosing_a_row_makes_the_menu_the_state_panel_and_the_diagnosis_describe_that_run()
    {
        var page = Open();
        page.Find("[data-testid=race-step]").Click();
        page.Find("[data-testid=race-row-adam]").Click();

        page.Find("[data-testid=race-row-adam]").ClassList.ShouldContain("gl-selected");
        page.FindAll("[data-testid=state-run] option[selected]").Single().GetAttribute("value").ShouldBe("adam");
        var adam = RaceSession.AllRacers.Single(r => r.Key == "adam");
        page.Find("[data-testid=diagnosis-title]").TextContent.ShouldContain(adam.Label);
        page.Find("[data-testid=state-table]").TextContent.ShouldContain("m̂"); // Adam's moments; plain GD keeps no state

        page.Find("[data-testid=state-run]").Change("gd");
        page.Find("[data-testid=race-row-gd]").ClassList.ShouldContain("gl-selected");
        page.Find("[data-testid=state-table]").TextContent.ShouldContain("Plain gradient descent keeps no state");
    }

    [Fact]
    public void A_bad_learning_rate_is_named_beside_its_racer_and_the_other_racers_keep_racing()
    {
        var page = Open();
        page.Find("[data-testid=racer-rate-adam]").Change("-1");

        page.Find("[data-testid=racer-rate-error-adam]").TextContent.ShouldNotBeNullOrWhiteSpace();
        page.Find("[data-testid=race-step]").Click();
        Step(page).ShouldBe(1);
        Rows(page).ShouldContain("gd");
    }
}
