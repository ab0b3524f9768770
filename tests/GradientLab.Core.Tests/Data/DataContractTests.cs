using GradientLab.Core.Data;

namespace GradientLab.Core.Tests.Data;

/// <summary>
/// What a dataset refuses, the names it gives its columns, and the parameter counts scaling and polynomial features
/// accept (written for the mutants Stryker left alive in Data/).
/// </summary>
public sealed class DataContractTests
{
    [Fact]
    public void ADataset_RefusesNoColumns_NoRows_MismatchedLengthsAndNames_AndANonFiniteTarget()
    {
        Should.Throw<ArgumentException>(() => new Dataset([], "y", [], [1.0])).Message.ShouldContain("at least one feature column");
        Should.Throw<ArgumentException>(() => new Dataset(["a", "b"], "y", [[1.0]], [1.0])).Message.ShouldContain("2 feature names for 1 columns");
        Should.Throw<ArgumentException>(() => new Dataset(["a"], "y", [[]], [])).Message.ShouldContain("at least one row");
        Should.Throw<ArgumentException>(() => new Dataset(["a"], "y", [[1.0, 2.0]], [1.0])).Message.ShouldContain("Feature 'a' has 2 values for 1 targets");
        Should.Throw<ArgumentException>(() => Dataset.FromPairs([1.0, 2.0], [1.0, double.PositiveInfinity])).Message.ShouldContain("Column 'y' has the non-finite value");
        Should.Throw<ArgumentException>(() => Dataset.FromRows([], [])).Message.ShouldContain("at least one row");
        Should.Throw<ArgumentException>(() => Dataset.FromRows([[1.0, 2.0], [3.0]], [1.0, 2.0])).Message.ShouldContain("Row 1 has 1 features, row 0 has 2");
    }

    [Fact]
    public void ADataset_RefusesNulls()
    {
        Should.Throw<ArgumentNullException>(() => new Dataset(null!, "y", [[1.0]], [1.0]));
        Should.Throw<ArgumentNullException>(() => new Dataset(["a"], "y", null!, [1.0]));
        Should.Throw<ArgumentNullException>(() => new Dataset(["a"], "y", [[1.0]], null!));
        Should.Throw<ArgumentNullException>(() => Dataset.FromPairs(null!, [1.0]));
        Should.Throw<ArgumentNullException>(() => Dataset.FromRows(null!, [1.0]));
        Should.Throw<ArgumentNullException>(() => Dataset.FromRows([[1.0]], null!));
        Should.Throw<ArgumentNullException>(() => FeatureScaling.Fit(null!));
        Should.Throw<ArgumentNullException>(() => FeatureScaling.Fit(Dataset.FromPairs([1.0], [1.0])).Apply(null!));
        Should.Throw<ArgumentNullException>(() => PolynomialFeatures.Expand(null!, 2));
        Should.Throw<ArgumentNullException>(() => RegressionStatistics.Of(null!));
    }

    [Fact]
    public void RowsWithoutNames_AreCalledXForOneFeature_AndX1X2ForMore()
    {
        Dataset.FromRows([[1.0]], [1.0]).FeatureNames.ShouldBe(["x"]);
        Dataset.FromRows([[1.0, 2.0, 3.0]], [1.0]).FeatureNames.ShouldBe(["x1", "x2", "x3"]);
        Dataset.FromRows([[1.0, 2.0]], [1.0], ["size", "rooms"]).FeatureNames.ShouldBe(["size", "rooms"]);
    }

    [Fact]
    public void Scaling_MapsBackOnlyAWeightPerFeaturePlusABias()
    {
        var scaling = FeatureScaling.Fit(Dataset.FromRows([[1.0, 2.0], [3.0, 6.0]], [0.0, 1.0]));
        Should.Throw<ArgumentException>(() => scaling.ToOriginalUnits([1.0, 2.0])).Message.ShouldContain("Expected 3 parameters (weights, then the bias), got 2");
        Should.Throw<ArgumentException>(() => scaling.ToScaledUnits([1.0, 2.0, 3.0, 4.0])).Message.ShouldContain("Expected 3 parameters");
    }

    [Fact]
    public void PolynomialFeatures_TakeOneInput_AndADegreeFrom1To10()
    {
        var x = Dataset.FromPairs([2.0], [0.0]);
        PolynomialFeatures.Expand(x, 1).FeatureCount.ShouldBe(1);
        PolynomialFeatures.Expand(x, PolynomialFeatures.MaxDegree).Column(9).ToArray().ShouldBe([1024.0]); // 2¹⁰
        Should.Throw<ArgumentOutOfRangeException>(() => PolynomialFeatures.Expand(x, 0)).Message.ShouldContain("Invalid polynomial degree: 0 (must be 1 to 10)");
        Should.Throw<ArgumentOutOfRangeException>(() => PolynomialFeatures.Expand(x, 11));
        Should.Throw<ArgumentException>(() => PolynomialFeatures.Expand(Dataset.FromRows([[1.0, 2.0]], [0.0]), 2)).Message.ShouldContain("expand one input; this dataset has 2");
    }

    [Fact]
    public void Statistics_AskedForAFeatureTheDataHasNot_Throw()
    {
        var statistics = RegressionStatistics.Of(Dataset.FromPairs([1.0, 2.0], [1.0, 2.0]));
        Should.Throw<ArgumentOutOfRangeException>(() => statistics.FeatureMean(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => statistics.FeatureMean(1));
        statistics.FeatureMean(0).ShouldBe(1.5);
    }
}
