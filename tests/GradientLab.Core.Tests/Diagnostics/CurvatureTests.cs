using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Diagnostics;

public sealed class CurvatureTests
{
    private static readonly LinearRegression CourseLab = new(Dataset.FromPairs([1.0, 2.0], [300.0, 500.0]));

    // By hand: the half-mse Hessian of x = [1, 2] is [[2.5, 1.5], [1.5, 1]] (1/m Σ [x;1][x;1]ᵀ). Its eigenvalues are
    // (tr ± √(tr² − 4 det))/2 with tr = 3.5 and det = 2.5 − 2.25 = 0.25: (3.5 ± √11.25)/2.
    private static readonly double LambdaMax = (3.5 + Math.Sqrt(11.25)) / 2;
    private static readonly double LambdaMin = (3.5 - Math.Sqrt(11.25)) / 2;

    [Fact]
    public void CourseLab_HasTheEigenvaluesOfItsTwoByTwoHessian_AndTheStableLimit2OverLambdaMax()
    {
        var c = Curvature.Of(CourseLab, [0, 0]);
        c.Local.ShouldBeFalse();
        c.Hessian.ShouldBeClose([2.5, 1.5, 1.5, 1.0]);
        c.Eigenvalues.ShouldBeClose([LambdaMin, LambdaMax], 1e-12);
        c.ConditionNumber.ShouldBeClose(LambdaMax / LambdaMin, 1e-12);
        c.MaxStableLearningRate.ShouldBeClose(2 / LambdaMax, 1e-12);
        Math.Round(c.MaxStableLearningRate, 4).ShouldBe(0.5836);
        c.BestLearningRate.ShouldBeClose(2 / 3.5, 1e-12);
        c.BestContraction.ShouldBeClose((LambdaMax - LambdaMin) / (LambdaMax + LambdaMin), 1e-12);
    }

    [Theory]
    [InlineData(0.99, StopReason.Converged)]
    [InlineData(1.01, StopReason.Diverged)]
    public void ARunJustUnderTheLimit_Converges_AndJustOver_Diverges(double fraction, StopReason expected)
    {
        var rate = fraction * 2 / LambdaMax;
        var run = new DescentRun(new DescentSettings(CourseLab, [0, 0], new GradientLab.Core.Optimizers.GradientDescentSettings(), new GradientLab.Core.Schedules.ConstantRate(rate), 100_000)
        {
            Stop = new StopCriteria(GradientTolerance: 1e-6),
        });
        run.RunToEnd().ShouldBe(expected);
    }

    [Fact]
    public void Eigenvectors_AreUnitAndSatisfyHvEqualsLambdaV()
    {
        double[] matrix = [4, 1, 0.5, 1, 3, -1, 0.5, -1, 2];
        var (values, vectors) = SymmetricEigen.Decompose(matrix, 3);
        values.ShouldBe(values.Order().ToArray());
        for (var i = 0; i < 3; i++)
        {
            var v = vectors[i];
            Math.Sqrt(v.Sum(x => x * x)).ShouldBeClose(1, 1e-12);
            for (var r = 0; r < 3; r++)
            {
                var hv = (matrix[r * 3] * v[0]) + (matrix[(r * 3) + 1] * v[1]) + (matrix[(r * 3) + 2] * v[2]);
                hv.ShouldBeClose(values[i] * v[r], 1e-10, 1e-12);
            }
        }

        values.Sum().ShouldBeClose(9, 1e-12); // the trace
    }

    [Fact]
    public void ANonQuadratic_GetsALocalHessianFromTheGradient()
    {
        // Rosenbrock's Hessian at (1, 1) by hand: [[2 − 400(y − 3x²), −400x], [−400x, 200]] = [[802, −400], [−400, 200]].
        var c = Curvature.Of(new Rosenbrock(), [1, 1]);
        c.Local.ShouldBeTrue();
        c.Hessian.ShouldBeClose([802, -400, -400, 200], 1e-6, 1e-6);
    }

    [Fact]
    public void TheSaddle_HasANegativeEigenvalue_AndNoConditionNumber()
    {
        var c = Curvature.Of(new Saddle(), [0.1, 0.1]);
        c.Eigenvalues.ShouldBeClose([-2, 2], 1e-6, 1e-6);
        c.PositiveDefinite.ShouldBeFalse();
        double.IsPositiveInfinity(c.ConditionNumber).ShouldBeTrue();
    }

    [Fact]
    public void StepsToShrink_FollowsTheContraction()
    {
        var c = Curvature.Of(new Quadratic1D(), [4]);
        c.StepsToShrink(0.1).ShouldBe(Math.Ceiling(Math.Log(1e-6) / Math.Log(0.8)));
        c.StepsToShrink(0.5).ShouldBe(1);
        double.IsPositiveInfinity(c.StepsToShrink(1.1)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void AMatrixWithANonFiniteEntry_HasNaNEigenvalues_AndNothingThrows(double entry)
    {
        var (values, vectors) = SymmetricEigen.Decompose([1, entry, entry, 2], 2);
        values.ShouldAllBe(v => double.IsNaN(v));
        vectors.Length.ShouldBe(2);
    }

    [Fact]
    public void EntriesNearTheLargestDouble_DoNotOverflow()
    {
        var (values, _) = SymmetricEigen.Decompose([1e308, 1e307, 1e307, 1e306], 2);
        values.ShouldAllBe(v => double.IsFinite(v));
        (values[0] + values[1]).ShouldBeClose(1.01e308, 1e-12);
    }

    [Fact]
    public void TheCurvatureWhereTheNumbersOverflow_IsUndefined_NotAnError()
    {
        var c = Curvature.Of(new Rosenbrock(), [1e308, -1e308]);
        c.IsDefined.ShouldBeFalse();
        double.IsNaN(c.LambdaMax).ShouldBeTrue();
        double.IsNaN(c.ConditionNumber).ShouldBeTrue();
        double.IsNaN(c.MaxStableLearningRate).ShouldBeTrue();
        double.IsNaN(c.BestLearningRate).ShouldBeTrue();
        double.IsNaN(c.Contraction(0.1)).ShouldBeTrue();
        double.IsNaN(c.StepsToShrink(0.1)).ShouldBeTrue();
        c.PositiveDefinite.ShouldBeFalse();
    }
}
