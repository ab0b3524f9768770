using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

public sealed class LinearRegressionTests
{
    // REFERENCE.md: x = [1, 2] (1000 sq ft), y = [300, 500] ($1000s), half-mse, start w = b = 0.
    private static readonly Dataset HousingTiny = Dataset.FromPairs([1.0, 2.0], [300.0, 500.0]);

    [Fact]
    public void HalfMse_AtOrigin_MatchesTheCourseNumbers()
    {
        var objective = new LinearRegression(HousingTiny);
        var gradient = new double[2];
        objective.Evaluate([0.0, 0.0], gradient).ShouldBeClose(85000);
        gradient.ShouldBeClose([-650, -400]);
    }

    [Fact]
    public void FirstUpdate_WithAlpha001_Gives_6_5_And_4_0_AndCost_79274_8125()
    {
        var run = Numerics.Run(new LinearRegression(HousingTiny), [0, 0], 0.01, 1).Finished();
        run.Current.Parameters.ShouldBeClose([6.5, 4.0]);
        run.Current.Loss.ShouldBeClose(79274.8125);
    }

    [Fact]
    public void Mse_IsTwiceHalfMse_InValueAndGradient()
    {
        double[] point = [12.5, -3.0];
        var half = new double[2];
        var full = new double[2];
        var halfLoss = new LinearRegression(HousingTiny, RegressionLoss.HalfMse).Evaluate(point, half);
        new LinearRegression(HousingTiny, RegressionLoss.Mse).Evaluate(point, full).ShouldBeClose(2 * halfLoss);
        full.ShouldBeClose([2 * half[0], 2 * half[1]]);
    }

    [Fact]
    public void Hessian_OfHousingTiny_IsTheMeanOfOuterProducts()
    {
        // 1/m Σ [x;1][x;1]ᵀ = [[ (1+4)/2, (1+2)/2 ], [ 3/2, 1 ]] for half-mse.
        new LinearRegression(HousingTiny).Hessian().ShouldBeClose([2.5, 1.5, 1.5, 1.0]);
        new LinearRegression(HousingTiny, RegressionLoss.Mse).Hessian().ShouldBeClose([5.0, 3.0, 3.0, 2.0]);
    }

    [Fact]
    public void ParameterNames_AreWeightsThenBias()
    {
        new LinearRegression(HousingTiny).ParameterNames.ShouldBe(["w", "b"]);
        new LinearRegression(Dataset.FromRows([[1.0, 2.0]], [1.0])).ParameterNames.ShouldBe(["w1", "w2", "b"]);
    }

    [Fact]
    public void Evaluate_WithTheWrongNumberOfParameters_SaysWhichAreExpected()
    {
        var error = Should.Throw<ArgumentException>(() => new LinearRegression(HousingTiny).Gradient([1.0, 2.0, 3.0]));
        error.Message.ShouldContain("Expected 2 parameters (w, b)");
    }
}

public sealed class LeastSquaresTests
{
    [Fact]
    public void Minimum_OfHousingTiny_IsTheLineThroughBothHouses() =>
        new LinearRegression(Dataset.FromPairs([1.0, 2.0], [300.0, 500.0])).Minimum()!.ShouldBeClose([200, 100], 1e-12);

    [Fact]
    public void Minimum_HasAZeroGradient_WithSeveralFeatures()
    {
        var objective = new LinearRegression(Dataset.FromRows([[1.0, 3], [2, -1], [0.5, 2.5], [-1.5, 0.25], [3, 1]], [1.0, 0, 1, 0, 1]));
        objective.Gradient(objective.Minimum()!).ShouldAllBe(g => Math.Abs(g) < 1e-12);
    }

    [Fact]
    public void Minimum_IsNullWhenTheFeatureIsConstant() =>
        new LinearRegression(Dataset.FromPairs([2.0, 2.0, 2.0], [1.0, 2.0, 3.0])).Minimum().ShouldBeNull();
}
