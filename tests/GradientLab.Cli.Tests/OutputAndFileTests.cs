using GradientLab.Cli;

namespace GradientLab.Cli.Tests;

/// <summary>Nothing lost: outputs are written whole or not at all; a scenario reads only the files it may.</summary>
public sealed class OutputAndFileTests
{
    [Theory]
    [InlineData("run", "course-lab", "x.csv")]
    [InlineData("compare", "lr-dilemma", "x.csv")]
    [InlineData("diagnose", "course-lab", "x.txt")]
    [InlineData("plot", "course-lab", "x.svg")]
    [InlineData("animate", "lr-good", "x.gif")]
    [InlineData("animate", "lr-good", "x.svg")]
    public void EveryOut_IntoAFolderThatCannotBeWritten_IsAMessage_AndExit2(string command, string scenario, string name)
    {
        // /proc refuses new files even to root, who may write anywhere else.
        var error = Gradlab.Fails(command, scenario, "--out", "/proc/" + name).Error;
        error.ShouldStartWith($"gradlab: --out: cannot write /proc/{name}: the folder does not accept new files");
        error.ShouldNotContain(".tmp");
    }

    [Fact]
    public void AnOut_InAMissingFolder_OrThatIsAFolder_IsAMessage()
    {
        using var folder = new TempFolder();
        Gradlab.Fails("run", "course-lab", "--out", Path.Combine(folder.Path, "none", "x.csv")).Error.ShouldContain("the folder " + Path.Combine(folder.Path, "none") + " does not exist");
        Gradlab.Fails("run", "course-lab", "--out", folder.Path).Error.ShouldContain("is a folder; name a file in it");
    }

