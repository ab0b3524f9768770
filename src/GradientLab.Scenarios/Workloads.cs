namespace GradientLab.Scenarios;

/// <summary>
/// Fixed pieces of engine work, the same in every place that measures speed (BenchmarkDotNet natively, the lab's
/// benchmark page under WebAssembly), so that their times can be put side by side as a ratio.
/// </summary>
public static class Workloads
{
    /// <summary>
    /// The live demo's preset run for exactly <paramref name="steps"/> full-batch steps: 47 houses, two parameters,
    /// plain gradient descent, with no early stop (a gradient tolerance of 0 and no divergence test).
    /// </summary>
    public static Scenario LiveDemoSteps(int steps) => Presets.Get("housing-live-demo").Scenario with
    {
        Steps = steps,
        Stop = new StopSpec { GradientTolerance = 0, DivergenceFactor = double.MaxValue },
    };
}
