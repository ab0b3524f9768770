namespace GradientLab.Web.State;

/// <summary>One view of a page shown alone, like a slide: its name (the section's <c>data-slide</c> and the address's
/// <c>slide=</c>) and its title.</summary>
public sealed record Slide(string Name, string Title);

/// <summary>
/// The views of each page, in page order. Presenting mode shows one at a time (PageDown / PageUp move between them) and
/// embed mode shows one (<c>?embed=1&amp;slide=NAME</c>); pages with one view (/live, /neuron, the home page) have none here
/// and show whole. The names match the <c>data-slide</c> attributes of the pages' top-level sections.
/// </summary>
public sealed class SlideDeck
{
    private static readonly Dictionary<string, SlideDeck> Decks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["concepts"] = new(
            new("rule", "The update rule"),
            new("order", "Simultaneous versus sequential update"),
            new("variants", "Batch, mini-batch and stochastic"),
            new("tour", "A tour of one training iteration"),
            new("experiments", "Experiments"),
            new("convexity", "Why gradient descent cannot get stuck here")),
        ["optimizers"] = new(
            new("dilemma", "The learning-rate dilemma"),
            new("momentum", "Momentum against vanilla gradient descent"),
            new("race", "The race"),
            new("schedule-helps", "When a schedule helps")),
        ["failures"] = new(
            new("alpha-too-large", "α too high"),
            new("alpha-too-small", "α too low"),
            new("unscaled-features", "Unscaled features"),
            new("sequential-update", "The sequential update"),
            new("saddle-point", "A saddle point"),
            new("plateau", "A plateau")),
    };

    /// <summary>A page without separate views.</summary>
    public static readonly SlideDeck None = new();

    private SlideDeck(params Slide[] slides) => Slides = slides;

    /// <summary>The views in page order.</summary>
    public IReadOnlyList<Slide> Slides { get; }

    /// <summary>True when the page has more than one view to move between.</summary>
    public bool HasSlides => Slides.Count > 1;

    /// <summary>The deck of the page at <paramref name="path"/> (the address's path, e.g. <c>concepts</c> or <c>/concepts/</c>).</summary>
    public static SlideDeck For(string? path) =>
        Decks.TryGetValue((path ?? "").Trim('/'), out var deck) ? deck : None;

    /// <summary>The position of the view named <paramref name="name"/>; the first view (0) for an unknown or missing name.</summary>
    public int IndexOf(string? name)
    {
        for (var i = 0; i < Slides.Count; i++)
        {
            if (string.Equals(Slides[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The view named <paramref name="name"/>, or the first; null on a page without views.</summary>
    public Slide? Current(string? name) => Slides.Count == 0 ? null : Slides[IndexOf(name)];

    /// <summary>The view <paramref name="offset"/> places after (or, negative, before) the named one; it stops at the ends.</summary>
    public Slide? Move(string? name, int offset) =>
        Slides.Count == 0 ? null : Slides[Math.Clamp(IndexOf(name) + offset, 0, Slides.Count - 1)];

    /// <summary>"2 / 6": the named view's place among the page's views.</summary>
    public string Position(string? name) => Slides.Count == 0 ? "" : $"{IndexOf(name) + 1} / {Slides.Count}";

    /// <summary>The CSS that hides every other view of the page (only names of this deck are written, so the rule is safe).</summary>
    public string HideOthersCss(string? name) => Current(name) is { } slide
        ? $".gl-slides [data-slide]:not([data-slide=\"{slide.Name}\"]) {{ display: none !important; }}"
        : "";
}
