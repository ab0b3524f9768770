using GradientLab.Core.Descent;
using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Concepts;

public sealed class UpdateRuleTests
{
    [Fact]
    public void OneStep_OnThetaSquared_IsTheLrGoodPresetsSecondValue()
    {
        // Presets.cs, lr-good: J(θ) = θ² from θ = 4 with α = 0.1 goes 4, 3.2, 2.56, …; J'(4) = 8 by central differences.
        var rule = new UpdateRule(4, 0.1);
        const double h = 1e-6;
        rule.Slope.ShouldBe((Math.Pow(4 + h, 2) - Math.Pow(4 - h, 2)) / (2 * h), 1e-6);
        rule.Step.ShouldBe(0.8, 1e-12);
        rule.Next.ShouldBe(3.2, 1e-12);
        rule.Factor.ShouldBe(0.8, 1e-12);
        rule.Sentence.ShouldBe("Each step multiplies θ by 1 − 2α = 0.8: |0.8| < 1, so θ shrinks towards the minimum at 0.");
    }

    [Fact]
    public void AFactorBetweenMinusOneAndZero_FlipsSides()
    {
        var rule = new UpdateRule(4, 0.6);
        rule.Next.ShouldBe(-0.8, 1e-12);
        rule.Sentence.ShouldEndWith("so θ shrinks towards the minimum at 0, flipping sides each time.");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void AlphaOfOneOrMore_NeverSettles(double alpha)
    {
        // |1 − 2α| ≥ 1 for α ≥ 1: θ_k = (1 − 2α)^k θ_0 does not shrink.
        new UpdateRule(4, alpha).Sentence.ShouldEndWith("so θ never settles — α is too large for this curve (it must stay below 1).");
    }

    [Fact]
    public void Rises_CountsTheUpdatesThatRaisedTheCost()
    {
        static StepRecord R(double loss) => new(0, 0, [], loss, 0, null, null);
        BatchSizeStudy.Rises([R(3), R(4), R(2), R(2), R(5), R(1)]).ShouldBe(2);
        BatchSizeStudy.Rises([R(3)]).ShouldBe(0);
        BatchSizeStudy.Rises([]).ShouldBe(0);
    }

    [Fact]
    public void TheBatchExperimentsSentence_CountsItsRises_AndNamesBothFinalCosts()
    {
        var run = new LiveSession(Presets.Get("minibatch-line").Scenario);
        run.ToEnd();
        var baseRun = new LiveSession(Presets.Get("lr-good").Scenario);
        baseRun.ToEnd();
        var losses = run.Trajectory.Select(r => r.Loss).ToArray();
        var rises = losses.Skip(1).Where((loss, i) => loss > losses[i]).Count(); // counted independently of BatchSizeStudy.Rises
        var sentence = ExperimentSummary.Sentence("batch-1", "Lesson.", run, baseRun);
        sentence.ShouldStartWith($"Lesson. Final cost {LiveSession.F(losses[^1])} after {run.Trajectory[^1].Epoch} epochs; the base run ends at {LiveSession.F(baseRun.Trajectory[^1].Loss)}.");
        sentence.ShouldEndWith($" The full-data cost rose on {rises} of its {run.LastStep} updates.");
        ExperimentSummary.Sentence("alpha-small", "Lesson.", run, baseRun).ShouldNotContain("rose on");
        ExperimentSummary.Sentence("base", "Lesson.", run, baseRun).ShouldBe("Lesson.");
    }
}
