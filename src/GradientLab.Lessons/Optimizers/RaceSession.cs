using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Optimizers;

/// <summary>One optimizer in a race: its settings and how it is drawn.</summary>
/// <param name="Key">Its name in the page (<c>adam</c>, <c>nesterov</c>, …), used in test ids.</param>
/// <param name="Optimizer">Its settings, as a scenario spells them.</param>
/// <param name="CssClass">Its colour.</param>
public sealed record Racer(string Key, OptimizerSpec Optimizer, string CssClass)
{
    /// <summary>The legend's text: the optimizer and its settings (<see cref="OptimizerChoice.Label"/>).</summary>
    public string Label => OptimizerCatalogue.ChoiceOf(Optimizer)?.Label(Optimizer) ?? Key;
}

/// <summary>A surface the race can run on: its function, a window to draw and a classic start.</summary>
public sealed record RaceSurface(string Key, string Label, string Function, IReadOnlyList<double>? Eigenvalues, DataRect Window, double[] Start);

/// <summary>
/// Several optimizers from the same start on the same surface with the same step budget, advanced together one step
/// at a time: the page drives each <see cref="DescentRun"/> directly.
/// </summary>
public sealed class RaceSession
{
    /// <summary>The surfaces, in the order the page lists them.</summary>
    public static IReadOnlyList<RaceSurface> Surfaces { get; } =
    [
        new("bowl-round", "round bowl ½(x² + y²)", "quadratic-bowl", [1.0, 1.0], new DataRect(-5, 5, -5, 5), [-4, 3]),
        new("bowl-narrow", "narrow bowl ½(x² + 20y²)", "quadratic-bowl", [1.0, 20.0], new DataRect(-5, 5, -2.5, 2.5), [-4.5, 1.5]),
        new("rosenbrock", "Rosenbrock", "rosenbrock", null, new DataRect(-2, 2, -1, 3), [-1.2, 1]),
        new("beale", "Beale", "beale", null, new DataRect(-1, 4.5, -1.5, 2), [0.5, 1.5]),
        new("himmelblau", "Himmelblau", "himmelblau", null, new DataRect(-5, 5, -5, 5), [0, 0]),
        new("booth", "Booth", "booth", null, new DataRect(-10, 10, -10, 10), [-8, -8]),
        new("saddle", "saddle x² − y²", "saddle", null, new DataRect(-2, 2, -2, 2), [-1.8, 0.01]),
        new("rastrigin", "Rastrigin", "rastrigin", null, new DataRect(-3, 3, -3, 3), [2.2, -1.6]),
    ];

    /// <summary>Every optimizer the race offers, with settings that make a fair start on most surfaces.</summary>
    public static IReadOnlyList<Racer> AllRacers { get; } =
    [
        new("gd", OptimizerCatalogue.Get("gd").NewSpec(0.001), "gl-r1"),
        new("momentum", OptimizerCatalogue.Get("sgd").NewSpec(0.001), "gl-r2"),
        new("nesterov", OptimizerCatalogue.Get("nesterov").NewSpec(0.001), "gl-r3"),
        new("adagrad", OptimizerCatalogue.Get("adagrad").NewSpec(0.5), "gl-r4"),
        new("rmsprop", OptimizerCatalogue.Get("rmsprop").NewSpec(0.01), "gl-r5"),
        new("adam", OptimizerCatalogue.Get("adam").NewSpec(0.02), "gl-r6"),
        new("adamw", OptimizerCatalogue.Get("adamw").NewSpec(0.02), "gl-r7"),
    ];

    private readonly List<(Racer Racer, ResolvedScenario Scenario, DescentRun Run)> _runs = [];

    /// <summary>Prepares the race at step 0.</summary>
    /// <exception cref="ScenarioException">A racer's settings cannot run; the message names the setting.</exception>
    public RaceSession(RaceSurface surface, IReadOnlyList<double> start, IReadOnlyList<Racer> racers, int budget, ScheduleSpec? schedule, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(racers);
        Surface = surface;
        Start = [.. start];
        Budget = budget;
        Tolerance = tolerance;
        foreach (var racer in racers)
        {
            var scenario = ScenarioResolver.Resolve(new Scenario
            {
                Name = racer.Key,
                Objective = new ObjectiveSpec { Kind = "function", Name = surface.Function, Eigenvalues = surface.Eigenvalues },
                Start = [.. start],
                Optimizer = racer.Optimizer,
                Schedule = schedule,
                Steps = budget,
            });
            _runs.Add((racer, scenario, scenario.CreateRun()));
        }

        Function = (TestFunction)_runs.FirstOrDefault().Scenario?.Settings.Objective! ?? TestFunctions.Create(surface.Function, surface.Eigenvalues);
    }

    /// <summary>The surface raced on.</summary>
    public RaceSurface Surface { get; }

    /// <summary>The shared start.</summary>
    public IReadOnlyList<double> Start { get; }

    /// <summary>The shared step budget.</summary>
    public int Budget { get; }

    /// <summary>How close to a minimum counts as arrived.</summary>
    public double Tolerance { get; }

    /// <summary>The function.</summary>
    public TestFunction Function { get; }

    /// <summary>Steps taken so far (the same for every racer still running).</summary>
    public int StepCount { get; private set; }

    /// <summary>The racers and their runs.</summary>
    public IReadOnlyList<(Racer Racer, ResolvedScenario Scenario, DescentRun Run)> Runs => _runs;

    /// <summary>Whether every run has stopped.</summary>
    public bool Finished => StepCount >= Budget || _runs.All(r => r.Run.IsFinished);

    /// <summary>One step for every racer that can still move.</summary>
    public bool Step()
    {
        if (Finished)
        {
            return false;
        }

        foreach (var (_, _, run) in _runs)
        {
            run.Step();
        }

        StepCount++;
        return true;
    }

    /// <summary>The distance from a point to the nearest minimum, or null for a surface without one.</summary>
    public double? DistanceToMinimum(IReadOnlyList<double> point) =>
        Function.Minima.Count == 0
            ? null
            : Function.Minima.Min(m => Math.Sqrt(m.Zip(point, (a, b) => (a - b) * (a - b)).Sum()));

    /// <summary>The first step at which the run came within <see cref="Tolerance"/> of a minimum, or null.</summary>
    public int? ArrivedAt(DescentRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var point in run.Trajectory)
        {
            if (DistanceToMinimum(point.Parameters) is { } d && d <= Tolerance)
            {
                return point.Step;
            }
        }

        return null;
    }
}
