using System.Globalization;
using System.Text;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>
/// The query of a page's address (<c>v=2&amp;preset=…&amp;alpha=0.05</c>), read with bounded work: the whole query,
/// each name and each value are measured before anything is decoded or parsed. Every error is a
/// <see cref="ScenarioException"/> naming the parameter and saying what to change.
/// </summary>
public sealed class LinkQuery
{
    /// <summary>The format version written by this build (<c>v=2</c>); <c>?s=…</c> links are version 1, <c>?preset=</c> alone version 0.</summary>
    public const int Version = 2;

    /// <summary>The longest query read (an old <c>?s=</c> link carries up to 12,000 characters).</summary>
    public const int MaxLength = 16_384;

    /// <summary>The most parameters read.</summary>
    public const int MaxParameters = 40;

    /// <summary>The longest value of an ordinary parameter (a number, a name, a short list).</summary>
    public const int MaxValueLength = 200;

    /// <summary>Parameters every page accepts: the layout's presenting and embedding modes, and the section shown in them.</summary>
    public static IReadOnlyList<string> LayoutParameters { get; } = ["present", "embed", "slide"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly Dictionary<string, string> _values;

    private LinkQuery(Dictionary<string, string> values) => _values = values;

    /// <summary>The parameters' names, in address order.</summary>
    public IEnumerable<string> Names => _values.Keys;

    /// <summary>Whether the address has no parameters but the layout's.</summary>
    public bool IsEmpty => _values.Keys.All(n => LayoutParameters.Contains(n, StringComparer.Ordinal));

    /// <summary>The raw (unescaped) value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>Reads a query, with or without its leading <c>?</c>; a whole address (<c>https://…</c> or <c>/page…</c>) is cut at its <c>?</c>.</summary>
    /// <exception cref="ScenarioException">Too long, too many parameters, a parameter twice, or bad escaping.</exception>
    public static LinkQuery Parse(string? query, IReadOnlyDictionary<string, int>? longValues = null)
    {
        query ??= "";
        var mark = query.IndexOf('?', StringComparison.Ordinal);
        if (mark >= 0)
        {
            query = query[(mark + 1)..];
        }
        else if (query.Contains("://", StringComparison.Ordinal) || query.StartsWith('/'))
        {
            query = ""; // an address without a query
        }

        var hash = query.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            query = query[..hash];
        }

        if (query.Length > MaxLength)
        {
            throw new ScenarioException($"the address is {query.Length:N0} characters long after its '?'; links carry at most {MaxLength:N0}. Was text pasted into it?");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (values.Count == MaxParameters)
            {
                throw new ScenarioException($"the address has more than {MaxParameters} parameters; remove the ones this page did not write.");
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(equals < 0 ? part : part[..equals], "a parameter name");
            var value = equals < 0 ? "" : part[(equals + 1)..];
            var limit = longValues?.GetValueOrDefault(name) is > 0 and var longLimit ? longLimit : MaxValueLength;
            if (name.Length > 40 || value.Length > limit)
            {
                throw new ScenarioException($"the parameter '{Shorten(name)}' is {value.Length:N0} characters long; it may have at most {limit:N0}. Was the address cut or pasted into?");
            }

            if (!values.TryAdd(name, Unescape(value, $"'{name}'")))
            {
                throw new ScenarioException($"the parameter '{name}' appears twice; keep one.");
            }
        }

        return new LinkQuery(values);
    }

    /// <summary>Fails on the first parameter that is not in <paramref name="known"/> (the layout's are always known).</summary>
    /// <exception cref="ScenarioException">An unknown parameter, named, with the ones this page knows.</exception>
    public void RequireKnown(IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var name in _values.Keys.Where(n => !known.Contains(n, StringComparer.Ordinal) && !LayoutParameters.Contains(n, StringComparer.Ordinal)))
        {
            throw new ScenarioException($"the parameter '{Shorten(name)}' is not one this page knows: remove it from the address (this page knows {string.Join(", ", known)}).");
        }
    }

    /// <summary>The format version: <c>v</c> when given, else what the parameters imply (<c>s</c>: 1, otherwise 0).</summary>
    /// <exception cref="ScenarioException"><c>v</c> is not a whole number, or newer than this build reads.</exception>
    public int FormatVersion()
    {
        var version = WholeNumber("v", 0, int.MaxValue);
        if (version > Version)
        {
            throw new ScenarioException($"the link was made by a newer GradientLab (v={version}); this one reads links up to v={Version}. Open it with the newer lab, or remove 'v' and the parameters this page does not know.");
        }

        return version ?? (_values.ContainsKey("s") ? 1 : 0);
    }

