using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Concepts;

/// <summary>
/// One column of the order table: the first update of one update order, and where its run is after the steps shown.
/// The parameters are called p and q (w and b for a line, x and y on Himmelblau's function).
/// </summary>
/// <param name="StartP">p at the start.</param>
/// <param name="StartQ">q at the start.</param>
/// <param name="SlopeP">∂J/∂p, measured at the start.</param>
/// <param name="NewP">p after the first update.</param>
/// <param name="SlopeQ">∂J/∂q of the first update.</param>
/// <param name="SlopeQMeasuredAtP">The p at which <paramref name="SlopeQ"/> was measured: the start (simultaneous) or the new p (sequential).</param>
/// <param name="NewQ">q after the first update.</param>
/// <param name="EndP">p after the steps shown (or where the run stopped, if earlier).</param>
/// <param name="EndQ">q after the steps shown.</param>
/// <param name="EndCost">The cost after the steps shown.</param>
public sealed record FirstUpdate(double StartP, double StartQ, double SlopeP, double NewP, double SlopeQ, double SlopeQMeasuredAtP, double NewQ, double EndP, double EndQ, double EndCost);

/// <summary>
/// Simultaneous versus sequential update from the same start and α: the correct update measures every partial derivative
/// at the same point; the sequential one moves p first and measures ∂J/∂q at the new p.
/// </summary>
public sealed class UpdateOrderComparison
{
    /// <summary>The data the comparison runs on: a preset's name and its label in the menu.</summary>
    public static IReadOnlyList<(string Preset, string Label)> Data { get; } =
    [
        ("sequential-himmelblau", "Himmelblau's function: the bug lands elsewhere"),
        ("course-lab", "two houses (course lab)"),
        ("housing-live-demo", "47 Portland houses"),
    ];

    /// <summary>The preset shown first.</summary>
    public const string DefaultPreset = "sequential-himmelblau";

    /// <summary>The most steps shown.</summary>
    public const int MaxSteps = 2000;

    /// <summary>The α a preset is shown with: 0.2 for the (scaled) Portland houses, 0.01 otherwise.</summary>
    public static double DefaultAlpha(string preset) => preset == "housing-live-demo" ? 0.2 : 0.01;

    /// <summary>The steps a preset is shown with: 300 on Himmelblau's function (enough to reach a minimum), 50 otherwise.</summary>
    public static int DefaultSteps(string preset) => preset == DefaultPreset ? 300 : 50;

    /// <summary>Both runs of <paramref name="preset"/> with plain gradient descent at <paramref name="alpha"/> for <paramref name="steps"/> steps (clamped to 1…<see cref="MaxSteps"/>).</summary>
    public UpdateOrderComparison(string preset, double alpha, int steps)
    {
        ArgumentNullException.ThrowIfNull(preset);
        Preset = preset;
        Alpha = alpha;
        Steps = Math.Clamp(steps, 1, MaxSteps);
        try
        {
            var scenario = Presets.Get(preset).Scenario with
            {
                Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = alpha },
                Steps = Steps,
                Stop = null,
            };
            Simultaneous = new LiveSession(scenario with { Update = "simultaneous" });
            Sequential = new LiveSession(scenario with { Update = "sequential" });
            SimultaneousUpdate = Column(Simultaneous, sequential: false);
            SequentialUpdate = Column(Sequential, sequential: true);
        }
        catch (ScenarioException error)
        {
            Error = error.Message;
        }
    }

    /// <summary>The preset compared.</summary>
    public string Preset { get; }

    /// <summary>The learning rate of both runs.</summary>
    public double Alpha { get; }

    /// <summary>The steps shown.</summary>
    public int Steps { get; }

    /// <summary>The correct run (null when the settings were rejected).</summary>
    public LiveSession? Simultaneous { get; }

    /// <summary>The buggy run (null when the settings were rejected).</summary>
    public LiveSession? Sequential { get; }

    /// <summary>The correct run's column of the table.</summary>
    public FirstUpdate? SimultaneousUpdate { get; }

    /// <summary>The buggy run's column of the table.</summary>
    public FirstUpdate? SequentialUpdate { get; }

    /// <summary>Why the runs could not be made (a rejected α), or null.</summary>
    public string? Error { get; }

    /// <summary>The two parameters' names (w, b or x, y).</summary>
    public IReadOnlyList<string> ParameterNames => Simultaneous?.ParameterNames ?? [];

    private FirstUpdate Column(LiveSession run, bool sequential)
    {
        var start = run.Trajectory[0];
        var first = run.Trajectory[Math.Min(1, run.LastStep)];
        var end = run.Trajectory[Math.Min(Steps, run.LastStep)];
        return new FirstUpdate(
            start.Parameters[0],
            start.Parameters[1],
            start.Gradient![0],
            first.Parameters[0],
            start.Gradient[1],
            sequential ? first.Parameters[0] : start.Parameters[0],
            first.Parameters[1],
            end.Parameters[0],
            end.Parameters[1],
            end.Loss);
    }
}
