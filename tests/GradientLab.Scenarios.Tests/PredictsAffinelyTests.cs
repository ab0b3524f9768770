using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

/// <summary>Which models draw a straight line over one feature (the data view samples those sparsely).</summary>
public sealed class PredictsAffinelyTests
{
    private static readonly DataSpec Line = new() { Builtin = "line" };

    private static ResolvedScenario Resolve(ObjectiveSpec objective, params double[] start) =>
        ScenarioResolver.Resolve(new Scenario { Objective = objective, Start = start.Length == 0 ? null : start });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LinearRegressionOfDegreeOne_ScaledOrNot_PredictsAStraightLine(bool scale)
    {
        var resolved = Resolve(new ObjectiveSpec { Kind = "linear-regression", Data = Line, ScaleFeatures = scale });
        resolved.PredictsAffinely.ShouldBeTrue();

        // And it is one: the prediction at the midpoint is the mean of the predictions at the ends.
        double[] parameters = [1.7, -0.4];
        var ends = resolved.Predict(parameters, [-3.0]) + resolved.Predict(parameters, [5.0]);
        resolved.Predict(parameters, [1.0]).ShouldBe(ends / 2, 1e-12);
    }

    [Fact]
    public void APolynomial_ASigmoidNeuron_AFunctionAndAClassifier_DoNot()
    {
        Resolve(new ObjectiveSpec { Kind = "linear-regression", Data = Line, PolynomialDegree = 2 }, 0, 0, 0).PredictsAffinely.ShouldBeFalse();
        Resolve(new ObjectiveSpec { Kind = "sigmoid-neuron", Loss = "squared-error", Data = new DataSpec { X = [[1.0]], Y = [0.0] } }).PredictsAffinely.ShouldBeFalse();
        Resolve(new ObjectiveSpec { Kind = "function", Name = "booth" }).PredictsAffinely.ShouldBeFalse();
        ScenarioResolver.Resolve(Presets.Get("xor-logistic").Scenario).PredictsAffinely.ShouldBeFalse();
    }
}
