using GradientLab.Lessons.Activities;
using GradientLab.Web.Components.Activities;
using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.Tests.Activities;

/// <summary>The plain C# behind the activity views: flash-card rounds, reorder moves, the editor's gutter, the challenge chart.</summary>
public sealed class ActivityStateTests
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.Embedded;

    [Fact]
    public void FlashCards_CompleteOnceEveryCardIsFlipped_AndCountTheKnownOnes()
    {
        var deck = Catalog.Get<FlashCardDeck>("concepts.revision-cards");
        var round = new FlashCardRound(deck);
        round.ShowingBack.ShouldBeFalse();
        round.Flip();
        round.ShowingBack.ShouldBeTrue();
        round.Mark(knew: true);
        round.Index.ShouldBe(1);
        round.ShowingBack.ShouldBeFalse();
        round.Outcome.ShouldBe(new ActivityOutcome(1, deck.Cards.Count, false));

        for (var i = 1; i < deck.Cards.Count; i++)
        {
            round.Flip();
            round.Mark(knew: false);
        }

        round.Index.ShouldBe(0); // after the last comes the first
        round.Outcome.ShouldBe(new ActivityOutcome(1, deck.Cards.Count, true));
        round.Flip();
        round.Mark(knew: false); // changing one's mind un-knows the card
        round.KnownCount.ShouldBe(0);
        round.Previous();
        round.Index.ShouldBe(0);
        round.Restart();
        round.Outcome.ShouldBe(new ActivityOutcome(0, deck.Cards.Count, false));
    }

    [Fact]
    public void Reorder_MovesByOffset_ByDrop_AndClampsAtTheEnds()
    {
        var exercise = Catalog.Get<ReorderExercise>("concepts.training-loop-order");
        var list = new ReorderList(exercise, seed: 7);
        var ids = exercise.Steps.Select(s => s.Id).ToArray();
        list.Order.Select(s => s.Id).ShouldBe(exercise.Shuffled(7).Select(s => s.Id));

        var first = list.Order[0].Id;
        list.Move(first, -1).ShouldBeNull(); // already at the top
        list.Move(first, 1)!.ShouldContain("is now step 2 of 5");
        list.IndexOf(first).ShouldBe(1);
        list.MoveTo(first, 99)!.ShouldContain("step 5 of 5");

        for (var target = 0; target < ids.Length; target++)
        {
            list.Drop(ids[target], list.Order[target].Id);
        }

        list.Order.Select(s => s.Id).ShouldBe(ids);
        list.Check().IsSolved.ShouldBeTrue();
        list.InPlace(0).ShouldBe(true);
        list.Move(ids[0], 1);
        list.Result.ShouldBeNull(); // a move makes the last check stale
        list.InPlace(0).ShouldBeNull();
    }

    [Theory]
    [InlineData("learning rate", "learning-rate")]
    [InlineData("mini-batch", "mini-batch")]
    [InlineData("Forward pass (ŷ)", "forward-pass")]
    public void Slug_MakesAnId(string text, string slug) => ActivityText.Slug(text).ShouldBe(slug);

    [Fact]
    public void Shorten_CutsAtAWord()
    {
        ActivityText.Shorten("short", 10).ShouldBe("short");
        ActivityText.Shorten("The numbers the model learns, such as the weight", 30).ShouldBe("The numbers the model learns…");
    }

    [Fact]
    public void TheGutter_NumbersEveryLine()
    {
        EditorLines.Numbers(3).ShouldBe("1\n2\n3");
        EditorLines.Numbers(0).ShouldBe("1");
    }

    [Fact]
    public void TheChallengeChart_ShowsBothTrajectories_AndTheFirstDifference()
    {
        var c = MomentumChallenge.Cases[0];
        var mistaken = MomentumChallenge.Trajectory(c, MomentumMistake.NoVelocity);
        var report = MomentumChallenge.Grade([.. MomentumChallenge.Cases.Select(k => new LearnerCaseResult(
            k.Id, LearnerOutcome.Returned, "number", MomentumChallenge.Trajectory(k, MomentumMistake.NoVelocity)[^1], null,
            MomentumChallenge.Trajectory(k, MomentumMistake.NoVelocity), null, null, null))]);
        var verdict = report.Cases[0];
        verdict.FirstDifference.ShouldNotBeNull();
        var svg = ChallengeFigures.Trajectories(verdict, 390);
        svg.ShouldContain("data-testid=\"challenge-chart\"");
        svg.ShouldContain("data-testid=\"challenge-expected\"");
        svg.ShouldContain("data-testid=\"challenge-actual\"");
        svg.ShouldContain($"first differs after epoch {verdict.FirstDifference!.Epoch}");
        mistaken.Count.ShouldBe(c.Epochs);
    }
}
