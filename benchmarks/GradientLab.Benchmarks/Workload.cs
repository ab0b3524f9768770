using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;
using GradientLab.Plotting;

namespace GradientLab.Benchmarks;

/// <summary>The data, runs and grids the benchmarks share, so that each side of a ratio does the same work.</summary>
internal static class Workload
{
    /// <summary>Full-batch steps in one descent run.</summary>
    public const int Steps = 10_000;

    /// <summary>Samples per side of the contour grid.</summary>
    public const int GridSide = 200;

    /// <summary>x uniform on [0, 5), y = 3x + 2 + noise uniform on [0, 1): the housing-like line, seeded.</summary>
    public static (double[] X, double[] Y) Line(int rows)
    {
        var random = new Random(42);
        var x = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i] = random.NextDouble() * 5;
            y[i] = (3 * x[i]) + 2 + random.NextDouble();
        }

        return (x, y);
    }

    /// <summary>Plain gradient descent from (0, 0) at a rate of 0.1 for <see cref="Steps"/> full-batch steps.</summary>
    public static DescentRun Run(IObjective objective) =>
        new(new DescentSettings(objective, [0.0, 0.0], new GradientDescentSettings(), new ConstantRate(0.1), Steps));

    /// <summary>The contour window a run from (0, 0) to the fit gets (the figures' 15 % margin), sampled on the grid.</summary>
    public static SurfaceGrid Grid(Func<double, double, double> cost, IReadOnlyList<double> fit) =>
        SurfaceGrid.Sample(cost, DataRect.Around([new DataPoint(0, 0), new DataPoint(fit[0], fit[1])], 0.15), GridSide, GridSide);
}

/// <summary>Linear regression evaluated by a pass over the rows at every call: how full batches cost without statistics.</summary>
internal sealed class RowByRow(LinearRegression inner) : IObjective
{
    public int Dimension => inner.Dimension;

    public IReadOnlyList<string> ParameterNames => inner.ParameterNames;

    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient) => inner.EvaluateDirect(point, gradient);
}
