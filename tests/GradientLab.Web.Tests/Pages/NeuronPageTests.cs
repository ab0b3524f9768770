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
}
