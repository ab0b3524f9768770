using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.Tests;

public sealed class DrawnPerWidthTests
{
    [Fact]
    public void AFigure_IsDrawnAgain_OnlyForANewWidth()
    {
        var widths = new List<int>();
        var figure = DrawnPerWidth.Keep(width =>
        {
            widths.Add(width);
            return $"<svg width=\"{width}\"/>";
        });

        figure(440).ShouldBe("<svg width=\"440\"/>");
        figure(440).ShouldBe("<svg width=\"440\"/>");
        figure(390).ShouldBe("<svg width=\"390\"/>");
        figure(390);
        figure(440).ShouldBe("<svg width=\"440\"/>");

        widths.ShouldBe([440, 390, 440]);
    }
}
