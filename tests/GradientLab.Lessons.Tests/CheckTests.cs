using GradientLab.Lessons.Activities;

namespace GradientLab.Lessons.Tests;

public sealed class CheckTests
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.Embedded;
    private static readonly ReorderExercise Loop = Catalog.Get<ReorderExercise>("concepts.training-loop-order");

    [Fact]
    public void AWrongAnswer_IsExplained_AndPointsAtItsDemo()
    {
        var question = Catalog.Get<QuizActivity>("concepts.training-loop-quiz").Questions.Single(q => q.Id == "update-sign");
        var result = question.Check("b");
        result.IsCorrect.ShouldBeFalse();
        result.Explanation.ShouldContain("minus sign");
        result.Demo!.Href.ShouldBe("/live?preset=course-lab");
        result.Right.Id.ShouldBe("a");
        result.Outcome.ShouldBe(new ActivityOutcome(0, 1, false));
        question.Check("a").IsCorrect.ShouldBeTrue();
    }

    [Fact]
    public void AnUnknownAnswer_IsAnArgumentError()
    {
        var question = Catalog.Get<QuizActivity>("concepts.training-loop-quiz").Questions[0];
        Should.Throw<ArgumentException>(() => question.Check("z")).Message.ShouldContain("no answer 'z'");
    }

    [Fact]
    public void AQuiz_IsCompleteWhenEveryQuestionIsAnswered_AndScoresTheRightOnes()
    {
        var quiz = Catalog.Get<QuizActivity>("concepts.training-loop-quiz");
        var right = quiz.Questions.ToDictionary(q => q.Id, q => q.CorrectChoice.Id, StringComparer.Ordinal);
        quiz.Check(right).Outcome.ShouldBe(new ActivityOutcome(5, 5, true));

        var partial = new Dictionary<string, string>(StringComparer.Ordinal) { ["after-loss"] = "a", ["updates-per-epoch"] = "a" };
        var result = quiz.Check(partial);
        result.Outcome.ShouldBe(new ActivityOutcome(1, 5, false));
        result.Summary.ShouldBe("1 of 5 right");
    }

    [Fact]
    public void Terms_MatchedToAnotherDefinition_SayWhatThatDefinitionDescribes()
    {
        var terms = Catalog.Get<TermsActivity>("concepts.define-the-terms");
        var batch = terms.Pairs.Single(p => p.Term == "batch").Definition;
        var epoch = terms.Pairs.Single(p => p.Term == "epoch").Definition;
        var result = terms.Check(new Dictionary<string, string>(StringComparer.Ordinal) { ["epoch"] = batch, ["batch"] = batch });
        result.Verdicts[0].IsCorrect.ShouldBeFalse();
        result.Verdicts[0].Explanation.ShouldBe($"Not quite: that describes batch. epoch is: {epoch}");
        result.Verdicts[1].IsCorrect.ShouldBeTrue();
        result.Outcome.ShouldBe(new ActivityOutcome(1, 10, false));
        terms.Check(terms.Pairs.ToDictionary(p => p.Term, p => p.Definition, StringComparer.Ordinal)).Outcome.Completed.ShouldBeTrue();
    }

    [Fact]
    public void ShuffledDefinitions_AreAllThere_AndRepeatableBySeed()
    {
        var terms = Catalog.Get<TermsActivity>("concepts.define-the-terms");
        terms.ShuffledDefinitions(3).ShouldBe(terms.Pairs.Select(p => p.Definition), ignoreOrder: true);
        terms.ShuffledDefinitions(3).ShouldBe(terms.ShuffledDefinitions(3));
    }

    [Fact]
    public void Reorder_TheRightOrder_IsSolved()
    {
        var result = Loop.Check(["predict", "loss", "gradients", "update", "repeat"]);
        result.IsSolved.ShouldBeTrue();
        result.InPlace.ShouldAllBe(p => p);
        result.Outcome.ShouldBe(new ActivityOutcome(5, 5, true));
        result.Feedback.ShouldStartWith("All 5 steps are in order.");
    }

    [Fact]
    public void Reorder_SaysWhichPositionsAreRight_AndWhatToFixFirst()
    {
        // The update before the gradients: positions 3 and 4 are swapped.
        var result = Loop.Check(["predict", "loss", "update", "gradients", "repeat"]);
        result.InPlace.ShouldBe([true, true, false, false, true]);
        result.IsSolved.ShouldBeFalse();
        result.Outcome.ShouldBe(new ActivityOutcome(3, 5, false));
        result.Feedback.ShouldBe(
            "3 of 5 steps are in place. Step 3 should be “Compute the gradients: the loss's partial derivative for every parameter (backward pass).”: " +
            "The gradients are derivatives of the loss, so the loss comes first; and the update needs them, so they come before it. " +
            "“Update the parameters: step each one against its gradient, θ ← θ − α·∇J.” belongs at step 4.");
    }

    [Theory]
    [InlineData("predict loss gradients update")]
    [InlineData("predict loss gradients update update")]
    [InlineData("predict loss gradients update shuffle")]
    public void Reorder_AnOrderThatIsNotEveryStepOnce_IsAnArgumentError(string order)
    {
        Should.Throw<ArgumentException>(() => Loop.Check(order.Split(' ')));
    }

    [Fact]
    public void Reorder_Shuffled_IsNeverAlreadySolved()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var order = Loop.Shuffled(seed).Select(s => s.Id).ToList();
            Loop.Check(order).IsSolved.ShouldBeFalse($"seed {seed}");
        }
    }

    [Fact]
    public void FlashCards_AreCompleteOnceEveryCardIsFlipped_AndScoreTheKnownOnes()
    {
        var deck = Catalog.Get<FlashCardDeck>("concepts.revision-cards");
        var all = deck.Cards.Select(c => c.Id).ToList();
        deck.Outcome(all.Take(11).ToList(), ["update-rule"]).ShouldBe(new ActivityOutcome(1, 12, false));
        deck.Outcome(all, ["update-rule", "momentum", "not-a-card"]).ShouldBe(new ActivityOutcome(2, 12, true));
    }

    [Fact]
    public void TheIntuitionCheck_ExplainsWhyTheLearnersAnswerIsWrong()
    {
        var check = Catalog.Get<IntuitionCheck>("concepts.intuition-convexity");
        check.Question.CorrectChoice.Text.ShouldContain("convex");
        var result = check.Question.Check("c");
        result.IsCorrect.ShouldBeFalse();
        result.Demo!.Href.ShouldBe("/live?preset=housing-live-demo");
        check.Answer.ShouldContain("positive semi-definite");
    }
}
