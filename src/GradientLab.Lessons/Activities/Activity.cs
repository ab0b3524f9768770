namespace GradientLab.Lessons.Activities;

/// <summary>The pages an activity can belong to, as their addresses.</summary>
public static class LabPages
{
    /// <summary>The ideas behind one update, the training loop and convexity.</summary>
    public const string Concepts = "/concepts";

    /// <summary>The live demo: linear regression, one update at a time.</summary>
    public const string Live = "/live";

    /// <summary>The chain-rule stepper: one sigmoid neuron.</summary>
    public const string Neuron = "/neuron";

    /// <summary>The optimizer lab: learning rates, momentum, the race.</summary>
    public const string Optimizers = "/optimizers";

    /// <summary>The failure-mode lab.</summary>
    public const string Failures = "/failures";

    /// <summary>Every page that holds activities, in the order of the suggested path through the lab.</summary>
    public static IReadOnlyList<string> All { get; } = [Concepts, Live, Neuron, Optimizers, Failures];

    /// <summary>Whether <paramref name="page"/> is one of <see cref="All"/>.</summary>
    public static bool Contains(string page) => All.Contains(page, StringComparer.Ordinal);
}

/// <summary>What kind of activity it is (the <c>kind</c> field of the data files).</summary>
public enum ActivityKind
{
    /// <summary>Multiple-choice questions (<c>quiz</c>).</summary>
    Quiz,

    /// <summary>Match each term to its definition (<c>terms</c>).</summary>
    Terms,

    /// <summary>Revision cards, flipped to check (<c>flashcards</c>).</summary>
    FlashCards,

    /// <summary>One interview-style question with a model answer to reveal (<c>interview</c>).</summary>
    Interview,

    /// <summary>A multiple-choice question with a model answer (<c>intuition</c>).</summary>
    Intuition,

    /// <summary>Put steps in order (<c>reorder</c>).</summary>
    Reorder,

    /// <summary>Predict the next step of a run before it is taken (<c>predict</c>).</summary>
    Predict,

    /// <summary>A coding challenge graded in the browser (<c>challenge</c>).</summary>
    Challenge,
}

/// <summary>An interview question's level.</summary>
public enum InterviewLevel
{
    /// <summary>Checks the ideas.</summary>
    Beginner,

    /// <summary>Checks that the ideas can be used to read a run.</summary>
    Intermediate,

    /// <summary>Checks the reasons behind the ideas and how to debug with them.</summary>
    Expert,
}

/// <summary>One activity: a stable id (progress is kept under it), the page it belongs to and a title.</summary>
/// <param name="Id">Stable id, such as <c>concepts.training-loop-quiz</c>; never reuse one for other content.</param>
/// <param name="Page">The page it belongs to (one of <see cref="LabPages.All"/>).</param>
/// <param name="Title">What the page shows as its heading.</param>
public abstract record Activity(string Id, string Page, string Title)
{
    /// <summary>What kind of activity it is.</summary>
    public abstract ActivityKind Kind { get; }

    /// <summary>The data file it was read from (for messages).</summary>
    public string Source { get; init; } = "";
}

/// <summary>One answer of a multiple-choice question.</summary>
/// <param name="Id">Its id within the question (<c>a</c>, <c>b</c>, …).</param>
/// <param name="Text">The answer as shown.</param>
/// <param name="IsCorrect">Whether it is the right answer (exactly one per question is).</param>
/// <param name="Explanation">Why it is right, or why it is wrong.</param>
/// <param name="Demo">The demo that shows why (required on every wrong answer).</param>
public sealed record Choice(string Id, string Text, bool IsCorrect, string Explanation, DemoLink? Demo);

/// <summary>A multiple-choice question with exactly one right answer.</summary>
/// <param name="Id">Its id within the activity.</param>
/// <param name="Prompt">The question.</param>
/// <param name="Choices">The answers, in the order shown.</param>
public sealed record Question(string Id, string Prompt, IReadOnlyList<Choice> Choices)
{
    /// <summary>The right answer.</summary>
    public Choice CorrectChoice => Choices.First(c => c.IsCorrect);

    /// <summary>Checks the answer with id <paramref name="choiceId"/>.</summary>
    /// <exception cref="ArgumentException">No answer of this question has that id.</exception>
    public ChoiceResult Check(string choiceId)
    {
        var chosen = Choices.FirstOrDefault(c => c.Id == choiceId)
            ?? throw new ArgumentException($"Question '{Id}' has no answer '{choiceId}' (answers: {string.Join(", ", Choices.Select(c => c.Id))}).", nameof(choiceId));
        return new ChoiceResult(Id, chosen, CorrectChoice);
    }
}

