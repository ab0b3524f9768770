using Bunit;
using GradientLab.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The benchmark page's controls: the step count, the run and the table of its timing.</summary>
public sealed class BenchmarkPageTests : PageContext
{
    public BenchmarkPageTests() => Services.AddSingleton<TimeProvider>(new SteppingTime(TimeSpan.FromMilliseconds(250)));

    [Fact]
    public void Run_times_the_steps_asked_and_shows_the_time_per_step()
    {
        var page = Render<Benchmark>();
        page.Find("[data-testid=bench-steps]").Change("500");
        page.Find("[data-testid=bench-run]").Click();

        // The clock moves 250 ms at each reading, read once before and once after the work: 250 ms over 500 steps.
        page.WaitForAssertion(() => page.Find("[data-testid=bench-ms]").TextContent.ShouldBe("250.0"));
        page.Find("[data-testid=bench-per-step]").TextContent.ShouldBe("500.00 µs");
        page.Find("[data-testid=bench-result]").TextContent.ShouldContain("500 full-batch steps");
        double.Parse(page.Find("[data-testid=bench-loss]").TextContent, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        page.Find("[data-testid=bench-run]").TextContent.ShouldBe("Run");
    }

    [Fact]
    public void A_bad_step_count_is_named_and_the_last_good_one_is_kept()
    {
        var page = Render<Benchmark>();
        page.Find("[data-testid=bench-steps]").Change("40");
        page.Find("[data-testid=bench-steps]").Change("0");

        page.Find("[data-testid=bench-steps-error]").TextContent.ShouldBe("Steps must be a whole number from 1 to 1,000,000; kept 40.");
        page.Find("[data-testid=bench-steps]").GetAttribute("aria-invalid").ShouldBe("true");
        page.Find("[data-testid=bench-run]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=bench-result]").TextContent.ShouldContain("40 full-batch steps"));
    }

    /// <summary>A clock whose timestamp moves on by a fixed span every time it is read.</summary>
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
