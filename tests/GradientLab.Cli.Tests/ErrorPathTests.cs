namespace GradientLab.Cli.Tests;

/// <summary>Every error goes to standard error, with exit code 2 and a message a person can act on.</summary>
public sealed class ErrorPathTests
{
    [Fact]
    public void AnUnknownPreset_ListsThePresets() =>
        Gradlab.Fails("run", "housing-demo").Error.ShouldContain("No preset or scenario file named 'housing-demo'. Presets: housing-live-demo");

    [Fact]
    public void AMalformedStart_SaysWhichValue() =>
        Gradlab.Fails("run", "course-lab", "--start", "1,x").Error.ShouldContain("--start: 'x' (value 2 of '1,x') is not a finite number");

    [Fact]
    public void AStartOfTheWrongLength_NamesTheParameters() =>
        Gradlab.Fails("run", "course-lab", "--start", "1").Error.ShouldContain("1 values given, but this objective has 2 parameters (w, b)");

    [Fact]
    public void ANegativeLearningRate_IsRefused() =>
        Gradlab.Fails("run", "course-lab", "--alpha", "-1").Error.ShouldContain("--alpha: -1 is not allowed; use a value above 0, such as 0.01.");

    [Fact]
    public void AnUnknownOptimizer_ListsTheOptimizers() =>
        Gradlab.Fails("run", "course-lab", "--optimizer", "adamax").Error.ShouldContain("optimizer.kind: 'adamax' is not one of gd, sgd, nesterov, adam");

    [Fact]
    public void MomentumOnAdam_SaysItDoesNotApply() =>
        Gradlab.Fails("run", "rosenbrock-adam", "--momentum", "0.9").Error.ShouldContain("optimizer.momentum does not apply to optimizer 'adam'");

    [Fact]
    public void SeedWithoutMiniBatches_SaysWhatToAdd() =>
        Gradlab.Fails("run", "course-lab", "--seed", "1").Error.ShouldContain("add --batch-size N");

    [Fact]
    public void TooManySteps_AreRefusedWithTheLimit() =>
        Gradlab.Fails("run", "course-lab", "--steps", "5000000").Error.ShouldContain("--steps: 5000000 is too large (at most 1,000,000).");

    [Fact]
    public void EveryBelowOne_IsRefused() =>
        Gradlab.Fails("run", "course-lab", "--every", "0").Error.ShouldContain("--every: 0 is too small (at least 1).");

    [Fact]
    public void AnUnknownFormat_ListsTheFormats() =>
        Gradlab.Fails("run", "course-lab", "--format", "xml").Error.ShouldContain("'xml'");

    [Fact]
    public void ANonNumericOption_IsAParseError() =>
        Gradlab.Fails("run", "course-lab", "--steps", "many").Error.ShouldContain("many");

    [Fact]
    public void AnUnknownCommand_IsAParseError() => Gradlab.Fails("fly").Error.ShouldContain("gradlab --help");

    [Fact]
    public void AScenarioFileWithAnUnknownField_NamesTheField()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", """{ "objective": { "kind": "function", "name": "booth" }, "stepz": 10 }""");
        Gradlab.Fails("run", file).Error.ShouldContain("Unknown field 'stepz'");
    }

    [Fact]
    public void AScenarioFileThatIsNotJson_SaysSo()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", "objective: booth");
        Gradlab.Fails("run", file).Error.ShouldContain("not valid JSON");
    }

    [Fact]
    public void AMissingCsvFile_IsNamed()
    {
        using var folder = new TempFolder();
        var file = folder.Write("s.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "none.csv", "features": ["a"], "target": "b" } } }""");
        Gradlab.Fails("run", file).Error.ShouldContain("cannot read 'none.csv'");
    }

    [Fact]
    public void AMalformedCsv_NamesTheLineAndColumn()
    {
        using var folder = new TempFolder();
        folder.Write("h.csv", "size,price\n1,300\n2,5OO\n");
        var file = folder.Write("s.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "h.csv", "features": ["size"], "target": "price" } } }""");
        Gradlab.Fails("run", file).Error.ShouldContain("h.csv, line 3, column 2 ('price'): '5OO' is not a number.");
    }

    [Fact]
    public void AnOversizedScenarioFile_IsRefused()
    {
        using var folder = new TempFolder();
        var file = folder.Write("big.json", new string(' ', 1024 * 1024 + 1));
        Gradlab.Fails("run", file).Error.ShouldContain("a scenario file may be at most 1,048,576");
    }
}
