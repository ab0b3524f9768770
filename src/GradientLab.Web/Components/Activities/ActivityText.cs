using GradientLab.Lessons.Activities;

namespace GradientLab.Web.Components.Activities;

/// <summary>Small text helpers of the activity views.</summary>
public static class ActivityText
{
    /// <summary>A text as an id for the page and its tests: lower case, runs of anything but letters and digits as one '-'.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>The text cut at a word to at most <paramref name="length"/> characters, with "…" when cut.</summary>
    public static string Shorten(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length - 1);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length - 1).TrimEnd(" ,;:".AsSpan()), "…");
    }

    /// <summary>A status as a word for CSS classes and tests: completed, attempted, not-started.</summary>
    public static string StatusName(ActivityStatus status) => status switch
    {
        ActivityStatus.Completed => "completed",
        ActivityStatus.Attempted => "attempted",
        _ => "not-started",
    };
}
