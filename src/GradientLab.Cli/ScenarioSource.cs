using GradientLab.Scenarios;

namespace GradientLab.Cli;

/// <summary>Changes to a scenario asked for on the command line; null leaves a field as the scenario has it.</summary>
internal sealed record Overrides(
    double? LearningRate = null,
    int? Steps = null,
    IReadOnlyList<double>? Start = null,
    string? Optimizer = null,
    double? Momentum = null,
    int? BatchSize = null,
    int? Seed = null)
{
    /// <summary>The scenario with these changes made.</summary>
    public Scenario ApplyTo(Scenario scenario)
    {
        var optimizer = scenario.Optimizer ?? new OptimizerSpec { Kind = "gd" };
        if (Optimizer is not null)
        {
            // A new kind keeps only the learning rate: the other settings belong to the old kind.
            optimizer = new OptimizerSpec { Kind = Optimizer, LearningRate = optimizer.LearningRate };
        }

        if (LearningRate is not null)
        {
            optimizer = optimizer with { LearningRate = LearningRate };
        }

        if (Momentum is not null)
        {
            // Plain gradient descent with momentum is SGD with momentum.
            optimizer = optimizer with { Kind = optimizer.Kind is null or "gd" ? "sgd" : optimizer.Kind, Momentum = Momentum };
        }

        var batch = scenario.Batch;
        if (BatchSize is not null)
        {
            batch = new BatchSpec { Kind = "mini", Size = BatchSize, Shuffle = batch?.Shuffle, Seed = batch?.Seed };
        }

        if (Seed is not null)
        {
            if (batch?.Kind is null or "full")
            {
                throw new UsageException("--seed sets the shuffle of mini-batches, but this scenario uses full batches; add --batch-size N.");
            }

            batch = batch with { Seed = Seed };
        }

        return scenario with
        {
            Optimizer = optimizer,
            Batch = batch,
            Steps = Steps ?? scenario.Steps,
            Start = Start ?? scenario.Start,
        };
    }
}

/// <summary>Finds the scenario a command names: a preset, or a JSON file whose CSV paths are relative to its folder.</summary>
internal static class ScenarioSource
{
    /// <summary>Largest scenario file read.</summary>
    public const long MaxScenarioBytes = 1024 * 1024;

    /// <summary>The scenario named <paramref name="nameOrPath"/> with the overrides made, resolved; its CSV files are read
    /// from the scenario file's folder (and below) unless <paramref name="allowOutsideFiles"/>.</summary>
    public static ResolvedScenario Load(string nameOrPath, Overrides overrides, bool allowOutsideFiles = false)
    {
        Scenario scenario;
        string folder;
        if (Presets.Find(nameOrPath) is { } preset)
        {
            scenario = preset.Scenario;
            folder = Directory.GetCurrentDirectory();
        }
        else if (File.Exists(nameOrPath))
        {
            var file = new FileInfo(nameOrPath);
            if (file.Length > MaxScenarioBytes)
            {
                throw new UsageException($"{nameOrPath} is {file.Length:N0} bytes; a scenario file may be at most {MaxScenarioBytes:N0}.");
            }

            string text;
            try
            {
                text = File.ReadAllText(nameOrPath);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read the scenario file {nameOrPath}: {(error is UnauthorizedAccessException ? "permission denied" : error.Message)}");
            }

            scenario = ScenarioJson.Parse(text);
            scenario = scenario with { Name = scenario.Name ?? Path.GetFileNameWithoutExtension(nameOrPath) };
            folder = file.DirectoryName ?? Directory.GetCurrentDirectory();
        }
        else
        {
            throw new UsageException(Directory.Exists(nameOrPath)
                ? $"'{nameOrPath}' is a folder; name a preset or a scenario .json file."
                : $"No preset or scenario file named '{nameOrPath}'. Presets: {string.Join(", ", Presets.Names)} (see 'gradlab presets').");
        }

        return ScenarioResolver.Resolve(overrides.ApplyTo(scenario), new ScenarioFolder(folder, allowOutsideFiles).Open);
    }
}
