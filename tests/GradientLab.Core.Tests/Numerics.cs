using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests;

/// <summary>Shared helpers: float comparison with tolerances, central differences, and short ways to build runs.</summary>
internal static class Numerics
{
    public static void ShouldBeClose(this double actual, double expected, double relative = 1e-12, double absolute = 1e-12)
    {
        var tolerance = Math.Max(absolute, relative * Math.Abs(expected));
        if (!(Math.Abs(actual - expected) <= tolerance))
        {
            throw new ShouldAssertException($"Expected {expected:R} ± {tolerance:R}, got {actual:R} (off by {actual - expected:R}).");
        }
    }

    public static void ShouldBeClose(this IReadOnlyList<double> actual, IReadOnlyList<double> expected, double relative = 1e-12, double absolute = 1e-12)
    {
        actual.Count.ShouldBe(expected.Count);
        for (var i = 0; i < actual.Count; i++)
        {
            actual[i].ShouldBeClose(expected[i], relative, absolute);
        }
    }

    /// <summary>∂f/∂θᵢ ≈ (f(θ + heᵢ) − f(θ − heᵢ)) / 2h, with h scaled to the coordinate.</summary>
    public static double[] CentralDifference(IObjective objective, double[] point)
    {
        var result = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var h = 1e-5 * Math.Max(1, Math.Abs(point[i]));
            var up = (double[])point.Clone();
            var down = (double[])point.Clone();
            up[i] += h;
            down[i] -= h;
            result[i] = (objective.Value(up) - objective.Value(down)) / (2 * h);
        }

        return result;
    }

    /// <summary>Checks the analytic gradient against central differences to 1e-6 relative (REFERENCE.md).</summary>
    public static void GradientShouldMatchCentralDifference(IObjective objective, double[] point)
    {
        var analytic = objective.Gradient(point);
        var numeric = CentralDifference(objective, point);
        var scale = analytic.Max(Math.Abs);
        for (var i = 0; i < point.Length; i++)
        {
            var error = Math.Abs(analytic[i] - numeric[i]);
            var allowed = (1e-6 * Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric[i]))) + (1e-8 * Math.Max(scale, 1));
            if (!(error <= allowed))
            {
                throw new ShouldAssertException($"∂/∂{objective.ParameterNames[i]} at [{string.Join(", ", point)}]: analytic {analytic[i]:R}, central difference {numeric[i]:R}.");
            }
        }
    }

    public static DescentRun Run(IObjective objective, double[] start, double learningRate, int steps, OptimizerSettings? optimizer = null) =>
        new(new DescentSettings(objective, start, optimizer ?? new GradientDescentSettings(), new ConstantRate(learningRate), steps));

    public static DescentRun Finished(this DescentRun run)
    {
        run.RunToEnd();
        return run;
    }

    public static double[] Theta(this DescentRun run) => [.. run.Trajectory.Select(p => p.Parameters[0])];
}
