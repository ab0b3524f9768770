using GradientLab.Scenarios;

namespace GradientLab.Cli.Tests;

public sealed class OptimizersCommandTests
{
    [Fact]
    public void Optimizers_ListsEveryChoice_WithEachSettingsDefaultAndRange()
    {
        var result = Gradlab.Run("optimizers");

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Output.ReplaceLineEndings("\n").Split('\n');
        foreach (var choice in OptimizerCatalogue.All)
        {
            var start = Array.FindIndex(lines, l => l.StartsWith(choice.Key + " ", StringComparison.Ordinal));
            start.ShouldBeGreaterThanOrEqualTo(0, $"a line for {choice.Key}");
            lines[start].ShouldContain(choice.DisplayName);
            lines[start].ShouldContain(choice.Description);
            foreach (var setting in choice.Settings)
            {
                // Each setting is on its own line under its optimizer, before the next optimizer's line.
                var line = lines.Skip(start + 1).TakeWhile(l => l.StartsWith(' ')).FirstOrDefault(l => l.TrimStart().StartsWith(setting.Field + " ", StringComparison.Ordinal));
                line.ShouldNotBeNull($"{choice.Key}.{setting.Field}");
                line.ShouldContain(" " + setting.DefaultText + " ");
                line.ShouldContain(setting.RangeText);
                line.ShouldContain(setting.Description);
            }
        }
    }

    [Fact]
    public void Optimizers_Markdown_IsTheReadmesTable() =>
        Gradlab.Run("optimizers", "--markdown").Output.ShouldBe(OptimizerCatalogue.MarkdownTable());

    [Fact]
    public void TheHelp_NamesEveryChoice_AndWhereTheirSettingsAre()
    {
        var help = Gradlab.Run("run", "--help").Output;
        foreach (var key in OptimizerCatalogue.Keys)
        {
            help.ShouldContain(key);
        }

        help.ShouldContain("gradlab optimizers");
    }

    [Fact]
    public void Nesterov_IsAcceptedOnTheCommandLine_AsSgdWithNesterovMomentum()
    {
        var result = Gradlab.Run("run", "momentum", "--steps", "1", "--format", "json", "--optimizer", "nesterov");

        result.ExitCode.ShouldBe(0, result.Error);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var optimizer = json.RootElement.GetProperty("scenario").GetProperty("optimizer");
        optimizer.GetProperty("kind").GetString().ShouldBe("sgd");
        optimizer.GetProperty("nesterov").GetBoolean().ShouldBeTrue();
        optimizer.GetProperty("momentum").GetDouble().ShouldBe(0.9);
    }
}
