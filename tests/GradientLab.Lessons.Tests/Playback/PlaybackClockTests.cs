using GradientLab.Lessons.Playback;
using Microsoft.Extensions.Time.Testing;

namespace GradientLab.Lessons.Tests.Playback;

public class PlaybackPaceTests
{
    [Fact]
    public void Two_hundred_steps_a_second_at_sixty_ticks_shows_two_hundred_steps_in_a_second()
    {
        var pace = PlaybackPace.For(200);
        pace.Interval.TotalSeconds.ShouldBe(1.0 / 60, 1e-6); // TimeSpan keeps 100 ns ticks

        var carried = 0.0;
        var shown = Enumerable.Range(0, 60).Sum(_ => pace.Next(ref carried));

        shown.ShouldBe(200); // 3.33… a tick: 3, 3, 4, … with the fraction carried, not 180
    }

    [Fact]
    public void A_slow_speed_ticks_once_per_step()
    {
        var pace = PlaybackPace.For(2);
        pace.Interval.ShouldBe(TimeSpan.FromSeconds(0.5));
        var carried = 0.0;
        Enumerable.Range(0, 5).Select(_ => pace.Next(ref carried)).ShouldAllBe(steps => steps == 1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_speed_that_is_not_a_positive_finite_number_is_refused(double speed)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PlaybackPace.For(speed)).ParamName.ShouldBe("stepsPerSecond");
    }
}

public class PlaybackClockTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<Action> _queued = [];

    // Runs ticks at once, as a Blazor component's InvokeAsync does on the WebAssembly thread.
    private static Task RunNow(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    // Holds ticks until the test lets them run: a tick "on its way" while the view pauses.
    private Task Hold(Action action)
    {
        lock (_queued)
        {
            _queued.Add(action);
        }

        return Task.CompletedTask;
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The clock did not reach the expected state.");
            }

            await Task.Yield();
        }
    }

    [Fact]
    public async Task Playing_at_ten_steps_a_second_advances_one_step_per_tenth_of_a_second()
    {
        using var clock = new PlaybackClock(RunNow, _time);
        var steps = 0;
        clock.Play(10, n => { Interlocked.Add(ref steps, n); return true; });
        clock.IsPlaying.ShouldBeTrue();

        for (var tick = 1; tick <= 5; tick++)
        {
            _time.Advance(TimeSpan.FromSeconds(0.1));
            var expected = tick;
            await Until(() => Volatile.Read(ref steps) == expected);
        }

        clock.StepsPerSecond.ShouldBe(10);
    }

    [Fact]
    public async Task A_paused_clock_does_not_move_the_view()
    {
        using var clock = new PlaybackClock(RunNow, _time);
        var steps = 0;
        clock.Play(10, n => { Interlocked.Add(ref steps, n); return true; });
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await Until(() => Volatile.Read(ref steps) == 1);

        clock.Pause();
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.Yield();

        clock.IsPlaying.ShouldBeFalse();
        steps.ShouldBe(1);
    }

    [Fact]
    public async Task A_tick_on_its_way_when_the_view_pauses_is_dropped()
    {
        using var clock = new PlaybackClock(Hold, _time);
        var steps = 0;
        clock.Play(10, n => { steps += n; return true; });
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await Until(() => { lock (_queued) { return _queued.Count == 1; } });

        clock.Pause();
        _queued[0]();

        steps.ShouldBe(0);
    }

    [Fact]
    public async Task The_clock_stops_and_says_so_when_the_view_cannot_go_on()
    {
        using var clock = new PlaybackClock(RunNow, _time);
        var ended = 0;
        clock.Ended += (_, _) => ended++;
        var left = 3;
        clock.Play(10, n => --left > 0);

        for (var tick = 0; tick < 3; tick++)
        {
            _time.Advance(TimeSpan.FromSeconds(0.1));
            await Until(() => left <= 2 - tick);
        }

        await Until(() => !clock.IsPlaying);
        ended.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        left.ShouldBe(0);
    }

    [Fact]
    public async Task Changing_the_speed_while_playing_goes_on_at_the_new_speed()
    {
        using var clock = new PlaybackClock(RunNow, _time);
        var steps = 0;
        clock.Play(1, n => { Interlocked.Add(ref steps, n); return true; });
        clock.ChangeSpeed(120);

        clock.IsPlaying.ShouldBeTrue();
        clock.StepsPerSecond.ShouldBe(120);
        _time.Advance(TimeSpan.FromSeconds(1.0 / 60));
        await Until(() => Volatile.Read(ref steps) == 2); // two steps per 60 Hz tick, not one step a second
    }

    [Fact]
    public void Changing_the_speed_while_paused_only_remembers_it()
    {
        using var clock = new PlaybackClock(RunNow, _time);
        clock.ChangeSpeed(30);
        clock.IsPlaying.ShouldBeFalse();
        clock.StepsPerSecond.ShouldBe(30);
        Should.Throw<ArgumentOutOfRangeException>(() => clock.ChangeSpeed(0));
    }
}
