using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using GradientLab.Core.Descent;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Figures;

/// <summary>One of the views of a run that an animation can show.</summary>
public enum RunView
{
    /// <summary>The samples with the model's line (<see cref="RunFigures.DataFigure"/>).</summary>
    Data,

    /// <summary>The cost surface J(w, b) with the path (<see cref="RunFigures.ContourFigure"/>).</summary>
    Contour,

    /// <summary>The loss curve (<see cref="RunFigures.Loss"/>).</summary>
    Loss,
}

/// <summary>
/// The frames of an animation of a run: each frame is a header line (the step, the loss, the parameters) above the chosen
/// views side by side, each view the standalone SVG figure <see cref="RunFigures"/> draws at that step, nested as a child
/// <c>&lt;svg&gt;</c>. A frame is one SVG (to rasterise into a GIF); <see cref="AnimatedSvg"/> puts all of them in one
/// SVG that a browser plays with SMIL, no script.
/// </summary>
public sealed partial class RunAnimation
{
    /// <summary>Each view's width in a frame, in pixels (three side by side make a 1290-pixel frame).</summary>
    public const int ViewWidth = 430;

    /// <summary>Each view's height in a frame, below the header line.</summary>
    public const int ViewHeight = 330;

    /// <summary>Height of the header line above the views, in pixels.</summary>
    public const int HeaderHeight = 30;

    /// <summary>The most frames the default <see cref="DefaultEvery"/> makes.</summary>
    public const int DefaultMaxFrames = 120;

    private const double HeaderSize = 14;
    private const string HeaderStyle =
        ".gl-anim-header{font-size:14px;font-family:" + FontMetrics.FamilyList + ";fill:#222}.gl-anim-step{font-weight:bold}" +
        ".gl-anim-name{font-size:12px;font-family:" + FontMetrics.FamilyList + ";fill:#666}";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private readonly ResolvedScenario _scenario;
    private readonly IReadOnlyList<StepRecord> _trajectory;
    private readonly RunFigures _figures;
    private readonly bool _logScale;

    /// <summary>An animation of <paramref name="trajectory"/> (a run of <paramref name="scenario"/>) showing <paramref name="views"/>, left to right.</summary>
    /// <param name="logScale">The loss view on a log scale.</param>
    public RunAnimation(ResolvedScenario scenario, IReadOnlyList<StepRecord> trajectory, IReadOnlyList<RunView> views, bool logScale = false)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(views);
        if (trajectory.Count == 0)
        {
            throw new ArgumentException("A run to animate has at least its starting point.", nameof(trajectory));
        }

        if (views.Count == 0 || views.Distinct().Count() != views.Count)
        {
            throw new ArgumentException("An animation shows one or more views, each once.", nameof(views));
        }

