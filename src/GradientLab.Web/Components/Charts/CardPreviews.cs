using GradientLab.Core.Objectives;
using GradientLab.Figures;
using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Optimizers;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Web.Components.Charts;

/// <summary>
/// The small pictures on the home page's cards, each drawn from a real run of the page it leads to: the live demo's
/// contour with its whole path, the sigmoid at the neuron's first point, the update rule's first step on θ², three
/// optimizers racing on Rosenbrock, and the loss of a learning rate too large on a log axis.
/// </summary>
public sealed record CardPreviews(string Live, string Neuron, string UpdateRule, string Race, string Failure)
{
    /// <summary>The racers of the optimizer card: plain gradient descent, momentum and Adam.</summary>
    public static readonly IReadOnlyList<string> RaceKeys = ["gd", "momentum", "adam"];

    /// <summary>The steps the optimizer card's race runs.</summary>
    public const int RaceSteps = 300;

    /// <summary>The concepts card's step: θ = 4 on J(θ) = θ² with α = 0.1, which lands on 3.2.</summary>
    public static readonly UpdateRule FirstStep = new(4, 0.1);

    /// <summary>Draws every card's picture.</summary>
    public static CardPreviews Draw()
    {
        var live = new LiveSession(Presets.Get("housing-live-demo").Scenario);
        live.ToEnd();
        var liveFigures = new RunFigures(live.Resolved, live.Trajectory);

        // The neuron page's first scenario: x = 2, y = 1 from w = 0.5, b = 0.
        var trace = SigmoidNeuron.Trace(0.5, 0, 2, 1);

        var race = RaceOnRosenbrock();
        var diverging = new LiveSession(Presets.Get("alpha-too-large").Scenario);

        return new CardPreviews(
            Live: Stack(430, 330, liveFigures.ContourStatic(live.Cursor) + liveFigures.ContourDynamic(live.Cursor)),
            Neuron: NeuronFigures.Sigmoid(trace.Z, trace.Prediction, 1),
            UpdateRule: ConceptFigures.UpdateRule(FirstStep.Theta, FirstStep.Next),
            Race: Stack(460, 420, OptimizerFigures.RaceContours(race) + OptimizerFigures.Race(race)),
            Failure: new RunFigures(diverging.Resolved, diverging.Trajectory).Loss(diverging.LastStep, logScale: true));
    }

    /// <summary>The optimizer card's race: <see cref="RaceKeys"/> on Rosenbrock from its usual start, run to its end.</summary>
    public static RaceSession RaceOnRosenbrock()
    {
        var racers = RaceSession.AllRacers.Where(r => RaceKeys.Contains(r.Key, StringComparer.Ordinal)).ToArray();
        var surface = RaceSession.Surfaces.Single(s => s.Key == "rosenbrock");
        var race = new RaceSession(surface, surface.Start, racers, RaceSteps, null, 0.01);
        while (race.Step())
        {
        }

        return race;
    }

    private static string Stack(int width, int height, string layers) =>
        $"<div class=\"gl-stack\" style=\"width:{width}px;height:{height}px\">{layers}</div>";
}
