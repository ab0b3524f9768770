using GradientLab.Lessons.Runs;
using GradientLab.Lessons.Speed;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Speed;

public sealed class EngineBenchmarkTests
{
    [Fact]
    public void ByDefault_ItTimesAHundredThousandSteps()
    {
        var benchmark = new EngineBenchmark();
        benchmark.Steps.ShouldBe(100_000);
        benchmark.StepsError.ShouldBeNull();
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("250", 250)]
    [InlineData("1000000", 1_000_000)]
    public void AWholeNumberInRange_IsTaken(string text, int steps)
    {
        var benchmark = new EngineBenchmark();
        benchmark.SetSteps(text).ShouldBeTrue();
        benchmark.Steps.ShouldBe(steps);
        benchmark.StepsError.ShouldBeNull();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000001")]
    [InlineData("-5")]
    [InlineData("2.5")]
    [InlineData("many")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElse_KeepsThePreviousCount_AndSaysWhatToChange(string? text)
    {
        var benchmark = new EngineBenchmark();
        benchmark.SetSteps("300");
        benchmark.SetSteps(text).ShouldBeFalse();
        benchmark.Steps.ShouldBe(300);
        benchmark.StepsError.ShouldBe("Steps must be a whole number from 1 to 1,000,000; kept 300.");
    }

    [Fact]
    public void AGoodCountAfterABadOne_ClearsTheError()
    {
        var benchmark = new EngineBenchmark();
        benchmark.SetSteps("zero");
        benchmark.SetSteps("40");
        benchmark.StepsError.ShouldBeNull();
    }

    [Fact]
    public void ATiming_RunsEveryStepAsked_AndEndsWhereTheLiveDemoIsAtThatStep()
    {
        const int Steps = 40;
        var benchmark = new EngineBenchmark();
        benchmark.SetSteps("40");

        var timing = benchmark.Run(new SteppingTime(TimeSpan.FromMilliseconds(3)));

        timing.Steps.ShouldBe(Steps);
        var live = new LiveSession(Presets.Get("housing-live-demo").Scenario);
        live.LastStep.ShouldBeGreaterThanOrEqualTo(Steps);
        timing.Loss.ShouldBe(live.Trajectory[Steps].Loss, 1e-9 * live.Trajectory[Steps].Loss);
    }

    [Fact]
    public void ATiming_IsTheTimeBetweenTheTimestampsAroundTheWork()
    {
        // The stepping clock moves 3 ms at each reading; the timing reads it twice, before and after the run.
        var timing = new EngineBenchmark().Run(new SteppingTime(TimeSpan.FromMilliseconds(3)));
        timing.Elapsed.ShouldBe(TimeSpan.FromMilliseconds(3));
    }

    [Fact]
    public void PerStep_IsTheTimeOverTheSteps_InMicroseconds()
    {
        // 2 s over 100,000 steps = 20 µs a step.
        var timing = new EngineTiming(100_000, TimeSpan.FromSeconds(2), 2058.13);
        timing.MicrosecondsPerStep.ShouldBe(20, 1e-12);
        timing.PerStepText.ShouldBe("20.00");
        timing.MillisecondsText.ShouldBe("2000.0");
        timing.LossText.ShouldBe("2058.13");
    }

    /// <summary>A clock whose timestamp moves on by a fixed span every time it is read.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
