using GradientLab.Cli;

return GradlabApp.Run(args, new CliConsole(Console.Out, Console.Error, IsTerminal: !Console.IsOutputRedirected));