    /// <summary>A number parameter within [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    /// <exception cref="ScenarioException">Not a number, or out of range.</exception>
    public double? Number(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        if (this[name] is not { } text)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, Invariant, out var value) || !double.IsFinite(value))
        {
            throw new ScenarioException($"the parameter '{name}' is '{Shorten(text)}', which is not a number: write it like 0.05 or 3e-7.");
        }

        if (value < min || value > max)
        {
            throw new ScenarioException($"the parameter '{name}' is {Format(value)}; it must be from {Format(min)} to {Format(max)}.");
        }

        return value;
    }

    /// <summary>A whole-number parameter within [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    /// <exception cref="ScenarioException">Not a whole number, or out of range.</exception>
    public int? WholeNumber(string name, int min, int max)
    {
        if (this[name] is not { } text)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, Invariant, out var value))
        {
            throw new ScenarioException($"the parameter '{name}' is '{Shorten(text)}', which is not a whole number: write it like {Math.Max(min, 0)}.");
        }

        if (value < min || value > max)
        {
            throw new ScenarioException($"the parameter '{name}' is {value}; it must be from {min:N0} to {max:N0}.");
        }

        return value;
    }

    /// <summary>One of <paramref name="choices"/>, or null when absent.</summary>
    /// <exception cref="ScenarioException">Not one of them; the message lists them.</exception>
    public string? Choice(string name, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (this[name] is not { } text)
        {
            return null;
        }

        return choices.Contains(text, StringComparer.Ordinal)
            ? text
            : throw new ScenarioException($"the parameter '{name}' is '{Shorten(text)}'; it must be one of: {string.Join(", ", choices)}.");
    }

    /// <summary>A 0/1 flag, or null when absent.</summary>
    /// <exception cref="ScenarioException">Neither 0 nor 1.</exception>
    public bool? Flag(string name) => Choice(name, ["0", "1"]) is { } flag ? flag == "1" : null;

    /// <summary>A comma-separated list of at most <paramref name="maxCount"/> numbers, each within [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    /// <exception cref="ScenarioException">Too many values, or one is not a number, or out of range.</exception>
    public IReadOnlyList<double>? Numbers(string name, int maxCount, double min = double.MinValue, double max = double.MaxValue)
    {
        if (this[name] is not { } text)
        {
            return null;
        }

        var parts = text.Split(',');
        if (parts.Length > maxCount)
        {
            throw new ScenarioException($"the parameter '{name}' has {parts.Length} values; it takes at most {maxCount}.");
        }

        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, Invariant, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new ScenarioException($"value {i + 1} of the parameter '{name}' is '{Shorten(parts[i])}', which is not a number: write the values like -0.1,900.");
            }

            if (values[i] < min || values[i] > max)
            {
                throw new ScenarioException($"value {i + 1} of the parameter '{name}' is {Format(values[i])}; each must be from {Format(min)} to {Format(max)}.");
            }
        }

        return values;
    }

    /// <summary>A number as links write it: the shortest text that parses back to the same double, invariant.</summary>
    public static string Format(double value) => value.ToString("R", Invariant);

    /// <summary>Numbers as a comma-separated list, each as <see cref="Format(double)"/> writes it.</summary>
    public static string Format(IEnumerable<double> values) => string.Join(",", values.Select(Format));

    /// <summary>Parameters as a query (without the <c>?</c>), each name and value escaped.</summary>
    public static string Write(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            text.Append(text.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Escape(value));
        }

        return text.ToString();
    }

    /// <summary>A page's address with <paramref name="query"/>, keeping the layout's parameters of the <paramref name="current"/> address.</summary>
    public static string Address(string page, string query, string current)
    {
        var all = string.Join("&", new[] { query, Write(LayoutOf(current)) }.Where(q => q.Length > 0));
        return all.Length == 0 ? page : $"{page}?{all}";
    }

    /// <summary>The layout's parameters of <paramref name="address"/> (<c>present=1</c>, <c>embed=1</c>), to carry into a rewritten address.</summary>
    public static IEnumerable<KeyValuePair<string, string>> LayoutOf(string address)
    {
        LinkQuery query;
        try
        {
            query = Parse(address);
        }
        catch (ScenarioException)
        {
            yield break;
        }

        foreach (var name in LayoutParameters)
        {
            if (query[name] is { } value)
            {
                yield return new(name, value);
            }
        }
    }

    /// <summary>
    /// The query of <paramref name="address"/> without the layout's parameters, each part unescaped: what says which run a page
    /// shows, to tell an address the page wrote itself from a new one.
    /// </summary>
    public static string PageQuery(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var mark = address.IndexOf('?', StringComparison.Ordinal);
        var query = mark < 0 ? "" : address[(mark + 1)..];
        var hash = query.IndexOf('#', StringComparison.Ordinal);
        query = hash < 0 ? query : query[..hash];
        return string.Join("&", query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !LayoutParameters.Contains(part.Split('=')[0], StringComparer.Ordinal))
            .Select(part =>
            {
                try
                {
                    return Uri.UnescapeDataString(part); // browsers and Uri escape differently: compare the text itself
                }
                catch (UriFormatException)
                {
                    return part;
                }
            }));
    }

    /// <summary>Escapes a value, leaving the characters our values use readable (<c>,</c> in lists).</summary>
    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal);

    private static string Unescape(string text, string what)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException error)
        {
            throw new ScenarioException($"{what} in the address is not correctly escaped; copy the link again.", error);
        }
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
