using GradientLab.Lessons.Network;
using GradientLab.Plotting;
using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.Tests;

/// <summary>The network lab's figures at a phone's, a laptop's and a projector's width, at the first, a middle and the last step.</summary>
public sealed class NetworkFigureTests
{
    private static readonly int[] Widths = [358, 640, 1440, 2560];

    public static TheoryData<string> Models => ["network", "logistic", "spirals-2-layers", "1000-points"];

    private static NetworkSettings SettingsOf(string model) => model switch
    {
        "logistic" => NetworkSettings.Default.AsLogistic(),
        "spirals-2-layers" => NetworkSettings.Default with { PointSet = "spirals", Hidden = [8, 8], Noise = 0.05, Steps = 100 },
        "1000-points" => NetworkSettings.Default with { Count = 1000, Hidden = [8], Steps = 50 },
        _ => NetworkSettings.Default,
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryFigure_IsLaidOutWithoutOverlaps(string model)
    {
        var session = new NetworkSession(SettingsOf(model));
        var problems = new List<string>();
        foreach (var step in new[] { 0, session.LastStep / 2, session.LastStep })
        {
            foreach (var width in Widths)
            {
                var boundary = NetworkFigures.BoundaryFigure(session, step).Layout(width, Figure.HeightFor(width, NetworkFigures.Width, NetworkFigures.BoundaryHeight));
                var loss = NetworkFigures.LossFigure(session, step).Layout(width, Figure.HeightFor(width, NetworkFigures.Width, NetworkFigures.LossHeight));
                problems.AddRange(LayoutAudit.Problems(boundary).Select(p => $"boundary, step {step}, {width} px: {p}"));
                problems.AddRange(LayoutAudit.Problems(loss).Select(p => $"loss, step {step}, {width} px: {p}"));
                boundary.Texts.Where(t => t.Role is "tick-x" or "tick-y").Count().ShouldBeGreaterThanOrEqualTo(4);
                loss.Texts.Count(t => t.Role == "tick-y").ShouldBeGreaterThanOrEqualTo(2, $"loss figure's y ticks, step {step}, {width} px");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void TheBoundaryFigure_NamesItsAxesAndBothClasses_WithTwoMarkerShapes()
    {
        var session = new NetworkSession(NetworkSettings.Default with { Steps = 10 });
        var svg = NetworkFigures.Boundary(session, 10, 390);
        svg.ShouldContain(">x₁</text>");
        svg.ShouldContain(">x₂</text>");
        svg.ShouldContain(">P(class 1)</text>");
        svg.ShouldContain(">class 0</text>");
        svg.ShouldContain(">class 1</text>");
        svg.ShouldContain("<circle"); // class 0: dots
        svg.ShouldContain("data-testid=\"class-1\"><path d=\"M"); // class 1: crosses
    }
}
