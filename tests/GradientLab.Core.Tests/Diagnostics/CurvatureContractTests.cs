using GradientLab.Core.Diagnostics;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Diagnostics;

/// <summary>
/// Eigen-decompositions worked out by hand, and what the eigenvalues say about plain GD (the class summary of
/// <see cref="Curvature"/>: the error along eigenvector i is multiplied by 1 − αλᵢ each step).
/// </summary>
public sealed class CurvatureContractTests
{
    private static readonly double Sqrt2 = Math.Sqrt(2);

    /// <summary>A curvature with the given eigenvalues along the axes (the record as the diagnostician receives it).</summary>
    private static Curvature With(params double[] eigenvalues) =>
        new([.. eigenvalues.SelectMany((l, i) => eigenvalues.Select((_, j) => i == j ? l : 0))], eigenvalues, [.. eigenvalues.Select((_, i) => (IReadOnlyList<double>)[.. eigenvalues.Select((_, j) => i == j ? 1.0 : 0.0)])], Local: false);

    /// <summary>Each vector equals the expected one up to its sign (both unit length), to 1e-12.</summary>
    private static void ShouldBeEigenvectors(double[][] actual, double[][] expected)
    {
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var dot = actual[i].Zip(expected[i], (a, e) => a * e).Sum();
            Math.Abs(dot).ShouldBeClose(1, 1e-12);
            actual[i].Sum(a => a * a).ShouldBeClose(1, 1e-12);
        }
    }

    [Fact]
    public void ATwoByTwo_WithEqualDiagonal_TurnsByFortyFiveDegrees()
    {
        // [[2, 1], [1, 2]]: λ = 2 ∓ 1 with vectors (1, −1)/√2 and (1, 1)/√2.
        var (values, vectors) = SymmetricEigen.Decompose([2, 1, 1, 2], 2);
        values.ShouldBeClose([1, 3]);
        ShouldBeEigenvectors(vectors, [[1 / Sqrt2, -1 / Sqrt2], [1 / Sqrt2, 1 / Sqrt2]]);
    }

    [Fact]
    public void ATwoByTwo_WithAZeroDiagonal_HasEigenvaluesMinusOneAndOne()
    {
        // [[0, 1], [1, 0]]: det(H − λI) = λ² − 1. θ = 0 in the first rotation, and the diagonal starts at zero.
        var (values, vectors) = SymmetricEigen.Decompose([0, 1, 1, 0], 2);
        values.ShouldBeClose([-1, 1]);
        ShouldBeEigenvectors(vectors, [[1 / Sqrt2, -1 / Sqrt2], [1 / Sqrt2, 1 / Sqrt2]]);
    }

    [Fact]
    public void TheSecondDifferenceMatrix_HasItsTextbookEigenpairs()
    {
        // [[2, −1, 0], [−1, 2, −1], [0, −1, 2]]: λₖ = 2 − 2cos(kπ/4) = 2 − √2, 2, 2 + √2, with vectors
        // (sin(kπ/4), sin(2kπ/4), sin(3kπ/4)) normalised: (1, √2, 1)/2, (1, 0, −1)/√2, (1, −√2, 1)/2.
        var (values, vectors) = SymmetricEigen.Decompose([2, -1, 0, -1, 2, -1, 0, -1, 2], 3);
        values.ShouldBeClose([2 - Sqrt2, 2, 2 + Sqrt2]);
        ShouldBeEigenvectors(vectors, [[0.5, Sqrt2 / 2, 0.5], [1 / Sqrt2, 0, -1 / Sqrt2], [0.5, -Sqrt2 / 2, 0.5]]);
    }

    [Fact]
    public void AThreeByThree_WithAZeroOffDiagonalBetweenEqualDiagonals_SkipsThatRotation()
    {
        // [[2, 0, 1], [0, 2, 0], [1, 0, 2]]: y is untouched (λ = 2); the x–z block [[2, 1], [1, 2]] gives 1 and 3.
        // The (x, y) entry is 0 with equal diagonals: a rotation there would divide 0 by 0.
        var (values, vectors) = SymmetricEigen.Decompose([2, 0, 1, 0, 2, 0, 1, 0, 2], 3);
        values.ShouldBeClose([1, 2, 3]);
        ShouldBeEigenvectors(vectors, [[1 / Sqrt2, 0, -1 / Sqrt2], [0, 1, 0], [1 / Sqrt2, 0, 1 / Sqrt2]]);
    }

    [Fact]
    public void ADiagonalMatrix_IsSortedAscending_WithTheAxesAsVectors()
    {
        var (values, vectors) = SymmetricEigen.Decompose([5, 0, 0, 0, 1, 0, 0, 0, 3], 3);
        values.ShouldBe([1.0, 3.0, 5.0]);
        vectors.ShouldBe([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]);
    }

    [Fact]
    public void TheZeroMatrix_HasZeroEigenvalues()
    {
        var (values, vectors) = SymmetricEigen.Decompose([0, 0, 0, 0], 2);
        values.ShouldBe([0.0, 0.0]);
        vectors.ShouldBe([[1.0, 0.0], [0.0, 1.0]]);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void EntriesNearTheLargestDouble_AreDecomposed_NotJustLeftOnTheDiagonal(double sign)
    {
        // ±1e308 · [[1, 0.1], [0.1, 0.01]]: determinant 0.01 − 0.01 = 0 and trace 1.01, so λ = 0 and ±1.01e308.
        // Squaring these entries overflows; only the scaling to entries ≤ 1 finds them.
        var (values, _) = SymmetricEigen.Decompose([sign * 1e308, sign * 1e307, sign * 1e307, sign * 1e306], 2);
        var expected = sign > 0 ? new[] { 0, 1.01e308 } : [-1.01e308, 0];
        values.ShouldBeClose(expected, 1e-12, 1e-12 * 1e308);
    }

    [Fact]
    public void TheScale_IsTheLargestEntry_WhereverItIs()
    {
        // 1e308 · [[0, 0.1], [0.1, 1]]: trace 1, determinant −0.01, so λ = (1 ∓ √1.04)/2 · 1e308. The first entry is 0.
        var (values, _) = SymmetricEigen.Decompose([0, 1e307, 1e307, 1e308], 2);
        values.ShouldBeClose([(1 - Math.Sqrt(1.04)) / 2 * 1e308, (1 + Math.Sqrt(1.04)) / 2 * 1e308], 1e-12);
    }

    [Fact]
    public void OnlyTheFirstNSquaredEntries_AreRead()
    {
        var (values, _) = SymmetricEigen.Decompose([1, 0, 0, 2, double.NaN], 2);
        values.ShouldBe([1.0, 2.0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void ANonFiniteEntryAnywhere_GivesNaNEigenvalues_AndTheAxes(int where)
    {
        double[] matrix = [1, 0, 0, 2];
        matrix[where] = double.NaN;
        var (values, vectors) = SymmetricEigen.Decompose(matrix, 2);
        values.ShouldAllBe(v => double.IsNaN(v));
        vectors.ShouldBe([[1.0, 0.0], [0.0, 1.0]]);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Should.Throw<ArgumentNullException>(() => SymmetricEigen.Decompose(null!, 2));
        Should.Throw<ArgumentNullException>(() => Curvature.Of(null!, [0.0, 0.0]));
        Should.Throw<ArgumentNullException>(() => Curvature.Of(new Rosenbrock(), null!));
    }

    [Fact]
    public void ABowlWithEigenvaluesOneAndThree_HasItsRatesByHand()
    {
        // κ = 3/1; 2/λmax = 2/3; best 2/(1 + 3) = 0.5; there the error shrinks by (κ − 1)/(κ + 1) = 0.5 per step.
        var c = With(1, 3);
        c.IsDefined.ShouldBeTrue();
        c.PositiveDefinite.ShouldBeTrue();
        c.LambdaMin.ShouldBe(1);
        c.LambdaMax.ShouldBe(3);
        c.ConditionNumber.ShouldBeClose(3);
        c.MaxStableLearningRate.ShouldBeClose(2.0 / 3);
        c.BestLearningRate.ShouldBeClose(0.5);
        c.BestContraction.ShouldBeClose(0.5);
    }

    [Theory]
    [InlineData(0.1, 0.9)] // max(|1 − 0.1|, |1 − 0.3|): the flat direction is the slower
    [InlineData(0.6, 0.8)] // max(|1 − 0.6|, |1 − 1.8|): now the steep one is
    [InlineData(0.5, 0.5)] // the best rate: both 0.5
    [InlineData(0.0, 1.0)] // no step, no shrink
    [InlineData(1.0, 2.0)] // above 2/3: the steep direction grows
    public void Contraction_IsTheLargestMultiplierOverTheDirections(double alpha, double expected) =>
        With(1, 3).Contraction(alpha).ShouldBeClose(expected, 1e-12);

    [Theory]
    [InlineData(0.1, 132)] // ln 1e-6 / ln 0.9 = 131.13
    [InlineData(0.6, 62)] // ln 1e-6 / ln 0.8 = 61.91
    [InlineData(0.5, 20)] // ln 1e-6 / ln 0.5 = 19.93
    public void StepsToShrink_IsTheCeilingOfLogFactorOverLogContraction(double alpha, double expected) =>
        With(1, 3).StepsToShrink(alpha).ShouldBe(expected);

    [Fact]
    public void StepsToShrink_ToAThousandth_TakesFewerSteps()
    {
        // ln 1e-3 / ln 0.5 = 9.97
        With(1, 3).StepsToShrink(0.5, 1e-3).ShouldBe(10);
    }

    [Theory]
    [InlineData(0.0)] // no step: contraction exactly 1
    [InlineData(2.0 / 3)] // 2/λmax: |1 − 2| = 1, the steep direction flips sign forever
    [InlineData(1.0)] // above it: grows
    public void StepsToShrink_IsInfinite_WhereTheErrorDoesNotShrink(double alpha) =>
        double.IsPositiveInfinity(With(1, 3).StepsToShrink(alpha)).ShouldBeTrue();

    [Theory]
    [InlineData(1e-6)]
    [InlineData(0.0)] // even "to exactly zero": one step lands there
    public void OneStepOnARoundBowlAtOneOverLambda_LandsOnTheMinimum(double factor)
    {
        // λ = 2, 2 at α = 1/2: 1 − αλ = 0 in both directions.
        With(2, 2).StepsToShrink(0.5, factor).ShouldBe(1);
    }

    [Fact]
    public void AFlatDirection_IsNotPositiveDefinite()
    {
        // λmin = 0: not a bowl. 2/λmax still bounds the rate.
        var c = With(0, 2);
        c.PositiveDefinite.ShouldBeFalse();
        double.IsPositiveInfinity(c.ConditionNumber).ShouldBeTrue();
        c.MaxStableLearningRate.ShouldBe(1);
        double.IsNaN(c.BestLearningRate).ShouldBeTrue();
        double.IsNaN(c.BestContraction).ShouldBeTrue();
    }

    [Fact]
    public void ASaddle_HasNoBestRate_ButAStableLimitAlongItsUpwardDirection()
    {
        var c = With(-1, 3);
        c.PositiveDefinite.ShouldBeFalse();
        c.MaxStableLearningRate.ShouldBeClose(2.0 / 3);
        double.IsNaN(c.BestLearningRate).ShouldBeTrue();
        c.Contraction(0.1).ShouldBeClose(1.1); // |1 − 0.1·(−1)|: the downhill direction grows
    }

    [Theory]
    [InlineData(-3.0, -1.0)] // a maximum
    [InlineData(-1.0, 0.0)]
    public void WithoutUpwardCurvature_NoRateIsUnstable(double lambdaMin, double lambdaMax)
    {
        var c = With(lambdaMin, lambdaMax);
        double.IsPositiveInfinity(c.MaxStableLearningRate).ShouldBeTrue();
        double.IsPositiveInfinity(c.ConditionNumber).ShouldBeTrue();
        double.IsNaN(c.BestLearningRate).ShouldBeTrue();
    }

    [Fact]
    public void ACurvatureOfMinusZero_HasNoStableLimit_NotMinusInfinity()
    {
        // −0 is not above 0 either: the limit is +∞, not 2/−0 = −∞.
        double.IsPositiveInfinity(With(-1, -0.0).MaxStableLearningRate).ShouldBeTrue();
    }

    [Theory]
    [InlineData(1.0, double.PositiveInfinity)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.NegativeInfinity, 2.0)]
    public void OneNonFiniteEigenvalue_MakesEveryFigureUndefined(double first, double second)
    {
        var c = new Curvature([first, 0, 0, second], [first, second], [[1.0, 0.0], [0.0, 1.0]], Local: true);
        c.IsDefined.ShouldBeFalse();
        double.IsNaN(c.LambdaMin).ShouldBeTrue();
        double.IsNaN(c.LambdaMax).ShouldBeTrue();
        c.PositiveDefinite.ShouldBeFalse();
        double.IsNaN(c.ConditionNumber).ShouldBeTrue();
        double.IsNaN(c.MaxStableLearningRate).ShouldBeTrue();
        double.IsNaN(c.BestLearningRate).ShouldBeTrue();
        double.IsNaN(c.BestContraction).ShouldBeTrue();
        double.IsNaN(c.Contraction(0.1)).ShouldBeTrue();
        double.IsNaN(c.StepsToShrink(0.1)).ShouldBeTrue();
    }

    [Fact]
    public void AQuadratic_IsExact_ItsOwnHessian()
    {
        // f = ½(1·x² + 4·y²): Hessian diag(1, 4), wherever it is measured.
        var c = Curvature.Of(new QuadraticBowl([1, 4]), [123, -45]);
        c.Local.ShouldBeFalse();
        c.Hessian.ShouldBe([1.0, 0, 0, 4.0]);
        c.Eigenvalues.ShouldBe([1.0, 4.0]);
    }

    [Fact]
    public void FarOut_TheDifferenceStepGrowsWithTheCoordinate()
    {
        // Rosenbrock's Hessian by hand: [[2 − 400y + 1200x², −400x], [−400x, 200]]; at (0, 1e12): [[2 − 4e14, 0], [0, 200]].
        // A step of 1e-5 in y would vanish next to 1e12 (its spacing is 1.2e-4); 1e-5·|y| = 1e7 does not.
        var c = Curvature.Of(new Rosenbrock(), [0, 1e12]);
        c.Local.ShouldBeTrue();
        c.Hessian.ShouldBeClose([2 - 4e14, 0, 0, 200], 1e-9, 1e-6);
    }

    [Theory]
    [InlineData(0.3, -0.7, 1.1)]
    [InlineData(-1.3, 2.9, 0.45)]
    public void AThreeDimensionalHessian_IsMeasuredPerEntry_AndExactlySymmetric(double x, double y, double z)
    {
        // f = x²y + y²z + z²x; by hand its Hessian is [[2y, 2x, 2z], [2x, 2z, 2y], [2z, 2y, 2x]].
        var c = Curvature.Of(new Cyclic(), [x, y, z]);
        c.Hessian.ShouldBeClose([2 * y, 2 * x, 2 * z, 2 * x, 2 * z, 2 * y, 2 * z, 2 * y, 2 * x], 1e-8, 1e-8);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                c.Hessian[(i * 3) + j].ShouldBe(c.Hessian[(j * 3) + i]);
            }
        }
    }

    [Theory]
    [InlineData(-1.2, 1.0)]
    [InlineData(0.37, -2.3)]
    public void ALocalTwoByTwoHessian_IsExactlySymmetric(double x, double y)
    {
        // Central differences of ∂f/∂y along x and of ∂f/∂x along y differ in their last bits; the mean of both is used.
        var c = Curvature.Of(new Rosenbrock(), [x, y]);
        c.Hessian[1].ShouldBe(c.Hessian[2]);
        c.Hessian[1].ShouldBeClose(-400 * x, 1e-6);
    }

    /// <summary>f(x, y, z) = x²y + y²z + z²x: a cubic whose Hessian is different at every point and has no zero entries.</summary>
    private sealed class Cyclic : IObjective
    {
        public int Dimension => 3;

        public IReadOnlyList<string> ParameterNames => ["x", "y", "z"];

        public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
        {
            double x = point[0], y = point[1], z = point[2];
            gradient[0] = (2 * x * y) + (z * z);
            gradient[1] = (x * x) + (2 * y * z);
            gradient[2] = (y * y) + (2 * z * x);
            return (x * x * y) + (y * y * z) + (z * z * x);
        }
    }
}
