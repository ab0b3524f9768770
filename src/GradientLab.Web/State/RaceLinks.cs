using GradientLab.Lessons.Optimizers;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>
/// What the race keeps in the address besides its settings: each racer's learning rate where the learner changed it
/// (<c>rates=adam_0.05,gd_0.002</c>) and a start the learner clicked (<c>start=-1.5,2</c>).
/// </summary>
public static class RaceLinks
{
    /// <summary>The parameters this adds to the race's address.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["rates", "start"];

    /// <summary>The address's parameters for <paramref name="rates"/> and <paramref name="start"/>: only what differs from the defaults.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Write(IReadOnlyDictionary<string, double> rates, IReadOnlyList<double> start, IReadOnlyList<double> surfaceStart)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(surfaceStart);
        var changed = RaceSession.AllRacers
            .Where(r => rates.TryGetValue(r.Key, out var rate) && rate != r.Optimizer.LearningRate)
            .Select(r => $"{r.Key}_{LinkQuery.Format(rates[r.Key])}")
            .ToList();
        if (changed.Count > 0)
        {
            yield return new("rates", string.Join(",", changed));
        }

        if (!start.SequenceEqual(surfaceStart))
        {
            yield return new("start", LinkQuery.Format(start));
        }
    }

    /// <summary>Every racer's rate: the default, or the address's where it gives one.</summary>
    /// <exception cref="ScenarioException">An unknown racer or a rate that is not a positive number; the message names it.</exception>
    public static Dictionary<string, double> ReadRates(LinkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rates = RaceSession.AllRacers.ToDictionary(r => r.Key, r => r.Optimizer.LearningRate!.Value, StringComparer.Ordinal);
        if (query["rates"] is not { } text)
        {
            return rates;
        }

        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split('_');
            if (parts.Length != 2 || !rates.ContainsKey(parts[0]))
            {
                throw new ScenarioException($"the parameter 'rates' has '{LinkQuery.Shorten(item)}'; write racer_rate pairs like adam_0.05, with a racer among {string.Join(", ", rates.Keys)}.");
            }

            if (!double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate) || !double.IsFinite(rate) || rate <= 0 || rate > 1e6)
            {
                throw new ScenarioException($"the parameter 'rates' gives {parts[0]} the rate '{LinkQuery.Shorten(parts[1])}'; a rate is a number above 0 (and at most 1e6), like 0.05.");
            }

            rates[parts[0]] = rate;
        }

        return rates;
    }

    /// <summary>The address's start, or null when it gives none.</summary>
    /// <exception cref="ScenarioException">Not two numbers.</exception>
    public static double[]? ReadStart(LinkQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Numbers("start", 2) is not { } start)
        {
            return null;
        }

        return start.Count == 2 && start.All(v => Math.Abs(v) <= 1e6)
            ? [.. start]
            : throw new ScenarioException("the parameter 'start' must be two numbers x,y of at most 1e6 in size, like -1.5,2.");
    }
}
