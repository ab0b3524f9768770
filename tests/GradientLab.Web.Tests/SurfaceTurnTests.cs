using GradientLab.Lessons.Optimizers;
using System.Xml.Linq;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests;

/// <summary>Turning a 3-D view by dragging and by keys, and the race drawn in 3-D.</summary>
public sealed class SurfaceTurnTests
{
    [Fact]
    public void Dragging_with_a_button_held_turns_the_view_and_a_move_without_one_does_not()
    {
        var turn = new SurfaceTurn();
        turn.Move(100, 100, buttons: 1).ShouldBeFalse("no press yet");
        turn.Press(100, 100);
        turn.Move(140, 110, buttons: 1).ShouldBeTrue();
        turn.Azimuth.ShouldBe(-55 + 20, 1e-12);
        turn.Elevation.ShouldBe(30 + 3, 1e-12);
        turn.Move(200, 110, buttons: 0).ShouldBeFalse("the button was let go");
        turn.Move(300, 110, buttons: 1).ShouldBeFalse("a drag needs a new press");
        turn.Azimuth.ShouldBe(-35, 1e-12);
    }

    [Fact]
    public void Keys_turn_by_fixed_steps_the_azimuth_wraps_and_the_elevation_stays_between_5_and_85()
    {
        var turn = new SurfaceTurn();
        for (var i = 0; i < 20; i++)
        {
            turn.Key("ArrowUp").ShouldBeTrue();
        }

        turn.Elevation.ShouldBe(85);
        for (var i = 0; i < 13; i++)
        {
            turn.Key("ArrowLeft");
        }

        turn.Azimuth.ShouldBe(175, 1e-9, "−55 − 130 = −185 wraps to 175");
        turn.Key("a").ShouldBeFalse();
        for (var i = 0; i < 30; i++)
        {
            turn.Key("ArrowDown");
        }

        turn.Elevation.ShouldBe(5);
    }

    [Fact]
    public void The_race_in_3D_draws_the_surface_and_every_racers_path_in_its_colour()
    {
        var surface = RaceSession.Surfaces.Single(s => s.Key == "rosenbrock");
        var race = new RaceSession(surface, surface.Start, RaceSession.AllRacers, 200, null, 0.01);
        while (race.StepCount < 100 && race.Step())
        {
        }

        var view = OptimizerFigures.RaceSurfaceFigure(race, -55, 30);
        view.LogHeight.ShouldBeTrue("Rosenbrock spans decades: a linear height would flatten its valley");
        var svg = XElement.Parse(view.ToSvg(460, 420));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var series = svg.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("series", StringComparison.Ordinal)).ToList();
        series.Select(g => (string?)g.Attribute("data-name")).ShouldBe(["surface", .. race.Runs.Select(r => r.Racer.Label)]);
        foreach (var (racer, _, _) in race.Runs)
        {
            var group = series.Single(g => (string?)g.Attribute("data-name") == racer.Label);
            ((string)group.Attribute("class")!).ShouldContain(racer.CssClass);
            group.Element(ns + "circle")!.Attribute("class")!.Value.ShouldContain("current-point");
        }

        view.PathPixels.Count.ShouldBe(race.Runs.Count);
        OptimizerFigures.RaceSurfaceFigure(race, 30, 30).ToSvg(460, 420).ShouldNotBe(svg.ToString(SaveOptions.DisableFormatting), "turning it moves the picture");
    }
}
