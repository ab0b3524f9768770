namespace GradientLab.Lessons.Playback;

/// <summary>
/// How a speed in steps per second becomes ticks: at most <c>maxTicksPerSecond</c> ticks a second (the screen's frame
/// rate), each showing a whole number of steps, the fraction carried to the next tick so that 200 steps a second at
/// 60 ticks a second shows 200 steps a second, not 180.
/// </summary>
public readonly record struct PlaybackPace
{
    private PlaybackPace(TimeSpan interval, double stepsPerTick)
    {
        Interval = interval;
        StepsPerTick = stepsPerTick;
    }

    /// <summary>Time between two ticks.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Steps owed per tick (at most one tick per step, so at low speeds this is 1).</summary>
    public double StepsPerTick { get; }

    /// <summary>The pace for a speed.</summary>
    /// <param name="stepsPerSecond">Steps per second, above 0.</param>
    /// <param name="maxTicksPerSecond">The most ticks a second, above 0 (60: one per frame).</param>
    public static PlaybackPace For(double stepsPerSecond, double maxTicksPerSecond = PlaybackClock.FramesPerSecond)
    {
        if (!(stepsPerSecond > 0 && double.IsFinite(stepsPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(stepsPerSecond), stepsPerSecond, "The speed must be a finite number of steps per second above 0.");
        }

        if (!(maxTicksPerSecond > 0 && double.IsFinite(maxTicksPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxTicksPerSecond), maxTicksPerSecond, "The tick rate must be a finite number above 0.");
        }

        var ticksPerSecond = Math.Min(stepsPerSecond, maxTicksPerSecond);
        return new PlaybackPace(TimeSpan.FromSeconds(1 / ticksPerSecond), stepsPerSecond / ticksPerSecond);
    }

    /// <summary>The whole steps to show at the next tick, given what was carried; returns the new carry.</summary>
    public int Next(ref double carried)
    {
        carried += StepsPerTick;
        var steps = Math.Max(1, (int)(carried + 1e-9)); // 3 × (1/3) is 0.999…: a whole step is owed
        carried -= steps;
        return steps;
    }
}

/// <summary>
/// The one playback clock of every animated view: play at a speed, pause, change speed while playing. Each tick asks
/// the view to advance a whole number of steps on the view's own thread (its dispatcher, e.g. a Blazor component's
/// <c>InvokeAsync</c>); the view answers whether it can go on. A tick that arrives after a pause is dropped, so a paused
/// view never moves. Time comes from a <see cref="TimeProvider"/>, so tests drive it without waiting.
/// </summary>
public sealed class PlaybackClock : IDisposable
{
    /// <summary>The most ticks a second: one per frame of a 60 Hz screen.</summary>
    public const double FramesPerSecond = 60;

    private readonly Func<Action, Task> _dispatch;
    private readonly TimeProvider _time;
    private CancellationTokenSource? _playing;
    private Func<int, bool>? _advance;

    /// <summary>A clock whose ticks run through <paramref name="dispatch"/>.</summary>
    /// <param name="dispatch">Runs an action on the view's thread (a Blazor component passes its <c>InvokeAsync</c>).</param>
    /// <param name="time">The time source; the system clock when null.</param>
    public PlaybackClock(Func<Action, Task> dispatch, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        _dispatch = dispatch;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether the clock is playing.</summary>
    public bool IsPlaying => _playing is not null;

    /// <summary>The speed of the current (or last) play, in steps per second.</summary>
    public double StepsPerSecond { get; private set; }

    /// <summary>Raised on the view's thread when playing stops by itself (the view could not advance).</summary>
    public event EventHandler? Ended;

    /// <summary>
    /// Starts playing (restarting if already playing). Each tick calls <paramref name="advance"/> with the steps to show;
    /// it returns false when the view cannot go on, which stops the clock and raises <see cref="Ended"/>.
    /// </summary>
    public void Play(double stepsPerSecond, Func<int, bool> advance)
    {
        ArgumentNullException.ThrowIfNull(advance);
        var pace = PlaybackPace.For(stepsPerSecond);
        Pause();
        StepsPerSecond = stepsPerSecond;
        _advance = advance;
        var playing = new CancellationTokenSource();
        _playing = playing;
        _ = RunAsync(pace, advance, playing);
    }

    /// <summary>Changes the speed; a playing clock goes on at the new speed.</summary>
    public void ChangeSpeed(double stepsPerSecond)
    {
        if (_playing is not null && _advance is { } advance)
        {
            Play(stepsPerSecond, advance);
        }
        else
        {
            _ = PlaybackPace.For(stepsPerSecond); // the same check as Play
            StepsPerSecond = stepsPerSecond;
        }
    }

    /// <summary>Stops playing; a tick already on its way is dropped.</summary>
    public void Pause()
    {
        var playing = _playing;
        _playing = null;
        playing?.Cancel();
    }

    /// <inheritdoc />
    public void Dispose() => Pause();

    private async Task RunAsync(PlaybackPace pace, Func<int, bool> advance, CancellationTokenSource playing)
    {
        var token = playing.Token;
        var carried = 0.0;
        using var timer = new PeriodicTimer(pace.Interval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                var steps = pace.Next(ref carried);
                await _dispatch(() =>
                {
                    if (token.IsCancellationRequested || !ReferenceEquals(_playing, playing))
                    {
                        return; // paused while this tick was on its way
                    }

                    if (!advance(steps))
                    {
                        Pause();
                        Ended?.Invoke(this, EventArgs.Empty);
                    }
                }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Paused.
        }
        finally
        {
            playing.Dispose();
        }
    }
}
