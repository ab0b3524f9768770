using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class RunPresentationTests
{
    private static readonly StopCriteria Stop = new(GradientTolerance: 1e-3, DivergenceFactor: 1e6);

    private static StepRecord Point(int step, double loss, double gradientNorm, params double[] parameters) =>
        new(step, 0, parameters, loss, gradientNorm, null, 0.1);

    [Fact]
    public void Converged_SaysTheStep_TheGradientsLength_AndTheTolerance() =>
        RunPresentation.StopSentence(StopReason.Converged, Point(0, 4, 2, 1), Point(37, 0.00012, 0.0009, 0.01), Stop)
            .ShouldBe("Converged at step 37: the gradient's length 0.0009 is within the tolerance 0.001; the cost is 0.00012.");

    [Fact]
    public void Diverged_SaysHowFarTheCostRose_AndWhatToChange() =>
        RunPresentation.StopSentence(StopReason.Diverged, Point(0, 85000, 10, 1), Point(13, 1.5e11, 1e6, 1e5), Stop)
            .ShouldBe("Diverged at step 13: the cost rose from 85000 to 1.5e+11, more than 1000000 × its start, and the parameters are heading to infinity. The learning rate is too large; try a smaller one.");

    [Fact]
    public void DivergedToOverflow_SaysTheNumbersAreNoLongerFinite() =>
        RunPresentation.StopSentence(StopReason.Diverged, Point(0, 4, 2, 1), Point(5, double.PositiveInfinity, double.NaN, double.NaN), Stop)
            .ShouldStartWith("Diverged at step 5: the cost or a parameter is no longer a finite number");

    [Fact]
    public void TheBudgetUsed_SaysWhereTheCostWent_AndTheGradientLeft() =>
        RunPresentation.StopSentence(StopReason.MaxSteps, Point(0, 4, 2, 1), Point(100, 0.5, 0.25, 0.3), Stop)
            .ShouldBe("Stopped after the budget of 100 steps: the cost went from 4 to 0.5 and the gradient's length is still 0.25.");

    [Theory]
    [InlineData(StopReason.Converged, "converged")]
    [InlineData(StopReason.Diverged, "diverged at step 12")]
    [InlineData(StopReason.MaxSteps, "budget used")]
    [InlineData(null, "running")]
    public void Outcome_IsAFewWords(StopReason? reason, string words) => RunPresentation.Outcome(reason, 12).ShouldBe(words);

    [Theory]
    [InlineData(StopReason.Converged, "converged")]
    [InlineData(StopReason.Diverged, "diverged")]
    [InlineData(StopReason.MaxSteps, "max-steps")]
    public void TheFormats_SpellTheStopReason(StopReason reason, string name) => RunPresentation.StopReasonName(reason).ShouldBe(name);

    [Fact]
    public void TheVerdict_IsOneLowerCaseWord() => RunPresentation.VerdictWord(Verdict.Oscillating).ShouldBe("oscillating");

    [Theory]
    [InlineData(0.123456789, "0.123457")]
    [InlineData(85000, "85000")]
    [InlineData(1e-8, "1e-8")]
    [InlineData(double.NaN, "not a number")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "−∞")]
    public void Numbers_HaveOneFormat(double value, string text) => RunPresentation.Number(value).ShouldBe(text);
}
