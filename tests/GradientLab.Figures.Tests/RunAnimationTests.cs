using System.Globalization;
using System.Xml.Linq;
using GradientLab.Core.Descent;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures.Tests;

public sealed class RunAnimationTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static (ResolvedScenario Scenario, IReadOnlyList<StepRecord> Trajectory) Run(string preset)
    {
        var scenario = ScenarioResolver.Resolve(Presets.Get(preset).Scenario);
        var run = scenario.CreateRun();
        run.RunToEnd();
        return (scenario, run.Trajectory);
    }

    private static RunAnimation Animation(string preset, params RunView[] views)
    {
        var (scenario, trajectory) = Run(preset);
        return new RunAnimation(scenario, trajectory, views.Length == 0 ? RunAnimation.ViewsOf(scenario) : views);
    }

    [Fact]
    public void TheViewsOfAScenario_AreThoseItsFiguresCanDraw()
    {
        foreach (var preset in Presets.All)
        {
            var (scenario, trajectory) = Run(preset.Name);
            var figures = new RunFigures(scenario, trajectory);
            RunView[] expected = [.. figures.HasData ? [RunView.Data] : Array.Empty<RunView>(), .. figures.HasContour ? [RunView.Contour] : Array.Empty<RunView>(), RunView.Loss];
            RunAnimation.ViewsOf(scenario).ShouldBe(expected, preset.Name);
        }
    }

    [Fact]
    public void AFrame_IsTheHeaderAboveTheViewsSideBySide()
    {
        var animation = Animation("housing-live-demo");
        animation.Views.ShouldBe([RunView.Data, RunView.Contour, RunView.Loss]);
        animation.Width.ShouldBe(3 * RunAnimation.ViewWidth);
        animation.Height.ShouldBe(RunAnimation.HeaderHeight + RunAnimation.ViewHeight);

        var frame = XElement.Parse(animation.Frame(3));
        frame.Attribute("width")!.Value.ShouldBe("1290");
        frame.Attribute("height")!.Value.ShouldBe(animation.Height.ToString(CultureInfo.InvariantCulture));
        var views = frame.Elements(Svg + "svg").ToList();
        views.Select(v => v.Attribute("x")!.Value).ShouldBe(["0", "430", "860"]);
        views.ShouldAllBe(v => v.Attribute("y")!.Value == "30");
        views[2].Attribute("height")!.Value.ShouldBe(RunAnimation.ViewHeight.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The views' styles are hoisted into one, at the top; the figures' own drawing is unchanged.
        frame.Descendants(Svg + "style").Count().ShouldBe(1);
        frame.Elements().First().Name.ShouldBe(Svg + "style");
        views[1].Descendants(Svg + "g").Count(g => (g.Attribute("class")?.Value ?? "").Split(' ') is var c && c.Contains("series") && c.Contains("gl-path")).ShouldBe(1);
    }

    [Fact]
    public void TheHeader_SaysTheStepTheLossAndTheParameters()
    {
        var (scenario, trajectory) = Run("housing-live-demo");
        var animation = new RunAnimation(scenario, trajectory, RunAnimation.ViewsOf(scenario));
        var point = trajectory[3];
        var (step, numbers) = animation.Header(3);
        step.ShouldBe($"step 3 / {trajectory.Count - 1}");
        numbers.ShouldBe($" · J = {NiceNumbers.Significant(point.Loss, 5)} · w = {NiceNumbers.Significant(point.Parameters[0], 5)}, b = {NiceNumbers.Significant(point.Parameters[1], 5)}");

        var text = XElement.Parse(animation.Frame(3)).Descendants(Svg + "text").First(t => t.Attribute("class")?.Value == "gl-anim-header");
        text.Value.ShouldBe(step + numbers);
        text.Element(Svg + "tspan")!.Value.ShouldBe(step);
    }

    [Fact]
    public void AHeaderTooLongForTheWidth_EndsWithAnEllipsis()
    {
        // Three parameters with six-digit values beside a lone loss view: they do not all fit in 430 px.
        var animation = Animation("unscaled-features", RunView.Loss);
        var (step, numbers) = animation.Header(animation.LastStep);
        numbers.ShouldEndWith("…");
        (FontMetrics.Width(step, 14, bold: true) + FontMetrics.Width(numbers, 14)).ShouldBeLessThanOrEqualTo(animation.Width - 20);
    }

    [Fact]
    public void NegativeNumbers_AreWrittenWithAMinusSign()
    {
        var animation = Animation("housing-live-demo");
        animation.Header(0).Numbers.ShouldContain("w = −0.1");
    }

    [Theory]
    [InlineData(60, 1, new[] { 0, 1, 2 }, 61)]
    [InlineData(60, 20, new[] { 0, 20, 40, 60 }, 4)]
    [InlineData(60, 25, new[] { 0, 25, 50, 60 }, 4)]
    [InlineData(60, 100, new[] { 0, 60 }, 2)]
    public void Steps_AreEveryNth_AndTheLast(int last, int every, int[] start, int count)
    {
        var animation = Animation("housing-live-demo");
        animation.LastStep.ShouldBe(last);
        var steps = animation.Steps(every);
        steps.Take(start.Length).ShouldBe(start);
        steps[^1].ShouldBe(last);
        steps.Count.ShouldBe(count);
        RunAnimation.FrameCount(last, every).ShouldBe(count);
    }

    [Fact]
    public void TheDefaultEvery_KeepsAnyRunWithinTheFrameBudget()
    {
        foreach (var last in Enumerable.Range(0, 400).Concat([999, 1000, 1001, 9999, 10_000, 999_999, 1_000_000]))
        {
            var every = RunAnimation.DefaultEvery(last);
            RunAnimation.FrameCount(last, every).ShouldBeLessThanOrEqualTo(RunAnimation.DefaultMaxFrames, $"last step {last}");
            if (every > 1)
            {
                RunAnimation.FrameCount(last, every - 1).ShouldBeGreaterThan(RunAnimation.DefaultMaxFrames, $"a smaller every fits too at {last}");
            }
        }

        RunAnimation.DefaultEvery(60).ShouldBe(1);
        RunAnimation.DefaultEvery(119).ShouldBe(1);
    }

    [Fact]
    public void TheAnimatedSvg_HasAFrameGroupForEveryStep_SwitchedBySmil()
    {
        var animation = Animation("housing-live-demo");
        var steps = animation.Steps(10);
        var svg = XElement.Parse(animation.AnimatedSvg(steps, frameSeconds: 0.1, lastFrameSeconds: 2));
        var frames = svg.Elements(Svg + "g").Where(g => g.Attribute("class")?.Value == "gl-frame").ToList();
        frames.Count.ShouldBe(7);
        frames.Select(f => f.Attribute("data-step")!.Value).ShouldBe(["0", "10", "20", "30", "40", "50", "60"]);

        // Without SMIL the last frame shows; with it, each frame shows from its start to the next one's, 0.1 s apart, looping.
        frames.Select(f => f.Attribute("display")!.Value).ShouldBe(["none", "none", "none", "none", "none", "none", "inline"]);
        var switches = frames.Select(f => f.Elements(Svg + "animate").Single()).ToList();
        switches.ShouldAllBe(a => a.Attribute("attributeName")!.Value == "display" && a.Attribute("calcMode")!.Value == "discrete"
            && a.Attribute("dur")!.Value == "2.6s" && a.Attribute("repeatCount")!.Value == "indefinite");
        switches[0].Attribute("values")!.Value.ShouldBe("inline;none");
        switches[0].Attribute("keyTimes")!.Value.ShouldBe("0;0.038462");
        switches[1].Attribute("values")!.Value.ShouldBe("none;inline;none");
        switches[1].Attribute("keyTimes")!.Value.ShouldBe("0;0.038462;0.076923");
        switches[6].Attribute("values")!.Value.ShouldBe("none;inline");
        switches[6].Attribute("keyTimes")!.Value.ShouldBe("0;0.230769");

        // Every frame has its own header.
        frames[3].Descendants(Svg + "tspan").Single().Value.ShouldBe("step 30 / 60");
    }

    [Fact]
    public void TheAnimatedSvg_DrawsWhatEveryFrameShares_Once()
    {
        var animation = Animation("housing-live-demo", RunView.Contour);
        var steps = animation.Steps(10);
        var text = animation.AnimatedSvg(steps, 0.1, 2);
        var svg = XElement.Parse(text);
        svg.Descendants(Svg + "g").Count(g => (g.Attribute("class")?.Value ?? "").Split(' ').Contains("gl-contours")).ShouldBe(1);
        svg.Descendants(Svg + "g").Count(g => (g.Attribute("class")?.Value ?? "").Split(' ') is var c && c.Contains("series") && c.Contains("gl-path")).ShouldBe(steps.Count);
        text.Length.ShouldBeLessThan(2 * animation.Frame(60).Length + (steps.Count * 4000));
    }

    [Fact]
    public void TheAnimatedSvg_HasUniqueIds_AndEveryReferenceFindsOne()
    {
        var animation = Animation("housing-live-demo");
        var svg = XElement.Parse(animation.AnimatedSvg(animation.Steps(15), 0.1, 2));
        var ids = svg.DescendantsAndSelf().Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();
        ids.ShouldNotBeEmpty();
        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(ids.Count);
        var references = svg.DescendantsAndSelf().SelectMany(e => e.Attributes())
            .SelectMany(a => System.Text.RegularExpressions.Regex.Matches(a.Value, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value))
            .ToList();
        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => ids.Contains(r));
    }

    [Fact]
    public void OneFrame_NeedsNoAnimation()
    {
        var animation = Animation("lr-good", RunView.Loss);
        var svg = XElement.Parse(animation.AnimatedSvg([animation.LastStep], 0.1, 2));
        var frame = svg.Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "gl-frame");
        frame.Attribute("display")!.Value.ShouldBe("inline");
        frame.Elements(Svg + "animate").ShouldBeEmpty();
    }

    [Fact]
    public void AViewTheScenarioLacks_OrNoView_IsRefused()
    {
        var (scenario, trajectory) = Run("lr-good");
        Should.Throw<ArgumentException>(() => new RunAnimation(scenario, trajectory, [RunView.Contour])).Message.ShouldContain("no contour view");
        Should.Throw<ArgumentException>(() => new RunAnimation(scenario, trajectory, []));
        Should.Throw<ArgumentException>(() => new RunAnimation(scenario, trajectory, [RunView.Loss, RunView.Loss]));
    }

    [Fact]
    public void The_browsers_animation_of_each_view_of_every_preset_has_at_most_60_frames_and_stays_under_2_MB()
    {
        var largest = (Bytes: 0, What: "");
        foreach (var preset in Presets.All)
        {
            var (scenario, trajectory) = Run(preset.Name);
            foreach (var view in RunAnimation.ViewsOf(scenario))
            {
                var animation = new RunAnimation(scenario, trajectory, [view]);
                var text = animation.AnimatedSvg(RunAnimation.BrowserMaxFrames);
                var frames = XElement.Parse(text).Elements(Svg + "g").Count(g => (string?)g.Attribute("class") == "gl-frame");
                frames.ShouldBe((int)RunAnimation.FrameCount(animation.LastStep, RunAnimation.EveryFor(animation.LastStep, RunAnimation.BrowserMaxFrames)), $"{preset.Name} {view}");
                frames.ShouldBeLessThanOrEqualTo(RunAnimation.BrowserMaxFrames);
                var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
                if (bytes > largest.Bytes)
                {
                    largest = (bytes, $"{preset.Name} {view}: {frames} frames");
                }
            }
        }

        largest.Bytes.ShouldBeLessThan(2_000_000, largest.What);
    }

    [Theory]
    [InlineData(0, 60, 1)]
    [InlineData(59, 60, 1)]
    [InlineData(60, 60, 2)]
    [InlineData(10_000, 60, 170)]
    public void EveryFor_IsTheSmallestStrideWithinTheFrameBudget(int lastStep, int maxFrames, int expected)
    {
        var every = RunAnimation.EveryFor(lastStep, maxFrames);
        every.ShouldBe(expected);
        RunAnimation.FrameCount(lastStep, every).ShouldBeLessThanOrEqualTo(maxFrames);
        if (every > 1)
        {
            RunAnimation.FrameCount(lastStep, every - 1).ShouldBeGreaterThan(maxFrames);
        }
    }
}
