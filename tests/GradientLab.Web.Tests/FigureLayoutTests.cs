using GradientLab.Lessons.Runs;
using GradientLab.Figures;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests;

/// <summary>The layout of every view of every preset, at a phone's, a laptop's and a 4K projector's width.</summary>
public sealed class FigureLayoutTests
{
    public static TheoryData<string> PresetNames => [.. Presets.Names];

    private static readonly int[] Widths = [390, 1440, 2560];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Every_view_of_every_preset_is_laid_out_without_overlaps(string preset)
    {
        var session = new LiveSession(Presets.Get(preset).Scenario);
        var figures = new RunFigures(session.Resolved, session.Trajectory);
        var last = session.Trajectory.Count - 1;
        int[] cursors = [0, Math.Min(5, last), last / 2, last];
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            foreach (var cursor in cursors)
            {
                var views = new List<(string View, Figure Figure, int Height)> { ("loss", figures.LossFigure(cursor), width * 9 / 16) };
                if (figures.HasData)
                {
                    views.Add(("data", figures.DataFigure(cursor), width * 3 / 4));
                }

                if (figures.HasContour)
                {
                    views.Add(("contour", figures.ContourFigure(cursor), width * 3 / 4));
                }

                if (figures.HasContour)
                {
                    var surface = figures.SurfaceFigure(cursor);
                    surface.ToSvg(width, width * 3 / 4);
                    problems.AddRange(LayoutAudit.Problems(surface, width, width * 3 / 4).Select(p => $"3-D at {width} px, step {cursor}: {p}"));
                }

                foreach (var (view, figure, height) in views)
                {
                    var layout = figure.Layout(width, height);
                    problems.AddRange(LayoutAudit.Problems(layout).Select(p => $"{view} at {width} px, step {cursor}: {p}"));
                    if (figure.Series.OfType<PathSeries>().SingleOrDefault() is { } path && layout.CanShow(path.Points[^1]))
                    {
                        var (x, y) = layout.ToPixel(path.Points[^1]);
                        if (!layout.InPlotArea(x, y))
                        {
                            problems.Add($"{view} at {width} px, step {cursor}: the current point ({x:0}, {y:0}) is outside the plot area");
                        }
                    }
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_diverging_run_stays_visible_on_every_view_at_every_step()
    {
        var session = new LiveSession(Presets.Get("alpha-too-large").Scenario);
        session.Diagnosis.Diagnosis.Verdict.ShouldBe(GradientLab.Core.Diagnostics.Verdict.Diverging);
        var figures = new RunFigures(session.Resolved, session.Trajectory);
        var zoomed = false;
        for (var cursor = 0; cursor < session.Trajectory.Count; cursor++)
        {
            if (!session.Trajectory[cursor].Parameters.All(double.IsFinite))
            {
                break;
            }

            var contour = figures.ContourFigure(cursor).Layout(430, 330);
            var path = contour.Figure.Series.OfType<PathSeries>().Single();
            var (x, y) = contour.ToPixel(path.Points[^1]);
            contour.InPlotArea(x, y).ShouldBeTrue($"step {cursor}: the current point is off the contour view");
            zoomed |= contour.Figure.Banner is not null;

            var data = figures.DataFigure(cursor).Layout(430, 330);
            data.Texts.ShouldContain(t => t.Role == "annotation", $"step {cursor}: no prediction note");
        }

        zoomed.ShouldBeTrue("the contour view never said it zoomed out");
        var loss = figures.LossFigure(session.Trajectory.Count - 1).Layout(430, 260);
        loss.YLog.ShouldBeTrue("the loss of a diverging run should be on a log axis");
        var line = loss.Figure.Series.OfType<LineSeries>().Single();
        line.Points[^1].Y.ShouldBeGreaterThan(line.Points[0].Y * 1000);
    }
}
