using GradientLab.Lessons.Activities;

namespace GradientLab.Lessons.Tests;

public sealed class ContentTests
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.Embedded;

    [Fact]
    public void TheShippedFiles_Load_WithTheContentTheIssueAsksFor()
    {
        Catalog.Get<QuizActivity>("concepts.training-loop-quiz").Questions.Count.ShouldBeGreaterThanOrEqualTo(5);
        Catalog.OfType<TermsActivity>().Sum(t => t.Pairs.Count).ShouldBeGreaterThanOrEqualTo(10);
        Catalog.OfType<FlashCardDeck>().Sum(d => d.Cards.Count).ShouldBeGreaterThanOrEqualTo(12);
        Catalog.OfType<IntuitionCheck>().ShouldHaveSingleItem();
        Catalog.OfType<ReorderExercise>().ShouldHaveSingleItem().Steps.Count.ShouldBe(5);
        Catalog.OfType<ChallengeActivity>().ShouldHaveSingleItem().Challenge.ShouldBe(MomentumChallenge.Name);
        Catalog.OfType<PredictActivity>().Select(p => p.Stepper).ShouldBe(["live", "neuron"], ignoreOrder: true);
    }

    [Fact]
    public void InterviewQuestions_AreThreePerLevel()
    {
        var interview = Catalog.OfType<InterviewQuestion>();
        interview.Count.ShouldBe(9);
        interview.GroupBy(q => q.Level).ShouldAllBe(g => g.Count() == 3);
        interview.ShouldAllBe(q => q.Answer.Length > 200 && q.KeyPoints.Count >= 3);
    }

    [Fact]
    public void TheDefinedTerms_AreTheOnesTheIssueLists()
    {
        Catalog.Get<TermsActivity>("concepts.define-the-terms").Pairs.Select(p => p.Term).ShouldBe(
            ["parameters", "forward pass", "loss", "backward pass", "gradient", "learning rate", "epoch", "batch", "mini-batch", "momentum"]);
    }

    [Fact]
    public void EveryWrongAnswer_HasAnExplanation_AndADemoTheLabCanOpen()
    {
        var questions = Catalog.OfType<QuizActivity>().SelectMany(q => q.Questions).Concat(Catalog.OfType<IntuitionCheck>().Select(i => i.Question)).ToList();
        questions.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var choice in questions.SelectMany(q => q.Choices).Where(c => !c.IsCorrect))
        {
            choice.Explanation.Length.ShouldBeGreaterThan(40, choice.Text);
            choice.Demo.ShouldNotBeNull(choice.Text);
            DemoLink.TryParse(choice.Demo.Href, out var again, out _).ShouldBeTrue(choice.Demo.Href);
            again.ShouldBe(choice.Demo);
        }
    }

    [Fact]
    public void EveryActivity_BelongsToAPage_AndIdsAreUnique()
    {
        Catalog.All.ShouldAllBe(a => LabPages.All.Contains(a.Page));
        Catalog.All.Select(a => a.Id).ShouldBeUnique();
        foreach (var page in LabPages.All)
        {
            Catalog.ForPage(page).ShouldNotBeEmpty(page);
        }
    }

    [Fact]
    public void EveryQuestion_HasExactlyOneRightAnswer()
    {
        foreach (var question in Catalog.OfType<QuizActivity>().SelectMany(q => q.Questions))
        {
            question.Choices.Count(c => c.IsCorrect).ShouldBe(1, question.Prompt);
        }
    }

    [Theory]
    [InlineData("/live?preset=housing-unscaled", "/live", "housing-unscaled")]
    [InlineData("/neuron?preset=plateau", "/neuron", "plateau")]
    [InlineData("/failures", "/failures", null)]
    public void DemoLinks_ReadPageAndPreset(string href, string page, string? preset)
    {
        DemoLink.TryParse(href, out var link, out var problem).ShouldBeTrue(problem);
        link.ShouldBe(new DemoLink(page, preset));
        link!.Href.ShouldBe(href);
        link.RelativeHref.ShouldBe(href[1..]);
    }

    [Theory]
    [InlineData("/nowhere", "not a page")]
    [InlineData("/live?preset=no-such-preset", "no preset 'no-such-preset'")]
    [InlineData("/neuron?preset=course-lab", "only sigmoid-neuron presets")]
    [InlineData("/live?preset=xor-network", "opens on the /network page")]
    [InlineData("/failures?preset=plateau", "only /live and /neuron open a preset")]
    [InlineData("/live?s=abc", "the only query")]
    public void DemoLinks_ThatTheLabCannotOpen_AreRejected(string href, string reason)
    {
        DemoLink.TryParse(href, out var link, out var problem).ShouldBeFalse();
        link.ShouldBeNull();
        problem!.ShouldContain(reason);
    }
}
