using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Figures;
using GradientLab.Lessons.Runs;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Failures;

/// <summary>One failure case: a run broken on purpose, run to its end, with its figures and the page that opens it.</summary>
public sealed record FailureCase(string Key, string Title, string Preset, LiveSession Session, RunFigures Figures, string Link)
{
    /// <summary>Steps until the gradient's length fell below the tolerance, or "more than N" when it never did.</summary>
    public string StepsToConverge => Session.StopReason == StopReason.Converged
        ? Session.LastStep.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"more than {Session.LastStep}");

    /// <summary>Where the link goes, in words.</summary>
    public string LinkTarget => Link.StartsWith("live", StringComparison.Ordinal) ? "live demo" : "chain-rule stepper";

    /// <summary>The contour of the cost with the whole path, <paramref name="width"/> pixels wide.</summary>
    public string ContourView(int width)
    {
        Figures.ViewSize = (width, Figure.HeightFor(width, 430, 330));
        return Figures.ContourStatic(Session.Cursor) + Figures.ContourDynamic(Session.Cursor);
    }

    /// <summary>
    /// The loss curve, <paramref name="width"/> pixels wide: on a log axis when the loss spans more than three decades and
    /// stays above zero, else linear, so a loss that goes below zero (the saddle, once it escapes) is drawn, not dropped.
    /// </summary>
    public string LossView(int width)
    {
        Figures.LossSize = (width, Figure.HeightFor(width, 430, 260));
        return Figures.Loss(Session.Cursor, logScale: null);
    }
}

/// <summary>The failure modes of the failures page, in their order.</summary>
public static class FailureCases
{
    /// <summary>Every case; <paramref name="scaled"/> turns feature scaling on for the unscaled-features case, whose address <paramref name="liveLink"/> writes.</summary>
    public static List<FailureCase> All(bool scaled, Func<Scenario, string> liveLink) =>
    [
        FromPreset("alpha-too-large", "α too high: the path bounces ever further across the valley"),
        FromPreset("alpha-too-small", "α too low: the path crawls"),
        Unscaled(scaled, liveLink),
        FromPreset("sequential-update", "The sequential update: w moves before ∂J/∂b is measured"),
        FromPreset("saddle-point", "A saddle point: flat, but not a minimum"),
        FromPreset("plateau", "A plateau: a saturated sigmoid has almost no slope"),
    ];

    /// <summary>Price against raw square feet: two parameters, so the thin valley can be drawn, and with scaling turned into circles.</summary>
    public static FailureCase Unscaled(bool scaled, Func<Scenario, string> liveLink)
    {
        ArgumentNullException.ThrowIfNull(liveLink);
        var scenario = new Scenario
        {
            Name = "unscaled-features",
            Objective = new ObjectiveSpec
            {
                Kind = "linear-regression",
                ScaleFeatures = scaled,
                Data = new DataSpec { Builtin = "portland-housing", Features = ["size_sqft"], Target = "price_1000usd" },
            },
            Start = [0, 0],
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = scaled ? 0.5 : 2e-7 },
            Steps = 10_000,
            Stop = new StopSpec { GradientTolerance = 1e-3 },
        };
        var session = new LiveSession(scenario);
        session.ToEnd();
        return new FailureCase("unscaled-features", "Unscaled features: a valley so thin that no learning rate suits both directions", "unscaled-features", session, new RunFigures(session.Resolved, session.Trajectory) { IdPrefix = "unscaled-features-" }, liveLink(scenario));
    }

    private static FailureCase FromPreset(string preset, string title)
    {
        var session = new LiveSession(Presets.Get(preset).Scenario);
        session.ToEnd();
        var link = preset is "plateau" ? "neuron?preset=plateau" : $"live?preset={preset}";
        return new FailureCase(preset, title, preset, session, new RunFigures(session.Resolved, session.Trajectory) { IdPrefix = $"{preset}-" }, link);
    }
}
