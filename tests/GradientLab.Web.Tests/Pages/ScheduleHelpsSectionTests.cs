using Bunit;
using GradientLab.Lessons.Optimizers;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Optimizers;

namespace GradientLab.Web.Tests.Pages;

/// <summary>The section where a schedule helps: the two runs' numbers side by side, the overlaid figure, a link to each run.</summary>
public sealed class ScheduleHelpsSectionTests : PageContext
{
    private static readonly ScheduleHelps Helps = new();

    private static string Text(IRenderedComponent<ScheduleHelpsSection> section, string id) => section.Find($"[data-testid={id}]").TextContent.Trim();

    [Fact]
    public void The_table_shows_both_runs_numbers_as_the_lesson_computes_them()
    {
        var section = Render<ScheduleHelpsSection>();
        Text(section, "schedule-final-constant").ShouldBe(RunPresentation.Number(Helps.Constant.FinalLoss));
        Text(section, "schedule-final-decay").ShouldBe(RunPresentation.Number(Helps.Decay.FinalLoss));
        Text(section, "schedule-tail-constant").ShouldBe(RunPresentation.Number(Helps.Constant.TailMeanLoss));
        Text(section, "schedule-tail-decay").ShouldBe(RunPresentation.Number(Helps.Decay.TailMeanLoss));
        Text(section, "schedule-rate-constant").ShouldBe("0.1");
        Text(section, "schedule-ratio").ShouldBe("×" + RunPresentation.Number(Helps.TailRatio));
        section.Find("[data-testid=schedule-helps-table]").TextContent.ShouldContain("updates 1601–2000");
    }

    [Fact]
    public void The_figure_overlays_both_costs_with_axis_titles_and_a_legend()
    {
        var section = Render<ScheduleHelpsSection>();
        var plot = section.Find("[data-testid=schedule-helps-plot]");
        plot.TextContent.ShouldContain("J − J*");
        plot.TextContent.ShouldContain("update (one house each)");
        plot.TextContent.ShouldContain("constant α");
        plot.TextContent.ShouldContain("cosine decay");
        plot.QuerySelectorAll("g.series[data-name]").Select(g => g.GetAttribute("data-name")).ShouldBe(["constant α", "cosine decay", "last 20 %"]);
    }

    [Fact]
    public void Each_run_opens_on_live()
    {
        var section = Render<ScheduleHelpsSection>();
        section.Find("[data-testid=schedule-live-constant]").GetAttribute("href").ShouldBe("live?v=2&preset=stochastic-constant");
        section.Find("[data-testid=schedule-live-decay]").GetAttribute("href").ShouldBe("live?v=2&preset=stochastic-decay");
    }
}
