using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Concepts;

/// <summary>One row of the batch-variants table: a variant's run and its counts.</summary>
/// <param name="Key">full, mini or stochastic.</param>
/// <param name="Name">The row's label.</param>
/// <param name="Session">The run.</param>
/// <param name="RowsPerUpdate">Rows of data each update uses.</param>
/// <param name="IterationsPerEpoch">Updates per pass over the data: ⌈rows / rows per update⌉.</param>
public sealed record BatchVariant(string Key, string Name, LiveSession Session, int RowsPerUpdate, int IterationsPerEpoch)
{
    /// <summary>Epochs completed at the end.</summary>
    public int Epochs => Session.Trajectory[^1].Epoch;

    /// <summary>Updates made.</summary>
    public int Iterations => Session.LastStep;

    /// <summary>The full-data cost at the end.</summary>
    public double FinalCost => Session.Trajectory[^1].Loss;
}

/// <summary>
/// Batch, mini-batch and stochastic gradient descent on the same five points of y = 2x + 1 (<c>line</c>), from w = b = 0 at
/// the same α for the same number of epochs: an iteration is one update, an epoch one pass over all the data.
/// </summary>
public sealed class BatchVariantsLesson
{
    /// <summary>The rows of the data (the five points of <c>line</c>).</summary>
    public static int Rows { get; } = BuiltinData.Get("line").Table.RowCount;

    /// <summary>The mini-batch size shown first.</summary>
    public const int DefaultBatchSize = 2;

    /// <summary>The epochs shown first.</summary>
    public const int DefaultEpochs = 30;

    /// <summary>The most epochs.</summary>
    public const int MaxEpochs = 500;

    /// <summary>The learning rate shown first.</summary>
    public const double DefaultAlpha = 0.02;

    /// <summary>The three runs: <paramref name="batchSize"/> clamped to 1…<see cref="Rows"/>, <paramref name="epochs"/> to 1…<see cref="MaxEpochs"/>.</summary>
    public BatchVariantsLesson(int batchSize, int epochs, double alpha)
    {
        BatchSize = Math.Clamp(batchSize, 1, Rows);
        Epochs = Math.Clamp(epochs, 1, MaxEpochs);
        Alpha = alpha;
        try
        {
            Variants =
            [
                Variant("full", $"batch (all {Rows} rows)", new BatchSpec { Kind = "full" }, Rows),
                Variant("mini", $"mini-batch of {BatchSize}", new BatchSpec { Kind = "mini", Size = BatchSize, Seed = 42 }, BatchSize),
                Variant("stochastic", "stochastic (1 row)", new BatchSpec { Kind = "stochastic", Seed = 42 }, 1),
            ];
        }
        catch (ScenarioException error)
        {
            Error = error.Message;
        }
    }

    /// <summary>Rows per update of the mini-batch variant.</summary>
    public int BatchSize { get; }

    /// <summary>Epochs every variant runs.</summary>
    public int Epochs { get; }

    /// <summary>The learning rate of every variant.</summary>
    public double Alpha { get; }

    /// <summary>Full batch, mini-batch and stochastic, in that order (empty when the settings were rejected).</summary>
    public IReadOnlyList<BatchVariant> Variants { get; } = [];

    /// <summary>Why the runs could not be made (a rejected α), or null.</summary>
    public string? Error { get; }

    private BatchVariant Variant(string key, string name, BatchSpec batch, int rowsPerUpdate)
    {
        var perEpoch = (Rows + rowsPerUpdate - 1) / rowsPerUpdate;
        var session = new LiveSession(new Scenario
        {
            Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Builtin = "line" } },
            Start = [0, 0],
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = Alpha },
            Batch = batch,
            Steps = Epochs * perEpoch,
        });
        return new BatchVariant(key, name, session, session.Resolved.Settings.Batch.EffectiveSize(Rows), perEpoch);
    }
}
