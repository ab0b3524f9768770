using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Optimizers;
using GradientLab.Lessons.Runs;
using GradientLab.Lessons.Activities;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests;

/// <summary>
/// The layout of every figure of the optimizer, concepts, neuron and challenge pages, for the inputs those pages give
/// them (every racer on every surface, every experiment, every neuron preset; the first, a middle and the last step),
/// at a phone's, a laptop's and a 4K projector's width.
/// </summary>
public sealed class PageFigureLayoutTests
{
    private static readonly int[] Widths = [390, 1440, 2560];

    public static TheoryData<string> SurfaceKeys => [.. RaceSession.Surfaces.Select(s => s.Key)];

    public static TheoryData<string> ExperimentKeys => [.. TrainingLoopExperiments.All.Select(e => e.Key)];

    public static TheoryData<string> NeuronPresets => [.. Presets.Names.Where(n => Presets.Get(n).Scenario.Objective?.Kind == "sigmoid-neuron")];

    [Theory]
    [MemberData(nameof(SurfaceKeys))]
    public void Every_figure_of_the_race_on_every_surface_is_laid_out_without_overlaps(string surfaceKey)
    {
        var surface = RaceSession.Surfaces.Single(s => s.Key == surfaceKey);
        var race = new RaceSession(surface, surface.Start, RaceSession.AllRacers, 500, null, 0.01);
        var problems = new List<string>();
        foreach (var step in new[] { 0, 250, 500 })
        {
            while (race.StepCount < step && race.Step())
            {
            }

            foreach (var width in Widths)
            {
                Audit(problems, $"race step {race.StepCount}", OptimizerFigures.RaceFigure(race), width, OptimizerFigures.RaceHeightFor(width));
                Audit(problems, $"race-loss step {race.StepCount}", OptimizerFigures.RaceLossFigure(race), width, Figure.HeightFor(width, 440, 290));
                Audit3D(problems, $"race 3-D step {race.StepCount}", OptimizerFigures.RaceSurfaceFigure(race, -55, 30), width, OptimizerFigures.RaceHeightFor(width));
                foreach (var (racer, _, run) in race.Runs)
                {
                    Audit(problems, $"schedule of {racer.Key} step {race.StepCount}", OptimizerFigures.ScheduleFigure(run, race.Budget, race.StepCount), width, Figure.HeightFor(width, 440, 240));
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_dilemma_and_momentum_figures_are_laid_out_without_overlaps()
    {
        var dilemma = new[] { 0.01, 0.1, 1.1 }.Select((alpha, k) => new RunSeries($"α = {alpha}", $"gl-r{(k * 2) + 1}",
            new LiveSession(Presets.Get("lr-good").Scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = alpha }, Steps = 30 }).Trajectory)).ToList();
        var momentum = Presets.Get("momentum").Scenario;
        List<RunSeries> runs =
        [
            new("vanilla", "gl-r1", new LiveSession(momentum with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 0.05 }, Steps = 40 }).Trajectory),
            new("momentum β = 0.5", "gl-r6", new LiveSession(momentum with { Optimizer = new OptimizerSpec { Kind = "sgd", LearningRate = 0.05, Momentum = 0.5 }, Steps = 40 }).Trajectory),
        ];
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            foreach (var shown in new[] { 0, 10, 30 })
            {
                Audit(problems, $"dilemma, {shown} shown", OptimizerFigures.ParabolaFigure(dilemma, shown), width, Figure.HeightFor(width, 440, 320));
            }

            Audit(problems, "dilemma loss", ConceptFigures.LossesFigure(dilemma, "dilemma-loss", "iteration"), width, Figure.HeightFor(width, 440, 270));
            foreach (var at in new[] { 0, 1, 20, 39 })
            {
                Audit(problems, $"momentum at {at}", OptimizerFigures.ThetaAgainstIterationFigure(runs, runs[1], at, -0.05 * 2), width, Figure.HeightFor(width, 440, 300));
            }
        }

        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ExperimentKeys))]
    public void Every_experiment_of_the_concepts_page_is_laid_out_without_overlaps(string key)
    {
        var run = new LiveSession(TrainingLoopExperiments.Scenario(key));
        run.ToEnd();
        var baseline = new LiveSession(TrainingLoopExperiments.Scenario("base"));
        baseline.ToEnd();
        List<RunSeries> series = key == "base"
            ? [ConceptExperiments.Series("base", "gl-s1", baseline)]
            : [ConceptExperiments.Series("base", "gl-s1", baseline), ConceptExperiments.Series(TrainingLoopExperiments.All.First(e => e.Key == key).Label, "gl-s3", run)];
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            Audit(problems, "experiment", ConceptFigures.LossesFigure(series, "experiment"), width, Figure.HeightFor(width, 440, 270));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_update_rule_the_paths_and_the_batch_variants_are_laid_out_without_overlaps()
    {
        var problems = new List<string>();
        var starts = new[] { StartDependence.Bowl(), StartDependence.Himmelblau() }.Select(runs =>
            (runs[0].Scenario, Series: runs.Select((r, i) => new RunSeries($"from ({r.Trajectory[0].Parameters[0]}, {r.Trajectory[0].Parameters[1]})", $"gl-s{(i % 4) + 1}", r.Trajectory)).ToList())).ToList();
        var orders = new[] { ("sequential-himmelblau", 0.01, 300), ("course-lab", 0.01, 50), ("housing-live-demo", 0.2, 50) }.Select(o =>
        {
            var scenario = Presets.Get(o.Item1).Scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = o.Item2 }, Steps = o.Item3, Stop = null };
            var simultaneous = new LiveSession(scenario with { Update = "simultaneous" });
            var sequential = new LiveSession(scenario with { Update = "sequential" });
            return (simultaneous, Series: new List<RunSeries> { new("simultaneous", "gl-s1", simultaneous.Trajectory), new("sequential", "gl-s3", sequential.Trajectory) });
        }).ToList();
        var variants = new (string Name, BatchSpec Batch, int PerEpoch)[] { ("batch (all 5 rows)", new BatchSpec { Kind = "full" }, 1), ("mini-batch of 2", new BatchSpec { Kind = "mini", Size = 2, Seed = 42 }, 3), ("stochastic (1 row)", new BatchSpec { Kind = "stochastic", Seed = 42 }, 5) }
            .Select((v, i) =>
            {
                var session = new LiveSession(new Scenario
                {
                    Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Builtin = "line" } },
                    Start = [0, 0],
                    Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 0.05 },
                    Batch = v.Batch,
                    Steps = 20 * v.PerEpoch,
                });
                return (session, Series: new RunSeries(v.Name, $"gl-s{i + 1}", session.Trajectory, v.PerEpoch));
            }).ToList();
        foreach (var width in Widths)
        {
            foreach (var theta in new[] { 4.0, 0.5, -3, 0 })
            {
                foreach (var alpha in new[] { 0.1, 0.45, 1.2 })
                {
                    Audit(problems, $"update rule θ = {theta}, α = {alpha}", ConceptFigures.UpdateRuleFigure(theta, theta - (alpha * 2 * theta)), width, Figure.HeightFor(width, 420, 300));
                }
            }

            foreach (var (scenario, series) in starts)
            {
                Audit(problems, $"paths on {scenario.Scenario.Name}", ConceptFigures.PathsFigure(scenario.Settings.Objective, series, scenario.KnownMinimum(), "convex"), width, Figure.HeightFor(width, 440, 340));
            }

            foreach (var (simultaneous, series) in orders)
            {
                Audit(problems, $"order on {simultaneous.Resolved.Scenario.Name}", ConceptFigures.PathsFigure(simultaneous.Resolved.Settings.Objective, series, simultaneous.Minimum, "order"), width, Figure.HeightFor(width, 440, 340));
            }

            var variantSeries = variants.Select(v => v.Series).ToList();
            Audit(problems, "variants", ConceptFigures.PathsFigure(variants[0].session.Resolved.Settings.Objective, variantSeries, variants[0].session.Minimum, "variants"), width, Figure.HeightFor(width, 440, 340));
            Audit(problems, "variants loss", ConceptFigures.LossesFigure(variantSeries, "variants-loss"), width, Figure.HeightFor(width, 440, 270));
        }

        problems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(NeuronPresets))]
    public void Both_panels_of_every_neuron_preset_are_laid_out_without_overlaps(string preset)
    {
        var scenario = Presets.Get(preset).Scenario with { Steps = 60 };
        var (x, y) = (scenario.Objective!.Data!.X![0][0], scenario.Objective.Data.Y![0]);
        var session = new LiveSession(scenario);
        var ws = session.Trajectory.Select(p => p.Parameters[0]).Where(double.IsFinite).ToArray();
        var problems = new List<string>();
        foreach (var cursor in new[] { 0, session.LastStep / 2, session.LastStep })
        {
            var point = session.Trajectory[cursor];
            var (w, b) = (point.Parameters[0], point.Parameters[1]);
            var next = cursor == session.LastStep ? w : session.Trajectory[cursor + 1].Parameters[0];
            var trace = GradientLab.Core.Objectives.SigmoidNeuron.Trace(w, b, x, y);
            foreach (var width in Widths)
            {
                foreach (var showNext in new[] { true, false })
                {
                    Audit(problems, $"loss curve step {cursor}{(showNext ? "" : ", next hidden")}", NeuronFigures.LossCurveFigure(w, b, x, y, next, ws.Min(), ws.Max(), showNext), width, Figure.HeightFor(width, NeuronFigures.Width, NeuronFigures.Height));
                }

                Audit(problems, $"sigmoid step {cursor}", NeuronFigures.SigmoidFigure(trace.Z, trace.Prediction, y), width, Figure.HeightFor(width, NeuronFigures.Width, NeuronFigures.Height));
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_challenge_chart_of_every_case_is_laid_out_without_overlaps_for_a_right_and_every_wrong_answer()
    {
        var problems = new List<string>();
        foreach (var mistake in Enum.GetValues<MomentumMistake>().Cast<MomentumMistake?>().Prepend(null))
        {
            var report = MomentumChallenge.Grade([.. MomentumChallenge.Cases.Select(c =>
            {
                var w = MomentumChallenge.Trajectory(c, mistake);
                return new LearnerCaseResult(c.Id, LearnerOutcome.Returned, "number", w[^1], EpochRuns: w);
            })]);
            foreach (var verdict in report.Cases)
            {
                foreach (var width in Widths)
                {
                    Audit(problems, $"case {verdict.Case.Id} ({mistake?.ToString() ?? "right"})", ChallengeFigures.TrajectoriesFigure(verdict), width, Figure.HeightFor(width, 440, 300));
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    private static void Audit(List<string> problems, string what, Figure figure, int width, int height)
    {
        var layout = figure.Layout(width, height);
        problems.AddRange(LayoutAudit.Problems(layout).Select(p => $"{what} at {width}×{height}: {p}"));
        foreach (var path in figure.Series.OfType<PathSeries>().Where(p => p.Points.Count > 0 && layout.CanShow(p.Points[^1])))
        {
            var (x, y) = layout.ToPixel(path.Points[^1]);
            var inside = layout.InPlotArea(x, y);
            var clipped = !path.FitsView;
            if (!inside && !clipped)
            {
                problems.Add($"{what} at {width}×{height}: the current point of '{path.Name}' ({x:0}, {y:0}) is outside the plot area");
            }
        }
    }

    private static void Audit3D(List<string> problems, string what, SurfaceView view, int width, int height)
    {
        view.ToSvg(width, height);
        problems.AddRange(LayoutAudit.Problems(view, width, height).Select(p => $"{what} at {width}×{height}: {p}"));
    }
}
