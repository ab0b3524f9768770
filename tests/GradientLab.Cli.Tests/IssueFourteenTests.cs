namespace GradientLab.Cli.Tests;

/// <summary>
/// Every bad input of issue 14, re-tried: the command line, the fragment its message must hold, and the exit code.
/// {dir} stands for a folder holding the files the rows name. No message may carry a .NET type name, a parameter
/// suffix or a stack trace, and none may show the contents of a file that is not a CSV.
/// </summary>
public sealed class IssueFourteenTests : IClassFixture<IssueFourteenTests.Files>
{
    private readonly Files _files;

    public IssueFourteenTests(Files files) => _files = files;

    public static TheoryData<string, string, int> Cases => new()
    {
        // Unclear messages
        { "run course-lab --alpha abc", "gradlab: --alpha: 'abc' is not a number; write it like 0.01 or 1e-3.", 2 },
        { "run course-lab --steps 1000000000000", "gradlab: --steps: 1000000000000 is too large (at most 1,000,000).", 2 },
        { "run course-lab --steps 5000000", "gradlab: --steps: 5000000 is too large (at most 1,000,000).", 2 },
        { "run course-lab --momentum 2", "gradlab: optimizer.momentum: 2 is not allowed; it must be at least 0 and below 1.", 2 },
        { "run {dir}/beta1.json", "gradlab: optimizer.beta1: 1.5 is not allowed; it must be at least 0 and below 1.", 2 },
        { "run {dir}/nan.json", "gradlab: The scenario is not valid JSON at line 2, column 49 (in optimizer.learningRate): that is not a JSON number", 2 },
        { "run {dir}/start.json", "gradlab: start (line 1, column 66): expected a list of numbers, weights first, bias last: [0.5, -2], not a number.", 2 },
        { "run {dir}/huge-steps.json", "gradlab: steps (line 1, column 66): 1000000000000 is too large (at most 1,000,000).", 2 },
        { "run course-lab --start 1,x", "gradlab: --start: 'x' (value 2 of '1,x') is not a finite number.", 2 },
        { "run course-lab --seed 1", "gradlab: --seed sets the shuffle of mini-batches", 2 },

        // Silently changed before
        { "run minibatch-line --batch-size 100", "gradlab: batch.size: 100 is more than the 5 rows of data; use at most 5, or \"full\" batches.", 2 },
        { "run course-lab --alpha 0", "gradlab: --alpha: 0 would never move the parameters; use a value above 0, such as 0.01.", 2 },
        { "run {dir}/zero-rate.json", "gradlab: optimizer.learningRate: 0 would never move the parameters; use a rate above 0, such as 0.01.", 2 },

        // Stack traces before
        { "run course-lab --out /proc/out.csv", "gradlab: --out: cannot write /proc/out.csv: the folder does not accept new files", 2 },
        { "compare lr-dilemma --out /proc/out.csv", "gradlab: --out: cannot write /proc/out.csv", 2 },
        { "plot course-lab --out /proc/out.png", "gradlab: --out: cannot write /proc/out.png", 2 },
        { "diagnose course-lab --out /proc/out.txt", "gradlab: --out: cannot write /proc/out.txt", 2 },
        { "run course-lab --out {dir}/missing/out.csv", "does not exist", 2 },
        { "diagnose course-lab --start 1e308,-1e308", "Evidence: Diverged at step 0: the loss at the start is not a finite number", 0 },
        { "diagnose rosenbrock-gd --start 1e308,-1e308", "Curvature, parameters x, y: undefined here", 0 },
        { "plot rosenbrock-gd --start 1e308,-1e308 --out {dir}/far.svg", "Wrote the contour figure of 'rosenbrock-gd' at step 0", 0 },

        // Out of control before
        { "run {dir}/bowl200.json", "gradlab: steps: 1,000,000 steps of 200 parameters would record 200,000,200 numbers (about 3.2 GB), more than the limit of 5,000,000 (steps × parameters); with 200 parameters use at most 24,999 steps.", 2 },
        { "run {dir}/bowl300.json", "gradlab: objective.eigenvalues: 300 eigenvalues are too many (at most 256, one per parameter).", 2 },
        { "run {dir}/wide.json", "gradlab: wide.csv, line 1: the header has 110,000 columns; a CSV file may have at most 1,000.", 2 },

        { "compare lr-dilemma lr-dilemma --steps 1000000", "gradlab: compare: 6 runs could record 6,000,006 numbers in all (steps × parameters), more than the limit of 5,000,000", 2 },

        // Files a scenario may read
        { "run {dir}/shadow.json", "gradlab: objective.data.csv: '/etc/shadow' is not a CSV file; a scenario reads only .csv, .tsv and .txt files.", 2 },
        { "run {dir}/shadow.json --allow-outside-files", "'/etc/shadow' is not a CSV file", 2 },
        { "run {dir}/scenarios/outside.json", "gradlab: objective.data.csv: '../houses.csv' is outside the scenario's folder", 2 },
        { "run @/etc/shadow", "gradlab: No preset or scenario file named '@/etc/shadow'.", 2 },

        // CSV
        { "run {dir}/semicolon.json", "gradlab: semicolon.csv, line 2, column 1 ('size'): '1,5' is not a number. This file separates its cells with ';'", 2 },
        { "run {dir}/infinite.json", "gradlab: houses.csv, line 3, column 2 ('price'): '1e400' is not a finite number.", 2 },
        { "run {dir}/quoted.json --steps 5", "Final after 5 steps", 0 },

        // Commands
        { "fly", "gradlab: Unrecognized command or argument 'fly'.", 2 },
        { "run course-lab --format xml", "gradlab: Argument 'xml' not recognized. Must be one of:", 2 },
        { "lab --port 70000", "gradlab: --port: 70000 is too large (at most 65,535).", 2 },
        { "lab --host example --port 0", "gradlab: --host: 'example' is not an address; use 127.0.0.1 (this machine) or 0.0.0.0 (the whole network).", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ABadInput_GivesItsMessage_AndExitCode(string commandLine, string expected, int exitCode)
    {
        var args = commandLine.Split(' ').Select(a => a.Replace("{dir}", _files.Path, StringComparison.Ordinal)).ToArray();
        var result = Gradlab.Run(args);
        var said = result.Output + result.Error;
        result.ExitCode.ShouldBe(exitCode, said);
        said.Replace(_files.Path, "{dir}", StringComparison.Ordinal).ShouldContain(expected.Replace(_files.Path, "{dir}", StringComparison.Ordinal));
        if (exitCode != 0)
        {
            result.Output.ShouldBeEmpty();
        }

        foreach (var forbidden in new[] { "System.", "`1", "(Parameter '", "Exception", "   at ", "root:" })
        {
            said.ShouldNotContain(forbidden);
        }
    }

    /// <summary>The files the rows name, made once.</summary>
    public sealed class Files : IDisposable
    {
        private readonly TempFolder _folder = new();

        public Files()
        {
            const string Line = """{ "objective": { "kind": "linear-regression", "data": { "csv": "houses.csv", "features": ["size"], "target": "price" } } }""";
            _folder.Write("houses.csv", "size,price\n1,300\n2,1e400\n");
            _folder.Write("infinite.json", Line);
            _folder.Write("beta1.json", """{ "objective": { "kind": "function", "name": "booth" }, "optimizer": { "kind": "adam", "beta1": 1.5 } }""");
            _folder.Write("nan.json", "{ \"objective\": { \"kind\": \"function\", \"name\": \"booth\" },\n  \"optimizer\": { \"kind\": \"sgd\", \"learningRate\": NaN } }");
            _folder.Write("start.json", """{ "objective": { "kind": "function", "name": "booth" }, "start": 5 }""");
            _folder.Write("huge-steps.json", """{ "objective": { "kind": "function", "name": "booth" }, "steps": 1000000000000 }""");
            _folder.Write("zero-rate.json", """{ "objective": { "kind": "function", "name": "booth" }, "optimizer": { "learningRate": 0 } }""");
            _folder.Write("bowl200.json", Bowl(200, 1_000_000));
            _folder.Write("bowl300.json", Bowl(300, 10));
            _folder.Write("wide.csv", string.Join(",", Enumerable.Range(0, 110_000).Select(i => "c" + i)) + "\n" + string.Join(",", Enumerable.Repeat("1", 110_000)) + "\n");
            _folder.Write("wide.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "wide.csv", "features": ["c0"], "target": "c1" } } }""");
            _folder.Write("shadow.json", """{ "objective": { "kind": "linear-regression", "data": { "csv": "/etc/shadow", "features": ["a"], "target": "b" } } }""");
            Directory.CreateDirectory(System.IO.Path.Combine(_folder.Path, "scenarios"));
            _folder.Write("scenarios/outside.json", Line.Replace("houses.csv", "../houses.csv", StringComparison.Ordinal));
            _folder.Write("semicolon.csv", "size;price\n1,5;300\n");
            _folder.Write("semicolon.json", Line.Replace("houses.csv", "semicolon.csv", StringComparison.Ordinal));
            _folder.Write("quoted.csv", "size,price,note\n1,300,\"big, \"\"old\"\"\nhouse\"\n2,500,small\n");
            _folder.Write("quoted.json", Line.Replace("houses.csv", "quoted.csv", StringComparison.Ordinal));
        }

        public string Path => _folder.Path;

        public void Dispose() => _folder.Dispose();

        private static string Bowl(int dimension, int steps) =>
            $$"""{ "objective": { "kind": "function", "name": "quadratic-bowl", "eigenvalues": [{{string.Join(", ", Enumerable.Repeat("1", dimension))}}] }, "steps": {{steps}} }""";
    }
}
