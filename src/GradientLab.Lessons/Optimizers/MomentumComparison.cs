using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Optimizers;

/// <summary>Momentum against vanilla gradient descent on the momentum preset, read at one iteration.</summary>
public sealed class MomentumComparison
{
    /// <summary>The iterations both runs take.</summary>
    public const int Iterations = 40;

    /// <summary>The learning rate the page starts with.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>The momentum β the page starts with.</summary>
    public const double DefaultBeta = 0.5;

    /// <summary>Runs both.</summary>
    /// <exception cref="ScenarioException">α or β cannot run; the message names it.</exception>
    public MomentumComparison(double alpha, double beta)
    {
        var preset = Presets.Get("momentum").Scenario;
        Alpha = alpha;
        Beta = beta;
        Vanilla = new LiveSession(preset with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = alpha }, Steps = Iterations });
        Momentum = new LiveSession(preset with { Optimizer = new OptimizerSpec { Kind = "sgd", LearningRate = alpha, Momentum = beta }, Steps = Iterations });
    }

    /// <summary>The learning rate.</summary>
    public double Alpha { get; }

    /// <summary>The momentum β.</summary>
    public double Beta { get; }

    /// <summary>Plain gradient descent.</summary>
    public LiveSession Vanilla { get; }

    /// <summary>Gradient descent with momentum.</summary>
    public LiveSession Momentum { get; }

    /// <summary>An iteration the runs have reached (0 to <see cref="Iterations"/>).</summary>
    public int Clamp(int at) => Math.Clamp(at, 0, Math.Min(Vanilla.Trajectory.Count, Momentum.Trajectory.Count) - 1);

    /// <summary>θ of plain descent at iteration <paramref name="at"/>.</summary>
    public double VanillaTheta(int at) => Vanilla.Trajectory[Clamp(at)].Parameters[0];

    /// <summary>θ with momentum at iteration <paramref name="at"/>.</summary>
    public double MomentumTheta(int at) => Momentum.Trajectory[Clamp(at)].Parameters[0];

    /// <summary>The velocity (momentum buffer) after the update that leaves iteration <paramref name="at"/>.</summary>
    public double Velocity(int at)
    {
        _velocities ??= Velocities();
        return _velocities[Math.Clamp(at, 0, _velocities.Length - 1)];
    }

    private double[]? _velocities;

    /// <summary>The momentum buffer after each update, recorded in one pass over the run (index t: after the update leaving iteration t).</summary>
    private double[] Velocities()
    {
        var run = Momentum.Resolved.CreateRun();
        var velocities = new List<double>(Iterations + 1);
        while (velocities.Count <= Iterations && run.Step())
        {
            velocities.Add(run.OptimizerState.Count > 0 ? run.OptimizerState[0].Values[0] : 0);
        }

        return velocities.Count > 0 ? [.. velocities] : [0];
    }

    /// <summary>The next move, −α·velocity.</summary>
    public double NextMove(int at) => -Alpha * Velocity(at);
}
