namespace GradientLab.Lessons.Activities;

/// <summary>What an attempt at an activity comes to, for the progress book.</summary>
/// <param name="Score">Points earned (right answers, cards known, steps in place, cases passed…).</param>
/// <param name="OutOf">Points possible.</param>
/// <param name="Completed">Whether this attempt completes the activity.</param>
public sealed record ActivityOutcome(int Score, int OutOf, bool Completed);

/// <summary>The check of one multiple-choice answer.</summary>
/// <param name="QuestionId">The question.</param>
/// <param name="Chosen">The answer given.</param>
/// <param name="Right">The right answer.</param>
public sealed record ChoiceResult(string QuestionId, Choice Chosen, Choice Right)
{
    /// <summary>Whether the answer given is the right one.</summary>
    public bool IsCorrect => Chosen.IsCorrect;

    /// <summary>Why the answer given is right or wrong.</summary>
    public string Explanation => Chosen.Explanation;

    /// <summary>The demo that shows why: the chosen answer's, else the right answer's; null when neither names one.</summary>
    public DemoLink? Demo => Chosen.Demo ?? Right.Demo;

    /// <summary>One answer checked: right completes it.</summary>
    public ActivityOutcome Outcome => new(IsCorrect ? 1 : 0, 1, IsCorrect);
}

/// <summary>The check of a quiz's answers.</summary>
/// <param name="ActivityId">The quiz.</param>
/// <param name="Results">One check per answered question, in the quiz's order.</param>
/// <param name="QuestionCount">How many questions the quiz has.</param>
public sealed record QuizResult(string ActivityId, IReadOnlyList<ChoiceResult> Results, int QuestionCount)
{
    /// <summary>Right answers.</summary>
    public int CorrectCount => Results.Count(r => r.IsCorrect);

    /// <summary>Whether every question has been answered.</summary>
    public bool AllAnswered => Results.Count == QuestionCount;

    /// <summary>"3 of 5 right".</summary>
    public string Summary => $"{CorrectCount} of {QuestionCount} right";

    /// <summary>The quiz is complete once every question has an answer; the score counts the right ones.</summary>
    public ActivityOutcome Outcome => new(CorrectCount, QuestionCount, AllAnswered);
}

/// <summary>The check of one term's matching.</summary>
/// <param name="Term">The term.</param>
/// <param name="IsCorrect">Whether it was matched to its own definition.</param>
/// <param name="Explanation">What the chosen definition describes, and the term's definition.</param>
/// <param name="Demo">Where the lab shows the term, or null.</param>
public sealed record TermVerdict(string Term, bool IsCorrect, string Explanation, DemoLink? Demo);

/// <summary>The check of a define-the-terms matching.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Verdicts">One verdict per matched term.</param>
/// <param name="TermCount">How many terms the activity has.</param>
public sealed record TermsResult(string ActivityId, IReadOnlyList<TermVerdict> Verdicts, int TermCount)
{
    /// <summary>Terms matched to their own definitions.</summary>
    public int CorrectCount => Verdicts.Count(v => v.IsCorrect);

    /// <summary>Complete when every term is matched right.</summary>
    public ActivityOutcome Outcome => new(CorrectCount, TermCount, CorrectCount == TermCount);
}

/// <summary>The check of an order in a reorder exercise.</summary>
/// <param name="ActivityId">The exercise.</param>
/// <param name="Order">The order given (step ids).</param>
/// <param name="InPlace">For each position, whether the step there is the right one.</param>
/// <param name="Feedback">What is right, and the first thing to fix with the reason.</param>
public sealed record ReorderResult(string ActivityId, IReadOnlyList<string> Order, IReadOnlyList<bool> InPlace, string Feedback)
{
    /// <summary>Steps in their right place.</summary>
    public int CorrectCount => InPlace.Count(p => p);

    /// <summary>Whether every step is in place.</summary>
    public bool IsSolved => CorrectCount == InPlace.Count;

    /// <summary>Complete when solved; the score counts the steps in place.</summary>
    public ActivityOutcome Outcome => new(CorrectCount, InPlace.Count, IsSolved);
}
