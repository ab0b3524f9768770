using GradientLab.Plotting;

namespace GradientLab.Figures;

/// <summary>
/// A figure the page draws as two stacked SVGs: the static layer is rendered again only when its layout changes (the
/// view zooms, the legend moves outside, the size changes), the dynamic layer at every step, both from one layout.
/// </summary>
internal sealed class LayeredFigure
{
    private (int Cursor, int Width, int Height, FigureLayout Layout)? _layout;
    private ((int, int, PixelRect, DataRect, bool, string?) Key, string Svg)? _static;

    /// <summary>The layout of the figure at <paramref name="cursor"/> (kept while the cursor and size stay).</summary>
    public FigureLayout Layout(int cursor, (int Width, int Height) size, Func<int, Figure> figureAt)
    {
        if (_layout is { } kept && kept.Cursor == cursor && kept.Width == size.Width && kept.Height == size.Height)
        {
            return kept.Layout;
        }

        // The frame before's layout is reused when only what moves differs (the axes, legend and colour bar stay).
        var layout = figureAt(cursor).Layout(size.Width, size.Height, _layout?.Layout);
        _layout = (cursor, size.Width, size.Height, layout);
        return layout;
    }

    /// <summary>The static layer at <paramref name="cursor"/>.</summary>
    public string Static(int cursor, (int Width, int Height) size, Func<int, Figure> figureAt)
    {
        var layout = Layout(cursor, size, figureAt);
        // Compared as values, not as a string: formatting the doubles of the key at every frame cost more than comparing them.
        var key = (layout.Width, layout.Height, layout.PlotArea, layout.Domain, layout.LegendOutside, layout.Figure.Banner);
        if (_static is not { } kept || kept.Key != key)
        {
            _static = kept = (key, SvgRenderer.Render(layout, new SvgOptions(FigureLayer.Static, CssClass: "gl-layer")));
        }

        return kept.Svg;
    }

    /// <summary>The dynamic layer at <paramref name="cursor"/>.</summary>
    public string Dynamic(int cursor, (int Width, int Height) size, Func<int, Figure> figureAt) =>
        SvgRenderer.Render(Layout(cursor, size, figureAt), new SvgOptions(FigureLayer.Dynamic, CssClass: "gl-layer"));
}
