using Bunit;
using GradientLab.Lessons.Activities;
using GradientLab.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GradientLab.Web.Tests.Pages;

/// <summary>
/// A page rendered by bUnit with what the browser host provides: the learner's progress kept in memory, browser
/// scripts answered loosely (they only draw and watch sizes), and a fake clock that the test moves by hand, so
/// playback is stepped without waiting.
/// </summary>
public abstract class PageContext : BunitContext
{
    protected PageContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<IProgressStore, MemoryProgressStore>();
        Services.AddSingleton<LearnerProgress>();
    }

    /// <summary>The time the pages' playback clocks tick by.</summary>
    protected FakeTimeProvider Time { get; } = new();

    /// <summary>
    /// Moves time on by exactly <paramref name="seconds"/>, at most one <paramref name="tick"/> at a time, so every tick of
    /// the clock fires in turn (sixty advances of a 1/60 s rounded to 100 ns would fall 40 ticks short of a second).
    /// </summary>
    protected void Elapse(double seconds, double tick = 1.0 / 60)
    {
        var end = Time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        var step = TimeSpan.FromSeconds(tick);
        while (Time.GetUtcNow() < end)
        {
            var left = end - Time.GetUtcNow();
            Time.Advance(left < step ? left : step);
        }
    }
}
