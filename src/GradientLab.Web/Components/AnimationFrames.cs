using Microsoft.JSInterop;

namespace GradientLab.Web.Components;

/// <summary>
/// How a page's playback clock (<see cref="GradientLab.Lessons.Playback.PlaybackClock"/>) reaches the page in the browser:
/// each tick waits for the browser's next animation frame, then runs on the page's dispatcher. The clock's timer does not
/// keep time with the screen, so without this two ticks could fall in one frame: two renders, and a frame missed. With
/// it, a page renders at most once a frame, at its start; a hidden tab, which draws no frames, holds its playback until
/// it is seen again.
/// </summary>
public static class AnimationFrames
{
    /// <summary>A dispatcher for a playback clock: the next animation frame (through <paramref name="js"/>), then <paramref name="invokeAsync"/>.</summary>
    public static Func<Action, Task> Dispatch(IJSRuntime js, Func<Action, Task> invokeAsync)
    {
        ArgumentNullException.ThrowIfNull(js);
        ArgumentNullException.ThrowIfNull(invokeAsync);
        return async action =>
        {
            try
            {
                await js.InvokeVoidAsync("gradientLab.nextFrame");
            }
            catch (Exception e) when (e is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
            {
                // No browser to wait for (a test's renderer, a page going away): the tick runs at once.
            }

            await invokeAsync(action);
        };
    }
}
