namespace GradientLab.Scenarios;

/// <summary>
/// The files a scenario file may read: CSV files (<c>.csv</c>, <c>.tsv</c> or <c>.txt</c>) in its own folder and
/// below, after following symbolic links, unless reading others is allowed. A file it may not read is refused before
/// it is opened, so nothing of it can appear in a message. Pass <see cref="Open"/> to
/// <see cref="ScenarioResolver.Resolve"/>.
/// </summary>
public sealed class ScenarioFolder
{
    private static readonly string[] Extensions = [".csv", ".tsv", ".txt"];

    /// <summary>Files of <paramref name="folder"/> (relative paths start there); others only when <paramref name="allowOutside"/>.</summary>
    public ScenarioFolder(string folder, bool allowOutside = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
        AllowOutside = allowOutside;
    }

    /// <summary>The scenario's folder, as a full path.</summary>
    public string Folder { get; }

    /// <summary>Whether files outside <see cref="Folder"/> may be read.</summary>
    public bool AllowOutside { get; }

    /// <summary>Opens <paramref name="path"/> (relative to <see cref="Folder"/>, or absolute) for reading.</summary>
    /// <exception cref="ScenarioException">Not a CSV file name, outside the folder, missing, empty or unreadable.</exception>
    public Stream Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = CsvTable.Shorten(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new ScenarioException($"objective.data.csv: '{shown}' is not a file name.");
        }

        if (!Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ScenarioException($"objective.data.csv: '{shown}' is not a CSV file; a scenario reads only .csv, .tsv and .txt files.");
        }

        string real;
        try
        {
            real = RealPath(Path.IsPathRooted(path) ? path : Path.Join(Folder, path));
            if (!AllowOutside && !IsInside(real, RealPath(Folder)))
            {
                throw new ScenarioException($"objective.data.csv: '{shown}' is outside the scenario's folder ({Folder}); a scenario may read only files in its own folder and below, unless reading others is allowed (gradlab: --allow-outside-files).");
            }

            var file = new FileInfo(real);
            if (!file.Exists)
            {
                throw new ScenarioException($"objective.data.csv: cannot read '{shown}': no such file (looked in {Folder}).");
            }

            if (file.Length == 0)
            {
                // Devices, pipes and /proc files also report 0 bytes: they are never opened.
                throw new ScenarioException($"objective.data.csv: '{shown}' is empty (or not a regular file).");
            }

            return new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new ScenarioException($"objective.data.csv: cannot read '{shown}': permission denied.", error);
        }
        catch (IOException error)
        {
            throw new ScenarioException($"objective.data.csv: cannot read '{shown}': {error.Message}", error);
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, comparison);
    }

    /// <summary>The rooted <paramref name="path"/> with every symbolic link along it followed and every "." and ".." taken, as the system would.</summary>
    private static string RealPath(string path)
    {
        var current = Path.GetPathRoot(path)!;
        var pending = new Stack<string>(Parts(path[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > 40)
            {
                throw new IOException("too many symbolic links");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
                target = target[current.Length..];
            }

            foreach (var step in Parts(target).Reverse())
            {
                pending.Push(step);
            }
        }

        return current;
    }

    private static string[] Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
