using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Schedules;

/// <summary>The schedule formulas of REFERENCE.md, at the points where their values are known by hand.</summary>
public sealed class ScheduleTests
{
    [Fact]
    public void StepDecay_MultipliesByGammaEveryStepSize()
    {
        var schedule = new StepDecay(0.1, StepSize: 10, Gamma: 0.5);
        schedule.At(0).ShouldBeClose(0.1);
        schedule.At(9).ShouldBeClose(0.1);
        schedule.At(10).ShouldBeClose(0.05);
        schedule.At(25).ShouldBeClose(0.025);
    }

    [Fact]
    public void ExponentialDecay_IsGammaToTheT() => new ExponentialDecay(0.2, 0.9).At(3).ShouldBeClose(0.2 * 0.729);

    [Fact]
    public void InverseTime_DividesByOnePlusDT_OrItsStaircase()
    {
        new InverseTimeDecay(1.0, 0.5).At(4).ShouldBeClose(1 / 3.0);
        var staircase = new InverseTimeDecay(1.0, 1.0, Period: 10);
        staircase.At(9).ShouldBeClose(1.0);
        staircase.At(10).ShouldBeClose(0.5);
        staircase.At(29).ShouldBeClose(1 / 3.0);
    }

    [Fact]
    public void Cosine_FallsFromTheRateToTheMinimum_AndHoldsItPastThePeriod()
    {
        var schedule = new CosineAnnealing(0.1, 0.001, Period: 100);
        schedule.At(0).ShouldBeClose(0.1);
        schedule.At(50).ShouldBeClose((0.1 + 0.001) / 2);
        schedule.At(100).ShouldBeClose(0.001);
        schedule.At(150).ShouldBeClose(0.001);
    }

    [Fact]
    public void WarmupCosine_RisesLinearly_ThenFollowsTheCosine()
    {
        var schedule = new WarmupCosine(0.1, 0.0, WarmupSteps: 10, TotalSteps: 110);
        schedule.At(0).ShouldBe(0.0);
        schedule.At(5).ShouldBeClose(0.05);
        schedule.At(10).ShouldBeClose(0.1);
        schedule.At(60).ShouldBeClose(0.05);
        schedule.At(110).ShouldBeClose(0.0, 0, 1e-18);
        schedule.At(500).ShouldBeClose(0.0, 0, 1e-18);
    }

    [Fact]
    public void OneCycle_StartsAtMaxOver25_PeaksAt30Percent_EndsAtMaxOver250000()
    {
        var schedule = new OneCycle(1.0, TotalSteps: 101, PercentStart: 0.3);
        schedule.Initial.ShouldBeClose(0.04);
        schedule.At(0).ShouldBeClose(0.04);
        var peakStep = (0.3 * 101) - 1; // 29.3, as torch.optim.lr_scheduler.OneCycleLR places it
        schedule.At(29).ShouldBeClose(1 + ((0.04 - 1) * (1 + Math.Cos(Math.PI * 29 / peakStep)) / 2));
        schedule.At(100).ShouldBeClose(1.0 / 25 / 1e4);
        schedule.At(1000).ShouldBeClose(1.0 / 25 / 1e4);
        Enumerable.Range(0, 101).Max(schedule.At).ShouldBeLessThanOrEqualTo(1.0);
    }

    [Theory]
    [InlineData("step-size", "Invalid stepSize: 0 (must be at least 1)")]
    [InlineData("gamma", "Invalid gamma: 0 ")]
    [InlineData("rate", "Invalid learningRate: -0.1 ")]
    [InlineData("warmup", "Invalid totalSteps: 5 (must be at least 11)")]
    [InlineData("pct", "Invalid pctStart: 1 ")]
    public void InvalidSettings_AreRejected(string which, string message)
    {
        ILearningRateSchedule schedule = which switch
        {
            "step-size" => new StepDecay(0.1, 0, 0.5),
            "gamma" => new ExponentialDecay(0.1, 0),
            "rate" => new ConstantRate(-0.1),
            "warmup" => new WarmupCosine(0.1, 0, 10, 5),
            _ => new OneCycle(0.1, 100, 1.0),
        };
        Should.Throw<ArgumentException>(() => ScheduleValidation.Validate(schedule)).Message.ShouldContain(message);
    }
}
