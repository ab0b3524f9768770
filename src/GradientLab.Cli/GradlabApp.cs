using System.CommandLine;
using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Figures;
using GradientLab.Scenarios;
using Spectre.Console;

namespace GradientLab.Cli;

/// <summary>The <c>gradlab</c> command line: a thin adapter that parses arguments, runs Core, and writes what it did.</summary>
public static class GradlabApp
{
    /// <summary>Exit code of an error the user can fix (a bad option, file or scenario).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of anything else: an error gradlab did not expect, reported in one line with where its details are.</summary>
    public const int InternalError = 1;

    /// <summary>Runs the command line and returns the exit code: 0 done, 2 bad input (a message says what to change), 1 anything else.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var root = BuildCommand(console);

            // No response files: "@file" would read any file as arguments and echo its words in errors.
            var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors.Select(e => CliOptions.Friendly(e.Message)).Distinct(StringComparer.Ordinal))
                {
                    console.Error.WriteLine($"gradlab: {error}");
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
        }
        catch (IOException error) when (IsBrokenPipe(error))
        {
            return 0; // the reader of the output went away (gradlab run … | head -1): nothing to say
        }
        catch (Exception error)
        {
            return Unexpected(error, args, console);
        }
    }

    private static bool IsBrokenPipe(IOException error) =>
        (error.HResult & 0xFFFF) == 32 || error.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    /// <summary>One line for a person, the details in a log file for a bug report.</summary>
    private static int Unexpected(Exception error, string[] args, CliConsole console)
    {
        string? log = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"gradlab-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));
        try
        {
            File.WriteAllText(log, $"gradlab {string.Join(' ', args)}{Environment.NewLine}{error}{Environment.NewLine}");
        }
        catch (Exception logError) when (logError is IOException or UnauthorizedAccessException)
        {
            log = null;
        }

        try
        {
            console.Error.WriteLine(log is null
                ? "gradlab: an unexpected error stopped the command (not something you typed); its details could not be saved."
                : $"gradlab: an unexpected error stopped the command (not something you typed); the details are in {log}.");
        }
        catch (IOException)
        {
            // Standard error is gone too: the exit code says it.
        }

        return InternalError;
    }

    private static RootCommand BuildCommand(CliConsole console)
    {
        var root = new RootCommand("GradientLab: run gradient-descent scenarios and export every step.");
        root.Subcommands.Add(PresetsCommand(console));
        root.Subcommands.Add(OptimizersCommand(console));
        root.Subcommands.Add(RunCommand(console));
        root.Subcommands.Add(CompareCommand(console));
        root.Subcommands.Add(DiagnoseCommand(console));
        root.Subcommands.Add(PlotCommand(console));
        root.Subcommands.Add(AnimateCommand(console));
        root.Subcommands.Add(LabCommand(console));
        return root;
    }

    /// <summary>The published web lab bundled with the tool: a <c>lab</c> folder beside gradlab's own files.</summary>
    internal static string BundledLabFolder => Path.Combine(AppContext.BaseDirectory, "lab");

    private static Command LabCommand(CliConsole console)
    {
        var port = CliOptions.Whole("--port", "The port to serve on (0: any free port).", 0, 65535, 5000);
        var host = new Option<string>("--host") { Description = "The address to listen on: 127.0.0.1 (this machine) or 0.0.0.0 (the whole network, e.g. a classroom).", DefaultValueFactory = _ => "127.0.0.1" };
        var site = CliOptions.FilePath("--site", "Serve this published lab folder (the wwwroot of 'dotnet publish src/GradientLab.Web') instead of the bundled one.");
        var command = new Command("lab", "Serve the web lab on this machine and print its address. The lab runs in the browser; this only hands out its files.") { port, host, site };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var chosenPort = parsed.GetValue(port);
            var address = parsed.GetValue(host)!;
            if (address != "localhost" && !System.Net.IPAddress.TryParse(address, out _))
            {
                // Kestrel would listen on every address for a name it cannot bind: a typo must not open the lab to the network.
                throw new UsageException($"--host: '{CliOptions.Shown(address)}' is not an address; use 127.0.0.1 (this machine) or 0.0.0.0 (the whole network).");
            }

            var listenOn = System.Net.IPAddress.TryParse(address, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address;
            var folder = parsed.GetValue(site) is { } given ? Path.GetFullPath(given) : BundledLabFolder;
            if (!File.Exists(Path.Combine(folder, "index.html")))
            {
                throw new UsageException(parsed.GetValue(site) is null
                    ? "this copy of gradlab has no web lab bundled (it was built, not packed as a tool). Install the tool (see the README), pass --site with a published lab, or run 'dotnet run --project src/GradientLab.Web'."
                    : $"--site: {folder} is not a published lab (it has no index.html). Publish one with 'dotnet publish src/GradientLab.Web -c Release -o DIR' and pass DIR/wwwroot.");
            }

            Lab.StaticSiteServer server;
            try
            {
                server = await Lab.StaticSiteServer.StartAsync(folder, listenOn, chosenPort, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException or FormatException or InvalidOperationException)
            {
                throw new UsageException($"--port, --host: could not listen on {CliOptions.Shown(parsed.GetValue(host)!)}:{chosenPort} ({CliOptions.Shown(error.Message)}); choose another port (or --port 0 for any free one) and an address of this machine.");
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

    private static Command OptimizersCommand(CliConsole console)
    {
        var markdown = CliOptions.Flag("--markdown", "Print the table README.md carries instead.");
        var command = new Command("optimizers", "List the optimizers (--optimizer, a scenario's optimizer.kind) with their settings, defaults and ranges.") { markdown };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(markdown))
            {
                console.Out.Write(OptimizerCatalogue.MarkdownTable());
                return 0;
            }

            var width = OptimizerCatalogue.Keys.Max(k => k.Length);
            foreach (var choice in OptimizerCatalogue.All)
            {
                console.Out.WriteLine($"{choice.Key.PadRight(width)}  {choice.DisplayName} — {choice.Description}");
                if (choice.Key != choice.Kind)
                {
                    var fixedValues = string.Join(", ", (choice.Fixed ?? new Dictionary<string, object>(StringComparer.Ordinal)).Select(p => $"{p.Key}: {OptimizerSetting.Text(p.Value)}"));
                    console.Out.WriteLine($"{"",-8}is \"kind\": \"{choice.Kind}\" with {fixedValues}");
                }

                foreach (var setting in choice.Settings)
                {
                    console.Out.WriteLine($"{"",-8}{setting.Field,-19} {setting.DefaultText,-8} {setting.RangeText,-24} {setting.Description}");
                }
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
        public Option<double?> LearningRate { get; } = CliOptions.Number("--learning-rate", "Learning rate γ (α), above 0.", positive: true, "--alpha");

        public Option<int?> Steps { get; } = CliOptions.Whole("--steps", $"Step budget (at most {DescentSettings.StepLimit:N0}).", 0, DescentSettings.StepLimit);

        public Option<string?> Start { get; } = new("--start") { Description = "Start point, weights then bias, comma-separated: --start 0.5,-2" };

        public Option<string?> Optimizer { get; } = new("--optimizer") { Description = $"Optimizer: {string.Join(", ", OptimizerCatalogue.Keys)} (their settings: 'gradlab optimizers')." };

        public Option<double?> Momentum { get; } = CliOptions.Number("--momentum", "Momentum μ (turns plain gd into sgd with momentum).");

        public Option<int?> BatchSize { get; } = CliOptions.Whole("--batch-size", "Mini-batch size (1 = stochastic; at most the rows of data).", 1, ScenarioLimits.Default.MaxRows);

        public Option<int?> Seed { get; } = CliOptions.Whole("--seed", "Seed of the mini-batch shuffles.", int.MinValue, int.MaxValue);

        public Option<bool> AllowOutsideFiles { get; } = CliOptions.Flag("--allow-outside-files", "Let a scenario file read CSV files outside its own folder.");

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { LearningRate, Steps, Start, Optimizer, Momentum, BatchSize, Seed, AllowOutsideFiles })
            {
                command.Options.Add(option);
            }
        }

        public ResolvedScenario Load(ParseResult parsed, string scenario) => ScenarioSource.Load(scenario, Read(parsed), parsed.GetValue(AllowOutsideFiles));

        private Overrides Read(ParseResult parsed) => new(
            parsed.GetValue(LearningRate),
            parsed.GetValue(Steps),
            ParseStart(parsed.GetValue(Start)),
            parsed.GetValue(Optimizer),
            parsed.GetValue(Momentum),
            parsed.GetValue(BatchSize),
            parsed.GetValue(Seed));
    }

    private static Argument<string> ScenarioArgument() => new("scenario") { Description = "A preset name (see 'gradlab presets') or a scenario .json file." };

    private static Option<string?> OutOption(string description, bool required = false) => CliOptions.FilePath("--out", description, required);

    private static Command RunCommand(CliConsole console)
    {
        var scenario = ScenarioArgument();
        var overrides = new OverrideOptions();
        var every = CliOptions.Whole("--every", "Report every N-th step and the last (table default: a tenth of the steps; csv and json: every step).", 1, int.MaxValue);
        var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = OutOption("Write to this file instead of standard output (written whole, or not at all).");

        var command = new Command("run", "Run a scenario and print or export every step.") { scenario };
        overrides.AddTo(command);
        command.Options.Add(every);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var resolved = overrides.Load(parsed, parsed.GetValue(scenario)!);
            var chosenFormat = parsed.GetValue(format)!;
            var reportEvery = parsed.GetValue(every) ?? (chosenFormat == "table" ? Math.Max(1, (resolved.Settings.MaxSteps + 9) / 10) : 1);
            var file = parsed.GetValue(output);
            var run = resolved.CreateRun();
            RunWithProgress(run, console, file is null && chosenFormat == "table");
            Write(resolved, run, chosenFormat, reportEvery, file, console);
            return 0;
        });
        return command;
    }

    private static Command DiagnoseCommand(CliConsole console)
    {
        var scenario = ScenarioArgument();
        var overrides = new OverrideOptions();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = OutOption("Write the diagnosis to this file instead of standard output (written whole, or not at all).");
        var command = new Command("diagnose", "Run a scenario and say what is going wrong, why, and what to change: curvature, stability limits, verdict, evidence, advice.") { scenario };
        overrides.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var resolved = overrides.Load(parsed, parsed.GetValue(scenario)!);
            var run = resolved.CreateRun();
            var file = parsed.GetValue(output);
            RunWithProgress(run, console, file is null && parsed.GetValue(format) == "text");
            var report = new ScenarioDiagnoser(resolved).Diagnose(run.Trajectory, run.StopReason);
            var json = parsed.GetValue(format) == "json";
            Emit(file, console, stream =>
            {
                if (json)
                {
                    DiagnosisWriter.WriteJson(stream, resolved, run, report);
                    stream.Write("\n"u8);
                }
                else
                {
                    using var writer = new StreamWriter(stream, leaveOpen: true);
                    DiagnosisWriter.WriteText(writer, resolved, run, report);
                }
            });
            if (file is not null)
            {
                console.Out.WriteLine($"Wrote the diagnosis of '{resolved.Scenario.Name}' ({RunPresentation.VerdictWord(report.Diagnosis.Verdict)}) to {Path.GetFullPath(file)}.");
            }

            return 0;
        });
        return command;
    }

    private static Command PlotCommand(CliConsole console)
    {
        var scenario = ScenarioArgument();
        var overrides = new OverrideOptions();
        var figure = new Option<string?>("--figure") { Description = "contour (the cost surface's level curves with the path; needs two parameters), surface (the same in 3-D), data (the samples with the model) or loss. Default: contour where possible, else loss." };
        figure.AcceptOnlyFromAmong("contour", "surface", "data", "loss");
        var step = CliOptions.Whole("--step", "Draw the run up to this step (default: its last).", 0, DescentSettings.StepLimit);
        var log = CliOptions.Flag("--log", "Loss on a log scale (by default the axis turns logarithmic when the loss spans more than three decades).");
        var widthOption = CliOptions.Whole("--width", "The figure's width in pixels (default 640); the height follows, and the text is laid out for that width.", 240, 4000);
        var scale = PngScaleOption(2);
        var output = OutOption("The figure file: .svg, or .png (drawn in-process with the figure font); written whole, or not at all.", required: true);
        var command = new Command("plot", "Run a scenario and draw a figure of it as SVG or PNG.") { scenario };
        overrides.AddTo(command);
        command.Options.Add(figure);
        command.Options.Add(step);
        command.Options.Add(log);
        command.Options.Add(widthOption);
        command.Options.Add(scale);
        command.Options.Add(output);
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(output)!;
            var pixels = parsed.GetValue(widthOption) ?? GradientLab.Figures.RunFigures.Width;
            var extension = Extension(file, ".svg", ".png");

            var resolved = overrides.Load(parsed, parsed.GetValue(scenario)!);
            var run = resolved.CreateRun();
            run.RunToEnd();
            var figures = new GradientLab.Figures.RunFigures(resolved, run.Trajectory);
            var cursor = Math.Min(parsed.GetValue(step) ?? run.Current.Step, run.Current.Step);
            var kind = parsed.GetValue(figure) ?? (figures.HasContour ? "contour" : "loss");
            var (svg, width, height) = kind switch
            {
                "contour" or "surface" when !figures.HasContour => throw ViewUnavailable(RunView.Contour, resolved),
                "contour" => (figures.ContourFigureSvg(cursor, pixels, pixels * 3 / 4), pixels, pixels * 3 / 4),
                "surface" => (figures.SurfaceFigureSvg(cursor, pixels, pixels * 3 / 4), pixels, pixels * 3 / 4),
                "data" when !figures.HasData || resolved.Classifier is not null => throw ViewUnavailable(RunView.Data, resolved),
                "data" => (figures.DataFigureSvg(cursor, pixels, pixels * 3 / 4), pixels, pixels * 3 / 4),
                _ => (figures.LossFigureSvg(cursor, parsed.GetValue(log) ? true : null, pixels, pixels * 9 / 16), pixels, pixels * 9 / 16),
            };
            if (extension == ".png")
            {
                OutputFile.Write(file, stream => SvgRasterizer.WritePng(svg, width, height, stream, parsed.GetValue(scale)));
            }
            else
            {
                OutputFile.Write(file, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(svg)));
            }

            console.Out.WriteLine($"Wrote the {kind} figure of '{resolved.Scenario.Name}' at step {cursor} to {Path.GetFullPath(file)}.");
            return 0;
        });
        return command;
    }

    /// <summary>The extension of an --out <paramref name="file"/> (lower case), which must be one of <paramref name="allowed"/>.</summary>
    private static string Extension(string file, params string[] allowed)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return allowed.Contains(extension, StringComparer.Ordinal)
            ? extension
            : throw new UsageException($"--out: '{CliOptions.Shown(Path.GetFileName(file))}' should end in {string.Join(" or ", allowed)}.");
    }

    /// <summary>The views the command line draws of a scenario: <see cref="RunAnimation.ViewsOf"/>, without the data view of a
    /// classifier (its view is the decision boundary on the /network page, not a line through the data).</summary>
    private static IReadOnlyList<RunView> ViewsOf(ResolvedScenario resolved) =>
        resolved.Classifier is null ? RunAnimation.ViewsOf(resolved) : [.. RunAnimation.ViewsOf(resolved).Where(v => v != RunView.Data)];

    /// <summary>Why a scenario has no <paramref name="view"/>, and what to draw instead.</summary>
    private static UsageException ViewUnavailable(RunView view, ResolvedScenario resolved) => view switch
    {
        RunView.Contour => new UsageException($"--figure contour needs exactly two parameters; this scenario has {resolved.ParameterNames.Count} ({string.Join(", ", resolved.ParameterNames.Take(10))}{(resolved.ParameterNames.Count > 10 ? ", …" : "")}). Try --figure loss."),
        _ when resolved.Classifier is not null => new UsageException($"--figure data draws a line through regression data; '{resolved.Scenario.Name}' classifies points ({resolved.Scenario.Objective?.Kind}), whose decision boundary the web lab's /network page draws. Try --figure loss."),
        _ => new UsageException("--figure data needs a scenario with data; this one is a plain function. Try --figure contour or loss."),
    };

    /// <summary>Most frames one animation has (a minute at 10 frames a second).</summary>
    internal const int MaxFrames = 600;

    /// <summary>Most pixels one GIF animation draws in all (frames × width × height): well under a minute of work on one core.</summary>
    internal const long MaxGifPixels = 250_000_000;

    /// <summary>How long the last frame of an animation stays, before it starts again.</summary>
    internal const double LastFrameSeconds = 2;

    private static Command AnimateCommand(CliConsole console)
    {
        var scenario = ScenarioArgument();
        var overrides = new OverrideOptions();
        var figure = CliOptions.Choice("--figure", "contour, data, loss, or all (side by side). Default: all the views the scenario has (the data, J(w, b) with two parameters, the loss).", "contour", "data", "loss", "all");
        var fps = CliOptions.Whole("--fps", "Frames per second, 1 to 50. The last frame stays 2 s before the loop starts again.", 1, 50, 10);
        var every = CliOptions.Whole("--every", $"A frame every N-th step, and the last (default: the smallest N that keeps the animation to {RunAnimation.DefaultMaxFrames} frames).", 1, int.MaxValue);
        var log = CliOptions.Flag("--log", "Loss on a log scale.");
        var scale = PngScaleOption(1, "GIF");
        var output = OutOption("The animation file: .gif, or .svg (animated with SMIL: plays in a browser, no script); written whole, or not at all.", required: true);
        var command = new Command("animate", "Run a scenario and animate it, step by step, as a GIF or an animated SVG: the chosen views with the step, the loss and the parameters above them.") { scenario };
        overrides.AddTo(command);
        foreach (var option in new Option[] { figure, fps, every, log, scale, output })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(output)!;
            var extension = Extension(file, ".gif", ".svg");

            var resolved = overrides.Load(parsed, parsed.GetValue(scenario)!);
            var available = ViewsOf(resolved);
            var chosen = parsed.GetValue(figure) ?? "all";
            IReadOnlyList<RunView> views = chosen == "all" ? available : [Enum.Parse<RunView>(chosen, ignoreCase: true)];
            foreach (var view in views.Where(v => !available.Contains(v)))
            {
                throw ViewUnavailable(view, resolved);
            }

            var run = resolved.CreateRun();
            RunWithProgress(run, console, toTerminal: true);
            var animation = new RunAnimation(resolved, run.Trajectory, views, parsed.GetValue(log));
            var steps = animation.Steps(parsed.GetValue(every) ?? RunAnimation.DefaultEvery(animation.LastStep));

            // Limits before anything is drawn.
            var gif = extension == ".gif";
            var pixelScale = gif ? parsed.GetValue(scale) : 1;
            var (width, height) = (animation.Width * pixelScale, animation.Height * pixelScale);
            var pixels = (long)steps.Count * width * height;
            if (steps.Count > MaxFrames)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--every {parsed.GetValue(every)}: this run's {animation.LastStep:N0} steps make {steps.Count:N0} frames; at most {MaxFrames:N0}. Pass a larger --every (or leave it out for at most {RunAnimation.DefaultMaxFrames} frames), or fewer --steps."));
            }

            if (gif && pixels > MaxGifPixels)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--every, --scale, --figure: {steps.Count:N0} frames of {width} × {height} pixels are {pixels:N0} pixels to draw; at most {MaxGifPixels:N0}. Pass a larger --every, --scale 1 or a single --figure."));
            }

            var frameSeconds = 1.0 / parsed.GetValue(fps);
            if (gif)
            {
                OutputFile.Write(file, stream => WriteGif(animation, steps, pixelScale, (int)Math.Round(100 * frameSeconds), stream));
            }
            else
            {
                var svg = animation.AnimatedSvg(steps, frameSeconds, Math.Max(LastFrameSeconds, frameSeconds));
                OutputFile.Write(file, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(svg)));
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {steps.Count} frames of '{resolved.Scenario.Name}' (steps 0 to {animation.LastStep}, {string.Join(", ", views).ToLowerInvariant()}, {width} × {height} px, {parsed.GetValue(fps)} fps) to {Path.GetFullPath(file)}."));
            return 0;
        });
        return command;
    }

    /// <summary>The frames at <paramref name="steps"/> as a GIF, each drawn, encoded and written in turn; the last stays <see cref="LastFrameSeconds"/>.</summary>
    private static void WriteGif(RunAnimation animation, IReadOnlyList<int> steps, int scale, int delay, Stream stream) =>
        AnimatedGif.Write(stream, steps.Count, i => SvgRasterizer.Render(animation.Frame(steps[i]), animation.Width, animation.Height, scale), delay, Math.Max(delay, (int)(100 * LastFrameSeconds)));

    /// <summary>Pixels per figure pixel in a PNG or GIF: 1 or 2 (sharp on high-density screens).</summary>
    private static Option<int> PngScaleOption(int defaultValue, string format = "PNG") =>
        CliOptions.Whole("--scale", $"Pixels per figure pixel in a {format}: 1 or 2.", 1, 2, defaultValue);

    /// <summary>Most scenarios one <c>compare</c> runs.</summary>
    private const int MaxCompared = 20;

    private static Command CompareCommand(CliConsole console)
    {
        var scenarios = new Argument<string[]>("scenarios") { Description = "Presets, scenario .json files or comparison names (see 'gradlab presets').", Arity = ArgumentArity.OneOrMore };
        var steps = CliOptions.Whole("--steps", $"Step budget for every scenario (at most {DescentSettings.StepLimit:N0}).", 0, DescentSettings.StepLimit);
        var every = CliOptions.Whole("--every", "Report every N-th step of each run and its last (default: every step).", 1, int.MaxValue);
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = OutOption("Write to this file instead of standard output (written whole, or not at all).");
        var allowOutside = CliOptions.Flag("--allow-outside-files", "Let scenario files read CSV files outside their own folders.");
        var command = new Command("compare", "Run several scenarios and write them together: CSV (scenario, step, loss, parameters) or JSON (an array of run documents).")
        {
            scenarios, steps, every, format, output, allowOutside,
        };
        command.SetAction(parsed =>
        {
            var names = parsed.GetValue(scenarios)!.SelectMany(n => Presets.Comparisons.TryGetValue(n, out var members) ? members : [n]).ToList();
            var reportEvery = parsed.GetValue(every) ?? 1;
            if (names.Count > MaxCompared)
            {
                throw new UsageException($"compare: {names.Count:N0} scenarios; at most {MaxCompared} at once.");
            }

            // Limits before work: together the runs may record no more than one run may.
            var scenariosToRun = names.Select(name => ScenarioSource.Load(name, new Overrides(Steps: parsed.GetValue(steps)), parsed.GetValue(allowOutside))).ToList();
            var recorded = scenariosToRun.Sum(r => (r.Settings.MaxSteps + 1L) * r.Settings.Objective.Dimension);
            var limit = ScenarioLimits.Default.MaxRecordedValues;
            if (recorded > limit)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"compare: {scenariosToRun.Count} runs could record {recorded:N0} numbers in all (steps × parameters), more than the limit of {limit:N0}; compare fewer scenarios or pass fewer --steps."));
            }

            var runs = scenariosToRun.Select(resolved =>
            {
                var run = resolved.CreateRun();
                run.RunToEnd();
                return (resolved, run);
            }).ToList();
            var file = parsed.GetValue(output);
            var json = parsed.GetValue(format) == "json";
            Emit(file, console, stream =>
            {
                if (json)
                {
                    TrajectoryWriter.WriteJsonArray(stream, runs, reportEvery);
                }
                else
                {
                    using var writer = new StreamWriter(stream, leaveOpen: true);
                    TrajectoryWriter.WriteComparisonCsv(writer, runs, reportEvery);
                }
            });
            if (file is not null)
            {
                console.Out.WriteLine($"Wrote {runs.Count} runs ({string.Join(", ", runs.Select(r => $"{r.resolved.Scenario.Name}: {RunPresentation.StopReasonName(r.run.StopReason!.Value)} at step {r.run.Current.Step}"))}) to {Path.GetFullPath(file)}.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Writes to <paramref name="file"/> whole (or not at all), or to standard output when it is null.</summary>
    private static void Emit(string? file, CliConsole console, Action<Stream> write)
    {
        if (file is not null)
        {
            OutputFile.Write(file, write);
            return;
        }

        using var stream = new TextWriterStream(console.Out);
        write(stream);
        stream.Flush();
    }

    private static void Write(ResolvedScenario resolved, DescentRun run, string format, int every, string? file, CliConsole console)
    {
        if (file is null)
        {
            if (format == "json")
            {
                Emit(null, console, stream =>
                {
                    TrajectoryWriter.WriteJson(stream, resolved, run, every);
                    stream.Write("\n"u8);
                });
            }
            else if (format == "csv")
            {
                TrajectoryWriter.WriteCsv(console.Out, resolved, run, every);
            }
            else
            {
                TrajectoryWriter.WriteTable(console.Out, resolved, run, every);
            }

            console.Out.Flush();
            return;
        }

        OutputFile.Write(file, stream =>
        {
            if (format == "json")
            {
                TrajectoryWriter.WriteJson(stream, resolved, run, every);
                return;
            }

            using var writer = new StreamWriter(stream, leaveOpen: true);
            if (format == "csv")
            {
                TrajectoryWriter.WriteCsv(writer, resolved, run, every);
            }
            else
            {
                TrajectoryWriter.WriteTable(writer, resolved, run, every);
            }
        });
        var count = TrajectoryWriter.Reported(run, every).Count;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {count} points of '{resolved.Scenario.Name}' to {Path.GetFullPath(file)} ({RunPresentation.StopReasonName(run.StopReason!.Value)} at step {run.Current.Step})."));
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

        // A list may be written as JSON writes it, [0.5, -2], as well as 0.5,-2.
        var list = text.Trim();
        if (list.StartsWith('[') && list.EndsWith(']'))
        {
            list = list[1..^1];
        }

        var parts = list.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new UsageException($"--start: '{CliOptions.Shown(parts[i])}' (value {i + 1} of '{CliOptions.Shown(text)}') is not a finite number. Write the weights then the bias, comma-separated: --start 0.5,-2");
            }
        }

        return values;
    }
}
