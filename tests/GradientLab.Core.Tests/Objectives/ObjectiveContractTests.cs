using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

/// <summary>
/// What every objective promises its callers (written for the mutants Stryker left alive in Objectives/): the buffers are
/// checked and overwritten, an empty batch is refused, the curvature of a model with two features, and the test
/// functions' names, parameter names, minima and Hessians.
/// </summary>
public sealed class ObjectiveContractTests
{
    private static readonly Dataset Line = Dataset.FromPairs([1.0, 2, 3, 4, 5], [3.0, 5, 7, 9, 11]);

    // Two features x₁ = [1, 2, 3], x₂ = [0, 1, 4]; y = [1, 2, 3].
    private static readonly Dataset TwoFeatures = Dataset.FromRows([[1.0, 0.0], [2.0, 1.0], [3.0, 4.0]], [1.0, 2.0, 3.0]);

    public static TheoryData<string> Objectives => new("linear-regression", "sigmoid-neuron", "rosenbrock");

    private static IObjective Create(string name) => name switch
    {
        "linear-regression" => new LinearRegression(Line),
        "sigmoid-neuron" => new SigmoidNeuron(Line),
        _ => TestFunctions.Create(name),
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Evaluate_WithAGradientBufferOfTheWrongSize_NamesTheParameters(string name)
    {
        var objective = Create(name);
        var error = Should.Throw<ArgumentException>(() => objective.Evaluate(new double[objective.Dimension], new double[objective.Dimension + 1]));
        error.Message.ShouldContain($"Expected {objective.Dimension} parameters");
    }

    [Theory]
    [InlineData("linear-regression")]
    [InlineData("sigmoid-neuron")]
    public void EvaluateOnABatch_WithABufferOfTheWrongSize_OrNoRows_Throws(string name)
    {
        var objective = (ISampledObjective)Create(name);
        Should.Throw<ArgumentException>(() => objective.Evaluate([0.0, 0.0], new double[3], [0]));
        Should.Throw<ArgumentException>(() => objective.Evaluate([0.0, 0.0], new double[2], ReadOnlySpan<int>.Empty)).Message.ShouldContain("at least one row");
    }

    [Theory]
    [InlineData("linear-regression")]
    [InlineData("sigmoid-neuron")]
    public void Evaluate_OverwritesAGradientBufferThatHeldAPreviousGradient(string name)
    {
        // A run hands the same buffer to every evaluation: what was in it must not leak into the next gradient.
        var objective = (ISampledObjective)Create(name);
        double[] point = [0.3, -0.2];
        var clean = new double[2];
        var expectedFull = objective.Evaluate(point, clean);
        var expectedBatch = new double[2];
        objective.Evaluate(point, expectedBatch, [1, 3]);

        var dirty = new[] { 99.0, -99.0 };
        objective.Evaluate(point, dirty).ShouldBe(expectedFull);
        dirty.ShouldBeClose(clean);
        dirty = [99.0, -99.0];
        objective.Evaluate(point, dirty, [1, 3]);
        dirty.ShouldBeClose(expectedBatch);
    }

    [Fact]
    public void LinearRegression_WithTwoFeatures_HasTheHessianOfTheAugmentedInputs()
    {
        // Half-mse: H = 1/m Σ [x₁, x₂, 1][x₁, x₂, 1]ᵀ (REFERENCE.md "Least squares from sufficient statistics": A/m).
        // By hand, m = 3: Σx₁² = 14, Σx₁x₂ = 0 + 2 + 12 = 14, Σx₂² = 17, Σx₁ = 6, Σx₂ = 5.
        double[] expected =
        [
            14.0 / 3, 14.0 / 3, 2,
            14.0 / 3, 17.0 / 3, 5.0 / 3,
            2, 5.0 / 3, 1,
        ];
        new LinearRegression(TwoFeatures).Hessian().ShouldBeClose(expected);
        new LinearRegression(TwoFeatures, RegressionLoss.Mse).Hessian().ShouldBeClose([.. expected.Select(h => 2 * h)]);
    }

    [Fact]
    public void Constructors_AndExtensions_RefuseNull()
    {
        Should.Throw<ArgumentNullException>(() => new LinearRegression(null!));
        Should.Throw<ArgumentNullException>(() => new SigmoidNeuron(null!));
        Should.Throw<ArgumentNullException>(() => new QuadraticBowl(null!));
        Should.Throw<ArgumentNullException>(() => ((IObjective)null!).Value([1.0]));
        Should.Throw<ArgumentNullException>(() => ((IObjective)null!).Gradient([1.0]));
    }

    [Fact]
    public void EveryName_CreatesTheFunctionOfThatName()
    {
        TestFunctions.Names.Count.ShouldBe(8);
        foreach (var name in TestFunctions.Names)
        {
            TestFunctions.Create(name).Name.ShouldBe(name);
        }

        Should.Throw<ArgumentException>(() => TestFunctions.Create("nope")).Message
            .ShouldContain("known: quadratic-1d, quadratic-bowl, rosenbrock, beale, himmelblau, booth, saddle, rastrigin.");
    }

    [Fact]
    public void ParameterNames_AreXAndYInTwoDimensions_AndNumberedThetasOtherwise()
    {
        TestFunctions.Create("rosenbrock").ParameterNames.ShouldBe(["x", "y"]);
        new QuadraticBowl([1.0, 2.0, 3.0]).ParameterNames.ShouldBe(["θ1", "θ2", "θ3"]);
        TestFunctions.Create("quadratic-1d").ParameterNames.ShouldBe(["θ"]);
    }

    [Fact]
    public void MinimumValue_IsTheValueAtTheFirstMinimum()
    {
        // Rosenbrock (1 − x)² + 100(y − x²)² is 0 at (1, 1); the bowl ½Σλθ² is 0 at the origin.
        TestFunctions.Create("rosenbrock").MinimumValue.ShouldBe(0.0);
        TestFunctions.Create("quadratic-bowl").MinimumValue.ShouldBe(0.0);
    }

    [Fact]
    public void QuadraticBowl_HasTheDiagonalHessianOfItsEigenvalues_AndTheDefaultOnes()
    {
        // f(θ) = ½ Σ λᵢ θᵢ²: ∂²f/∂θᵢ² = λᵢ, and no cross terms.
        new QuadraticBowl([1.0, 2.0, 3.0]).Hessian().ShouldBe([1.0, 0, 0, 0, 2.0, 0, 0, 0, 3.0]);
        ((QuadraticBowl)TestFunctions.Create("quadratic-bowl")).Eigenvalues.ShouldBe([1.0, 10.0]);
        ((QuadraticBowl)TestFunctions.Create("quadratic-bowl", [4.0])).Eigenvalues.ShouldBe([4.0]);
    }

    [Fact]
    public void QuadraticBowl_RefusesNoEigenvalues_AZeroOne_AndEigenvaluesForOtherFunctions()
    {
        Should.Throw<ArgumentException>(() => new QuadraticBowl([])).Message.ShouldContain("at least one eigenvalue");
        Should.Throw<ArgumentException>(() => new QuadraticBowl([1.0, 0.0])).Message.ShouldContain("Invalid eigenvalue: 0");
        Should.Throw<ArgumentException>(() => TestFunctions.Create("rosenbrock", [1.0])).Message.ShouldContain("Function 'rosenbrock' takes no eigenvalues");
    }
}
