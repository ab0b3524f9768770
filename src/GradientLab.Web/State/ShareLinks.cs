using System.Buffers.Text;
using System.Text;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>
/// A whole scenario carried in the address (<c>live?s=…</c>): its JSON, compacted, as base64url. Opening the link
/// reproduces the run; a link too long for the address is not made.
/// </summary>
public static class ShareLinks
{
    /// <summary>The longest encoded scenario put in an address.</summary>
    public const int MaxEncodedLength = 6000;

    /// <summary>The scenario as base64url JSON (without its description), or null when it would be too long for a link.</summary>
    public static string? Encode(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var json = ScenarioJson.Write(scenario with { Description = null })
            .Replace("\n", "", StringComparison.Ordinal)
            .Replace("  ", "", StringComparison.Ordinal);
        var encoded = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return encoded.Length > MaxEncodedLength ? null : encoded;
    }

    /// <summary>The live demo's address for <paramref name="scenario"/>, or null when it is too long for a link.</summary>
    public static string? Live(Scenario scenario) => Encode(scenario) is { } encoded ? $"live?s={encoded}" : null;

    /// <summary>The scenario in an address's <c>s</c> parameter.</summary>
    /// <exception cref="ScenarioException">The text is not base64url, or not a scenario; the message says which.</exception>
    public static Scenario Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Length > MaxEncodedLength * 2)
        {
            throw new ScenarioException($"the parameter 's' (the link's scenario) is {encoded.Length:N0} characters long; links carry at most {MaxEncodedLength:N0}.");
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(encoded);
        }
        catch (FormatException error)
        {
            throw new ScenarioException("the parameter 's' (the link's scenario) is not valid base64url (was the address cut short when it was copied?).", error);
        }

        try
        {
            return ScenarioJson.Parse(Encoding.UTF8.GetString(bytes));
        }
        catch (ScenarioException error)
        {
            throw new ScenarioException($"the parameter 's' (the link's scenario) does not hold a scenario: {error.Message}", error);
        }
    }
}
