using System.Globalization;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Concepts;

/// <summary>The update rule on J(θ) = θ²: one step θ − α·2θ, and whether repeating it settles.</summary>
public sealed record UpdateRule(double Theta, double Alpha)
{
    /// <summary>The slope J'(θ) = 2θ.</summary>
    public double Slope => 2 * Theta;

    /// <summary>The step α·J'(θ).</summary>
    public double Step => Alpha * Slope;

    /// <summary>θ after one step.</summary>
    public double Next => Theta - Step;

    /// <summary>What each step multiplies θ by: 1 − 2α.</summary>
    public double Factor => 1 - (2 * Alpha);

    /// <summary>Why θ settles or not, from |1 − 2α|.</summary>
    public string Sentence => Math.Abs(Factor) < 1
        ? string.Create(CultureInfo.InvariantCulture, $"Each step multiplies θ by 1 − 2α = {LiveSession.F(Factor)}: |{LiveSession.F(Factor)}| < 1, so θ shrinks towards the minimum at 0{(Factor < 0 ? ", flipping sides each time" : "")}.")
        : string.Create(CultureInfo.InvariantCulture, $"Each step multiplies θ by 1 − 2α = {LiveSession.F(Factor)}: |{LiveSession.F(Factor)}| ≥ 1, so θ never settles — α is too large for this curve (it must stay below 1).");
}

/// <summary>The sentence under a training-loop experiment: its lesson and its numbers beside the base run's.</summary>
public static class ExperimentSummary
{
    /// <summary>The lesson, then (for any experiment but the base) the final costs and, for the batch experiments, the rises counted.</summary>
    public static string Sentence(string key, string lesson, LiveSession? run, LiveSession? baseRun)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (run is null || baseRun is null || key == "base")
        {
            return lesson;
        }

        var text = lesson + string.Create(CultureInfo.InvariantCulture, $" Final cost {LiveSession.F(run.Trajectory[^1].Loss)} after {run.Trajectory[^1].Epoch} epochs; the base run ends at {LiveSession.F(baseRun.Trajectory[^1].Loss)}.");
        return key.StartsWith("batch", StringComparison.Ordinal)
            ? text + string.Create(CultureInfo.InvariantCulture, $" The full-data cost rose on {BatchSizeStudy.Rises(run.Trajectory)} of its {run.LastStep} updates.")
            : text;
    }
}
