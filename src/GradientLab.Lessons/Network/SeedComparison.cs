using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;

namespace GradientLab.Lessons.Network;

/// <summary>One seed's ending: the network's and logistic regression's final loss and training accuracy.</summary>
/// <param name="Seed">The initial weights' seed.</param>
/// <param name="NetworkLoss">The network's loss at its last step.</param>
/// <param name="NetworkAccuracy">The network's training accuracy at its last step.</param>
/// <param name="LogisticLoss">Logistic regression's loss at its last step.</param>
/// <param name="LogisticAccuracy">Logistic regression's training accuracy at its last step.</param>
public sealed record SeedEnding(int Seed, double NetworkLoss, double NetworkAccuracy, double LogisticLoss, double LogisticAccuracy);

/// <summary>
/// Non-convexity made visible: the same data and the same network trained from several seeds of its initial weights end
/// at different losses (different valleys of a non-convex loss), while logistic regression from the same seeds, whose
/// loss is convex, ends at the same one.
/// </summary>
public sealed class SeedComparison
{
    /// <summary>Seeds compared by default.</summary>
    public const int DefaultSeeds = 8;

    /// <summary>Most seeds compared.</summary>
    public const int MaxSeeds = 20;

    private SeedComparison(NetworkSettings settings, IReadOnlyList<SeedEnding> endings)
    {
        Settings = settings;
        Endings = endings;
    }

    /// <summary>The network's settings (the seeds replace its initial seed; logistic regression drops its hidden layers).</summary>
    public NetworkSettings Settings { get; }

    /// <summary>One ending per seed, seed 0 first.</summary>
    public IReadOnlyList<SeedEnding> Endings { get; }

    /// <summary>Largest minus smallest final loss of the network.</summary>
    public double NetworkSpread => Endings.Max(e => e.NetworkLoss) - Endings.Min(e => e.NetworkLoss);

    /// <summary>Largest minus smallest final loss of logistic regression.</summary>
    public double LogisticSpread => Endings.Max(e => e.LogisticLoss) - Endings.Min(e => e.LogisticLoss);

    /// <summary>Trains the settings from seeds 0 … <paramref name="seeds"/> − 1, network and logistic regression.</summary>
    /// <exception cref="ArgumentException">The settings cannot run, or the seed count is outside 1 … 20.</exception>
    public static SeedComparison Run(NetworkSettings settings, int seeds = DefaultSeeds) =>
        RunAsync(settings, seeds, () => Task.CompletedTask).GetAwaiter().GetResult();

    /// <summary>As <see cref="Run"/>, awaiting <paramref name="yieldToBrowser"/> after each seed so a page keeps drawing.</summary>
    public static async Task<SeedComparison> RunAsync(NetworkSettings settings, int seeds, Func<Task> yieldToBrowser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(yieldToBrowser);
        if (settings.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        if (seeds is < 1 or > MaxSeeds)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Seeds: {seeds} is outside the range 1 to {MaxSeeds}."), nameof(seeds));
        }

        var data = settings.Data();
        var network = new NeuralNetwork(data, settings.Shape);
        var logistic = new NeuralNetwork(data, settings.AsLogistic().Shape);
        var endings = new List<SeedEnding>(seeds);
        for (var seed = 0; seed < seeds; seed++)
        {
            var seeded = settings with { InitSeed = seed };
            var (networkLoss, networkAccuracy) = Train(network, seeded);
            var (logisticLoss, logisticAccuracy) = Train(logistic, seeded.AsLogistic());
            endings.Add(new SeedEnding(seed, networkLoss, networkAccuracy, logisticLoss, logisticAccuracy));
            await yieldToBrowser().ConfigureAwait(true);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new SeedComparison(settings, endings);
    }

    /// <summary>What the table shows, in a sentence.</summary>
    public string Summary
    {
        get
        {
            var perfect = Endings.Count(e => e.NetworkAccuracy == 1);
            var bestLine = Endings.Max(e => e.LogisticAccuracy);
            return string.Create(CultureInfo.InvariantCulture, $"From {Endings.Count} seeds the {Settings.ModelName} ends at losses {NetworkSession.Number(Endings.Min(e => e.NetworkLoss))} to {NetworkSession.Number(Endings.Max(e => e.NetworkLoss))} (spread {NetworkSession.Number(NetworkSpread)}; {perfect} of {Endings.Count} reach 100 %): its loss is not convex, and each seed can settle in a different valley. Logistic regression ends at {NetworkSession.Number(Endings.Min(e => e.LogisticLoss))} to {NetworkSession.Number(Endings.Max(e => e.LogisticLoss))} (spread {NetworkSession.Number(LogisticSpread)}, best accuracy {NetworkSession.Percent(bestLine)}): one bowl, one bottom, whatever the start.");
        }
    }

    private static (double Loss, double Accuracy) Train(NeuralNetwork model, NetworkSettings settings)
    {
        var run = new DescentRun(settings.Descent(model, model.Shape.Initialize(settings.InitSeed)));
        run.RunToEnd();
        return (run.Current.Loss, model.Accuracy([.. run.Current.Parameters]));
    }
}
