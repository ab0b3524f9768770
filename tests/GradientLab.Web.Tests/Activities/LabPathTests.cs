using GradientLab.Lessons.Activities;
using GradientLab.Web.Components.Activities;

namespace GradientLab.Web.Tests.Activities;

/// <summary>The home page's suggested path through the lab.</summary>
public sealed class LabPathTests
{
    [Fact]
    public void ThePath_VisitsEveryPageWithActivities_InTheLabsOrder()
    {
        LabPath.Steps.Select(s => s.Page).ShouldBe(LabPages.All);
        LabPath.Steps.ShouldAllBe(s => s.Teaches.Length > 40 && s.Try.Length > 40);
        LabPath.Steps[1].RelativeHref.ShouldBe("live");
    }
}
