using GradientLab.Lessons.Runs;
using GradientLab.Figures;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;

namespace GradientLab.Web.Components.Pages;

/// <summary>The failure-mode lab: one broken run per mode, each explained by its own diagnosis.</summary>
public sealed partial class Failures
{
    private readonly List<Failure> _failures = [];
    private bool _scaled;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        Add("alpha-too-large", "α too high: the path bounces ever further across the valley", "alpha-too-large");
        Add("alpha-too-small", "α too low: the path crawls", "alpha-too-small");
        _failures.Add(Unscaled());
        Add("sequential-update", "The sequential update: w moves before ∂J/∂b is measured", "sequential-update");
        Add("saddle-point", "A saddle point: flat, but not a minimum", "saddle-point");
        Add("plateau", "A plateau: a saturated sigmoid has almost no slope", "plateau");
    }


    private void Add(string key, string title, string preset)
    {
        var session = new LiveSession(Presets.Get(preset).Scenario);
        session.ToEnd();
        var link = preset is "plateau" ? "neuron?preset=plateau" : $"live?preset={preset}";
        _failures.Add(new Failure(key, title, preset, session, new RunFigures(session.Resolved, session.Trajectory), link));
    }

    /// <summary>Price against raw square feet: two parameters, so the thin valley can be drawn, and with scaling turned into circles.</summary>
    private Failure Unscaled()
    {
        var scenario = new Scenario
        {
            Name = "unscaled-features",
            Objective = new ObjectiveSpec
            {
                Kind = "linear-regression",
                ScaleFeatures = _scaled,
                Data = new DataSpec { Builtin = "portland-housing", Features = ["size_sqft"], Target = "price_1000usd" },
            },
            Start = [0, 0],
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = _scaled ? 0.5 : 2e-7 },
            Steps = 10_000,
            Stop = new StopSpec { GradientTolerance = 1e-3 },
        };
        var session = new LiveSession(scenario);
        session.ToEnd();
        return new Failure("unscaled-features", "Unscaled features: a valley so thin that no learning rate suits both directions", "unscaled-features", session, new RunFigures(session.Resolved, session.Trajectory), "live?" + LiveLinks.Query(scenario, new LiveView()));
    }

    private void ToggleScaling()
    {
        _scaled = !_scaled;
        var index = _failures.FindIndex(f => f.Key == "unscaled-features");
        _failures[index] = Unscaled();
    }

    private static string ContourLayers(Failure failure, int width)
    {
        failure.Figures.ViewSize = (width, Figure.HeightFor(width, 430, 330));
        return failure.Figures.ContourStatic(failure.Session.Cursor) + failure.Figures.ContourDynamic(failure.Session.Cursor);
    }

    private static string LossView(Failure failure, int width)
    {
        failure.Figures.LossSize = (width, Figure.HeightFor(width, 430, 260));
        return failure.Figures.Loss(failure.Session.Cursor, logScale: true);
    }

    private sealed record Failure(string Key, string Title, string Preset, LiveSession Session, RunFigures Figures, string Link);
}
