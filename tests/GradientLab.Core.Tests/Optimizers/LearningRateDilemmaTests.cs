using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;

namespace GradientLab.Core.Tests.Optimizers;

/// <summary>REFERENCE.md, "Numbers to reproduce": J(θ) = θ² from θ₀ = 4, where plain GD gives θt = 4(1 − 2α)^t.</summary>
public sealed class LearningRateDilemmaTests
{
    [Theory]
    [InlineData(0.3, 1.6, 0.64, 0.256)]
    [InlineData(0.1, 3.2, 2.56, 2.048)]
    [InlineData(1.1, -4.8, 5.76, -6.912)]
    public void PlainGd_OnThetaSquared_GivesTheReferenceIterates(double alpha, double first, double second, double third)
    {
        var theta = Numerics.Run(new Quadratic1D(), [4], alpha, 3).Finished().Theta();
        theta.ShouldBeClose([4, first, second, third], 1e-12);
    }

    [Fact]
    public void SmallRate_001_After20Steps_LeavesTheCostNear7_13()
    {
        var run = Numerics.Run(new Quadratic1D(), [4], 0.01, 20).Finished();
        run.Trajectory[0].Loss.ShouldBe(16);
        run.Current.Loss.ShouldBeClose(16 * Math.Pow(0.98, 40), 1e-12);
        Math.Round(run.Current.Loss, 2).ShouldBe(7.13);
    }

    [Fact]
    public void Rate_1_1_Diverges_GrowingBy1_2PerStep_AndStopsAsDiverged()
    {
        var run = Numerics.Run(new Quadratic1D(), [4], 1.1, 100).Finished();
        var theta = run.Theta();
        for (var t = 1; t < 10; t++)
        {
            (Math.Abs(theta[t]) / Math.Abs(theta[t - 1])).ShouldBeClose(1.2, 1e-12);
        }

        // J = 16·1.44^t passes 1e6 × 16 first at t = 38 (1.44^37.9 = 1e6).
        run.StopReason.ShouldBe(StopReason.Diverged);
        run.Current.Step.ShouldBe(38);
    }

    [Fact]
    public void Momentum_05_Rate_005_GivesTheReferenceIterates_AndFirstCrossesZeroAtStep19()
    {
        var run = Numerics.Run(new Quadratic1D(), [4], 0.05, 40, new SgdSettings(Momentum: 0.5)).Finished();
        var theta = run.Theta();
        theta.Take(8).ToArray().ShouldBeClose([4, 3.6, 3.04, 2.456, 1.9184, 1.45776, 1.081664, 0.78545], 1e-5, 1e-12);
        Array.FindIndex(theta, v => v < 0).ShouldBe(19);
    }

    [Fact]
    public void Vanilla_005_After15Steps_IsStillAt4Times0_9To15()
    {
        var theta = Numerics.Run(new Quadratic1D(), [4], 0.05, 15).Finished().Theta();
        theta[15].ShouldBeClose(4 * Math.Pow(0.9, 15), 1e-12);
        Math.Round(theta[15], 2).ShouldBe(0.82);
    }
}
