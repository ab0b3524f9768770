namespace GradientLab.Cli;

/// <summary>Where a command writes: its output, its errors, and whether a person is watching (for progress bars).</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="IsTerminal">True when the output is a terminal, not a file or a pipe.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal);

/// <summary>An error the user can fix; the command prints it to standard error and exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
