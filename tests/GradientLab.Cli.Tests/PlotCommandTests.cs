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

    [Theory]
    [InlineData(null, 2)]
    [InlineData("2", 2)]
    [InlineData("1", 1)]
    public void Png_IsWrittenInProcess_AtTheScaleAsked(string? scale, int factor)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "loss.png");
        string[] args = ["plot", "lr-diverging", "--figure", "loss", "--log", "--out", path, .. scale is null ? Array.Empty<string>() : ["--scale", scale]];
        var result = Gradlab.Run(args);
        result.ExitCode.ShouldBe(0, result.Error);
        var (width, height) = Png.Size(File.ReadAllBytes(path));
        width.ShouldBe(factor * GradientLab.Figures.RunFigures.Width);
        height.ShouldBe(factor * GradientLab.Figures.RunFigures.LossHeight);
    }

    [Theory]
    [InlineData("3", "too large (at most 2)")]
    [InlineData("0", "too small (at least 1)")]
    public void AScaleOtherThanOneOrTwo_IsRefused_AndNothingIsWritten(string scale, string message)
    {
        using var folder = new TempFolder();
        Gradlab.Fails("plot", "lr-good", "--scale", scale, "--out", Path.Combine(folder.Path, "x.png")).Error.ShouldContain($"--scale: {scale} is {message}");
        Directory.GetFiles(folder.Path).ShouldBeEmpty();
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
