using GradientLab.Cli;

namespace GradientLab.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Output, string Error);

internal static class Gradlab
{
    public static CliResult Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = GradlabApp.Run(args, new CliConsole(output, error, IsTerminal: false));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static CliResult Fails(params string[] args)
    {
        var result = Run(args);
        result.ExitCode.ShouldBe(GradlabApp.UsageError, result.Output);
        result.Output.ShouldBeEmpty();
        return result;
    }
}

/// <summary>A scratch folder for scenario and CSV files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gradlab-tests-").FullName;

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
