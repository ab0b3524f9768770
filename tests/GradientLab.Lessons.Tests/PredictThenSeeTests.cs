using GradientLab.Lessons.Activities;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests;

public sealed class PredictThenSeeTests
{
    private static PredictThenSee For(string preset)
    {
        var run = LessonRun.Of(Presets.Get(preset).Scenario);
        return new PredictThenSee(run.Scenario, run.Trajectory);
    }

    private static LessonRun Run(string preset) => LessonRun.Of(Presets.Get(preset).Scenario);

    [Fact]
    public void TheCourseLabsFirstStep_AsksAboutWAndB_WithTheRunsNumbers()
    {
        // REFERENCE.md: x = [1, 2], y = [300, 500], w = b = 0: the first gradient is (−650, −400); α = 0.01 gives (6.5, 4.0).
        var game = For("course-lab");
        var question = game.Ask(0, PredictionKind.UpdateSigns)!;
        question.Parameters.ShouldBe(["w", "b"]);
        question.Prompt.ShouldBe("Step 1: will w and b go up, go down or stay the same?");
        question.Givens.Select(g => g.Text).ShouldBe(["w = 0", "b = 0", "α = 0.01"]);
        question.Hint.ShouldBe("The update moves each parameter against its slope: ∂J/∂w = -650, ∂J/∂b = -400.");
        question.Tolerance.ShouldBeNull();
    }

    [Fact]
    public void TheGradeFlips_WhenThePredictedSignFlips()
    {
        var game = For("course-lab");
        var question = game.Ask(0, PredictionKind.UpdateSigns)!;

        var right = game.Grade(question, [Direction.Up, Direction.Up]);
        right.IsCorrect.ShouldBeTrue();
        right.Headline.ShouldBe("Right: w went up; b went up.");
        right.Explanation.ShouldBe(
            "∂J/∂w = -650 and α = 0.01: the change is −α·∂J/∂w = −0.01 × (-650) = 6.5, so w went up, from 0 to 6.5. " +
            "∂J/∂b = -400 and α = 0.01: the change is −α·∂J/∂b = −0.01 × (-400) = 4, so b went up, from 0 to 4.");

        var wrong = game.Grade(question, [Direction.Down, Direction.Up]);
        wrong.IsCorrect.ShouldBeFalse();
        wrong.Parts.Select(p => p.IsCorrect).ShouldBe([false, true]);
        wrong.Headline.ShouldBe("Not quite: w went up, not down.");
        game.Grade(question, [Direction.Up, Direction.Stays]).IsCorrect.ShouldBeFalse();
    }

    [Fact]
    public void TheNextValue_IsGradedToTwoSignificantDigits()
    {
        var game = For("course-lab");
        var question = game.Ask(0, PredictionKind.NextValue)!;
        question.Prompt.ShouldBe("Step 1: what will w be after it? Give it to two significant digits (within ±0.05).");
        question.Givens.Select(g => g.Text).ShouldBe(["w = 0", "∂J/∂w = -650", "α = 0.01"]);
        question.Tolerance.ShouldBe(0.05);
        game.Grade(question, 6.5).IsCorrect.ShouldBeTrue();
        game.Grade(question, 6.54).IsCorrect.ShouldBeTrue();
        game.Grade(question, 6.46).IsCorrect.ShouldBeTrue();
        game.Grade(question, 6.6).IsCorrect.ShouldBeFalse();
        var flipped = game.Grade(question, -6.5);
        flipped.IsCorrect.ShouldBeFalse();
        flipped.Headline.ShouldBe("Not quite: w became 6.5 (6.5 to two significant digits), not -6.5.");
    }

