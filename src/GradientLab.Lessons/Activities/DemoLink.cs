using GradientLab.Scenarios;

namespace GradientLab.Lessons.Activities;

/// <summary>
/// A pointer at the demo that shows why: a page of the lab, optionally with a preset to open there
/// (<c>/live?preset=housing-unscaled</c>). Only addresses the lab can open are accepted.
/// </summary>
/// <param name="Page">The page, one of <see cref="LabPages.All"/>.</param>
/// <param name="Preset">The preset to open, or null.</param>
public sealed record DemoLink(string Page, string? Preset)
{
    /// <summary>The address as written in the data files: <c>/live?preset=housing-unscaled</c>.</summary>
    public string Href => Preset is null ? Page : $"{Page}?preset={Preset}";

    /// <summary>The address without the leading slash, for a link under the site's &lt;base href&gt;.</summary>
    public string RelativeHref => Href[1..];

    /// <summary>The demo in words: "the live demo with the preset housing-unscaled".</summary>
    public string Description
    {
        get
        {
            var page = Page switch
            {
                LabPages.Live => "the live demo",
                LabPages.Neuron => "the chain-rule stepper",
                LabPages.Optimizers => "the optimizer lab",
                LabPages.Failures => "the failure modes",
                _ => "the concepts page",
            };
            return Preset is null ? page : $"{page} with the preset {Preset}";
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Href;

    /// <summary>Reads an address such as <c>/live?preset=housing-unscaled</c>.</summary>
    /// <param name="href">The address.</param>
    /// <param name="link">The link, when the address is one the lab can open.</param>
    /// <param name="problem">Otherwise, why not.</param>
    public static bool TryParse(string href, out DemoLink? link, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(href);
        link = null;
        var query = href.IndexOf('?', StringComparison.Ordinal);
        var page = query < 0 ? href : href[..query];
        if (!LabPages.Contains(page))
        {
            problem = $"'{href}' is not a page of the lab (pages: {string.Join(", ", LabPages.All)}).";
            return false;
        }

        string? preset = null;
        if (query >= 0)
        {
            const string Key = "preset=";
            var rest = href[(query + 1)..];
            if (!rest.StartsWith(Key, StringComparison.Ordinal) || rest.Contains('&', StringComparison.Ordinal))
            {
                problem = $"'{href}': the only query a demo link may have is ?preset=NAME.";
                return false;
            }

            preset = rest[Key.Length..];
            if (page is not (LabPages.Live or LabPages.Neuron))
            {
                problem = $"'{href}': only {LabPages.Live} and {LabPages.Neuron} open a preset.";
                return false;
            }

            if (Presets.Find(preset) is not { } found)
            {
                problem = $"'{href}': there is no preset '{preset}' (presets: {string.Join(", ", Presets.Names)}).";
                return false;
            }

            if (page == LabPages.Live && found.IsClassifier)
            {
                problem = $"'{href}': the preset '{preset}' classifies points; it opens on the /network page, not on {LabPages.Live}.";
                return false;
            }

            if (page == LabPages.Neuron && found.Scenario.Objective?.Kind != "sigmoid-neuron")
            {
                problem = $"'{href}': the chain-rule stepper opens only sigmoid-neuron presets.";
                return false;
            }
        }

        link = new DemoLink(page, preset);
        problem = null;
        return true;
    }
}
