using GradientLab.Lessons.Activities;

namespace GradientLab.Web.Components.Activities;

/// <summary>
/// One pass through a deck of flash cards: the card shown, which side is up, the cards flipped and the cards the learner
/// knew. The deck is complete once every card has been flipped (see <see cref="FlashCardDeck.Outcome"/>).
/// </summary>
public sealed class FlashCardRound(FlashCardDeck deck)
{
    private readonly HashSet<string> _flipped = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    /// <summary>The deck.</summary>
    public FlashCardDeck Deck { get; } = deck ?? throw new ArgumentNullException(nameof(deck));

    /// <summary>The position of the card shown (from 0).</summary>
    public int Index { get; private set; }

    /// <summary>Whether the answer side is up.</summary>
    public bool ShowingBack { get; private set; }

    /// <summary>The card shown.</summary>
    public FlashCard Current => Deck.Cards[Index];

    /// <summary>Cards flipped at least once.</summary>
    public int FlippedCount => _flipped.Count;

    /// <summary>Cards marked as known.</summary>
    public int KnownCount => _known.Count;

    /// <summary>Whether the current card has been marked as known.</summary>
    public bool CurrentKnown => _known.Contains(Current.Id);

    /// <summary>The round's outcome for the progress book.</summary>
    public ActivityOutcome Outcome => Deck.Outcome(_flipped, _known);

    /// <summary>Turns the card over.</summary>
    public void Flip()
    {
        ShowingBack = !ShowingBack;
        _flipped.Add(Current.Id);
    }

    /// <summary>Marks the current card as known or not, then shows the next one.</summary>
    public void Mark(bool knew)
    {
        _flipped.Add(Current.Id);
        if (knew)
        {
            _known.Add(Current.Id);
        }
        else
        {
            _known.Remove(Current.Id);
        }

        Next();
    }

    /// <summary>The next card, front up (after the last comes the first).</summary>
    public void Next() => MoveTo((Index + 1) % Deck.Cards.Count);

    /// <summary>The previous card, front up (before the first comes the last).</summary>
    public void Previous() => MoveTo((Index + Deck.Cards.Count - 1) % Deck.Cards.Count);

    /// <summary>Starts over: the first card, nothing flipped or known.</summary>
    public void Restart()
    {
        _flipped.Clear();
        _known.Clear();
        MoveTo(0);
    }

    private void MoveTo(int index)
    {
        Index = index;
        ShowingBack = false;
    }
}
