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

    /// <summary>
    /// The six cases share a page: each figure's ids (its clip path first) are its own. With one id for all, the unscaled
    /// case's direction lines were clipped to the first case's plot area and ran outside their own when presented.
    /// </summary>
    [Fact]
    public void TheCases_Figures_HaveIdsNoOtherCaseUses()
    {
        var cases = FailureCases.All(scaled: false, Link);
        var clips = cases.Where(c => c.Figures.HasContour).Select(c => System.Text.RegularExpressions.Regex.Match(c.Figures.ContourStatic(c.Session.Cursor), "<clipPath id=\"([^\"]+)\"").Groups[1].Value).ToList();
        clips.Count.ShouldBeGreaterThan(1);
        clips.ShouldAllBe(id => id.Length > 0);
        clips.Distinct().Count().ShouldBe(clips.Count, string.Join(", ", clips));
        var losses = cases.Select(c => System.Text.RegularExpressions.Regex.Match(c.Figures.Loss(c.Session.Cursor, logScale: true), "<clipPath id=\"([^\"]+)\"").Groups[1].Value).ToList();
        losses.Distinct().Count().ShouldBe(cases.Count, string.Join(", ", losses));
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

    private static IReadOnlyList<string> Labels(string svg) =>
        [.. System.Text.RegularExpressions.Regex.Matches(svg, ">([^<>]+)</text>").Select(m => m.Groups[1].Value.Trim())];

    [Fact]
    public void TheSaddlesLossCurve_IsLinear_SoItsEndBelowZeroIsDrawn()
    {
        // f = x² − y² ends at −2.1e-6 after 40 steps: a log axis would drop every point at or below zero.
        var saddle = FailureCases.All(scaled: false, Link).Single(c => c.Key == "saddle-point");
        saddle.Session.Trajectory[^1].Loss.ShouldBeLessThan(0);
        var labels = Labels(saddle.LossView(430));
        labels.ShouldContain("0");
        labels.ShouldNotContain(l => l.StartsWith("10", StringComparison.Ordinal) && l.Length > 2 && "⁰¹²³⁴⁵⁶⁷⁸⁹⁻".Contains(l[2]));
    }

    [Fact]
    public void ADivergingLoss_StaysOnALogAxis()
    {
        // 85000 to 1.6e11 in 13 steps: seven decades, all above zero.
        var diverging = FailureCases.All(scaled: false, Link).Single(c => c.Key == "alpha-too-large");
        Labels(diverging.LossView(430)).ShouldContain(l => l.StartsWith("10", StringComparison.Ordinal) && l.Length > 2 && "⁰¹²³⁴⁵⁶⁷⁸⁹".Contains(l[2]));
    }
}
