using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Objectives;

public sealed class TestFunctionTests
{
    public static TheoryData<string> FunctionsWithMinima => new("quadratic-1d", "quadratic-bowl", "rosenbrock", "beale", "himmelblau", "booth", "rastrigin");

    [Theory]
    [MemberData(nameof(FunctionsWithMinima))]
    public void EveryKnownMinimum_HasValueZero_AndAFlatGradient(string name)
    {
        var function = TestFunctions.Create(name);
        function.Minima.ShouldNotBeEmpty();
        foreach (var minimum in function.Minima)
        {
            var gradient = new double[function.Dimension];
            function.Evaluate([.. minimum], gradient).ShouldBeClose(0, 0, 1e-20);
            gradient.ShouldAllBe(g => Math.Abs(g) < 1e-11);
        }
    }

    [Theory]
    [InlineData("rosenbrock", -1.2, 1.0, 24.2)]
    [InlineData("beale", 1.0, 1.0, 14.203125)]
    [InlineData("himmelblau", 0.0, 0.0, 170.0)]
    [InlineData("booth", 0.0, 0.0, 74.0)]
    [InlineData("saddle", 1.0, 2.0, -3.0)]
    [InlineData("rastrigin", 0.5, 0.5, 40.5)]
    public void Value_AtAKnownPoint_MatchesTheTextbook(string name, double x, double y, double expected) =>
        TestFunctions.Create(name).Value([x, y]).ShouldBeClose(expected, 1e-12);

    [Fact]
    public void Saddle_HasNoMinimum() => TestFunctions.Create("saddle").MinimumValue.ShouldBeNull();

    [Fact]
    public void UnknownName_ListsTheKnownOnes()
    {
        var error = Should.Throw<ArgumentException>(() => TestFunctions.Create("rosenbrok"));
        error.Message.ShouldContain("Unknown function 'rosenbrok'");
        error.Message.ShouldContain("himmelblau");
    }

    [Fact]
    public void QuadraticBowl_RejectsANonPositiveEigenvalue() =>
        Should.Throw<ArgumentException>(() => new QuadraticBowl([1.0, -2.0])).Message.ShouldContain("Invalid eigenvalue: -2");
}
