using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Concepts;

/// <summary>One experiment of the training loop: its key (in the address), its label in the menu and what it teaches.</summary>
public sealed record TrainingLoopExperiment(string Key, string Label, string Lesson);

/// <summary>
/// The experiments of the concepts page: the <c>training-loop</c> preset's run (MSE with its factor 2, mini-batches of 4
/// sliced from a seeded shuffle, 100 epochs) with one thing changed.
/// </summary>
public static class TrainingLoopExperiments
{
    /// <summary>The reference run's key.</summary>
    public const string Base = "base";

    /// <summary>Every experiment, the base run first.</summary>
    public static IReadOnlyList<TrainingLoopExperiment> All { get; } =
    [
        new(Base, "base: α = 0.01, batch 4, 100 epochs", "The reference run, the page's code: every other experiment changes one thing."),
        new("alpha-small", "α = 0.001", "Steps ten times smaller: every update is safe, but after the same 100 epochs the cost is still far from zero."),
        new("alpha-large", "α = 0.5", "Steps fifty times larger: each update overshoots the valley by more than the last, and the run diverges."),
        new("batch-1", "batch size 1", "One row per update: five noisy updates per epoch, so the cost falls faster per epoch but jitters."),
        new("batch-full", "full batch (5)", "All rows per update: one smooth update per epoch, so the cost falls more slowly per epoch."),
        new("parabola-line", "y = x² with a line", "A straight line cannot follow a parabola: the cost stops at a floor well above zero however long it runs."),
        new("parabola-poly", "y = x² with x and x²", "With x² as a second feature (scaled), the same descent fits the curve and the cost goes to zero."),
        new("more-epochs", "1000 epochs", "Ten times the epochs: the cost keeps falling until it is near zero."),
    ];

    /// <summary>The experiment with key <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">No experiment has that key.</exception>
    public static TrainingLoopExperiment Get(string key) =>
        All.FirstOrDefault(e => e.Key == key) ?? throw new ArgumentException($"No experiment is called '{key}'.", nameof(key));

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
        _ => Exercise(Base),
    };

    /// <summary>Updates per epoch of a run: ⌈rows / rows per update⌉ (the loss figure puts each step at its fractional epoch).</summary>
    public static int UpdatesPerEpoch(LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = session.Resolved.Data!.SampleCount;
        var size = session.Resolved.Settings.Batch.EffectiveSize(rows);
        return (rows + size - 1) / size;
    }

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

/// <summary>An experiment run to its end beside the base run: what the experiments section shows.</summary>
public sealed class ExperimentComparison
{
    /// <summary>Runs experiment <paramref name="key"/> and the base run to their ends.</summary>
    /// <exception cref="ArgumentException">No experiment has that key.</exception>
    public ExperimentComparison(string key)
    {
        Experiment = TrainingLoopExperiments.Get(key);
        BaseRun = new LiveSession(TrainingLoopExperiments.Scenario(TrainingLoopExperiments.Base));
        BaseRun.ToEnd();
        Run = key == TrainingLoopExperiments.Base ? BaseRun : new LiveSession(TrainingLoopExperiments.Scenario(key));
        Run.ToEnd();
    }

    /// <summary>The experiment.</summary>
    public TrainingLoopExperiment Experiment { get; }

    /// <summary>The experiment's run, at its end.</summary>
    public LiveSession Run { get; }

    /// <summary>The base run, at its end.</summary>
    public LiveSession BaseRun { get; }

    /// <summary>Whether this is the base run itself.</summary>
    public bool IsBase => Experiment.Key == TrainingLoopExperiments.Base;

    /// <summary>The lesson with the run's numbers beside the base run's.</summary>
    public string Sentence => ExperimentSummary.Sentence(Experiment.Key, Experiment.Lesson, Run, BaseRun);
}
