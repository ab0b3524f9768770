using GradientLab.Lessons.Optimizers;
using GradientLab.Scenarios;

namespace GradientLab.Web.Components.Optimizers;

/// <summary>The optimizer lab's section where a schedule helps: the two runs' costs overlaid, their numbers side by side, a link to each on /live.</summary>
public sealed partial class ScheduleHelpsSection
{
    /// <summary>The two runs, computed once when the section is first shown.</summary>
    private ScheduleHelps Helps { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized() => Helps = new ScheduleHelps();

    /// <summary>The /live address that opens <paramref name="outcome"/>'s preset (relative, so it works under any base path).</summary>
    internal static string LiveHref(ScheduleOutcome outcome) => $"live?v=2&preset={Uri.EscapeDataString(outcome.Preset)}";

    private static string N(double value) => RunPresentation.Number(value);
}
