using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Data;

public sealed class FeatureScalingTests
{
    private static readonly Dataset Houses = Dataset.FromRows([[2104.0, 3], [1600, 3], [2400, 3], [1416, 2], [3000, 4]], [399.9, 329.9, 369, 232, 539.9], ["size", "bedrooms"]);

    [Fact]
    public void ScaledColumns_HaveMeanZero_AndStandardDeviationOne()
    {
        var scaled = FeatureScaling.Fit(Houses).Apply(Houses);
        for (var j = 0; j < scaled.FeatureCount; j++)
        {
            var column = scaled.Column(j).ToArray();
            column.Average().ShouldBeClose(0, 0, 1e-12);
            Math.Sqrt(column.Average(v => v * v)).ShouldBeClose(1, 1e-12);
        }
    }

    [Fact]
    public void ParametersMappedToOriginalUnits_PredictTheSame()
    {
        var scaling = FeatureScaling.Fit(Houses);
        var scaled = scaling.Apply(Houses);
        double[] scaledParameters = [110.5, -20.25, 374.1];
        var original = scaling.ToOriginalUnits(scaledParameters);
        for (var i = 0; i < Houses.SampleCount; i++)
        {
            var scaledPrediction = LinearRegression.Predict(scaledParameters, [scaled.Column(0)[i], scaled.Column(1)[i]]);
            LinearRegression.Predict(original, [Houses.Column(0)[i], Houses.Column(1)[i]]).ShouldBeClose(scaledPrediction, 1e-12);
        }

        scaling.ToScaledUnits(original).ShouldBeClose(scaledParameters, 1e-12);
    }

    [Fact]
    public void AConstantColumn_IsCentredButNotDividedByZero()
    {
        var data = Dataset.FromRows([[1.0, 5], [2.0, 5]], [0.0, 1]);
        var scaled = FeatureScaling.Fit(data).Apply(data);
        scaled.Column(1).ToArray().ShouldBe([0.0, 0.0]);
    }

    [Fact]
    public void PolynomialFeatures_ArePowersOfTheInput()
    {
        var expanded = PolynomialFeatures.Expand(Dataset.FromPairs([2.0, -3.0], [0.0, 0.0]), 3);
        expanded.FeatureNames.ShouldBe(["x", "x^2", "x^3"]);
        expanded.Column(2).ToArray().ShouldBe([8.0, -27.0]);
    }

    [Fact]
    public void Dataset_RefusesANonFiniteValue() =>
        Should.Throw<ArgumentException>(() => Dataset.FromPairs([1.0, double.NaN], [1.0, 2.0])).Message.ShouldContain("non-finite value NaN in row 1");
}
