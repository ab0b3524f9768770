using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Forms;
using GradientLab.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace GradientLab.Web.Tests.Pages;

using NetworkPage = GradientLab.Web.Components.Pages.Network;

/// <summary>The network lab's controls: the run computed as on the page, playback on a fake clock.</summary>
public sealed class NetworkPageTests : PageContext
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    private IRenderedComponent<NetworkPage> Open(string query = "")
    {
        Navigation.NavigateTo("/network" + query);
        var page = Render<NetworkPage>();
        page.WaitForElement("[data-testid=step-shown]", Patience);
        page.WaitForAssertion(() => page.FindAll("[data-testid=computing]").ShouldBeEmpty(), Patience); // the run is trained
        return page;
    }

    private static string Text(IRenderedComponent<NetworkPage> page, string id) => page.Find($"[data-testid={id}]").TextContent.Trim();

    private static int Step(IRenderedComponent<NetworkPage> page) => int.Parse(Text(page, "step-shown"), CultureInfo.InvariantCulture);

    [Fact]
    public void ThePage_OpensOnXorWithFourTanhUnits_AtStep0_WithBothFiguresAndThePlacesForTheLead()
    {
        var page = Open();
        Step(page).ShouldBe(0);
        Text(page, "model").ShouldBe("network 2-4-1 tanh");
        page.Find("[data-testid=boundary-plot]").ShouldNotBeNull();
        page.Find("[data-testid=loss-plot]").ShouldNotBeNull();
        page.Find("section#network-drawing").ShouldNotBeNull();
        page.Find("section#backprop").ShouldNotBeNull();
        page.Find("[data-testid=what-to-try]").TextContent.ShouldContain("logistic regression");
    }

    [Fact]
    public void StepAndStepBack_MoveTheStep_AndTheAddressFollows()
    {
        var page = Open();
        page.Find("[data-testid=step]").Click();
        page.Find("[data-testid=step]").Click();
        Step(page).ShouldBe(2);
        Navigation.Uri.ShouldContain("step=2");
        page.Find("[data-testid=step-back]").Click();
        Step(page).ShouldBe(1);
        page.Find("[data-testid=to-end]").Click();
        Step(page).ShouldBe(300);
        Text(page, "accuracy").ShouldBe("100 %");
    }

    [Fact]
    public void Play_AdvancesOnTheClock_AndPauseStopsIt()
    {
        var page = Open();
        page.Find("[data-testid=speed]").Change("20");
        page.Find("[data-testid=play]").Click();
        Elapse(0.5, tick: 0.05);
        page.WaitForAssertion(() => Step(page).ShouldBe(10));
        page.Find("[data-testid=play]").Click();
        Elapse(1, tick: 0.05);
        Step(page).ShouldBe(10);
        Navigation.Uri.ShouldContain("step=10");
    }

    [Fact]
    public void Play_StopsByItselfAtTheEnd_AndTheButtonSaysPlayAgain()
    {
        var page = Open("?steps=30");
        page.Find("[data-testid=speed]").Change("200");
        page.Find("[data-testid=play]").Click();
        Elapse(0.5);
        page.WaitForAssertion(() => Step(page).ShouldBe(30));
        page.WaitForAssertion(() => Text(page, "play").ShouldContain("Play"));
        Navigation.Uri.ShouldContain("step=30");
    }

    [Fact]
    public void WithReducedMotion_PlayShowsTheEndAtOnce_WithoutAnimating()
    {
        JSInterop.Setup<bool>("gradientLab.reducedMotion").SetResult(true);
        var page = Open("?steps=30");
        page.Find("[data-testid=play]").Click();
        Step(page).ShouldBe(30);
        Text(page, "play").ShouldContain("Play");
    }

    [Fact]
    public void ChoosingNoHiddenLayer_RetrainsAsLogisticRegression_WhichStaysNearHalf()
    {
        var page = Open();
        page.Find("[data-testid=layers]").Change("0");
        page.WaitForAssertion(() => Text(page, "model").ShouldBe("logistic regression"), Patience);
        page.FindAll("[data-testid=units1]").ShouldBeEmpty();
        page.Find("[data-testid=to-end]").Click();
        var accuracy = double.Parse(Text(page, "accuracy").TrimEnd('%', ' '), CultureInfo.InvariantCulture);
        accuracy.ShouldBeLessThan(60);
        Navigation.Uri.ShouldContain("hidden=none");
    }

    [Fact]
    public void TheStepsControl_ChangesTheRun()
    {
        var page = Open();
        page.Find("[data-testid=steps]").Change("50");
        page.WaitForAssertion(() => page.Find("[data-testid=readout]").TextContent.ShouldContain("/ 50"), Patience);
        Navigation.Uri.ShouldContain("steps=50");
    }

    [Fact]
    public void AFileOfPoints_IsTrained_AndABadOne_IsNamedByItsLine()
    {
        var page = Open();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("x1,x2,label\n0,0,1\n1,1,2\n", "bad.csv"));
        page.WaitForAssertion(() => Text(page, "error").ShouldBe("bad.csv, line 3, column 3 ('label'): the label is 2; a label must be 0 or 1. Nothing was changed."), Patience);
        page.FindAll("[data-testid=own-points]").ShouldBeEmpty();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("x1,x2,label\n-1,-1,0\n1,1,0\n-1,1,1\n1,-1,1\n", "mine.csv"));
        page.WaitForAssertion(() => Text(page, "own-points").ShouldContain("mine.csv (4 points)"), Patience);
        page.WaitForAssertion(() => page.FindAll("[data-testid=computing]").ShouldBeEmpty(), Patience);
        page.FindAll("[data-testid=error]").ShouldBeEmpty();
        page.Find("[data-testid=to-end]").Click();
        Text(page, "accuracy").ShouldBe("100 %");
    }

    [Fact]
    public void ABadValue_ShowsTheSentence_AndKeepsTheRun()
    {
        var page = Open();
        page.Find("[data-testid=step]").Click();
        page.Find("[data-testid=units1]").Change("12");
        Text(page, "error").ShouldBe("Units in hidden layer 1: 12 is outside the range 1 to 8.");
        Text(page, "model").ShouldBe("network 2-4-1 tanh");
        Step(page).ShouldBe(1);
        page.Find("[data-testid=rate]").Change("fast");
        Text(page, "error").ShouldStartWith("Learning rate: 'fast' is not a number");
    }

    [Fact]
    public void ALink_OpensItsSettingsAndStep()
    {
        var page = Open("?hidden=8&act=relu&steps=40&step=7");
        Step(page).ShouldBe(7);
        Text(page, "model").ShouldBe("network 2-8-1 relu");
    }

    [Fact]
    public void ABadLink_SaysWhy_AndOpensTheDefault()
    {
        var page = Open("?hidden=12");
        Text(page, "error").ShouldStartWith("This link could not be opened: the parameter 'hidden' is '12'");
        Text(page, "model").ShouldBe("network 2-4-1 tanh");
    }

    [Fact]
    public void CompareSeeds_FillsTheTable_NetworkBesideLogisticRegression()
    {
        var page = Open();
        page.Find("[data-testid=compare-seeds]").Click();
        page.WaitForElement("[data-testid=seed-table]", Patience);
        page.FindAll("[data-testid=seed-table] tbody tr").Count.ShouldBe(8);
        Text(page, "seed-summary").ShouldContain("not convex");
    }
}
