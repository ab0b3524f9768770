using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The live demo's controls, with playback on a fake clock and the run computed as on the page.</summary>
public sealed class LivePageTests : PageContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private IRenderedComponent<Live> Open(string query = "")
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/live" + query);
        var page = Render<Live>();
        page.WaitForElement("[data-testid=step-count]", Patience);
        return page;
    }

    private static int Step(IRenderedComponent<Live> page) =>
        int.Parse(page.Find("[data-testid=step-count]").TextContent.Trim(), CultureInfo.InvariantCulture);

    private static string Status(IRenderedComponent<Live> page) => page.Find("[data-testid=status]").TextContent.Trim();

    private static int LastStep(Scenario scenario) => new LiveSession(scenario).LastStep;

    [Fact]
    public void Play_At30StepsASecond_Makes30StepsInOneSecond_AndPauseStops()
    {
        var page = Open();
        Step(page).ShouldBe(0);
        page.Find("[data-testid=speed]").GetAttribute("value").ShouldBe("30");

        page.Find("[data-testid=play]").Click();
        page.Find("[data-testid=play]").TextContent.ShouldContain("Pause");
        Elapse(1.0);
        page.WaitForAssertion(() => Step(page).ShouldBe(30));

        page.Find("[data-testid=play]").Click();
        page.Find("[data-testid=play]").TextContent.ShouldContain("Play");
        Elapse(1.0);
        Step(page).ShouldBe(30);
    }

    [Fact]
    public void WhilePlaying_TheSettingsAreNotRenderedAgainAtEveryFrame_ButFollowEveryChange()
    {
        var page = Open();
        var controls = page.FindComponent<GradientLab.Web.Components.RenderOnChange>();
        page.Find("[data-testid=play]").Click();
        page.Find("[data-testid=play]").TextContent.ShouldContain("Pause"); // playing is shown: the controls re-rendered
        var (pageRenders, controlRenders) = (page.RenderCount, controls.RenderCount);

        Elapse(1.0);
        page.WaitForAssertion(() => Step(page).ShouldBe(30));
        page.RenderCount.ShouldBeGreaterThanOrEqualTo(pageRenders + 30);
        controls.RenderCount.ShouldBe(controlRenders);

        // A change of what they show renders them again: the speed while playing, and pausing.
        page.Find("[data-testid=speed]").Change("100");
        page.WaitForAssertion(() => page.Find("[data-testid=speed]").GetAttribute("value").ShouldBe("100"));
        controls.RenderCount.ShouldBeGreaterThan(controlRenders);
        page.Find("[data-testid=play]").Click();
        page.Find("[data-testid=play]").TextContent.ShouldContain("Play");
    }

    [Fact]
    public void TheLedger_SaysTheRunIsOver_OnlyAtItsLastPoint()
    {
        var page = Open();
        page.FindAll("[data-testid=ledger]").Count.ShouldBe(1);
        page.FindAll("[data-testid=ledger-last]").ShouldBeEmpty(); // step 0: an update leaves it

        page.Find("[data-testid=speed]").Change("0"); // to the end
        page.Find("[data-testid=play]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=ledger-last]").Count.ShouldBe(1), Patience);
        page.FindAll("[data-testid=ledger]").ShouldBeEmpty();
    }

    [Fact]
    public void Step_StepBack_AndReset_MoveTheCursor()
    {
        var page = Open();
        page.Find("[data-testid=step]").Click();
        page.WaitForAssertion(() => Step(page).ShouldBe(1));
        page.Find("[data-testid=step]").Click();
        page.WaitForAssertion(() => Step(page).ShouldBe(2));
        page.Find("[data-testid=step-back]").Click();
        page.WaitForAssertion(() => Step(page).ShouldBe(1));
        page.Find("[data-testid=reset]").Click();
        page.WaitForAssertion(() => Step(page).ShouldBe(0));
    }

    [Fact]
    public void Step_LightsTheFivePhasesInTurn_OnTheClock()
    {
        var page = Open();
        page.Find("[data-testid=step]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=phase-0]").ClassList.ShouldContain("gl-lit"));
        page.Find("[data-testid=phase-1]").ClassList.ShouldNotContain("gl-lit");
        for (var phase = 1; phase <= 4; phase++)
        {
            // Each phase waits for the clock: the next one is lit only once its time has passed.
            Time.Advance(LiveSettings.PhaseDuration);
            var lit = phase;
            page.WaitForAssertion(() => page.Find($"[data-testid=phase-{lit}]").ClassList.ShouldContain("gl-lit"));
            page.FindAll("[data-testid^=phase-].gl-lit").Count.ShouldBe(1);
        }
    }

    [Fact]
    public void SpeedToTheEnd_PlaysToTheLastStep_AndTheStatusSaysConverged()
    {
        // `gradlab run housing-live-demo`: "Converged at step 60" (the gradient's length falls below its tolerance).
        var page = Open("?preset=housing-live-demo");
        page.Find("[data-testid=speed]").Change("0");
        page.Find("[data-testid=play]").Click();

        var last = LastStep(Presets.Get("housing-live-demo").Scenario);
        page.WaitForAssertion(() => Step(page).ShouldBe(last));
        var status = page.Find("[data-testid=status]");
        status.ClassList.ShouldContain("gl-status-converged");
        var session = new LiveSession(Presets.Get("housing-live-demo").Scenario);
        session.ToEnd();
        Status(page).ShouldBe(session.Status);
    }

    [Fact]
    public void ATooLargeLearningRate_Diverges_AndTheStatusSaysSo()
    {
        var page = Open("?preset=course-lab");
        page.Find("[data-testid=learning-rate]").Change("10");
        page.WaitForAssertion(() => page.Find("[data-testid=learning-rate]").GetAttribute("value").ShouldBe("10"), Patience);
        page.Find("[data-testid=speed]").Change("0");
        page.Find("[data-testid=play]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=status]").ClassList.ShouldContain("gl-status-diverged"), Patience);
    }

    [Fact]
    public async Task Keys_Step_StepBack_Reset_AndChangeTheSpeed()
    {
        var page = Open();
        await page.InvokeAsync(() => page.Instance.OnKey("right"));
        page.WaitForAssertion(() => Step(page).ShouldBe(1));
        await page.InvokeAsync(() => page.Instance.OnKey("right"));
        page.WaitForAssertion(() => Step(page).ShouldBe(2));
        await page.InvokeAsync(() => page.Instance.OnKey("left"));
        page.WaitForAssertion(() => Step(page).ShouldBe(1));
        await page.InvokeAsync(() => page.Instance.OnKey("r"));
        page.WaitForAssertion(() => Step(page).ShouldBe(0));

        await page.InvokeAsync(() => page.Instance.OnKey("plus"));
        page.WaitForAssertion(() => page.Find("[data-testid=speed]").GetAttribute("value").ShouldBe("60"));
        await page.InvokeAsync(() => page.Instance.OnKey("minus"));
        await page.InvokeAsync(() => page.Instance.OnKey("minus"));
        page.WaitForAssertion(() => page.Find("[data-testid=speed]").GetAttribute("value").ShouldBe("10"));

        await page.InvokeAsync(() => page.Instance.OnKey("space"));
        Elapse(1.0);
        page.WaitForAssertion(() => Step(page).ShouldBe(10));
    }

    [Fact]
    public void ABadLearningRate_SaysSo_AndKeepsTheRun()
    {
        var page = Open();
        page.Find("[data-testid=step]").Click();
        page.WaitForAssertion(() => Step(page).ShouldBe(1));
        var cost = page.Find("[data-testid=cost]").TextContent;

        page.Find("[data-testid=learning-rate]").Change("fast");

        page.WaitForAssertion(() => Status(page).ShouldBe("The learning rate 'fast' is not a number; the run is unchanged."));
        page.Find("[data-testid=status]").ClassList.ShouldContain("gl-status-error");
        Step(page).ShouldBe(1);
        page.Find("[data-testid=cost]").TextContent.ShouldBe(cost);
    }

    [Fact]
    public void ChoosingMomentum_ShowsItsSetting_AndMakesANewRun()
    {
        var page = Open();
        page.FindAll("[data-testid=momentum]").ShouldBeEmpty();
        page.Find("[data-testid=optimizer]").Change("sgd");
        page.WaitForAssertion(() => page.Find("[data-testid=momentum]"), Patience);
        page.Find("[data-testid=optimizer]").GetAttribute("value").ShouldBe("sgd");
        Step(page).ShouldBe(0);
    }

    [Fact]
    public void AMiniBatch_ShowsItsSizeAndSeed()
    {
        var page = Open("?preset=course-lab");
        page.FindAll("[data-testid=batch-size]").ShouldBeEmpty();
        page.Find("[data-testid=batch]").Change("mini");
        page.WaitForAssertion(() => page.Find("[data-testid=batch-size]").GetAttribute("value").ShouldBe("1"), Patience);
        page.Find("[data-testid=seed]").GetAttribute("value").ShouldBe("42");
    }

    [Fact]
    public void TrainingOnlyW_HoldsB_AndTheLedgerSaysSo()
    {
        var page = Open("?preset=course-lab");
        page.FindAll("[data-testid=ledger-frozen]").ShouldBeEmpty();
        page.Find("[data-testid=freeze-b]").Change(true);
        page.WaitForElement("[data-testid=ledger-frozen]", Patience);
        var b = page.Find("[data-testid=param-b]").TextContent;
        page.Find("[data-testid=step]").Click();
        page.WaitForAssertion(() => Step(page).ShouldBe(1));
        page.Find("[data-testid=param-b]").TextContent.ShouldBe(b);
        page.Find("[data-testid=ledger-frozen]").TextContent.ShouldContain("b = " + b + " is fixed");
        Services.GetRequiredService<BunitNavigationManager>().Uri.ShouldContain("freeze=b");
    }
}
