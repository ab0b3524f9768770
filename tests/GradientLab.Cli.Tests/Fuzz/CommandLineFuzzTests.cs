using FsCheck;
using FsCheck.Fluent;
using GradientLab.Tests.Fuzzing;

namespace GradientLab.Cli.Tests.Fuzz;

/// <summary>
/// The command line on generated and mutated arguments: every run ends with exit code 0, or 2 with a message on
/// standard error that a person can act on; never 1 (an unexpected error), a stack trace or a .NET type name.
/// The everyday suite tries 500 command lines; the Full category 10,000.
/// </summary>
public sealed class CommandLineFuzzTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public CommandLineFuzzTests()
    {
        _folder.Write("data.csv", "size,price\n1,300\n2,500\n3,650\n");
        _folder.Write("semicolon.csv", "size;price\n1,5;300\n");
        _folder.Write("good.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "data.csv", "features": ["size"], "target": "price" } }, "steps": 20 }""");
        _folder.Write("outside.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "../data.csv", "features": ["size"], "target": "price" } }, "steps": 20 }""");
        var samples = Inputs.ScenarioJson.Sample(40, 30);
        for (var i = 0; i < samples.Length; i++)
        {
            _folder.Write($"s{i}.json", samples[i]);
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void EveryCommandLine_EndsInAResultOrAFriendlyError() => Check(500);

    [Fact]
    [Trait("Category", "Full")]
    public void EveryCommandLine_EndsInAResultOrAFriendlyError_TenThousandInputs() => Check(10_000);

    private void Check(int count) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true), Prop.ForAll(CommandLines().ToArbitrary(), Outcome));

    private static bool Outcome(string[] args)
    {
        var result = Gradlab.Run(args);
        var shown = System.Text.Json.JsonSerializer.Serialize(args);
        if (result.ExitCode == 0 && result.Error.Length > 0)
        {
            throw new Xunit.Sdk.XunitException($"{shown} succeeded but wrote to standard error: {result.Error}");
        }

        if (result.ExitCode != 0 && !(result.ExitCode == GradlabApp.UsageError && Inputs.IsFriendly(result.Error) && result.Error.StartsWith("gradlab: ", StringComparison.Ordinal)))
        {
            throw new Xunit.Sdk.XunitException($"{shown} ended with exit code {result.ExitCode}: {result.Error}");
        }

        return true;
    }

    private Gen<string[]> CommandLines()
    {
        var folder = _folder.Path;
        var scenario = Gen.Frequency(
            (6, Gen.Elements("course-lab", "lr-good", "housing-live-demo", "rosenbrock-adam", "minibatch-line", "saddle-point", "unscaled-features", "neuron-oscillation", "sequential-update", "nonlinear-data", "plateau")),
            (4, Gen.Choose(0, 39).Select(i => Path.Combine(folder, $"s{i}.json"))),
            (2, Gen.Elements(Path.Combine(folder, "good.json"), Path.Combine(folder, "outside.json"))),
            (1, Gen.Elements("nope", "", "-", "--", "/etc/shadow", "/", folder, "@" + Path.Combine(folder, "good.json"), Path.Combine(folder, "data.csv"), "lr-dilemma", "COURSE-LAB")));
        var number = Gen.Elements("0.01", "0.1", "0.5", "1.5", "0", "-1", "abc", "", "1e308", "NaN", "1e-400", "1e400", "0x10", "1,5", " 2");
        var whole = Gen.Elements("0", "1", "3", "20", "-1", "1000000000000", "2.5", "abc", "", "1e3", "2147483648", "007");
        var start = Gen.Elements("0,0", "1,2", "1e308,-1e308", "1", "1,2,3", "[1,2]", "a,b", "", ",", "1e400,0", "0,0,0", "-1.2,1");
        var path = Gen.Elements(Path.Combine(folder, "o.csv"), Path.Combine(folder, "o.json"), Path.Combine(folder, "o.svg"), Path.Combine(folder, "o.txt"), "/proc/o.csv", Path.Combine(folder, "none", "o.csv"), folder, "", "o.gif");
        (int, Gen<string[]>) Option(int weight, string name, Gen<string> value) => (weight, value.Select(v => new[] { name, v }));
        (int, Gen<string[]>)[] overrides =
        [
            Option(3, "--alpha", number), Option(1, "--learning-rate", number), Option(3, "--steps", whole), Option(2, "--start", start),
            Option(2, "--optimizer", Gen.Elements("gd", "sgd", "adam", "adamw", "adagrad", "rmsprop", "adamax", "")),
            Option(2, "--momentum", number), Option(2, "--batch-size", whole), Option(1, "--seed", whole), (1, Gen.Constant(new[] { "--allow-outside-files" })),
        ];
        (int, Gen<string[]>)[] stray = [(1, Gen.Elements<string[]>(["--unknown"], ["-x"], ["--steps"], ["--alpha=0.1"], ["--help"], ["--log", "yes"], ["--figure", "data"]))];
        var optionsOf = new Dictionary<string, Gen<string[]>>
        {
            ["run"] = Gen.Frequency([.. overrides, Option(2, "--every", whole), Option(2, "--format", Gen.Elements("table", "csv", "json", "xml")), Option(2, "--out", path), .. stray]),
            ["diagnose"] = Gen.Frequency([.. overrides, Option(2, "--format", Gen.Elements("text", "json", "csv")), Option(2, "--out", path), .. stray]),
            ["plot"] = Gen.Frequency([.. overrides, Option(2, "--figure", Gen.Elements("contour", "data", "loss", "3d")), Option(2, "--step", whole), (1, Gen.Constant(new[] { "--log" })), .. stray]),
            ["compare"] = Gen.Frequency([Option(3, "--steps", whole), Option(2, "--every", whole), Option(2, "--format", Gen.Elements("csv", "json", "table")), Option(2, "--out", path), (1, Gen.Constant(new[] { "--allow-outside-files" })), .. stray]),
            ["presets"] = Gen.Frequency(stray),
        };
        var command = Gen.Frequency(
            (4, Gen.Constant("run")), (3, Gen.Constant("diagnose")), (2, Gen.Constant("plot")), (2, Gen.Constant("compare")), (1, Gen.Constant("presets")),
            (1, Gen.Elements("fly", "", "RUN", "--version", "lab")));
        return from name in command
               from target in scenario
               from extra in name == "compare" ? Gen.Frequency<string[]>((2, Gen.Constant(Array.Empty<string>())), (1, scenario.Select(s => new[] { s }))) : Gen.Constant(Array.Empty<string>())
               from count in Gen.Frequency((2, Gen.Choose(0, 1)), (3, Gen.Choose(1, 3)))
               from chosen in Gen.ArrayOf(optionsOf.GetValueOrDefault(name, Gen.Frequency(stray)), count)
               from output in name == "plot" ? Gen.Frequency<string[]>((8, path.Select(p => new[] { "--out", p })), (1, Gen.Constant(Array.Empty<string>()))) : Gen.Constant(Array.Empty<string>())
               from steps in Gen.Frequency<string[]>((4, Gen.Constant(new[] { "--steps", "20" })), (1, Gen.Constant(Array.Empty<string>())))
               select Arguments(name, target, extra, [.. chosen, output], name == "presets" ? [] : steps);
    }

    /// <summary>The command line; "lab" only with a port it cannot use, so that no server starts.</summary>
    private static string[] Arguments(string command, string target, string[] extra, string[][] options, string[] steps) =>
        command == "lab"
            ? ["lab", "--port", "70000"]
            : [command, .. (command == "presets" ? [] : new[] { target }), .. extra, .. options.SelectMany(o => o), .. (options.Any(o => o.Length > 0 && o[0] == "--steps") ? [] : steps)];
}
