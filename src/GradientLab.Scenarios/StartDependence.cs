namespace GradientLab.Scenarios;

/// <summary>
/// The convexity question ("why can't gradient descent get stuck in a bad local minimum here?") answered by runs:
/// the same descent from several starts on a convex bowl (linear regression) and on a function with four minima
/// (Himmelblau's). On the bowl every start ends at the one minimum; on Himmelblau's the start decides which.
/// </summary>
public static class StartDependence
{
    /// <summary>Starts for the course lab's convex bowl, far apart on purpose.</summary>
    public static IReadOnlyList<double[]> BowlStarts { get; } = [[0, 0], [400, -200], [-100, 500]];

    /// <summary>Starts for Himmelblau's function, one in each of its four basins at α = 0.01 (the highest first).</summary>
    public static IReadOnlyList<double[]> HimmelblauStarts { get; } = [[-1, -4], [1, 1], [-1, 4], [4, -1]];

    /// <summary>The course lab (linear regression, convex) from each of <see cref="BowlStarts"/>.</summary>
    public static IReadOnlyList<LessonRun> Bowl() => Runs(
        Presets.Get("course-lab").Scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 0.3 }, Steps = 2000, Stop = new StopSpec { GradientTolerance = 1e-6 } },
        BowlStarts);

    /// <summary>Himmelblau's function (four minima) from each of <see cref="HimmelblauStarts"/>.</summary>
    public static IReadOnlyList<LessonRun> Himmelblau() => Runs(
        Presets.Get("himmelblau-simultaneous").Scenario with { Stop = new StopSpec { GradientTolerance = 1e-6 } },
        HimmelblauStarts);

    private static LessonRun[] Runs(Scenario scenario, IReadOnlyList<double[]> starts) =>
        [.. starts.Select(start => LessonRun.Of(scenario with { Start = start }))];
}
