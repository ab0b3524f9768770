using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.State;

/// <summary>The experiments of the concepts page: the training-loop page's run with one thing changed.</summary>
public static class ConceptExperiments
{
    /// <summary>Every experiment: its key, its label in the menu and what it teaches.</summary>
    public static IReadOnlyList<(string Key, string Label, string Lesson)> All { get; } =
    [
        ("base", "base: α = 0.01, batch 4, 100 epochs", "The reference run, the page's code: every other experiment changes one thing."),
        ("alpha-small", "α = 0.001", "Steps ten times smaller: every update is safe, but after the same 100 epochs the cost is still far from zero."),
        ("alpha-large", "α = 0.5", "Steps fifty times larger: each update overshoots the valley by more than the last, and the run diverges."),
        ("batch-1", "batch size 1", "One row per update: five noisy updates per epoch, so the cost falls faster per epoch but jitters."),
        ("batch-full", "full batch (5)", "All rows per update: one smooth update per epoch, so the cost falls more slowly per epoch."),
        ("parabola-line", "y = x² with a line", "A straight line cannot follow a parabola: the cost stops at a floor well above zero however long it runs."),
        ("parabola-poly", "y = x² with x and x²", "With x² as a second feature (scaled), the same descent fits the curve and the cost goes to zero."),
        ("more-epochs", "1000 epochs", "Ten times the epochs: the cost keeps falling until it is near zero."),
    ];

    /// <summary>The scenario of experiment <paramref name="key"/> (the base run for an unknown key).</summary>
    public static Scenario Scenario(string key) => key switch
    {
        "alpha-small" => Exercise(key, alpha: 0.001),
        "alpha-large" => Exercise(key, alpha: 0.5),
        "batch-1" => Exercise(key, batch: 1),
        "batch-full" => Exercise(key, batch: 5),
        "parabola-line" => Exercise(key, data: "parabola", batch: 7, alpha: 0.02),
        "parabola-poly" => Exercise(key, data: "parabola", batch: 7, degree: 2, alpha: 0.1),
        "more-epochs" => Exercise(key, epochs: 1000),
        _ => Exercise("base"),
    };

    /// <summary>A finished run as a series of the loss figure, each step at its fractional epoch.</summary>
    public static RunSeries Series(string name, string cssClass, LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = session.Resolved.Data!.SampleCount;
        return new(name, cssClass, session.Trajectory, (int)Math.Ceiling(rows / (double)session.Resolved.Settings.Batch.EffectiveSize(rows)));
    }

    // The training-loop page's code: MSE (with its factor 2), mini-batches of 4 sliced from a seeded shuffle, 100 epochs.
    private static Scenario Exercise(string key, double alpha = 0.01, int batch = 4, int epochs = 100, string data = "line", int degree = 1) => Presets.Get("training-loop").Scenario with
    {
        Name = "experiment-" + key,
        Description = null,
        Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "mse", Data = new DataSpec { Builtin = data }, PolynomialDegree = degree == 1 ? null : degree, ScaleFeatures = degree == 1 ? null : true },
        Start = degree == 1 ? [0, 0] : [0, 0, 0],
        Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = alpha },
        Batch = new BatchSpec { Kind = "mini", Size = batch, Shuffle = true, Seed = 42 },
        Steps = epochs * (int)Math.Ceiling(BuiltinData.Get(data).Table.RowCount / (double)batch),
    };
}
