namespace GradientLab.Cli.Tests;

public sealed class PlotCommandTests
{
    [Fact]
    public void Svg_IsAStandaloneFigure_WithAxesAndThePath()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "live.svg");
        var result = Gradlab.Run("plot", "housing-live-demo", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        var lastStep = GradientLab.Scenarios.LessonRun.Of(GradientLab.Scenarios.Presets.Get("housing-live-demo").Scenario).Last.Step;
        result.Output.ShouldContain($"Wrote the contour figure of 'housing-live-demo' at step {lastStep}");
        var svg = File.ReadAllText(path);
        System.Xml.Linq.XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
        svg.ShouldContain("<style>");
        svg.ShouldContain("J (cost)");
        svg.ShouldContain("class=\"gl-path\"");
    }

    [Fact]
    public void Png_IsWrittenWithLibrsvg_AtTwiceTheSize()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "loss.png");
        var result = Gradlab.Run("plot", "lr-diverging", "--figure", "loss", "--log", "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        var bytes = File.ReadAllBytes(path);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        int Big(int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
        Big(16).ShouldBe(2 * GradientLab.Figures.RunFigures.Width); // IHDR width
        Big(20).ShouldBe(2 * GradientLab.Figures.RunFigures.LossHeight); // IHDR height
    }

    [Fact]
    public void TheDataFigure_AtAStep_WritesThePrediction()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "data.svg");
        Gradlab.Run("plot", "housing-live-demo", "--figure", "data", "--step", "3", "--out", path).ExitCode.ShouldBe(0);
        // The engine's own prediction at 1250 sq ft after three steps, as the figure writes numbers (six significant digits).
        var run = GradientLab.Scenarios.ScenarioResolver.Resolve(GradientLab.Scenarios.Presets.Get("housing-live-demo").Scenario);
        var descent = run.CreateRun();
        descent.Step();
        descent.Step();
        descent.Step();
        var prediction = run.Predict(descent.Current.Parameters, [1.25]);
        File.ReadAllText(path).ShouldContain($"f(1.25) = {GradientLab.Plotting.NiceNumbers.Significant(prediction)}");
    }

    [Fact]
    public void AContourOfThreeParameters_IsRefusedWithAnAlternative() =>
        Gradlab.Fails("plot", "unscaled-features", "--figure", "contour", "--out", "x.svg").Error.ShouldContain("needs exactly two parameters; this scenario has 3 (w1, w2, b)");

    [Fact]
    public void AnUnknownExtension_IsRefused() =>
        Gradlab.Fails("plot", "lr-good", "--out", "figure.gif").Error.ShouldContain("should end in .svg or .png");

    [Fact]
    public void OutIsRequired() => Gradlab.Fails("plot", "lr-good").Error.ShouldContain("--out");
}