    [Theory]
    [InlineData("run", "lr-good", "out.json", "--format", "json")]
    [InlineData("compare", "lr-good", "out.csv", "--format", "csv")]
    [InlineData("diagnose", "lr-good", "out.json", "--format", "json")]
    [InlineData("plot", "lr-good", "out.svg", "--figure", "loss")]
    [InlineData("animate", "lr-good", "out.gif", "--every", "5")]
    [InlineData("animate", "lr-good", "out.svg", "--every", "5")]
    public void AnOut_ReplacesThePreviousFileWhole_AndLeavesNoTemporaryFile(string command, string scenario, string name, string option, string value)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, "the previous output");
        var result = Gradlab.Run(command, scenario, option, value, "--out", path);
        result.ExitCode.ShouldBe(0, result.Error);
        File.ReadAllText(path).ShouldNotContain("the previous output");
        File.ReadAllText(path).Length.ShouldBeGreaterThan(100);
        Directory.GetFiles(folder.Path).ShouldBe([path]);
    }

    [Fact]
    public void AFullDiskMidWrite_LeavesThePreviousFileUntouched_AndNoPartialFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("run.csv", "the previous output");
        var error = Should.Throw<UsageException>(() => OutputFile.Write(path, stream =>
        {
            stream.Write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        error.Message.ShouldBe($"--out: cannot write {path}: the disk is full; nothing was written. The file that was there is unchanged.");
        File.ReadAllText(path).ShouldBe("the previous output");
        Directory.GetFiles(folder.Path).ShouldBe([path]);
    }

    [Fact]
    public void AnyOtherFailureMidWrite_AlsoLeavesNoPartialFile()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "new.csv");
        Should.Throw<InvalidOperationException>(() => OutputFile.Write(path, stream =>
        {
            stream.Write(new byte[10]);
            throw new InvalidOperationException("a bug halfway");
        }));
        Directory.GetFiles(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public void ACsvOutsideTheScenariosFolder_IsRefused_UnlessAllowed()
    {
        using var folder = new TempFolder();
        var inner = Directory.CreateDirectory(Path.Combine(folder.Path, "scenarios")).FullName;
        folder.Write("houses.csv", "size,price\n1,300\n2,500\n");
        var scenario = Path.Combine(inner, "s.json");
        File.WriteAllText(scenario, """{ "objective": { "kind": "linear-regression", "data": { "csv": "../houses.csv", "features": ["size"], "target": "price" } }, "steps": 5 }""");

        var error = Gradlab.Fails("run", scenario).Error;
        error.ShouldContain("objective.data.csv: '../houses.csv' is outside the scenario's folder");
        error.ShouldContain("--allow-outside-files");
        var allowed = Gradlab.Run("run", scenario, "--allow-outside-files");
        allowed.ExitCode.ShouldBe(0, allowed.Error);
    }

    [Fact]
    public void ALinkInsideTheFolder_ToAFileOutside_IsRefused()
    {
        using var folder = new TempFolder();
        var inner = Directory.CreateDirectory(Path.Combine(folder.Path, "scenarios")).FullName;
        var outside = folder.Write("private.csv", "size,price\n1,300\n2,500\n");
        File.CreateSymbolicLink(Path.Combine(inner, "link.csv"), outside);
        var scenario = Path.Combine(inner, "s.json");
        File.WriteAllText(scenario, """{ "objective": { "kind": "linear-regression", "data": { "csv": "link.csv", "features": ["size"], "target": "price" } }, "steps": 5 }""");
        Gradlab.Fails("run", scenario).Error.ShouldContain("is outside the scenario's folder");
    }

    [Fact]
    public void AFileThatIsNotACsv_IsNeverOpened_SoNothingOfItIsShown()
    {
        using var folder = new TempFolder();
        var scenario = folder.Write("s.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "/etc/passwd", "features": ["a"], "target": "b" } } }""");
        var error = Gradlab.Fails("run", scenario, "--allow-outside-files").Error;
        error.ShouldContain("objective.data.csv: '/etc/passwd' is not a CSV file; a scenario reads only .csv, .tsv and .txt files.");
        error.ShouldNotContain("root");
        Gradlab.Fails("run", folder.Write("t.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "/etc/shadow", "features": ["a"], "target": "b" } } }"""))
            .Error.ShouldNotContain("root");
    }

    [Fact]
    public void ABinaryFileNamedCsv_IsRefused_WithoutItsContents()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(Path.Combine(folder.Path, "data.csv"), [.. "size,price\n1,"u8, 0, .. "secret\n"u8]);
        var scenario = folder.Write("s.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "data.csv", "features": ["size"], "target": "price" } } }""");
        var error = Gradlab.Fails("run", scenario).Error;
        error.ShouldContain("data.csv, line 2: this is not a UTF-8 text CSV file");
        error.ShouldNotContain("secret");
    }

    [Fact]
    public void AnUnexpectedError_IsOneLine_WithWhereTheDetailsAre_AndExit1()
    {
        var error = new StringWriter();
        var code = GradlabApp.Run(["presets"], new CliConsole(new FailingWriter(new InvalidOperationException("a bug")), error, IsTerminal: false));
        code.ShouldBe(GradlabApp.InternalError);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        lines[0].ShouldStartWith("gradlab: an unexpected error stopped the command (not something you typed); the details are in ");
        var log = lines[0][(lines[0].LastIndexOf(" in ", StringComparison.Ordinal) + 4)..].TrimEnd('.', '\r');
        File.ReadAllText(log).ShouldContain("a bug");
        File.Delete(log);
    }

    [Fact]
    public void ABrokenPipe_StaysQuiet()
    {
        var error = new StringWriter();
        var code = GradlabApp.Run(["run", "course-lab", "--every", "1"], new CliConsole(new FailingWriter(new IOException("Broken pipe")), error, IsTerminal: false));
        code.ShouldBe(0);
        error.ToString().ShouldBeEmpty();
    }

    /// <summary>Standard output that fails as soon as anything is written.</summary>
    private sealed class FailingWriter(Exception failure) : StringWriter
    {
        public override void Write(char value) => throw failure;

        public override void Write(string? value) => throw failure;

        public override void WriteLine(string? value) => throw failure;
    }
}
