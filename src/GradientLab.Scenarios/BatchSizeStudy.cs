using System.Globalization;
using System.Diagnostics;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;

namespace GradientLab.Scenarios;

/// <summary>One batch size's run in a <see cref="BatchSizeStudy"/>.</summary>
/// <param name="BatchSize">Rows per update.</param>
/// <param name="Updates">Updates made with the budget of examples.</param>
/// <param name="Loss">The full-data cost J where the budget ran out.</param>
/// <param name="ExcessLoss">J − J*, the cost above the least-squares line's.</param>
/// <param name="Rises">Updates after which the full-data cost was higher than before: the noise of small batches.</param>
/// <param name="Elapsed">The time the engine took here, for the whole budget.</param>
public sealed record BatchSizeRun(int BatchSize, int Updates, double Loss, double ExcessLoss, int Rises, TimeSpan Elapsed)
{
    /// <summary>Time per 1,000 examples processed, in microseconds (the cost of an update spread over its rows).</summary>
    public double MicrosecondsPerThousandExamples(int examples) => Elapsed.TotalMicroseconds * 1000 / examples;
}

/// <summary>
/// Why practitioners pick mini-batches of 32 to 512, with this engine's own numbers: the same budget of examples
/// processed (so the same arithmetic on the data) spent in batches of different sizes, from the same start at the same α.
/// Tiny batches make many updates but each is noisy, so the cost jitters around a floor above the minimum; huge batches
/// make few, exact updates and run out of budget far from it; in between, many updates that are nearly exact. The time
/// column is the other half of the story: every update has a fixed cost, so per example processed small batches are
/// the slowest (and on a GPU a batch of 512 costs about what a batch of 1 does).
/// </summary>
public static class BatchSizeStudy
{
    /// <summary>The batch sizes compared: 1 up to the whole data set.</summary>
    public static IReadOnlyList<int> BatchSizes { get; } = [1, 4, 32, 128, 512, BuiltinData.NoisyLineRows];

    /// <summary>Epochs of the data in the budget of examples each batch size spends.</summary>
    public const int Epochs = 8;

    /// <summary>The learning rate, the same for every batch size.</summary>
    public const double LearningRate = 0.1;

    /// <summary>Examples processed by every batch size: <see cref="Epochs"/> passes over <c>noisy-line</c>.</summary>
    public static int Examples => Epochs * BuiltinData.NoisyLineRows;

    /// <summary>The scenario one batch size runs: half-MSE on <c>noisy-line</c> from w = b = 0, reshuffled each epoch (seed 1).</summary>
    public static Scenario ScenarioFor(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return new Scenario
        {
            Name = $"batch-size-{batchSize}",
            Objective = new ObjectiveSpec { Kind = "linear-regression", Loss = "half-mse", Data = new DataSpec { Builtin = "noisy-line" } },
            Start = [0, 0],
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = LearningRate },
            Batch = batchSize >= BuiltinData.NoisyLineRows ? new BatchSpec { Kind = "full" } : new BatchSpec { Kind = "mini", Size = batchSize, Shuffle = true, Seed = 1 },
            Steps = Examples / Math.Min(batchSize, BuiltinData.NoisyLineRows),
        };
    }

    /// <summary>Runs every batch size of <paramref name="sizes"/> (default <see cref="BatchSizes"/>) through the budget.</summary>
    public static IReadOnlyList<BatchSizeRun> Run(IReadOnlyList<int>? sizes = null)
    {
        var runs = new List<BatchSizeRun>();
        foreach (var size in sizes ?? BatchSizes)
        {
            var resolved = ScenarioResolver.Resolve(ScenarioFor(size));
            var clock = Stopwatch.StartNew();
            var run = resolved.CreateRun();
            run.RunToEnd();
            clock.Stop();
            var best = resolved.Settings.Objective.Value([.. resolved.KnownMinimum()!]);
            var trajectory = run.Trajectory;
            runs.Add(new BatchSizeRun(size, trajectory.Count - 1, trajectory[^1].Loss, trajectory[^1].Loss - best, Rises(trajectory), clock.Elapsed));
        }

        return runs;
    }

    /// <summary>How many updates raised the full-data cost: the jitter of small batches, counted.</summary>
    public static int Rises(IReadOnlyList<StepRecord> trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var rises = 0;
        for (var i = 1; i < trajectory.Count; i++)
        {
            rises += trajectory[i].Loss > trajectory[i - 1].Loss ? 1 : 0;
        }

        return rises;
    }

    /// <summary>What the runs show, in words, with their numbers.</summary>
    public static string Summary(IReadOnlyList<BatchSizeRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return "";
        }

        var best = runs.MinBy(r => r.ExcessLoss)!;
        var smallest = runs[0];
        var largest = runs[^1];
        return string.Create(CultureInfo.InvariantCulture, $"With the same {Examples:N0} examples, batches of {best.BatchSize} end closest to the least-squares line (J − J* = {TwoDigits(best.ExcessLoss)}). ")
            + string.Create(CultureInfo.InvariantCulture, $"Batches of {smallest.BatchSize} make {smallest.Updates:N0} updates, but {smallest.Rises:N0} of them raise the full-data cost: the noise leaves them at J − J* = {TwoDigits(smallest.ExcessLoss)}. ")
            + string.Create(CultureInfo.InvariantCulture, $"Batches of {largest.BatchSize:N0} never raise it, but make only {largest.Updates} updates and stop at J − J* = {TwoDigits(largest.ExcessLoss)}.");
    }

    /// <summary>Two significant digits: 0.36, 0.0048, 1.1e-6.</summary>
    public static string TwoDigits(double value) =>
        Math.Abs(value) >= 1e-3 || value == 0
            ? value.ToString("G2", CultureInfo.InvariantCulture)
            : value.ToString("0.#e0", CultureInfo.InvariantCulture);
}
