namespace GradientLab.Plotting;

/// <summary>
/// Checks a laid-out figure for what a reader would call broken: texts on top of each other, text leaving the figure,
/// text inside the plot area on top of drawn data, a legend hiding data, a marker drawn outside the frame.
/// </summary>
public static class LayoutAudit
{
    /// <summary>Every problem found, each in a sentence naming the texts or series; empty when the layout is clean.</summary>
    public static IReadOnlyList<string> Problems(FigureLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var texts = layout.Texts;
        var problems = TextProblems(texts, layout.Width, layout.Height);
        foreach (var text in texts)
        {
            if (text.Role is "tick-x" or "tick-y" or "title-x" or "title-y" && FigureLayout.Overlap(Shrink(text.Box), layout.PlotArea))
            {
                problems.Add($"'{text.Text}' ({text.Role}) reaches into the plot area");
            }
        }

        foreach (var series in layout.Figure.Series)
        {
            var points = layout.PixelPoints(series).ToList();
            foreach (var text in texts.Where(t => t.Role == "annotation"))
            {
                var covered = points.Count(p => Inside(text.Box, p));
                if (covered > 0)
                {
                    problems.Add($"the note '{text.Text}' covers {covered} point(s) of '{series.Name}'");
                }
            }

            if (layout.LegendBox is { } legend && !layout.LegendOutside && points.Any(p => Inside(legend, p)))
            {
                problems.Add($"the legend covers points of '{series.Name}'");
            }
        }

        return problems;
    }

    /// <summary>
    /// Every problem of a 3-D view as last drawn at <paramref name="width"/> × <paramref name="height"/>: texts on top of
    /// each other or leaving the figure, a path's point drawn outside it.
    /// </summary>
    public static IReadOnlyList<string> Problems(SurfaceView view, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(view);
        var problems = TextProblems(view.Texts, width, height);

        foreach (var (name, points) in view.PathPixels)
        {
            var outside = points.Count(p => p.X < 0 || p.Y < 0 || p.X > width || p.Y > height);
            if (outside > 0)
            {
                problems.Add($"{outside} point(s) of '{name}' are drawn outside the figure");
            }
        }

        return problems;
    }

    // Texts leaving the figure or lying on top of each other.
    private static List<string> TextProblems(IReadOnlyList<PlacedText> texts, int width, int height)
    {
        var problems = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            var box = texts[i].Box;
            if (box.Left < -0.5 || box.Top < -0.5 || box.Right > width + 0.5 || box.Bottom > height + 0.5)
            {
                problems.Add($"'{texts[i].Text}' ({texts[i].Role}) leaves the {width}×{height} figure: {Describe(box)}");
            }

            for (var j = i + 1; j < texts.Count; j++)
            {
                if (FigureLayout.Overlap(box, texts[j].Box))
                {
                    problems.Add($"'{texts[i].Text}' ({texts[i].Role}) overlaps '{texts[j].Text}' ({texts[j].Role})");
                }
            }
        }

        return problems;
    }

    private static bool Inside(PixelRect box, (double X, double Y) p) => p.X > box.Left && p.X < box.Right && p.Y > box.Top && p.Y < box.Bottom;

    private static PixelRect Shrink(PixelRect box) => new(box.Left + 1, box.Top + 1, Math.Max(0, box.Width - 2), Math.Max(0, box.Height - 2));

    private static string Describe(PixelRect box) => $"({PixelNumbers.Format(box.Left)}, {PixelNumbers.Format(box.Top)})–({PixelNumbers.Format(box.Right)}, {PixelNumbers.Format(box.Bottom)})";
}
