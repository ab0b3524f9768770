using Bunit;
using GradientLab.Web.Components.Pages;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The chain-rule page's playback controls, driven by the playback clock with a fake time.</summary>
public sealed class NeuronPageTests : PageContext
{
    private static int Iteration(IRenderedComponent<Neuron> page) =>
        int.Parse(page.Find("[data-testid=iteration]").TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Auto_advances_one_iteration_per_tick_at_two_a_second_and_pause_stops_it()
    {
        var page = Render<Neuron>();
        Iteration(page).ShouldBe(0);

        page.Find("[data-testid=auto]").Click();
        page.Find("[data-testid=auto]").TextContent.ShouldContain("Pause");
        Elapse(1.0, tick: 0.5);
        page.WaitForAssertion(() => Iteration(page).ShouldBe(2));

        page.Find("[data-testid=auto]").Click();
        page.Find("[data-testid=auto]").TextContent.ShouldContain("Auto");
        Elapse(2.0, tick: 0.5);
        Iteration(page).ShouldBe(2);
    }

    [Fact]
    public void Choosing_ten_a_second_while_playing_goes_on_at_ten_a_second()
    {
        var page = Render<Neuron>();
        page.Find("[data-testid=auto]").Click();
        page.Find("[data-testid=speed]").Change("10");

        Elapse(0.5, tick: 0.1);

        page.WaitForAssertion(() => Iteration(page).ShouldBe(5));
    }

    private static string Text(IRenderedComponent<Neuron> page, string id) => page.Find($"[data-testid={id}]").TextContent.Trim();

    [Fact]
    public void Next_previous_and_reset_move_the_iteration_and_the_numbers_follow()
    {
        var page = Render<Neuron>();
        var wNext = Text(page, "w-next");
        page.Find("[data-testid=next]").Click();
        Iteration(page).ShouldBe(1);
        Text(page, "w").ShouldBe(wNext);
        page.Find("[data-testid=next]").Click();
        page.Find("[data-testid=previous]").Click();
        Iteration(page).ShouldBe(1);
        page.Find("[data-testid=reset]").Click();
        Iteration(page).ShouldBe(0);
        Text(page, "w").ShouldBe("0.5");
    }

    [Fact]
    public void A_preset_loads_its_numbers_and_its_hint()
    {
        var page = Render<Neuron>();
        page.Find("[data-testid=scenario]").Change("neuron-overprediction");
        page.Find("[data-testid=y]").GetAttribute("value").ShouldBe("0");
        page.Find("[data-testid=hint]").TextContent.ShouldContain("is positive (the loss rises as w grows) → w decreases.");
    }

    [Fact]
    public void A_bad_value_is_named_and_nothing_changes()
    {
        var page = Render<Neuron>();
        var z = Text(page, "z");
        page.Find("[data-testid=x]").Change("abc");
        Text(page, "error").ShouldBe("'abc' is not a number; nothing was changed.");
        Text(page, "z").ShouldBe(z);
    }

    [Fact]
    public void A_new_input_becomes_custom_and_changes_z()
    {
        var page = Render<Neuron>();
        page.Find("[data-testid=x]").Change("4");
        Text(page, "z").ShouldBe("2"); // z = w·x + b = 0.5 × 4 + 0
        page.Find("[data-testid=scenario]").GetAttribute("value").ShouldBe("custom");
    }

    [Fact]
    public void Training_b_updates_b_too()
    {
        var page = Render<Neuron>();
        Text(page, "b-next").ShouldBe("0");
        page.Find("[data-testid=train-bias]").Change(true);
        Text(page, "bias-note").ShouldBe("Both w and b are updated at every iteration.");
        Text(page, "b-next").ShouldNotBe("0");
    }
}
