using System.Globalization;
using GradientLab.Lessons.Optimizers;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>What the learner set in /optimizers' first two sections: the dilemma's three α's and threshold, the momentum comparison's α, β and iteration.</summary>
/// <param name="Alphas">The dilemma's three learning rates.</param>
/// <param name="Threshold">The dilemma's loss threshold (above 0).</param>
/// <param name="MomentumAlpha">The momentum comparison's learning rate.</param>
/// <param name="Beta">The momentum comparison's β.</param>
/// <param name="Iteration">The momentum comparison's iteration shown.</param>
public sealed record OptimizerSections(IReadOnlyList<double> Alphas, double Threshold, double MomentumAlpha, double Beta, int Iteration)
{
    /// <summary>What the page starts with.</summary>
    public static OptimizerSections Default { get; } =
        new([.. LearningRateDilemma.DefaultAlphas], LearningRateDilemma.DefaultThreshold, MomentumComparison.DefaultAlpha, MomentumComparison.DefaultBeta, 1);
}

/// <summary>
/// What /optimizers keeps in its address besides the race, each only when it differs from the page's default:
/// <c>alphas=0.01,0.1,1.1</c> (the dilemma's three α's), <c>below=0.001</c> (its threshold), <c>malpha=0.05</c> and
/// <c>beta=0.5</c> (the momentum comparison's α and β) and <c>iter=1</c> (its iteration shown).
/// </summary>
/// <remarks>
/// A link holds what the page's fields accept: any finite number of size at most <see cref="Limit"/> (an α or β that
/// cannot run opens with that run's own message, as when it is typed), a threshold above 0, an iteration the comparison has.
/// </remarks>
public static class OptimizerLinks
{
    /// <summary>The largest size of a number the fields and the address take.</summary>
    public const double Limit = 1e6;

    /// <summary>The parameters this adds to the page's address.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["alphas", "below", "malpha", "beta", "iter"];

    /// <summary>The last iteration the momentum comparison shows.</summary>
    public const int LastIteration = MomentumComparison.Iterations - 1;

    /// <summary>Whether a field takes <paramref name="value"/>: finite, of size at most <see cref="Limit"/>.</summary>
    public static bool Accepts(double value) => double.IsFinite(value) && Math.Abs(value) <= Limit;

    /// <summary>Whether the threshold field takes <paramref name="value"/>: above 0 and at most <see cref="Limit"/>.</summary>
    public static bool AcceptsThreshold(double value) => Accepts(value) && value > 0;

    /// <summary>The address's parameters for <paramref name="state"/>: only what differs from <see cref="OptimizerSections.Default"/>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Write(OptimizerSections state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var initial = OptimizerSections.Default;
        if (!state.Alphas.SequenceEqual(initial.Alphas))
        {
            yield return new("alphas", LinkQuery.Format(state.Alphas));
        }

        if (!state.Threshold.Equals(initial.Threshold))
        {
            yield return new("below", LinkQuery.Format(state.Threshold));
        }

        if (!state.MomentumAlpha.Equals(initial.MomentumAlpha))
        {
            yield return new("malpha", LinkQuery.Format(state.MomentumAlpha));
        }

        if (!state.Beta.Equals(initial.Beta))
        {
            yield return new("beta", LinkQuery.Format(state.Beta));
        }

        if (state.Iteration != initial.Iteration)
        {
            yield return new("iter", state.Iteration.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The sections' settings: the defaults, with the address's values where it gives them.</summary>
    /// <exception cref="ScenarioException">A value that is not a number, out of range, or the wrong count; the message names the parameter.</exception>
    public static OptimizerSections Read(LinkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var initial = OptimizerSections.Default;
        var alphas = query.Numbers("alphas", 3, -Limit, Limit);
        if (alphas is not null && alphas.Count != 3)
        {
            throw new ScenarioException($"the parameter 'alphas' has {alphas.Count} value{(alphas.Count == 1 ? "" : "s")}; it takes the three runs' learning rates, like 0.01,0.1,1.1.");
        }

        var threshold = query.Number("below", -Limit, Limit);
        if (threshold is <= 0)
        {
            throw new ScenarioException($"the parameter 'below' is {LinkQuery.Format(threshold.Value)}; the loss threshold must be above 0, like 0.001.");
        }

        return new OptimizerSections(
            alphas ?? initial.Alphas,
            threshold ?? initial.Threshold,
            query.Number("malpha", -Limit, Limit) ?? initial.MomentumAlpha,
            query.Number("beta", -Limit, Limit) ?? initial.Beta,
            query.WholeNumber("iter", 0, LastIteration) ?? initial.Iteration);
    }
}
