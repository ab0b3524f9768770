using GradientLab.Figures;
using System.Xml.Linq;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.PixelFormats;

namespace GradientLab.Cli.Tests;

public sealed class AnimateCommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Our own GIF, decoded (in the tests only): its size, repeat count, and each frame's delay in hundredths of a second.</summary>
    private static (Image<Rgba32> Gif, int[] Delays) Decode(string path)
    {
        var gif = Image.Load<Rgba32>(path);
        var delays = Enumerable.Range(0, gif.Frames.Count).Select(i => gif.Frames[i].Metadata.GetGifMetadata().FrameDelay).ToArray();
        return (gif, delays);
    }

    private static string Animate(TempFolder folder, string file, params string[] args) => AnimateAndSay(folder, file, args).Path;

    private static (string Path, string Output) AnimateAndSay(TempFolder folder, string file, params string[] args)
    {
        var path = Path.Combine(folder.Path, file);
        var result = Gradlab.Run(["animate", .. args, "--out", path]);
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        return (path, result.Output);
    }

    [Fact]
    public void AGif_HasAFrameEveryNthStep_AtTheFramesPerSecond_LoopingForever()
    {
        using var folder = new TempFolder();
        var (path, output) = AnimateAndSay(folder, "run.gif", "housing-live-demo", "--every", "20");
        output.TrimEnd().ShouldBe($"Wrote 4 frames of 'housing-live-demo' (steps 0 to 60, data, contour, loss, 1290 × 360 px, 10 fps) to {path}.");

        var (gif, delays) = Decode(path);
        using (gif)
        {
            gif.Width.ShouldBe(3 * 430);
            gif.Height.ShouldBe(RunAnimation.HeaderHeight + RunAnimation.ViewHeight);
            gif.Frames.Count.ShouldBe(4);
            delays.ShouldBe([10, 10, 10, 200]); // 10 fps; the last frame stays 2 s
            gif.Metadata.GetGifMetadata().RepeatCount.ShouldBe((ushort)0);
        }
    }

    [Fact]
    public void ByDefault_ALongRun_IsCutToAtMost120Frames()
    {
        using var folder = new TempFolder();
        var (path, output) = AnimateAndSay(folder, "loss.svg", "rosenbrock-adam", "--figure", "loss");
        output.ShouldContain("Wrote 117 frames of 'rosenbrock-adam' (steps 0 to 3000, loss, 430 × 360 px, 10 fps)");
        var frames = XDocument.Load(path).Root!.Elements(Svg + "g").Where(g => g.Attribute("class")?.Value == "gl-frame").ToList();
        frames.Count.ShouldBe(117); // 3000 steps, a frame every 26th: 0, 26, …, 2990, and 3000
        frames[1].Attribute("data-step")!.Value.ShouldBe("26");
    }

    [Fact]
    public void EveryFrame_DrawsItsHeaderLine_AndTheFramesDiffer_AtTheScaleAndRateAsked()
    {
        using var folder = new TempFolder();
        var (gif, delays) = Decode(Animate(folder, "run.gif", "lr-good", "--every", "10", "--scale", "2", "--fps", "4"));
        using (gif)
        {
            delays.ShouldBe([25, 25, 200]);
            gif.Width.ShouldBe(2 * 430);
            gif.Height.ShouldBe(2 * (RunAnimation.HeaderHeight + RunAnimation.ViewHeight));
            gif.Frames.Count.ShouldBe(3);
            using var first = gif.Frames.CloneFrame(0);
            using var last = gif.Frames.CloneFrame(2);
            int Dark(Image<Rgba32> image, int top, int bottom)
            {
                var count = 0;
                for (var y = top; y < bottom; y++)
                {
                    for (var x = 0; x < image.Width; x++)
                    {
                        var p = image[x, y];
                        count += (0.299 * p.R) + (0.587 * p.G) + (0.114 * p.B) < 128 ? 1 : 0;
                    }
                }

                return count;
            }

            // The header (the top 30 px at scale 1) is text: many dark pixels, differing from step 0 to step 20.
            Dark(first, 0, 60).ShouldBeGreaterThan(500);
            Dark(last, 0, 60).ShouldBeGreaterThan(500);
            var differing = 0;
            for (var y = 0; y < 60; y++)
            {
                for (var x = 0; x < first.Width; x++)
                {
                    differing += first[x, y] == last[x, y] ? 0 : 1;
                }
            }

            differing.ShouldBeGreaterThan(100);
        }
    }

    [Fact]
    public void EveryGifFrame_IsTheFrameRunAnimationDraws_InThePalettesColours()
    {
        using var folder = new TempFolder();
        var (gif, _) = Decode(Animate(folder, "run.gif", "housing-live-demo", "--every", "15"));
        var scenario = GradientLab.Scenarios.ScenarioResolver.Resolve(GradientLab.Scenarios.Presets.Get("housing-live-demo").Scenario);
        var run = scenario.CreateRun();
        run.RunToEnd();
        var animation = new GradientLab.Figures.RunAnimation(scenario, run.Trajectory, GradientLab.Figures.RunAnimation.ViewsOf(scenario));
        var steps = animation.Steps(15);
        using (gif)
        {
            gif.Frames.Count.ShouldBe(steps.Count);
            for (var i = 0; i < steps.Count; i++)
            {
                using var drawn = SvgRasterizer.Render(animation.Frame(steps[i]), animation.Width, animation.Height);
                using var frame = gif.Frames.CloneFrame(i);
                var want = drawn.GetPixelSpan().ToArray();
                var got = new Rgba32[frame.Width * frame.Height];
                frame.CopyPixelDataTo(got);
                var off = 0;
                for (var p = 0; p < got.Length; p++)
                {
                    var (r, g, b) = (want[4 * p] - got[p].R, want[(4 * p) + 1] - got[p].G, want[(4 * p) + 2] - got[p].B);
                    off += Math.Max(Math.Abs(r), Math.Max(Math.Abs(g), Math.Abs(b))) > 48 ? 1 : 0;
                }

                // 255 colours for anti-aliased figures: a few edge pixels land on a neighbouring shade, nothing more.
                off.ShouldBeLessThan(got.Length / 200, $"frame {i} (step {steps[i]})");
            }
        }
    }

    [Fact]
    public void AnAnimatedSvg_HasAFrameGroupPerFrame_SwitchedBySmil()
    {
        using var folder = new TempFolder();
        var path = Animate(folder, "run.svg", "housing-live-demo", "--every", "20", "--fps", "5");
        var svg = XDocument.Load(path).Root!;
        svg.Attribute("width")!.Value.ShouldBe("1290");
        var frames = svg.Elements(Svg + "g").Where(g => g.Attribute("class")?.Value == "gl-frame").ToList();
        frames.Count.ShouldBe(4);
        var switches = svg.Descendants(Svg + "animate").ToList();
        switches.Count.ShouldBe(4);
        switches.ShouldAllBe(a => a.Attribute("dur")!.Value == "2.6s"); // three frames of 0.2 s, then 2 s
        svg.Descendants().ShouldNotContain(e => e.Name.LocalName == "script");
    }

    [Theory]
    [InlineData("--fps: 0 is too small (at least 1).", "housing-live-demo", "--fps", "0")]
    [InlineData("--fps: 51 is too large (at most 50).", "housing-live-demo", "--fps", "51")]
    [InlineData("--every: -1 is too small (at least 1).", "housing-live-demo", "--every", "-1")]
    [InlineData("--every: 0 is too small (at least 1).", "housing-live-demo", "--every", "0")]
    [InlineData("--scale: 3 is too large (at most 2).", "housing-live-demo", "--scale", "3")]
    [InlineData("--every 1: this run's 10,000 steps make 10,001 frames; at most 600.", "course-lab", "--every", "1")]
    [InlineData("--every, --scale, --figure: 301 frames of 1720 × 720 pixels are 372,758,400 pixels to draw; at most 250,000,000.", "rosenbrock-adam", "--every", "10", "--scale", "2")]
    [InlineData("--figure contour needs exactly two parameters; this scenario has 3 (w1, w2, b)", "unscaled-features", "--figure", "contour")]
    [InlineData("--figure data needs a scenario with data", "lr-good", "--figure", "data")]
    public void ABadFlag_IsExit2_NamingTheFlag_AndNothingIsWritten(string message, string scenario, params string[] flags)
    {
        using var folder = new TempFolder();
        foreach (var file in new[] { "run.gif", "run.svg" })
        {
            if (file == "run.svg" && flags.Contains("--scale"))
            {
                continue; // an SVG is drawn at any size
            }

            var error = Gradlab.Fails(["animate", scenario, .. flags, "--out", Path.Combine(folder.Path, file)]).Error;
            error.ShouldStartWith("gradlab: ");
            error.ShouldContain(message);
            Directory.GetFiles(folder.Path).ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("run.png")]
    [InlineData("run")]
    public void AnOutThatIsNeitherGifNorSvg_IsRefused(string name) =>
        Gradlab.Fails("animate", "lr-good", "--out", name).Error.ShouldContain($"--out: '{name}' should end in .gif or .svg.");

    [Fact]
    public void AFigureThatIsNotAView_IsRefused() =>
        Gradlab.Fails("animate", "lr-good", "--figure", "surface", "--out", "x.gif").Error.ShouldContain("--figure: 'surface' is not one of contour, data, loss, all.");
}
