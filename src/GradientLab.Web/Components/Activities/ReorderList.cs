using GradientLab.Lessons.Activities;

namespace GradientLab.Web.Components.Activities;

/// <summary>The learner's order of a reorder exercise's steps, moved by keys, buttons or drag, and its last check.</summary>
public sealed class ReorderList
{
    private readonly List<ReorderStep> _order;

    /// <summary>The exercise's steps in the shuffled order of <paramref name="seed"/>.</summary>
    public ReorderList(ReorderExercise exercise, int seed)
    {
        Exercise = exercise ?? throw new ArgumentNullException(nameof(exercise));
        _order = [.. exercise.Shuffled(seed)];
    }

    /// <summary>The exercise.</summary>
    public ReorderExercise Exercise { get; }

    /// <summary>The steps in the learner's order.</summary>
    public IReadOnlyList<ReorderStep> Order => _order;

    /// <summary>The check of the order as it was when last checked; null after any move.</summary>
    public ReorderResult? Result { get; private set; }

    /// <summary>Moves step <paramref name="stepId"/> by <paramref name="offset"/> places (clamped to the list); returns a sentence saying where it went, or null when it did not move.</summary>
    public string? Move(string stepId, int offset) => MoveTo(stepId, IndexOf(stepId) + offset);

    /// <summary>Moves step <paramref name="stepId"/> to position <paramref name="index"/> (from 0, clamped): the others close up around it.</summary>
    public string? MoveTo(string stepId, int index)
    {
        var from = IndexOf(stepId);
        var to = Math.Clamp(index, 0, _order.Count - 1);
        if (from < 0 || from == to)
        {
            return null;
        }

        var step = _order[from];
        _order.RemoveAt(from);
        _order.Insert(to, step);
        Result = null;
        return $"“{ActivityText.Shorten(step.Text, 60)}” is now step {to + 1} of {_order.Count}.";
    }

    /// <summary>Moves the dragged step to where the step it was dropped on stands.</summary>
    public string? Drop(string draggedId, string targetId) => MoveTo(draggedId, IndexOf(targetId));

    /// <summary>Checks the current order.</summary>
    public ReorderResult Check() => Result = Exercise.Check([.. _order.Select(s => s.Id)]);

    /// <summary>Whether the step at <paramref name="position"/> was in place at the last check (null when not checked).</summary>
    public bool? InPlace(int position) => Result?.InPlace[position];

    /// <summary>The position (from 0) of step <paramref name="stepId"/>, or −1.</summary>
    public int IndexOf(string stepId) => _order.FindIndex(s => s.Id == stepId);
}
