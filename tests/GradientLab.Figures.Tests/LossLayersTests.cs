using System.Xml.Linq;
using GradientLab.Scenarios;

namespace GradientLab.Figures.Tests;

/// <summary>
/// The loss view on the page is two layers: its axes, drawn again only when they change, under the curve and its marker,
/// drawn at every step. Its step axis grows a few times a decade, so the axes stay put for many frames of playback.
/// </summary>
public sealed class LossLayersTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(9, 10)]
    [InlineData(10, 15)]
    [InlineData(100, 150)]
    [InlineData(137, 200)]
    [InlineData(182, 300)]
    [InlineData(1_000, 1_500)]
    [InlineData(6_000, 8_000)]
    [InlineData(8_000, 10_000)]
    [InlineData(97_900, 150_000)]
    public void TheStepAxis_EndsAtTheNextOfAFewRoundNumbers_PastTheStep(int shown, int end) =>
        RunFigures.LossAxisEnd(shown, 1_000_000).ShouldBe(end);

    [Fact]
    public void TheStepAxis_LeavesRoomAfterTheStep_NeverPassesTheRun_AndGrowsAFewTimesADecade()
    {
        var ends = new HashSet<int>();
        for (var shown = 0; shown <= 100_000; shown++)
        {
            var end = RunFigures.LossAxisEnd(shown, 100_000);
            end.ShouldBeLessThanOrEqualTo(100_000);
            if (shown < 90_000)
            {
                ((double)end).ShouldBeGreaterThanOrEqualTo(shown * 1.1, $"step {shown}");
                ((double)end).ShouldBeLessThanOrEqualTo(Math.Max(10, shown * 1.1 * 1.5) + 1, $"step {shown}");
            }

            ends.Add(end);
        }

        // From step 0 to 100,000: 10, 15, 20, 30, 40, 50, 60, 80 and so on, eight a decade.
        ends.Count.ShouldBeLessThanOrEqualTo(8 * 4 + 1);
        RunFigures.LossAxisEnd(97_900, 100_000).ShouldBe(100_000); // the run ends there
        RunFigures.LossAxisEnd(5, 3).ShouldBe(10); // a run of three steps still gets an axis of ten
    }

    [Fact]
    public void TheAxes_AreDrawnOnce_WhileTheCurveAndItsMarker_FollowEveryStep()
    {
        var resolved = ScenarioResolver.Resolve(Workloads.LiveDemoSteps(2_000));
        var run = resolved.CreateRun();
        run.RunToEnd();
        var figures = new RunFigures(resolved, run.Trajectory) { LossSize = (620, 372) };

        var axes = figures.LossStatic(140);
        figures.LossStatic(141).ShouldBeSameAs(axes); // the axis ends at 200 for both: nothing to draw again
        figures.LossDynamic(141).ShouldNotBe(figures.LossDynamic(140));

        var staticLayer = XDocument.Parse(axes);
        var dynamicLayer = XDocument.Parse(figures.LossDynamic(141));
        Classes(staticLayer).ShouldContain("axis-x");
        Classes(staticLayer).ShouldNotContain("gl-loss");
        Classes(dynamicLayer).ShouldContain("gl-loss");
        Classes(dynamicLayer).ShouldNotContain("axis-x");

        // The log scale has layers of its own: asking for it does not answer with the linear one's.
        figures.LossStatic(141, logScale: true).ShouldNotBe(axes);
        figures.LossStatic(141).ShouldBeSameAs(axes);
    }

    private static List<string> Classes(XDocument svg) =>
        [.. svg.Descendants().SelectMany(e => ((string?)e.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))];
}