    [Theory]
    [InlineData("housing-live-demo")]
    [InlineData("housing-unscaled")]
    [InlineData("alpha-too-large")]
    [InlineData("minibatch-line")]
    public void EveryQuestion_IsMadeFromItsStepsNumbers(string preset)
    {
        var run = Run(preset);
        var game = new PredictThenSee(run.Scenario, run.Trajectory);
        for (var k = 0; k < Math.Min(20, run.Trajectory.Count - 1); k++)
        {
            var before = run.Trajectory[k];
            var after = run.Trajectory[k + 1];
            var question = game.Ask(k, PredictionKind.UpdateSigns)!;
            question.Givens.Take(2).Select(g => g.Value).ShouldBe(before.Parameters);
            question.Givens[^1].Value.ShouldBe(before.LearningRate!.Value);
            question.Hint.ShouldContain($"∂J/∂w = {PredictThenSee.Show(before.Gradient![0])}");
            var actual = after.Parameters.Zip(before.Parameters, (a, b) => (Direction)Math.Sign(a - b)).ToList();
            game.Grade(question, actual).IsCorrect.ShouldBeTrue($"step {k}");
            game.Grade(question, [.. actual.Select(d => (Direction)(-(int)d))]).IsCorrect.ShouldBeFalse($"step {k}");

            var next = game.Ask(k, PredictionKind.NextValue)!;
            next.Givens[0].Value.ShouldBe(before.Parameters[0]);
            game.Grade(next, after.Parameters[0]).IsCorrect.ShouldBeTrue();
            game.Grade(next, after.Parameters[0] + (3 * next.Tolerance!.Value)).IsCorrect.ShouldBeFalse();
        }
    }

    [Fact]
    public void AMiniBatchStep_SaysItsGradientIsTheMiniBatchs()
    {
        var game = For("minibatch-line");
        var verdict = game.Grade(game.Ask(0, PredictionKind.UpdateSigns)!, [Direction.Up, Direction.Up]);
        verdict.Explanation.ShouldContain("on this step's mini-batch and α = ");
    }

    [Fact]
    public void TheNeuron_AsksOnlyAboutW_WhenBIsFixed_AndExplainsWithTheChainRule()
    {
        // x = 2, y = 1, w = 0.5, b = 0: z = 1, ŷ = σ(1) = 0.731059, ∂L/∂ŷ = 2(ŷ − 1) = −0.537883, ∂ŷ/∂z = ŷ(1 − ŷ) = 0.196612,
        // ∂L/∂w = −0.537883 × 0.196612 × 2 = −0.211508; α = 1: w = 0.5 + 0.211508 = 0.711508.
        var game = For("neuron-underprediction");
        game.IsNeuron.ShouldBeTrue();
        var question = game.Ask(0, PredictionKind.UpdateSigns)!;
        question.Parameters.ShouldBe(["w"]);
        question.Givens.Select(g => g.Text).ShouldBe(["x = 2", "y = 1", "w = 0.5", "α = 1"]);
        var verdict = game.Grade(question, [Direction.Up]);
        verdict.IsCorrect.ShouldBeTrue();
        verdict.Explanation.ShouldBe(
            "Forward: z = w·x + b = 0.5 × 2 + 0 = 1; ŷ = σ(z) = 0.731059, against the target y = 1. " +
            "Backward: ∂L/∂ŷ = 2(ŷ − y) = -0.537883; ∂ŷ/∂z = ŷ(1 − ŷ) = 0.196612; ∂z/∂w = x = 2; so ∂L/∂w = -0.537883 × 0.196612 × 2 = -0.211508 and ∂L/∂b = -0.105754. " +
            "∂L/∂w = -0.211508 and α = 1: the change is −α·∂L/∂w = −1 × (-0.211508) = 0.211508, so w went up, from 0.5 to 0.711508. " +
            "b is not trained: it stays at 0.");
        game.Grade(question, [Direction.Down]).IsCorrect.ShouldBeFalse();
        var next = game.Ask(0, PredictionKind.NextValue)!;
        next.Tolerance.ShouldBe(0.005);
        game.Grade(next, 0.71).IsCorrect.ShouldBeTrue();
        game.Grade(next, 0.72).IsCorrect.ShouldBeFalse();
    }

    [Fact]
    public void TheNeuronWithBTrained_AsksAboutBoth()
    {
        var game = For("neuron-cycle");
        game.Ask(0, PredictionKind.UpdateSigns)!.Parameters.ShouldBe(["w", "b"]);
    }

