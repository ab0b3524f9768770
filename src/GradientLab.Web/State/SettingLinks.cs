using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>A setting a page keeps in its address: a choice from a list (or several, comma-separated), or a whole number.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Default">The value when the address has none (left out of written links).</param>
/// <param name="Choices">The values allowed, or null for a whole number in [<paramref name="Min"/>, <paramref name="Max"/>].</param>
/// <param name="Many">Whether several choices may be given, comma-separated (written in <paramref name="Choices"/>'s order).</param>
/// <param name="Min">The smallest whole number.</param>
/// <param name="Max">The largest whole number.</param>
public sealed record LinkSetting(string Name, string Default, IReadOnlyList<string>? Choices = null, bool Many = false, int Min = 0, int Max = int.MaxValue);

/// <summary>
/// The address of a page whose state is a few settings (/optimizers' race, /concepts' experiment), version 2:
/// <c>v=2</c> and the settings that differ from their defaults. Reading checks every value; the error names the parameter.
/// </summary>
public static class SettingLinks
{
    /// <summary>Every setting's value (the default where the address has none); <paramref name="alsoKnown"/> names parameters the page reads itself.</summary>
    /// <exception cref="ScenarioException">An unknown parameter or a bad value; the message names it.</exception>
    public static IReadOnlyDictionary<string, string> Read(string? address, IReadOnlyList<LinkSetting> settings, IReadOnlyList<string>? alsoKnown = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var query = LinkQuery.Parse(address);
        query.RequireKnown(["v", .. settings.Select(s => s.Name), .. alsoKnown ?? []]);
        query.FormatVersion();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            values[setting.Name] = query[setting.Name] is null ? setting.Default : Check(query, setting);
        }

        return values;
    }

    /// <summary>The query (without <c>?</c>) for <paramref name="values"/> and <paramref name="more"/>: empty when every setting is at its default and there is no more.</summary>
    public static string Query(IReadOnlyDictionary<string, string> values, IReadOnlyList<LinkSetting> settings, IEnumerable<KeyValuePair<string, string>>? more = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(settings);
        var parameters = settings
            .Select(s => (Setting: s, Value: s.Many ? Canonical(values[s.Name], s) : values[s.Name]))
            .Where(p => p.Value != (p.Setting.Many ? Canonical(p.Setting.Default, p.Setting) : p.Setting.Default))
            .Select(p => new KeyValuePair<string, string>(p.Setting.Name, p.Value))
            .Concat(more ?? [])
            .ToList();
        return parameters.Count == 0 ? "" : LinkQuery.Write([new("v", LinkQuery.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. parameters]);
    }

    private static string Check(LinkQuery query, LinkSetting setting)
    {
        if (setting.Choices is null)
        {
            return query.WholeNumber(setting.Name, setting.Min, setting.Max)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!setting.Many)
        {
            return query.Choice(setting.Name, setting.Choices)!;
        }

        var text = query[setting.Name]!;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!setting.Choices.Contains(item, StringComparer.Ordinal))
            {
                throw new ScenarioException($"the parameter '{setting.Name}' has '{item}'; its values must be among: {string.Join(", ", setting.Choices)}.");
            }
        }

        return Canonical(text, setting);
    }

    private static string Canonical(string list, LinkSetting setting)
    {
        var items = list.Split(',', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(",", setting.Choices!.Where(c => items.Contains(c, StringComparer.Ordinal)));
    }
}