        var missing = views.Except(ViewsOf(scenario)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"This scenario has no {string.Join(" or ", missing).ToLowerInvariant()} view.", nameof(views));
        }

        _scenario = scenario;
        _trajectory = trajectory;
        _figures = new RunFigures(scenario, trajectory);
        _logScale = logScale;
        Views = views;
        Width = WidthOf(views);
        Height = HeightOf(views);
    }

    /// <summary>The views of each frame, left to right.</summary>
    public IReadOnlyList<RunView> Views { get; }

    /// <summary>A frame's width in pixels.</summary>
    public int Width { get; }

    /// <summary>A frame's height in pixels.</summary>
    public int Height { get; }

    /// <summary>The last step of the run: the largest cursor.</summary>
    public int LastStep => _trajectory.Count - 1;

    /// <summary>
    /// The views a scenario can show, in the order they stand side by side: the data (when the objective has data), the cost
    /// surface (when it has exactly two parameters; as <see cref="RunFigures.HasData"/> and <see cref="RunFigures.HasContour"/>
    /// decide once run), and the loss, which every run has.
    /// </summary>
    public static IReadOnlyList<RunView> ViewsOf(ResolvedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var views = new List<RunView>();
        if (scenario.InputData is not null)
        {
            views.Add(RunView.Data);
        }

        if (scenario.ParameterNames.Count == 2)
        {
            views.Add(RunView.Contour);
        }

        views.Add(RunView.Loss);
        return views;
    }

    /// <summary>The width in pixels of a frame showing <paramref name="views"/>.</summary>
    public static int WidthOf(IReadOnlyCollection<RunView> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        return views.Count * ViewWidth;
    }

    /// <summary>The height in pixels of a frame showing <paramref name="views"/>.</summary>
    public static int HeightOf(IEnumerable<RunView> views) =>
        HeaderHeight + (views.Any() ? ViewHeight : 0);

    /// <summary>
    /// The most frames of an animation made in the browser: every frame is a figure laid out and drawn by the
    /// WebAssembly interpreter, and adds its own part to the file (a contour view's 60 frames are well under 1 MB).
    /// </summary>
    public const int BrowserMaxFrames = 60;

    /// <summary>Every how many steps a frame is taken by default, so a run of <paramref name="lastStep"/> steps makes at most <see cref="DefaultMaxFrames"/> frames.</summary>
    public static int DefaultEvery(int lastStep) => EveryFor(lastStep, DefaultMaxFrames);

    /// <summary>The smallest N such that a frame every N-th step (and the last) makes at most <paramref name="maxFrames"/> frames of a run of <paramref name="lastStep"/> steps.</summary>
    public static int EveryFor(int lastStep, int maxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrames, 2);
        var every = Math.Max(1, (int)Math.Ceiling(lastStep / (double)(maxFrames - 1)));
        while (FrameCount(lastStep, every) > maxFrames)
        {
            every++;
        }

        return every;
    }

    /// <summary>The whole run in at most <paramref name="maxFrames"/> frames (a frame every N-th step and the last), ten a second, the last held two seconds.</summary>
    public string AnimatedSvg(int maxFrames) => AnimatedSvg(Steps(EveryFor(LastStep, maxFrames)), 0.1, 2);

    /// <summary>The most frames a run of up to <paramref name="lastStep"/> steps makes with a frame every <paramref name="every"/> steps.</summary>
    public static long FrameCount(int lastStep, int every)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastStep);
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        return (lastStep / every) + 1 + (lastStep % every == 0 ? 0 : 1);
    }

    /// <summary>The steps shown: 0, <paramref name="every"/>, 2 × <paramref name="every"/>, … and always the last.</summary>
    public IReadOnlyList<int> Steps(int every)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        var steps = new List<int>();
        for (var step = 0; step < LastStep; step += every)
        {
            steps.Add(step);
        }

        steps.Add(LastStep);
        return steps;
    }

    /// <summary>The header line at <paramref name="cursor"/>: the step, the loss J and as many parameters as fit the width.</summary>
    public (string Step, string Numbers) Header(int cursor)
    {
        var point = _trajectory[cursor];
        var step = string.Create(CultureInfo.InvariantCulture, $"step {point.Step} / {_trajectory[^1].Step}");
        var numbers = new StringBuilder($" · J = {F(point.Loss)}");
        var room = Width - 20 - FontMetrics.Width(step, HeaderSize, bold: true);
        var names = _scenario.ParameterNames;
        for (var i = 0; i < point.Parameters.Count; i++)
        {
            var next = $"{(i == 0 ? " · " : ", ")}{(i < names.Count ? names[i] : $"θ{i + 1}")} = {F(point.Parameters[i])}";
            var ellipsis = i < point.Parameters.Count - 1 ? ", …" : "";
            if (FontMetrics.Width(numbers + next + ellipsis, HeaderSize) > room)
            {
                numbers.Append(i == 0 ? " · …" : ", …");
                break;
            }

            numbers.Append(next);
        }

        return (step, numbers.ToString());
    }

    /// <summary>The frame at <paramref name="cursor"/> (a step of the run) as one standalone SVG of <see cref="Width"/> × <see cref="Height"/> pixels.</summary>
    public string Frame(int cursor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cursor, LastStep);
        var styles = new List<string>();
        var placed = Views.Select((view, i) => Place(XElement.Parse(ViewSvg(view, cursor)), i, styles)).ToList();
        var root = Root(styles);
        root.Add(HeaderElement(cursor));
        root.Add(placed);
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The frames at <paramref name="steps"/> in one SVG that plays them in a loop with SMIL (discrete switching of
    /// <c>display</c>, no script): each <paramref name="frameSeconds"/>, the last <paramref name="lastFrameSeconds"/>.
    /// What every frame of a view shares at its start (axes, data, contours) is drawn once, under the frames. Without SMIL
    /// the last frame shows.
    /// </summary>
    public string AnimatedSvg(IReadOnlyList<int> steps, double frameSeconds, double lastFrameSeconds)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfZero(steps.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frameSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lastFrameSeconds);
        var styles = new List<string>();

        // Each view at each step, its style hoisted, and how many of its first children every step shares.
        var views = Views.Select((view, i) =>
        {
            var frames = steps.Select(step => Place(WithoutTitle(XElement.Parse(ViewSvg(view, step))), i, styles)).ToList();
            var first = frames[0].Elements().Select(Text).ToList();
            var shared = frames.Skip(1).Aggregate(first.Count, (count, frame) =>
                frame.Elements().Take(count).Select(Text).Zip(first).TakeWhile(pair => pair.First == pair.Second).Count());
            return (Frames: frames, Shared: shared);
        }).ToList();

        var root = Root(styles);
        root.AddFirst(new XElement(Svg + "title", $"{_scenario.Scenario.Name}: steps 0 to {_trajectory[steps[^1]].Step}, {steps.Count} frames"));
        foreach (var (frames, shared) in views)
        {
            var under = new XElement(frames[0].Name, frames[0].Attributes(), frames[0].Elements().Take(shared));
            root.Add(under);
        }

        var total = (frameSeconds * (steps.Count - 1)) + lastFrameSeconds;
        for (var f = 0; f < steps.Count; f++)
        {
            var group = new XElement(Svg + "g", new XAttribute("class", "gl-frame"), new XAttribute("data-step", _trajectory[steps[f]].Step), new XAttribute("display", f == steps.Count - 1 ? "inline" : "none"));
            if (steps.Count > 1)
            {
                group.Add(Switch(f, steps.Count, frameSeconds, total));
            }

            group.Add(HeaderElement(steps[f]));
            foreach (var (frames, shared) in views)
            {
                var own = new XElement(frames[f].Name, frames[f].Attributes(), frames[f].Elements().Skip(shared));
                PrefixIds(own, $"f{f}-");
                group.Add(own);
            }

            root.Add(group);
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Shows frame <paramref name="f"/> of <paramref name="count"/> from its start time to the next frame's, within a loop of <paramref name="total"/> seconds.</summary>
    private static XElement Switch(int f, int count, double frameSeconds, double total)
    {
        string Key(double seconds) => (seconds / total).ToString("0.######", CultureInfo.InvariantCulture);
        var (values, times) = f == 0
            ? ("inline;none", $"0;{Key(frameSeconds)}")
            : f == count - 1
                ? ("none;inline", $"0;{Key(f * frameSeconds)}")
                : ("none;inline;none", $"0;{Key(f * frameSeconds)};{Key((f + 1) * frameSeconds)}");
        return new XElement(
            Svg + "animate",
            new XAttribute("attributeName", "display"),
            new XAttribute("calcMode", "discrete"),
            new XAttribute("values", values),
            new XAttribute("keyTimes", times),
            new XAttribute("dur", total.ToString("0.###", CultureInfo.InvariantCulture) + "s"),
            new XAttribute("repeatCount", "indefinite"));
    }

    private string ViewSvg(RunView view, int cursor) => view switch
    {
        RunView.Data => _figures.DataFigureSvg(cursor, ViewWidth, ViewHeight),
        RunView.Contour => _figures.ContourFigureSvg(cursor, ViewWidth, ViewHeight),
        _ => _figures.LossFigureSvg(cursor, _logScale ? true : null, ViewWidth, ViewHeight),
    };

    /// <summary>A view without its own title and description (the animation has one title; a description that changes at every step would end what the frames share).</summary>
    private static XElement WithoutTitle(XElement figure)
    {
        figure.Elements().Where(e => e.Name.LocalName is "title" or "desc").Remove();
        figure.Attributes().Where(a => a.Name.LocalName is "role" or "aria-labelledby").Remove();
        return figure;
    }

    /// <summary>A view's figure moved to its place in the frame, its <c>&lt;style&gt;</c> hoisted into <paramref name="styles"/> (CSS applies to the whole document either way).</summary>
    private static XElement Place(XElement figure, int index, List<string> styles)
    {
        foreach (var style in figure.Elements().Where(e => e.Name.LocalName == "style").ToList())
        {
            if (!styles.Contains(style.Value, StringComparer.Ordinal))
            {
                styles.Add(style.Value);
            }

            style.Remove();
        }

        figure.SetAttributeValue("x", index * ViewWidth);
        figure.SetAttributeValue("y", HeaderHeight);
        return figure;
    }

    private XElement Root(List<string> styles) => new(
        Svg + "svg",
        new XAttribute("width", Width),
        new XAttribute("height", Height),
        new XAttribute("viewBox", $"0 0 {Width} {Height}"),
        new XElement(Svg + "style", string.Concat(styles) + HeaderStyle),
        new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#fff")));

    private XElement HeaderElement(int cursor)
    {
        var (step, numbers) = Header(cursor);
        var header = new XElement(
            Svg + "g",
            new XElement(Svg + "text", new XAttribute("class", "gl-anim-header"), new XAttribute("x", 10), new XAttribute("y", 20), new XElement(Svg + "tspan", new XAttribute("class", "gl-anim-step"), step), numbers));
        var name = _scenario.Scenario.Name ?? "";
        var used = FontMetrics.Width(step, HeaderSize, bold: true) + FontMetrics.Width(numbers, HeaderSize);
        if (name.Length > 0 && used + 30 + FontMetrics.Width(name, 12) < Width - 20)
        {
            header.Add(new XElement(Svg + "text", new XAttribute("class", "gl-anim-name"), new XAttribute("x", Width - 10), new XAttribute("y", 20), new XAttribute("text-anchor", "end"), name));
        }

        return header;
    }

    private static string Text(XElement element) => element.ToString(SaveOptions.DisableFormatting);

    /// <summary>Renames the ids defined inside <paramref name="element"/>, and the references to them, so each frame's are its own.</summary>
    private static void PrefixIds(XElement element, string prefix)
    {
        var ids = element.DescendantsAndSelf().Select(e => e.Attribute("id")?.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var e in element.DescendantsAndSelf())
        {
            foreach (var attribute in e.Attributes())
            {
                if (attribute.Name.LocalName == "id")
                {
                    attribute.Value = prefix + attribute.Value;
                }
                else if (attribute.Name.LocalName == "href" && attribute.Value.StartsWith('#') && ids.Contains(attribute.Value[1..]))
                {
                    attribute.Value = "#" + prefix + attribute.Value[1..];
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = UrlReference().Replace(attribute.Value, m => ids.Contains(m.Groups[1].Value) ? $"url(#{prefix}{m.Groups[1].Value})" : m.Value);
                }
            }
        }
    }

    private static string F(double value) =>
        double.IsNaN(value) ? "not a number" : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞") : NiceNumbers.Significant(value, 5).Replace("-", "−", StringComparison.Ordinal);

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex UrlReference();
}
