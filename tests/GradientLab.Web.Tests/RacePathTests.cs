using GradientLab.Lessons.Optimizers;
using GradientLab.Plotting;
using GradientLab.Web.Components.Charts;

namespace GradientLab.Web.Tests;

/// <summary>The race draws each racer's path thinned to what differs on screen, ending at where the racer is now.</summary>
public sealed class RacePathTests
{
    [Fact]
    public void EachRacersPath_EndsAtItsCurrentPoint_AndKeepsOnlyPointsHalfAPixelApart()
    {
        var surface = RaceSession.Surfaces.Single(s => s.Key == "rosenbrock");
        var race = new RaceSession(surface, surface.Start, RaceSession.AllRacers, 2_000, null, 0);
        var window = surface.Window;
        double halfX = (window.XMax - window.XMin) / OptimizerFigures.RaceWidth / 2, halfY = (window.YMax - window.YMin) / OptimizerFigures.RaceHeightFor(OptimizerFigures.RaceWidth) / 2;
        var steps = 0;
        foreach (var stop in new[] { 10, 400, 2_000 })
        {
            while (race.StepCount < stop && race.Step())
            {
            }

            var paths = OptimizerFigures.RaceFigure(race).Series.OfType<PathSeries>().ToDictionary(p => p.Name);
            foreach (var (racer, _, run) in race.Runs)
            {
                var path = paths[racer.Label].Points;
                var current = run.Trajectory[^1].Parameters;
                path[^1].ShouldBe(new DataPoint(current[0], current[1]), racer.Label);
                path[0].ShouldBe(new DataPoint(surface.Start[0], surface.Start[1]), racer.Label);
                for (var i = 1; i < path.Count - 1; i++)
                {
                    (Math.Abs(path[i].X - path[i - 1].X) >= halfX || Math.Abs(path[i].Y - path[i - 1].Y) >= halfY).ShouldBeTrue($"{racer.Label}: points {i - 1} and {i} are on the same half pixel");
                }
            }

            steps = race.StepCount;
        }

        // Over 2,000 steps the slow racers creep along the valley: drawn whole, the paths would have every step.
        var drawn = OptimizerFigures.RaceFigure(race).Series.OfType<PathSeries>().Sum(p => p.Points.Count);
        var made = race.Runs.Sum(r => r.Run.Trajectory.Count);
        drawn.ShouldBeLessThan(made / 2, $"{drawn} points drawn for {made} steps made (race at step {steps})");
    }
}
