using GradientLab.Lessons.Optimizers;

namespace GradientLab.Lessons.Tests.Optimizers;

public sealed class MomentumComparisonTests
{
    [Fact]
    public void TheFirstSteps_FollowTheHandComputedUpdates()
    {
        var m = new MomentumComparison(0.05, 0.5);
        var start = m.Vanilla.Trajectory[0].Parameters[0];
        var g0 = m.Vanilla.Trajectory[0].Gradient![0];
        m.VanillaTheta(0).ShouldBe(start);
        m.MomentumTheta(0).ShouldBe(start);
        m.VanillaTheta(1).ShouldBe(start - (0.05 * g0), 1e-12);
        m.MomentumTheta(1).ShouldBe(start - (0.05 * g0), 1e-12);
        // After the update that leaves iteration 0 the velocity is g₀; after iteration 1 it is β·g₀ + g₁.
        m.Velocity(0).ShouldBe(g0, 1e-12);
        var g1 = m.Momentum.Trajectory[1].Gradient![0];
        m.Velocity(1).ShouldBe((0.5 * g0) + g1, 1e-12);
        m.NextMove(1).ShouldBe(-0.05 * ((0.5 * g0) + g1), 1e-12);
        m.MomentumTheta(2).ShouldBe(m.MomentumTheta(1) + m.NextMove(1), 1e-12);
    }

    [Fact]
    public void Momentum_OvershootsTheMinimum_WhereVanillaDoesNot()
    {
        var m = new MomentumComparison(0.05, 0.9);
        var sign = Math.Sign(m.VanillaTheta(0) - m.Vanilla.Trajectory[^1].Parameters[0]);
        Enumerable.Range(0, MomentumComparison.Iterations).Any(t => Math.Sign(m.MomentumTheta(t) - m.Momentum.Trajectory[^1].Parameters[0]) == -sign).ShouldBeTrue();
    }

    [Fact]
    public void ABetaThatCannotRun_IsRefusedWithAMessage()
    {
        Should.Throw<GradientLab.Scenarios.ScenarioException>(() => new MomentumComparison(0.05, 1.5)).Message.ShouldNotBeEmpty();
    }
}