    [Fact]
    public void OnTheOscillatingNeuron_TheRightSignAlternates()
    {
        var game = For("neuron-oscillation");
        var directions = Enumerable.Range(0, 4).Select(k =>
        {
            var question = game.Ask(k, PredictionKind.UpdateSigns)!;
            return game.Grade(question, [Direction.Down]).IsCorrect ? Direction.Down : Direction.Up;
        }).ToList();
        directions.ShouldBe([Direction.Down, Direction.Up, Direction.Down, Direction.Up]);
    }

    [Fact]
    public void Momentum_AsksForSignsOnly_AfterItsFirstStep_AndSaysWhy()
    {
        // PyTorch's momentum: the first update is −α·g (the buffer starts as g); later ones carry the velocity.
        var game = For("momentum");
        game.Ask(0, PredictionKind.NextValue).ShouldNotBeNull();
        game.Ask(1, PredictionKind.NextValue).ShouldBeNull();
        var question = game.Ask(1, PredictionKind.UpdateSigns)!;
        question.Parameters.ShouldBe(["θ"]);
        game.Grade(question, [Direction.Down]).Explanation.ShouldContain("the optimizer's state (such as momentum's velocity) made the change");
    }

    [Fact]
    public void TheLastPoint_HasNoQuestion()
    {
        var run = Run("course-lab");
        var game = new PredictThenSee(run.Scenario, run.Trajectory);
        game.Ask(run.Trajectory.Count - 1, PredictionKind.UpdateSigns).ShouldBeNull();
        game.Ask(-1, PredictionKind.UpdateSigns).ShouldBeNull();
    }

    [Fact]
    public void TheScore_CountsEachQuestionsFirstAnswer()
    {
        var game = For("course-lab");
        var first = game.Ask(0, PredictionKind.UpdateSigns)!;
        game.Grade(first, [Direction.Down, Direction.Down]);
        game.Grade(first, [Direction.Up, Direction.Up]);
        game.Score.ShouldBe(new PredictionScore(1, 0));
        game.Grade(game.Ask(1, PredictionKind.UpdateSigns)!, [Direction.Up, Direction.Up]);
        game.Grade(game.Ask(1, PredictionKind.NextValue)!, 0);
        game.Score.ShouldBe(new PredictionScore(3, 1));
        game.Score.Text.ShouldBe("1 of 3 right");
        game.Outcome(5).ShouldBe(new ActivityOutcome(1, 5, false));
        game.ResetScore();
        game.Score.ShouldBe(new PredictionScore(0, 0));
    }

    [Fact]
    public void AQuestionFromAnotherRun_OrOfAnotherKind_IsRejected()
    {
        var game = For("course-lab");
        var other = For("alpha-too-small").Ask(0, PredictionKind.UpdateSigns)!;
        Should.Throw<ArgumentException>(() => game.Grade(other, [Direction.Up, Direction.Up]));
        Should.Throw<ArgumentException>(() => game.Grade(game.Ask(0, PredictionKind.UpdateSigns)!, 6.5));
        Should.Throw<ArgumentException>(() => game.Grade(game.Ask(0, PredictionKind.UpdateSigns)!, [Direction.Up]));
    }

    [Theory]
    [InlineData("6.5", 6.5)]
    [InlineData(" −6.5 ", -6.5)]
    [InlineData("-0.012", -0.012)]
    [InlineData("6,5", 6.5)]
    [InlineData("1e-3", 0.001)]
    public void TypedNumbers_AreRead(string text, double value)
    {
        PredictThenSee.TryParseNumber(text, out var read).ShouldBeTrue();
        read.ShouldBe(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("six")]
    [InlineData("1,000.5,2")]
    [InlineData("Infinity")]
    public void OtherText_IsNotANumber(string text)
    {
        PredictThenSee.TryParseNumber(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(6.5, "6.5")]
    [InlineData(0.0123, "0.012")]
    [InlineData(1234, "1200")]
    [InlineData(9.96, "10")]
    [InlineData(-0.711508, "-0.71")]
    public void TwoSignificantDigits(double value, string text)
    {
        PredictThenSee.TwoDigits(value).ShouldBe(text);
    }
}
