namespace GradientLab.Web.Components.Charts;

/// <summary>
/// A still figure's SVG, drawn for the width its frame gives it and kept until that width changes. A page re-renders
/// all its markup when anything on it changes (at every frame while its race plays): kept this way, the figures that did
/// not change are not drawn again at every frame.
/// </summary>
public static class DrawnPerWidth
{
    /// <summary><paramref name="draw"/>, called again only for a width it was not last called with.</summary>
    /// <param name="draw">Draws the figure for a width; everything it reads must be fixed when it is made.</param>
    public static Func<int, string> Keep(Func<int, string> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        int? lastWidth = null;
        var svg = "";
        return width =>
        {
            if (lastWidth != width)
            {
                svg = draw(width);
                lastWidth = width;
            }

            return svg;
        };
    }
}
