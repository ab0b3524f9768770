using System.CommandLine;
using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Scenarios;
using Spectre.Console;

namespace GradientLab.Cli;

/// <summary>The <c>gradlab</c> command line: a thin adapter that parses arguments, runs Core, and writes what it did.</summary>
public static class GradlabApp
{
    /// <summary>Exit code of an error the user can fix (a bad option, file or scenario).</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildCommand(console);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                console.Error.WriteLine($"gradlab: {error.Message}");
            }

            console.Error.WriteLine("Run 'gradlab --help' for the commands and options.");
            return UsageError;
        }

        try
        {
            return parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is UsageException or ScenarioException)
        {
            console.Error.WriteLine($"gradlab: {error.Message}");
            return UsageError;
        }
        catch (IOException error)
        {
            console.Error.WriteLine($"gradlab: {error.Message}");
            return UsageError;
        }
    }

    private static RootCommand BuildCommand(CliConsole console)
    {
        var root = new RootCommand("GradientLab: run gradient-descent scenarios and export every step.");
        root.Subcommands.Add(PresetsCommand(console));
        root.Subcommands.Add(RunCommand(console));
        root.Subcommands.Add(CompareCommand(console));
        root.Subcommands.Add(DiagnoseCommand(console));
        root.Subcommands.Add(PlotCommand(console));
        root.Subcommands.Add(LabCommand(console));
        return root;
    }

    /// <summary>The published web lab bundled with the tool: a <c>lab</c> folder beside gradlab's own files.</summary>
    internal static string BundledLabFolder => Path.Combine(AppContext.BaseDirectory, "lab");

    private static Command LabCommand(CliConsole console)
    {
        var port = new Option<int>("--port") { Description = "The port to serve on (0: any free port).", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host") { Description = "The address to listen on: 127.0.0.1 (this machine) or 0.0.0.0 (the whole network, e.g. a classroom).", DefaultValueFactory = _ => "127.0.0.1" };
        var site = new Option<DirectoryInfo?>("--site") { Description = "Serve this published lab folder (the wwwroot of 'dotnet publish src/GradientLab.Web') instead of the bundled one." };
        var command = new Command("lab", "Serve the web lab on this machine and print its address. The lab runs in the browser; this only hands out its files.") { port, host, site };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var chosenPort = parsed.GetValue(port);
            if (chosenPort is < 0 or > 65535)
            {
                throw new UsageException($"--port: {chosenPort} is not a port; use a number from 1 to 65535, or 0 for any free port.");
            }

            var folder = parsed.GetValue(site)?.FullName ?? BundledLabFolder;
            if (!File.Exists(Path.Combine(folder, "index.html")))
            {
                throw new UsageException(parsed.GetValue(site) is null
                    ? "this copy of gradlab has no web lab bundled (it was built, not packed as a tool). Install the tool (see the README), pass --site with a published lab, or run 'dotnet run --project src/GradientLab.Web'."
                    : $"--site: {folder} is not a published lab (it has no index.html). Publish one with 'dotnet publish src/GradientLab.Web -c Release -o DIR' and pass DIR/wwwroot.");
            }

            Lab.StaticSiteServer server;
            try
            {
                server = await Lab.StaticSiteServer.StartAsync(folder, parsed.GetValue(host)!, chosenPort, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException error)
            {
                throw new UsageException($"--port: could not listen on {parsed.GetValue(host)}:{chosenPort} ({error.Message}); choose another port, or --port 0 for any free one.");
            }

            await using (server.ConfigureAwait(false))
            {
                console.Out.WriteLine($"GradientLab is running: open {server.Address} in a browser (Ctrl+C stops it).");
                console.Out.Flush();
                await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command PresetsCommand(CliConsole console)
    {
        var command = new Command("presets", "List the built-in scenarios.");
        command.SetAction(_ =>
        {
            var width = Presets.Names.Max(n => n.Length);
            foreach (var preset in Presets.All)
            {
                console.Out.WriteLine($"{preset.Name.PadRight(width)}  {preset.Description}");
            }

            console.Out.WriteLine();
            console.Out.WriteLine("Comparisons (gradlab compare NAME):");
            foreach (var (name, members) in Presets.Comparisons)
            {
                console.Out.WriteLine($"{name.PadRight(width)}  {string.Join(", ", members)}");
            }

            return 0;
        });
        return command;
    }

    /// <summary>The options that change a scenario, shared by <c>run</c> and <c>diagnose</c>.</summary>
    private sealed class OverrideOptions
    {
        public Option<double?> LearningRate { get; } = new("--learning-rate", "--alpha") { Description = "Learning rate γ (α)." };

        public Option<int?> Steps { get; } = new("--steps") { Description = $"Step budget (at most {DescentSettings.StepLimit:N0})." };

        public Option<string?> Start { get; } = new("--start") { Description = "Start point, weights then bias, comma-separated: --start 0.5,-2" };

        public Option<string?> Optimizer { get; } = new("--optimizer") { Description = $"Optimizer: {string.Join(", ", ScenarioResolver.OptimizerKinds)}." };

        public Option<double?> Momentum { get; } = new("--momentum") { Description = "Momentum μ (turns plain gd into sgd with momentum)." };

        public Option<int?> BatchSize { get; } = new("--batch-size") { Description = "Mini-batch size (1 = stochastic)." };

        public Option<int?> Seed { get; } = new("--seed") { Description = "Seed of the mini-batch shuffles." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { LearningRate, Steps, Start, Optimizer, Momentum, BatchSize, Seed })
            {
                command.Options.Add(option);
            }
        }

        public Overrides Read(ParseResult parsed) => new(
            parsed.GetValue(LearningRate),
            parsed.GetValue(Steps),
            ParseStart(parsed.GetValue(Start)),
            parsed.GetValue(Optimizer),
            parsed.GetValue(Momentum),
            parsed.GetValue(BatchSize),
            parsed.GetValue(Seed));
    }

    private static Command RunCommand(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "A preset name (see 'gradlab presets') or a scenario .json file." };
        var overrides = new OverrideOptions();
        var every = new Option<int?>("--every") { Description = "Report every N-th step and the last (table default: a tenth of the steps; csv and json: every step)." };
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };

        var command = new Command("run", "Run a scenario and print or export every step.") { scenario };
        overrides.AddTo(command);
        command.Options.Add(every);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var resolved = ScenarioSource.Load(parsed.GetValue(scenario)!, overrides.Read(parsed));
            var chosenFormat = parsed.GetValue(format)!;
            var reportEvery = parsed.GetValue(every) ?? (chosenFormat == "table" ? Math.Max(1, (resolved.Settings.MaxSteps + 9) / 10) : 1);
            if (reportEvery < 1)
            {
                throw new UsageException($"--every must be at least 1 (got {reportEvery}).");
            }

            var run = resolved.CreateRun();
            RunWithProgress(run, console, parsed.GetValue(output) is null && chosenFormat == "table");
            var file = parsed.GetValue(output);
            Write(resolved, run, chosenFormat, reportEvery, file, console);
            return 0;
        });
        return command;
    }

    private static Command DiagnoseCommand(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "A preset name (see 'gradlab presets') or a scenario .json file." };
        var overrides = new OverrideOptions();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("diagnose", "Run a scenario and say what is going wrong, why, and what to change: curvature, stability limits, verdict, evidence, advice.") { scenario };
        overrides.AddTo(command);
        command.Options.Add(format);
        command.SetAction(parsed =>
        {
            var resolved = ScenarioSource.Load(parsed.GetValue(scenario)!, overrides.Read(parsed));
            var run = resolved.CreateRun();
            RunWithProgress(run, console, parsed.GetValue(format) == "text");
            var report = new ScenarioDiagnoser(resolved).Diagnose(run.Trajectory, run.StopReason);
            if (parsed.GetValue(format) == "json")
            {
                using var buffer = new MemoryStream();
                DiagnosisWriter.WriteJson(buffer, resolved, run, report);
                console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                DiagnosisWriter.WriteText(console.Out, resolved, run, report);
            }

            return 0;
        });
        return command;
    }

    private static Command PlotCommand(CliConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "A preset name (see 'gradlab presets') or a scenario .json file." };
        var overrides = new OverrideOptions();
        var figure = new Option<string?>("--figure") { Description = "contour (the cost surface with the path; needs two parameters), data (the samples with the model) or loss. Default: contour where possible, else loss." };
        figure.AcceptOnlyFromAmong("contour", "data", "loss");
        var step = new Option<int?>("--step") { Description = "Draw the run up to this step (default: its last)." };
        var log = new Option<bool>("--log") { Description = "Loss on a log scale." };
        var output = new Option<FileInfo>("--out") { Description = "The figure file: .svg, or .png (drawn with librsvg).", Required = true };
        var command = new Command("plot", "Run a scenario and draw a figure of it as SVG or PNG.") { scenario };
        overrides.AddTo(command);
        command.Options.Add(figure);
        command.Options.Add(step);
        command.Options.Add(log);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(output)!;
            var extension = file.Extension.ToLowerInvariant();
            if (extension is not (".svg" or ".png"))
            {
                throw new UsageException($"--out: '{file.Name}' should end in .svg or .png.");
            }

            var resolved = ScenarioSource.Load(parsed.GetValue(scenario)!, overrides.Read(parsed));
            var run = resolved.CreateRun();
            run.RunToEnd();
            var figures = new GradientLab.Figures.RunFigures(resolved, run.Trajectory);
            var cursor = Math.Min(parsed.GetValue(step) ?? run.Current.Step, run.Current.Step);
            if (cursor < 0)
            {
                throw new UsageException($"--step must be 0 or more (got {cursor}).");
            }

            var kind = parsed.GetValue(figure) ?? (figures.HasContour ? "contour" : "loss");
            var (svg, width, height) = kind switch
            {
                "contour" when !figures.HasContour => throw new UsageException($"--figure contour needs exactly two parameters; this scenario has {resolved.ParameterNames.Count} ({string.Join(", ", resolved.ParameterNames)}). Try --figure loss."),
                "contour" => (figures.ContourFigure(cursor), GradientLab.Figures.RunFigures.Width, GradientLab.Figures.RunFigures.Height),
                "data" when !figures.HasData => throw new UsageException("--figure data needs a scenario with data; this one is a plain function. Try --figure contour or loss."),
                "data" => (figures.DataFigure(cursor), GradientLab.Figures.RunFigures.Width, GradientLab.Figures.RunFigures.Height),
                _ => (figures.Loss(cursor, parsed.GetValue(log), standalone: true), GradientLab.Figures.RunFigures.Width, GradientLab.Figures.RunFigures.LossHeight),
            };
            if (extension == ".png")
            {
                SvgRasterizer.WritePng(svg, width, height, file.FullName);
            }
            else
            {
                File.WriteAllText(file.FullName, svg);
            }

            console.Out.WriteLine($"Wrote the {kind} figure of '{resolved.Scenario.Name}' at step {cursor} to {file.FullName}.");
            return 0;
        });
        return command;
    }

    private static Command CompareCommand(CliConsole console)
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Presets, scenario .json files or comparison names (see 'gradlab presets').", Arity = ArgumentArity.OneOrMore };
        var steps = new Option<int?>("--steps") { Description = "Step budget for every scenario." };
        var every = new Option<int?>("--every") { Description = "Report every N-th step of each run and its last (default: every step)." };
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("compare", "Run several scenarios and write them together: CSV (scenario, step, loss, parameters) or JSON (an array of run documents).")
        {
            scenarios, steps, every, format, output,
        };
        command.SetAction(parsed =>
        {
            var names = parsed.GetValue(scenarios)!.SelectMany(n => Presets.Comparisons.TryGetValue(n, out var members) ? members : [n]).ToList();
            var reportEvery = parsed.GetValue(every) ?? 1;
            if (reportEvery < 1)
            {
                throw new UsageException($"--every must be at least 1 (got {reportEvery}).");
            }

            var runs = names.Select(name =>
            {
                var resolved = ScenarioSource.Load(name, new Overrides(Steps: parsed.GetValue(steps)));
                var run = resolved.CreateRun();
                run.RunToEnd();
                return (resolved, run);
            }).ToList();
            var file = parsed.GetValue(output);
            using var stream = file is null ? new MemoryStream() : (Stream)file.Create();
            if (parsed.GetValue(format) == "json")
            {
                TrajectoryWriter.WriteJsonArray(stream, runs, reportEvery);
            }
            else
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                TrajectoryWriter.WriteComparisonCsv(writer, runs, reportEvery);
            }

            if (file is null)
            {
                console.Out.Write(System.Text.Encoding.UTF8.GetString(((MemoryStream)stream).ToArray()));
            }
            else
            {
                console.Out.WriteLine($"Wrote {runs.Count} runs ({string.Join(", ", runs.Select(r => $"{r.resolved.Scenario.Name}: {TrajectoryWriter.StopReasonName(r.run.StopReason!.Value)} at step {r.run.Current.Step}"))}) to {file.FullName}.");
            }

            return 0;
        });
        return command;
    }

    private static void Write(ResolvedScenario resolved, DescentRun run, string format, int every, FileInfo? file, CliConsole console)
    {
        if (file is null)
        {
            if (format == "json")
            {
                using var buffer = new MemoryStream();
                TrajectoryWriter.WriteJson(buffer, resolved, run, every);
                console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else if (format == "csv")
            {
                TrajectoryWriter.WriteCsv(console.Out, resolved, run, every);
            }
            else
            {
                TrajectoryWriter.WriteTable(console.Out, resolved, run, every);
            }

            return;
        }

        using (var stream = file.Create())
        {
            if (format == "json")
            {
                TrajectoryWriter.WriteJson(stream, resolved, run, every);
            }
            else
            {
                using var writer = new StreamWriter(stream);
                if (format == "csv")
                {
                    TrajectoryWriter.WriteCsv(writer, resolved, run, every);
                }
                else
                {
                    TrajectoryWriter.WriteTable(writer, resolved, run, every);
                }
            }
        }

        var count = TrajectoryWriter.Reported(run, every).Count;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {count} points of '{resolved.Scenario.Name}' to {file.FullName} ({TrajectoryWriter.StopReasonName(run.StopReason!.Value)} at step {run.Current.Step})."));
    }

    private static void RunWithProgress(DescentRun run, CliConsole console, bool toTerminal)
    {
        const int ProgressFrom = 50_000;
        if (!console.IsTerminal || !toTerminal || run.Settings.MaxSteps < ProgressFrom)
        {
            run.RunToEnd();
            return;
        }

        AnsiConsole.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("descending", maxValue: run.Settings.MaxSteps);
            while (run.Step())
            {
                if (run.Current.Step % 1000 == 0)
                {
                    task.Value = run.Current.Step;
                }
            }

            task.Value = task.MaxValue;
        });
    }

    private static double[]? ParseStart(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"--start: '{parts[i]}' (value {i + 1} of '{text}') is not a finite number. Write the weights then the bias, comma-separated: --start 0.5,-2");
            }
        }

        return values;
    }
}
