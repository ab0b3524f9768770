using System.Diagnostics;
using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Lessons.Activities;
using GradientLab.Scenarios;
using Microsoft.Playwright;

namespace GradientLab.EndToEnd.Tests;

/// <summary>Every learning activity answered right and wrong in the browser, predict-then-see, the coding challenge and the progress book.</summary>
[Collection("web")]
public sealed class ActivitiesTests(WebAppFixture web)
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.Embedded;

    private static string[] TrainingLoop => [.. Catalog.Get<ReorderExercise>("concepts.training-loop-order").Steps.Select(s => s.Id)];

    /// <summary>Opens <paramref name="path"/> and unfolds the activity <paramref name="id"/>.</summary>
    private async Task<(IPage Page, ILocator Activity)> OpenActivityAsync(string path, string id, int width = 1280)
    {
        var page = await web.OpenAsync(path, width);
        var activity = page.GetByTestId("activity-" + id);
        await activity.Locator("summary").ClickAsync();
        await Assertions.Expect(activity).ToHaveAttributeAsync("open", "");
        return (page, activity);
    }

    private static Task ExpectStatusAsync(ILocator activity, string status) =>
        Assertions.Expect(activity).ToHaveAttributeAsync("data-status", status);

    [Fact]
    [Trait("Category", "Journey")]
    public async Task Quiz_AllRight_CompletesIt_AndCountsOnThePage()
    {
        var quiz = Catalog.Get<QuizActivity>("concepts.training-loop-quiz");
        var (page, activity) = await OpenActivityAsync("/concepts", quiz.Id);
        await Assertions.Expect(page.GetByTestId("activities-progress")).ToHaveTextAsync($"0/{Catalog.ForPage("/concepts").Count} completed");
        foreach (var question in quiz.Questions)
        {
            await activity.GetByTestId($"choice-{question.Id}-{question.CorrectChoice.Id}").CheckAsync();
        }

        await activity.GetByTestId("quiz-check").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("quiz-summary")).ToHaveTextAsync($"{quiz.Questions.Count} of {quiz.Questions.Count} right.");
        foreach (var question in quiz.Questions)
        {
            await Assertions.Expect(activity.GetByTestId("feedback-" + question.Id)).ToHaveAttributeAsync("data-correct", "true");
        }

        await ExpectStatusAsync(activity, "completed");
        await Assertions.Expect(page.GetByTestId("activities-progress")).ToHaveTextAsync($"1/{Catalog.ForPage("/concepts").Count} completed");
    }

    [Fact]
    public async Task Quiz_AWrongAnswer_IsExplained_AndPointsAtTheDemo()
    {
        var quiz = Catalog.Get<QuizActivity>("concepts.training-loop-quiz");
        var question = quiz.Questions[0];
        var wrong = question.Choices.First(c => !c.IsCorrect && c.Demo is { Preset: not null });
        var (page, activity) = await OpenActivityAsync("/concepts", quiz.Id);
        await activity.GetByTestId($"choice-{question.Id}-{wrong.Id}").CheckAsync();
        await activity.GetByTestId("quiz-check").ClickAsync();
        var feedback = activity.GetByTestId("feedback-" + question.Id);
        await Assertions.Expect(feedback).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(feedback).ToContainTextAsync(wrong.Explanation);
        (await feedback.Locator("a").GetAttributeAsync("href")).ShouldBe(wrong.Demo!.RelativeHref);
        await Assertions.Expect(activity.GetByTestId("quiz-summary")).ToContainTextAsync($"0 of {quiz.Questions.Count} right");
        await ExpectStatusAsync(activity, "attempted");
        await page.CloseAsync();
    }

    [Fact]
    public async Task DefineTheTerms_RightAndWrong()
    {
        var terms = Catalog.Get<TermsActivity>("concepts.define-the-terms");
        var (page, activity) = await OpenActivityAsync("/concepts", terms.Id);
        static string Slug(string term) => string.Join('-', term.ToLowerInvariant().Split(' ', '-'));

        // Wrong: the first two terms swapped.
        await activity.GetByTestId("term-select-" + Slug(terms.Pairs[0].Term)).SelectOptionAsync(terms.Pairs[1].Definition);
        await activity.GetByTestId("term-select-" + Slug(terms.Pairs[1].Term)).SelectOptionAsync(terms.Pairs[0].Definition);
        await activity.GetByTestId("terms-check").ClickAsync();
        var feedback = activity.GetByTestId("term-feedback-" + Slug(terms.Pairs[0].Term));
        await Assertions.Expect(feedback).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(feedback).ToContainTextAsync($"that describes {terms.Pairs[1].Term}");
        await ExpectStatusAsync(activity, "attempted");

        // Right: every term its own definition.
        foreach (var pair in terms.Pairs)
        {
            await activity.GetByTestId("term-select-" + Slug(pair.Term)).SelectOptionAsync(pair.Definition);
        }

        await activity.GetByTestId("terms-check").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("terms-summary")).ToHaveTextAsync($"{terms.Pairs.Count} of {terms.Pairs.Count} terms matched right.");
        await ExpectStatusAsync(activity, "completed");
        await page.CloseAsync();
    }

    [Fact]
    public async Task FlashCards_FlipEachCard_KnownAndNotYet_CompleteTheDeck()
    {
        var deck = Catalog.Get<FlashCardDeck>("concepts.revision-cards");
        var (page, activity) = await OpenActivityAsync("/concepts", deck.Id);
        var card = activity.GetByTestId("flashcard");
        await Assertions.Expect(activity.GetByTestId("flashcard-knew")).ToBeDisabledAsync(); // only after flipping
        for (var i = 0; i < deck.Cards.Count; i++)
        {
            await Assertions.Expect(activity.GetByTestId("flashcard-text")).ToHaveTextAsync(deck.Cards[i].Front);
            await card.ClickAsync();
            await Assertions.Expect(activity.GetByTestId("flashcard-text")).ToHaveTextAsync(deck.Cards[i].Back);
            await activity.GetByTestId(i % 3 == 0 ? "flashcard-not-yet" : "flashcard-knew").ClickAsync();
            if (i == 0)
            {
                await ExpectStatusAsync(activity, "attempted");
            }
        }

        var known = Enumerable.Range(0, deck.Cards.Count).Count(i => i % 3 != 0);
        await Assertions.Expect(activity.GetByTestId("flashcards-summary")).ToContainTextAsync($"you knew {known} of {deck.Cards.Count}");
        await ExpectStatusAsync(activity, "completed");

        // The keyboard flips too: Enter on the focused card.
        await card.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(activity.GetByTestId("flashcard-text")).ToHaveTextAsync(deck.Cards[0].Back);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Interview_RevealTheAnswer_CompletesIt_AndHidesAgain()
    {
        var question = Catalog.Get<InterviewQuestion>("live.interview.steps-shrink");
        var (page, activity) = await OpenActivityAsync("/live", question.Id);
        await Assertions.Expect(activity.GetByTestId("interview-answer")).ToHaveCountAsync(0);
        await Assertions.Expect(activity.GetByTestId("interview-level")).ToHaveTextAsync("beginner");
        await activity.GetByTestId("interview-reveal").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("interview-answer")).ToContainTextAsync(question.Answer);
        await ExpectStatusAsync(activity, "completed");
        await activity.GetByTestId("interview-reveal").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("interview-answer")).ToHaveCountAsync(0);
        await ExpectStatusAsync(activity, "completed");
        await page.CloseAsync();
    }

    [Fact]
    public async Task IntuitionCheck_WrongThenRight_ShowsTheFullAnswer()
    {
        var check = Catalog.Get<IntuitionCheck>("concepts.intuition-convexity");
        var wrong = check.Question.Choices.First(c => !c.IsCorrect);
        var (page, activity) = await OpenActivityAsync("/concepts", check.Id);
        await activity.GetByTestId($"choice-{check.Question.Id}-{wrong.Id}").CheckAsync();
        await activity.GetByTestId("intuition-check").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("feedback-" + check.Question.Id)).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(activity.GetByTestId("feedback-" + check.Question.Id)).ToContainTextAsync(wrong.Explanation);
        await Assertions.Expect(activity.GetByTestId("intuition-answer")).ToContainTextAsync(check.Answer);
        await ExpectStatusAsync(activity, "attempted");

        await activity.GetByTestId($"choice-{check.Question.Id}-{check.Question.CorrectChoice.Id}").CheckAsync();
        await activity.GetByTestId("intuition-check").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("feedback-" + check.Question.Id)).ToHaveAttributeAsync("data-correct", "true");
        await ExpectStatusAsync(activity, "completed");
        await page.CloseAsync();
    }

    private static async Task<string[]> OrderAsync(ILocator activity) =>
        [.. await activity.Locator("[data-step-id]").EvaluateAllAsync<string[]>("items => items.map(i => i.getAttribute('data-step-id'))")];

    [Fact]
    public async Task Reorder_ByKeyboard_WrongFirst_ThenInOrder()
    {
        var (page, activity) = await OpenActivityAsync("/concepts", "concepts.training-loop-order");

        // The shuffle is never already solved: checking it as it comes is a wrong answer, with the first thing to fix.
        await activity.GetByTestId("reorder-check").ClickAsync();
        var feedback = activity.GetByTestId("reorder-feedback");
        await Assertions.Expect(feedback).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(feedback).ToContainTextAsync("steps are in place");
        await ExpectStatusAsync(activity, "attempted");

        // Each step in turn, moved up with the arrow key from where it is to where it belongs; focus stays on it.
        for (var target = 0; target < TrainingLoop.Length; target++)
        {
            var step = activity.GetByTestId("reorder-step-" + TrainingLoop[target]);
            var at = Array.IndexOf(await OrderAsync(activity), TrainingLoop[target]);
            for (var k = at; k > target; k--)
            {
                await step.PressAsync("ArrowUp");
                await page.WaitForFunctionAsync(
                    "([id, k]) => [...document.querySelectorAll('[data-step-id]')].findIndex(e => e.getAttribute('data-step-id') === id) === k",
                    new object[] { TrainingLoop[target], k - 1 });
                await Assertions.Expect(step).ToBeFocusedAsync();
            }
        }

        (await OrderAsync(activity)).ShouldBe(TrainingLoop);
        await activity.GetByTestId("reorder-check").ClickAsync();
        await Assertions.Expect(feedback).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(feedback).ToContainTextAsync($"All {TrainingLoop.Length} steps are in order.");
        await ExpectStatusAsync(activity, "completed");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Reorder_ByDrag_PutsTheLoopInOrder()
    {
        var (page, activity) = await OpenActivityAsync("/concepts", "concepts.training-loop-order");
        for (var target = 0; target < TrainingLoop.Length; target++)
        {
            var order = await OrderAsync(activity);
            if (order[target] == TrainingLoop[target])
            {
                continue;
            }

            await activity.GetByTestId("reorder-step-" + TrainingLoop[target]).DragToAsync(activity.GetByTestId("reorder-step-" + order[target]));
            await page.WaitForFunctionAsync(
                "([id, k]) => document.querySelectorAll('[data-step-id]')[k].getAttribute('data-step-id') === id",
                new object[] { TrainingLoop[target], target });
        }

        await activity.GetByTestId("reorder-check").ClickAsync();
        await Assertions.Expect(activity.GetByTestId("reorder-feedback")).ToHaveAttributeAsync("data-correct", "true");
        await ExpectStatusAsync(activity, "completed");
        await page.CloseAsync();
    }

    private static IReadOnlyList<StepRecord> Run(Scenario scenario)
    {
        var run = ScenarioResolver.Resolve(scenario).CreateRun();
        run.RunToEnd();
        return run.Trajectory;
    }

    private static string Word(double change) => change > 0 ? "up" : change < 0 ? "down" : "stays";

    private static string Opposite(double change) => change > 0 ? "down" : "up";

    [Fact]
    public async Task PredictOnLive_SignsRightAndWrong_ValueRightAndWrong_HidesTheAnswer_AndCompletesAtTheGoal()
    {
        var trajectory = Run(Presets.Get("housing-live-demo").Scenario);
        var page = await web.OpenAsync("/live");
        await Assertions.Expect(page.GetByTestId("ledger-w-after")).ToHaveCountAsync(1);
        await page.GetByTestId("predict-toggle").CheckAsync();
        await Assertions.Expect(page.GetByTestId("predict-prompt")).ToContainTextAsync("Step 1: will w and b go up, go down or stay the same?");
        await Assertions.Expect(page.GetByTestId("ledger-w-after")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("ledger-delta-b")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("ledger-w-before")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("ledger-grad-w")).ToHaveCountAsync(1);

        // Step 0, signs, wrong for w: graded, then the step runs.
        Change(trajectory, 0, out var dw, out var db);
        await page.GetByTestId("predict-w-" + Opposite(dw)).CheckAsync();
        await page.GetByTestId("predict-b-" + Word(db)).CheckAsync();
        await page.GetByTestId("predict-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(page.GetByTestId("predict-headline")).ToContainTextAsync($"Not quite: w went {Word(dw)}, not {Opposite(dw)}");
        await Assertions.Expect(page.GetByTestId("predict-explanation")).ToContainTextAsync("∂J/∂w = ");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("predict-score")).ToContainTextAsync("0 of 1 right");
        await Assertions.Expect(page.GetByTestId("ledger-w-after")).ToHaveCountAsync(0); // the next question is open

        // Steps 1 to 5, signs, right.
        for (var k = 1; k <= 5; k++)
        {
            Change(trajectory, k, out dw, out db);
            await page.GetByTestId("predict-w-" + Word(dw)).CheckAsync();
            await page.GetByTestId("predict-b-" + Word(db)).CheckAsync();
            await page.GetByTestId("predict-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync((k + 1).ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "true");
        }

        await Assertions.Expect(page.GetByTestId("predict-score")).ToContainTextAsync("5 of 6 right");
        await ExpectStatusAsync(page.GetByTestId("activity-live.predict-the-step"), "completed");

        // The next value of w, to two significant digits: wrong, then right.
        await page.GetByTestId("predict-kind-value").CheckAsync();
        await Assertions.Expect(page.GetByTestId("predict-prompt")).ToContainTextAsync("Step 7: what will w be after it?");
        await page.GetByTestId("predict-value").FillAsync("not a number");
        await page.GetByTestId("predict-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("predict-error")).ToContainTextAsync("is not a number");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("6");
        var next = trajectory[7].Parameters[0];
        await page.GetByTestId("predict-value").FillAsync(((next * 3) + 100).ToString("R", CultureInfo.InvariantCulture));
        await page.GetByTestId("predict-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("7");
        await page.GetByTestId("predict-value").FillAsync(trajectory[8].Parameters[0].ToString("R", CultureInfo.InvariantCulture).Replace('-', '−'));
        await page.GetByTestId("predict-value").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(page.GetByTestId("step-count")).ToHaveTextAsync("8");

        // Switched off, the ledger shows everything again.
        await page.GetByTestId("predict-toggle").UncheckAsync();
        await Assertions.Expect(page.GetByTestId("ledger-w-after")).ToHaveCountAsync(1);
        await page.CloseAsync();
    }

    private static void Change(IReadOnlyList<StepRecord> trajectory, int step, out double dw, out double db)
    {
        dw = trajectory[step + 1].Parameters[0] - trajectory[step].Parameters[0];
        db = trajectory[step + 1].Parameters[1] - trajectory[step].Parameters[1];
    }

    [Fact]
    public async Task PredictOnNeuron_RightAndWrong_HidesTheNextW()
    {
        var trajectory = Run(Presets.Get("neuron-underprediction").Scenario with { Steps = 60 });
        var page = await web.OpenAsync("/neuron?preset=neuron-underprediction");
        await Assertions.Expect(page.GetByTestId("w-next")).ToHaveCountAsync(1);
        await page.GetByTestId("predict-toggle").CheckAsync();
        await Assertions.Expect(page.GetByTestId("w-next")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("predict-prompt")).ToContainTextAsync("Step 1: will w go up, go down or stay the same?");
        await Assertions.Expect(page.GetByTestId("hint")).Not.ToContainTextAsync("w increases");

        var dw = trajectory[1].Parameters[0] - trajectory[0].Parameters[0];
        await page.GetByTestId("predict-w-" + Opposite(dw)).CheckAsync();
        await page.GetByTestId("predict-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "false");
        await Assertions.Expect(page.GetByTestId("predict-explanation")).ToContainTextAsync("Backward: ∂L/∂ŷ = 2(ŷ − y)");
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("1");

        dw = trajectory[2].Parameters[0] - trajectory[1].Parameters[0];
        await page.GetByTestId("predict-w-" + Word(dw)).CheckAsync();
        await page.GetByTestId("predict-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(page.GetByTestId("iteration")).ToHaveTextAsync("2");

        await page.GetByTestId("predict-kind-value").CheckAsync();
        await page.GetByTestId("predict-value").FillAsync(trajectory[3].Parameters[0].ToString("R", CultureInfo.InvariantCulture));
        await page.GetByTestId("predict-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("predict-verdict")).ToHaveAttributeAsync("data-correct", "true");
        await Assertions.Expect(page.GetByTestId("predict-score")).ToContainTextAsync("2 of 3 right");
        await ExpectStatusAsync(page.GetByTestId("activity-neuron.predict-the-step"), "attempted");

        await page.GetByTestId("predict-toggle").UncheckAsync();
        await Assertions.Expect(page.GetByTestId("w-next")).ToHaveCountAsync(1);
        await page.CloseAsync();
    }

    private async Task<(IPage Page, ILocator Activity)> OpenChallengeAsync() => await OpenActivityAsync("/optimizers", "optimizers.momentum-challenge");

    private static async Task RunAsync(ILocator activity, string code)
    {
        await activity.GetByTestId("challenge-editor").FillAsync(code);
        await activity.GetByTestId("challenge-run").ClickAsync();
    }

    [Fact]
    public async Task Challenge_AcceptsTheCorrectSolution_WithTheChart()
    {
        var (page, activity) = await OpenChallengeAsync();
        await Assertions.Expect(activity.GetByTestId("challenge-editor")).ToHaveValueAsync(MomentumChallenge.StarterCode);
        await RunAsync(activity, MomentumChallenge.ExampleSolutions["correct"]);
        var summary = activity.GetByTestId("challenge-summary");
        await Assertions.Expect(summary).ToHaveAttributeAsync("data-passed", "true", new() { Timeout = 20_000 });
        await Assertions.Expect(summary).ToContainTextAsync($"All {MomentumChallenge.Cases.Count} hidden cases pass");
        await Assertions.Expect(activity.Locator("[data-testid=challenge-chart] [data-testid=challenge-actual]")).ToHaveCountAsync(1);
        await ExpectStatusAsync(activity, "completed");
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("no-velocity", MomentumMistake.NoVelocity)]
    [InlineData("velocity-not-decayed", MomentumMistake.VelocityNotDecayed)]
    [InlineData("bias-added", MomentumMistake.BiasAdded)]
    public async Task Challenge_RejectsATypicalMistake_WithItsExplanation_AndTheFirstDifferingEpoch(string solution, MomentumMistake mistake)
    {
        var (page, activity) = await OpenChallengeAsync();
        await RunAsync(activity, MomentumChallenge.ExampleSolutions[solution]);
        var summary = activity.GetByTestId("challenge-summary");
        await Assertions.Expect(summary).ToHaveAttributeAsync("data-passed", "false", new() { Timeout = 20_000 });
        await Assertions.Expect(summary).ToContainTextAsync(MomentumChallenge.Explain(mistake));
        await Assertions.Expect(summary).ToContainTextAsync("first differs after epoch");
        await Assertions.Expect(activity.Locator("[data-testid=challenge-chart] [data-testid=challenge-expected]")).ToHaveCountAsync(1);
        await Assertions.Expect(activity.Locator("[data-testid=challenge-chart] [data-testid=challenge-actual]")).ToHaveCountAsync(1);
        await ExpectStatusAsync(activity, "attempted");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Challenge_StopsAnEndlessLoop_WithinItsTimeLimit_AndThePageStaysResponsive()
    {
        var (page, activity) = await OpenChallengeAsync();
        var clock = Stopwatch.StartNew();
        await RunAsync(activity, MomentumChallenge.ExampleSolutions["endless-loop"]);
        await Assertions.Expect(activity.GetByTestId("challenge-running")).ToBeVisibleAsync();

        // While the learner's loop spins in its worker, the page answers: the theme switches at once.
        var theme = page.GetByTestId("theme-toggle");
        var before = await theme.InnerTextAsync();
        await theme.ClickAsync(new() { Timeout = 1000 });
        await Assertions.Expect(theme).Not.ToHaveTextAsync(before, new() { Timeout = 1000 });
        await Assertions.Expect(activity.GetByTestId("challenge-running")).ToBeVisibleAsync();

        var summary = activity.GetByTestId("challenge-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = 10_000 });
        clock.Stop();
        var limit = MomentumChallenge.TimeLimitPerCase;
        clock.Elapsed.ShouldBeLessThan(limit + TimeSpan.FromSeconds(3), "the loop is stopped at its limit");
        await Assertions.Expect(summary).ToContainTextAsync($"did not finish within {limit.TotalSeconds:0} s and was stopped");
        await Assertions.Expect(activity.GetByTestId("challenge-run")).ToBeEnabledAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task ChallengeEditor_TabIndents_ShiftTabLeaves()
    {
        var (page, activity) = await OpenChallengeAsync();
        var editor = activity.GetByTestId("challenge-editor");
        await editor.FillAsync("x");
        await editor.PressAsync("End");
        await editor.PressAsync("Tab");
        await Assertions.Expect(editor).ToBeFocusedAsync();
        await Assertions.Expect(editor).ToHaveValueAsync("x  ");
        await editor.PressAsync("Shift+Tab");
        await Assertions.Expect(editor).Not.ToBeFocusedAsync();
        await page.CloseAsync();
    }

    /// <summary>The home page, once the lab runs (it has no data-ready of its own).</summary>
    private async Task<IPage> OpenHomeAsync(int width = 1280, int height = 800)
    {
        var page = await web.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(web.BaseUrl + "/");
        await page.WaitForSelectorAsync("html[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
        await page.GetByTestId("learning-path").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task Progress_PersistsAcrossAReload_AndSurvivesExportResetImport()
    {
        // Two activities done: an interview on /live and the intuition check on /concepts.
        var (page, activity) = await OpenActivityAsync("/live", "live.interview.steps-shrink");
        await activity.GetByTestId("interview-reveal").ClickAsync();
        var liveCount = Catalog.ForPage("/live").Count;
        await Assertions.Expect(page.GetByTestId("activities-progress")).ToHaveTextAsync($"1/{liveCount} completed");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-ready=true]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("activities-progress")).ToHaveTextAsync($"1/{liveCount} completed");
        await ExpectStatusAsync(page.GetByTestId("activity-live.interview.steps-shrink"), "completed");

        // The same browser's home page: the path's counts and the overall count.
        await page.GotoAsync(web.BaseUrl + "/");
        var total = Catalog.All.Count;
        await Assertions.Expect(page.GetByTestId("overall-progress")).ToHaveTextAsync($"Overall: 1/{total} completed");
        await Assertions.Expect(page.GetByTestId("path-progress-live")).ToHaveTextAsync($"1/{liveCount} completed");
        await Assertions.Expect(page.GetByTestId("path-progress-concepts")).ToHaveTextAsync($"0/{Catalog.ForPage("/concepts").Count} completed");
        await page.GetByTestId("progress-learner").FillAsync("Zoë Example");
        await page.GetByTestId("progress-learner").PressAsync("Tab");

        // Export, reset, import: the counts come back.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("progress-export").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("gradientlab-progress-zo-example-");
        var file = Path.Combine(Path.GetTempPath(), $"gradientlab-progress-{Guid.NewGuid():N}.json");
        await download.SaveAsAsync(file);
        var exported = await File.ReadAllTextAsync(file);
        exported.ShouldContain("\"learner\": \"Zoë Example\"");
        exported.ShouldContain("live.interview.steps-shrink");

        await page.GetByTestId("progress-reset").ClickAsync();
        await page.GetByTestId("progress-reset-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("overall-progress")).ToHaveTextAsync($"Overall: 0/{total} completed");
        await Assertions.Expect(page.GetByTestId("path-progress-live")).ToHaveTextAsync($"0/{liveCount} completed");

        // A damaged file is refused with the reason, as it is; nothing changes.
        await page.GetByTestId("progress-import").SetInputFilesAsync(new FilePayload { Name = "edited.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(exported.Replace("\"attempts\": 1", "\"attempts\": 7", StringComparison.Ordinal)) });
        await Assertions.Expect(page.GetByTestId("progress-message")).ToContainTextAsync("has been changed since it was exported");
        await Assertions.Expect(page.GetByTestId("overall-progress")).ToHaveTextAsync($"Overall: 0/{total} completed");

        await page.GetByTestId("progress-import").SetInputFilesAsync(file);
        await Assertions.Expect(page.GetByTestId("overall-progress")).ToHaveTextAsync($"Overall: 1/{total} completed");
        await Assertions.Expect(page.GetByTestId("progress-message")).ToContainTextAsync("(Zoë Example)");
        await page.GotoAsync(web.BaseUrl + "/live");
        await Assertions.Expect(page.GetByTestId("activities-progress")).ToHaveTextAsync($"1/{liveCount} completed");
        File.Delete(file);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("/", 390)]
    [InlineData("/", 1920)]
    [InlineData("/concepts", 390)]
    [InlineData("/concepts", 1920)]
    [InlineData("/live", 390)]
    [InlineData("/live", 1920)]
    [InlineData("/neuron", 390)]
    [InlineData("/neuron", 1920)]
    [InlineData("/optimizers", 390)]
    [InlineData("/optimizers", 1920)]
    [InlineData("/failures", 390)]
    [InlineData("/failures", 1920)]
    public async Task EveryActivity_Open_AndAnswered_FitsThePhoneAndTheProjector(string path, int width)
    {
        var page = path == "/" ? await OpenHomeAsync(width, 900) : await web.OpenAsync(path, width, 900);
        if (path == "/")
        {
            await Assertions.Expect(page.GetByTestId("overall-progress")).ToContainTextAsync("completed");
        }
        else
        {
            foreach (var id in Catalog.ForPage(path).Select(a => a.Id))
            {
                await page.GetByTestId("activity-" + id).Locator("summary").ClickAsync();
            }
        }

        if (path is "/live" or "/neuron")
        {
            await page.GetByTestId("predict-toggle").CheckAsync();
            await page.GetByTestId("predict-kind-value").CheckAsync();
            await page.GetByTestId("predict-value").FillAsync("1");
            await page.GetByTestId("predict-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("predict-verdict")).ToBeVisibleAsync();
        }
        else if (path == "/concepts")
        {
            await page.GetByTestId("choice-after-loss-b").CheckAsync();
            await page.GetByTestId("quiz-check").ClickAsync();
            await page.GetByTestId("reorder-check").ClickAsync();
            await page.GetByTestId("flashcard").ClickAsync();
        }
        else if (path == "/optimizers")
        {
            await RunAsync(page.GetByTestId("activity-optimizers.momentum-challenge"), MomentumChallenge.ExampleSolutions["velocity-not-decayed"]);
            await Assertions.Expect(page.GetByTestId("challenge-chart")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        }

        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('.gl-figure-frame')].every(f => !f.firstElementChild || f.firstElementChild.getBoundingClientRect().width <= f.clientWidth + 1)", null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        // The activities' own parts (the pages' other controls are checked by ResponsiveTests) stay within the screen.
        var wide = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.gl-activities *, .gl-predict *, .gl-path *, .gl-progress-tools *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + (e.dataset.testid ? '#' + e.dataset.testid : '') + ' ' + Math.round(e.getBoundingClientRect().right))");
        wide.ShouldBeEmpty($"{path} at {width} px: parts wider than the screen");
        var small = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.gl-activities button, .gl-predict button, .gl-progress-tools button, .gl-activity > summary, .gl-step')].filter(e => e.offsetParent && e.getBoundingClientRect().height < 40).slice(0, 5).map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 30) + ' ' + Math.round(e.getBoundingClientRect().height))");
        small.ShouldBeEmpty("touch targets are at least 40 px high");
        var section = path == "/" ? page.GetByTestId("learning-path") : page.GetByTestId("activities");
        var name = path == "/" ? "home" : path.TrimStart('/');
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, $"activities-{name}-{width}-section.png") });
        if (path is "/live" or "/neuron")
        {
            await page.GetByTestId("predict").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(WebAppFixture.ScreenshotFolder, $"activities-{name}-{width}-predict.png") });
        }
        await page.CloseAsync();
    }
}