/// <summary>A quiz: several multiple-choice questions.</summary>
/// <param name="Questions">The questions, in order.</param>
public sealed record QuizActivity(string Id, string Page, string Title, IReadOnlyList<Question> Questions) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Quiz;

    /// <summary>Checks the answers given so far (question id → answer id); unanswered questions count as not right.</summary>
    /// <exception cref="ArgumentException">An id names no question, or no answer of its question.</exception>
    public QuizResult Check(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var id in answers.Keys.Where(id => Questions.All(q => q.Id != id)))
        {
            throw new ArgumentException($"Quiz '{Id}' has no question '{id}'.", nameof(answers));
        }

        var results = Questions.Where(q => answers.ContainsKey(q.Id)).Select(q => q.Check(answers[q.Id])).ToList();
        return new QuizResult(Id, results, Questions.Count);
    }
}

/// <summary>A term and its definition.</summary>
/// <param name="Term">The term (unique in its activity).</param>
/// <param name="Definition">Its definition (unique in its activity).</param>
/// <param name="Demo">Where the lab shows it, or null.</param>
public sealed record TermPair(string Term, string Definition, DemoLink? Demo);

/// <summary>Define the terms: match each term to its definition.</summary>
/// <param name="Pairs">The terms with their definitions; the page shuffles the definitions.</param>
public sealed record TermsActivity(string Id, string Page, string Title, IReadOnlyList<TermPair> Pairs) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Terms;

    /// <summary>The definitions in an order that depends only on <paramref name="seed"/> (for the page's list to match against).</summary>
    public IReadOnlyList<string> ShuffledDefinitions(int seed)
    {
        var definitions = Pairs.Select(p => p.Definition).ToArray();
        new Random(seed).Shuffle(definitions);
        return definitions;
    }

    /// <summary>Checks a matching (term → the definition chosen for it); terms left out count as not matched.</summary>
    /// <exception cref="ArgumentException">A term or a definition that is not in this activity.</exception>
    public TermsResult Check(IReadOnlyDictionary<string, string> matching)
    {
        ArgumentNullException.ThrowIfNull(matching);
        var verdicts = new List<TermVerdict>();
        foreach (var (term, definition) in matching)
        {
            var pair = Pairs.FirstOrDefault(p => p.Term == term) ?? throw new ArgumentException($"'{term}' is not a term of '{Id}'.", nameof(matching));
            var owner = Pairs.FirstOrDefault(p => p.Definition == definition) ?? throw new ArgumentException($"'{definition}' is not a definition of '{Id}'.", nameof(matching));
            verdicts.Add(ReferenceEquals(owner, pair)
                ? new TermVerdict(term, true, $"Right: {term} — {pair.Definition}", pair.Demo)
                : new TermVerdict(term, false, $"Not quite: that describes {owner.Term}. {term} is: {pair.Definition}", pair.Demo));
        }

        return new TermsResult(Id, verdicts, Pairs.Count);
    }
}

/// <summary>One revision card.</summary>
/// <param name="Id">Its id within the deck.</param>
/// <param name="Front">The prompt.</param>
/// <param name="Back">The answer, seen when the card is flipped.</param>
/// <param name="Demo">Where the lab shows it, or null.</param>
public sealed record FlashCard(string Id, string Front, string Back, DemoLink? Demo);

/// <summary>A deck of revision cards: flip each to check yourself, and say whether you knew it.</summary>
/// <param name="Cards">The cards, in order.</param>
public sealed record FlashCardDeck(string Id, string Page, string Title, IReadOnlyList<FlashCard> Cards) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.FlashCards;

    /// <summary>The deck's outcome: complete once every card has been flipped; the score counts the cards known.</summary>
    /// <param name="flipped">Ids of the cards flipped so far.</param>
    /// <param name="known">Ids of the cards the learner marked as known.</param>
    public ActivityOutcome Outcome(IReadOnlyCollection<string> flipped, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(flipped);
        ArgumentNullException.ThrowIfNull(known);
        var ids = Cards.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return new ActivityOutcome(known.Count(ids.Contains), Cards.Count, ids.All(flipped.Contains));
    }
}

