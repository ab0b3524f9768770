using GradientLab.Lessons.Optimizers;

namespace GradientLab.Lessons.Tests.Optimizers;

public sealed class LearningRateDilemmaTests
{
    [Fact]
    public void SmallAlpha_ReachesTheThreshold_AtTheStepTheContractionGives()
    {
        // θₜ = 4·(1 − 2α)ᵗ, J = θ² < 1e-3 first at t = ⌈ln(1e-3/16) / (2 ln 0.98)⌉ = 240 for α = 0.01.
        var row = new LearningRateDilemma([0.01, 0.1, 1.1], 1e-3).Rows[0];
        row.Steps.ShouldBe("240");
        row.ThetaAfter.Count.ShouldBe(3);
        row.ThetaAfter[0].ShouldBe(4 * 0.98, 1e-12);
        row.ThetaAfter[2].ShouldBe(4 * Math.Pow(0.98, 3), 1e-12);
    }

    [Fact]
    public void MiddleAlpha_ReachesTheThresholdFaster()
    {
        // (0.8)^(2t)·16 < 1e-3 first at t = 22.
        new LearningRateDilemma([0.01, 0.1, 1.1], 1e-3).Rows[1].Steps.ShouldBe("22");
    }

    [Fact]
    public void LargeAlpha_NeverGetsThere_AndSaysByHowMuchTheLossGrows()
    {
        // θ is multiplied by 1 − 2·1.1 = −1.2 each step, so J by 1.44.
        var row = new LearningRateDilemma([0.01, 0.1, 1.1], 1e-3).Rows[2];
        row.Steps.ShouldBe("never");
        row.Verdict.ShouldStartWith("diverges, ×1.44 per step");
        row.ThetaAfter[0].ShouldBe(-4.8, 1e-12);
    }

    [Fact]
    public void AnAlphaThatCannotRun_IsNamedInItsRow_AndLeavesTheOthersRight()
    {
        var rows = new LearningRateDilemma([0.01, -1, 0.1], 1e-3).Rows;
        rows.Count.ShouldBe(3);
        rows[1].Session.ShouldBeNull();
        rows[1].Steps.ShouldBe("—");
        rows[1].Verdict.ShouldNotBeEmpty();
        rows[0].Steps.ShouldBe("240");
        rows[2].Steps.ShouldBe("22");
        rows[2].Alpha.ShouldBe(0.1);
    }
}
