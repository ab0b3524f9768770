using GradientLab.Web.State;

namespace GradientLab.Web.Tests;

/// <summary>The views of a page, shown one at a time in presenting and embed mode.</summary>
public sealed class SlideDeckTests
{
    [Fact]
    public void Concepts_has_six_views_in_page_order()
    {
        var deck = SlideDeck.For("/concepts");
        Assert.True(deck.HasSlides);
        Assert.Equal(["rule", "order", "variants", "tour", "experiments", "convexity"], deck.Slides.Select(s => s.Name));
    }

    [Fact]
    public void Next_and_previous_stop_at_the_ends()
    {
        var deck = SlideDeck.For("optimizers");
        Assert.Equal("momentum", deck.Move("dilemma", 1)!.Name);
        Assert.Equal("schedule-helps", deck.Move("race", 1)!.Name);
        Assert.Equal("schedule-helps", deck.Move("schedule-helps", 1)!.Name);
        Assert.Equal("dilemma", deck.Move("dilemma", -1)!.Name);
        Assert.Equal("2 / 4", deck.Position("momentum"));
    }

    [Fact]
    public void An_unknown_name_means_the_first_view_and_never_reaches_the_css()
    {
        var deck = SlideDeck.For("failures");
        Assert.Equal("alpha-too-large", deck.Current("x\"] { } body { display:none")!.Name);
        Assert.Contains("[data-slide=\"alpha-too-large\"]", deck.HideOthersCss("x\"] {"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_with_one_view_have_no_deck()
    {
        Assert.False(SlideDeck.For("live").HasSlides);
        Assert.Null(SlideDeck.For("neuron").Current(null));
        Assert.Equal("", SlideDeck.For("").HideOthersCss("rule"));
    }
}