/// <summary>One interview-style question with a model answer to reveal.</summary>
/// <param name="Level">Beginner, intermediate or expert.</param>
/// <param name="Prompt">The question.</param>
/// <param name="Answer">The model answer.</param>
/// <param name="KeyPoints">What a good answer mentions, to compare one's own answer against.</param>
/// <param name="Demo">Where the lab shows it, or null.</param>
public sealed record InterviewQuestion(string Id, string Page, string Title, InterviewLevel Level, string Prompt, string Answer, IReadOnlyList<string> KeyPoints, DemoLink? Demo)
    : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Interview;

    /// <summary>Revealing the answer completes it.</summary>
    public static ActivityOutcome Revealed { get; } = new(1, 1, true);
}

/// <summary>The final intuition check: a multiple-choice question with a model answer shown afterwards.</summary>
/// <param name="Question">The question.</param>
/// <param name="Answer">The full explanation, shown once answered.</param>
public sealed record IntuitionCheck(string Id, string Page, string Title, Question Question, string Answer) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Intuition;
}

/// <summary>One step of a reorder exercise.</summary>
/// <param name="Id">Its id within the exercise.</param>
/// <param name="Text">The step as shown.</param>
/// <param name="Reason">Why it stands where it does (the feedback for a misplaced step).</param>
public sealed record ReorderStep(string Id, string Text, string Reason);

/// <summary>Put the steps in order.</summary>
/// <param name="Prompt">The instruction.</param>
/// <param name="Steps">The steps in the right order; the page shows them shuffled.</param>
/// <param name="Demo">Where the lab shows the order, or null.</param>
public sealed record ReorderExercise(string Id, string Page, string Title, string Prompt, IReadOnlyList<ReorderStep> Steps, DemoLink? Demo) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Reorder;

    /// <summary>The steps in an order that depends only on <paramref name="seed"/> and is never already solved.</summary>
    public IReadOnlyList<ReorderStep> Shuffled(int seed)
    {
        var steps = Steps.ToArray();
        var random = new Random(seed);
        do
        {
            random.Shuffle(steps);
        }
        while (steps.Length > 1 && steps.Select(s => s.Id).SequenceEqual(Steps.Select(s => s.Id), StringComparer.Ordinal));

        return steps;
    }

    /// <summary>Checks an order of step ids: which positions are right, and what to fix first.</summary>
    /// <exception cref="ArgumentException">The order is not every step id exactly once.</exception>
    public ReorderResult Check(IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var ids = Steps.Select(s => s.Id).ToList();
        if (order.Count != ids.Count || order.Distinct(StringComparer.Ordinal).Count() != ids.Count || order.Any(id => !ids.Contains(id)))
        {
            throw new ArgumentException($"An order for '{Id}' lists each of its steps once: {string.Join(", ", ids)}; got {string.Join(", ", order)}.", nameof(order));
        }

        var inPlace = order.Select((id, position) => ids[position] == id).ToList();
        return new ReorderResult(Id, order, inPlace, Feedback(order, inPlace));
    }

    private string Feedback(IReadOnlyList<string> order, IReadOnlyList<bool> inPlace)
    {
        var right = inPlace.Count(p => p);
        if (right == Steps.Count)
        {
            return $"All {Steps.Count} steps are in order. {Steps[^1].Reason}";
        }

        var first = inPlace.ToList().IndexOf(false);
        var belongs = Steps[first];
        var placed = Steps.First(s => s.Id == order[first]);
        var whereItGoes = Steps.ToList().IndexOf(placed) + 1;
        return $"{right} of {Steps.Count} steps are in place. Step {first + 1} should be “{belongs.Text}”: {belongs.Reason} " +
            $"“{placed.Text}” belongs at step {whereItGoes}.";
    }
}

/// <summary>Predict, then see: before each step of a run, predict it; the goal is a number of right predictions.</summary>
/// <param name="Stepper">Which page's run it uses: <c>live</c> (the live demo) or <c>neuron</c> (the chain-rule stepper).</param>
/// <param name="Goal">Right predictions that complete it.</param>
/// <param name="Prompt">What the page says when the mode is switched on.</param>
public sealed record PredictActivity(string Id, string Page, string Title, string Stepper, int Goal, string Prompt) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Predict;
}

/// <summary>A coding challenge whose specification, starter code, reference and grader are built in.</summary>
/// <param name="Challenge">Which built-in challenge: <c>sgd-with-momentum</c> (<see cref="MomentumChallenge"/>).</param>
public sealed record ChallengeActivity(string Id, string Page, string Title, string Challenge) : Activity(Id, Page, Title)
{
    /// <inheritdoc/>
    public override ActivityKind Kind => ActivityKind.Challenge;
}
