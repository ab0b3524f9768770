using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace GradientLab.Cli;

/// <summary>
/// Options whose values are read by gradlab itself, so that a bad value gets a message that names the option and says
/// what to write, never the .NET type it was to become.
/// </summary>
internal static class CliOptions
{
    /// <summary>A number option; with <paramref name="positive"/>, 0 and below are refused too.</summary>
    public static Option<double?> Number(string name, string description, bool positive = false, params string[] aliases) => new(name, aliases)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            var option = Typed(result, name);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                result.AddError($"{option}: '{Shown(text)}' is not a number; write it like 0.01 or 1e-3.");
                return null;
            }

            if (positive && !(value > 0))
            {
                result.AddError(value == 0
                    ? $"{option}: 0 would never move the parameters; use a value above 0, such as 0.01."
                    : $"{option}: {Shown(text)} is not allowed; use a value above 0, such as 0.01.");
                return null;
            }

            return value;
        },
    };

    /// <summary>A whole-number option between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static Option<int?> Whole(string name, string description, int minimum, int maximum) => new(name)
    {
        Description = description,
        CustomParser = result => ParseWhole(result, name, minimum, maximum),
    };

    /// <summary>A whole-number option with a default.</summary>
    public static Option<int> Whole(string name, string description, int minimum, int maximum, int defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWhole(result, name, minimum, maximum) ?? defaultValue,
    };

    /// <summary>A file or folder path option: any text but an empty one or one with a NUL character.</summary>
    public static Option<string?> FilePath(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            var text = Token(result);
            if (text.Length == 0 || text.Contains('\0', StringComparison.Ordinal))
            {
                result.AddError($"{name}: '{Shown(text)}' is not a file name.");
                return null;
            }

            return text;
        },
    };

    /// <summary>An option that takes one of <paramref name="choices"/>; any other value is an error that names the option and lists them.</summary>
    public static Option<string?> Choice(string name, string description, params string[] choices) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (choices.Contains(text, StringComparer.Ordinal))
            {
                return text;
            }

            result.AddError($"{name}: '{Shown(text)}' is not one of {string.Join(", ", choices)}.");
            return null;
        },
    };

    /// <summary>An on/off switch that takes no value.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>
    /// A parse error as a person reads it. System.CommandLine's own messages name the flag and the token, except its
    /// conversion errors, which name a .NET type: those become "'abc' is not a valid value for --x".
    /// </summary>
    public static string Friendly(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Cannot parse argument '(?<token>.*)' for (?:option|command|argument) '(?<name>[^']*)'", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (match.Success)
        {
            return $"{match.Groups["name"].Value}: '{Shown(match.Groups["token"].Value)}' is not a valid value.";
        }

        return message.Contains("System.", StringComparison.Ordinal) || message.Contains("`1", StringComparison.Ordinal)
            ? "an argument is not valid; see 'gradlab --help'."
            : message;
    }

    /// <summary>A token as a message quotes it: at most 40 characters, on one line.</summary>
    public static string Shown(string text)
    {
        var oneLine = text.ReplaceLineEndings("⏎");
        return oneLine.Length <= 40 ? oneLine : oneLine[..40] + "…";
    }

    private static int? ParseWhole(ArgumentResult result, string option, int minimum, int maximum)
    {
        var text = Token(result);
        var name = Typed(result, option);
        if (!BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? $"{name}: {Shown(text)} is not a whole number."
                : $"{name}: '{Shown(text)}' is not a whole number; write it like 100.");
            return null;
        }

        if (value > maximum)
        {
            result.AddError($"{name}: {Shown(text)} is too large (at most {maximum.ToString("N0", CultureInfo.InvariantCulture)}).");
            return null;
        }

        if (value < minimum)
        {
            result.AddError($"{name}: {Shown(text)} is too small (at least {minimum.ToString("N0", CultureInfo.InvariantCulture)}).");
            return null;
        }

        return (int)value;
    }

    /// <summary>The option as the user typed it (--alpha rather than --learning-rate).</summary>
    private static string Typed(ArgumentResult result, string name) => (result.Parent as OptionResult)?.IdentifierToken?.Value ?? name;

    private static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
}
