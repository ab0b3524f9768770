using GradientLab.Core.Descent;
using GradientLab.Lessons.Failures;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Failures;

public sealed class FailureCasesTests
{
    private static string Link(Scenario scenario) => "live?scenario=" + scenario.Name;

    [Fact]
    public void TheCases_ComeInThePagesOrder_WithTheirLinks()
    {
        var cases = FailureCases.All(scaled: false, Link);
        cases.Select(c => c.Key).ShouldBe(["alpha-too-large", "alpha-too-small", "unscaled-features", "sequential-update", "saddle-point", "plateau"]);
        cases.Single(c => c.Key == "plateau").Link.ShouldBe("neuron?preset=plateau");
        cases.Single(c => c.Key == "plateau").LinkTarget.ShouldBe("chain-rule stepper");
        cases.Single(c => c.Key == "saddle-point").Link.ShouldBe("live?preset=saddle-point");
        cases.Single(c => c.Key == "unscaled-features").Link.ShouldBe("live?scenario=unscaled-features");
        cases.Single(c => c.Key == "unscaled-features").LinkTarget.ShouldBe("live demo");
        cases.ShouldAllBe(c => c.Session.Cursor == c.Session.LastStep);
    }

    [Fact]
    public void Unscaled_NeverConverges_InTenThousandSteps()
    {
        var unscaled = FailureCases.Unscaled(scaled: false, Link);
        unscaled.Session.StopReason.ShouldNotBe(StopReason.Converged);
        unscaled.StepsToConverge.ShouldBe("more than 10000");
    }

    [Fact]
    public void Scaled_Converges_AndSaysWhen()
    {
        var scaled = FailureCases.Unscaled(scaled: true, Link);
        scaled.Session.StopReason.ShouldBe(StopReason.Converged);
        scaled.StepsToConverge.ShouldBe(scaled.Session.LastStep.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Independent check: the gradient at the end is below the tolerance 10⁻³ and the one before it is not.
        scaled.Session.Trajectory[^1].GradientNorm.ShouldBeLessThan(1e-3);
        scaled.Session.Trajectory[^2].GradientNorm.ShouldBeGreaterThanOrEqualTo(1e-3);
        scaled.Session.LastStep.ShouldBeLessThan(100);
    }
}
