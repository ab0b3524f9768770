namespace GradientLab.Cli;

/// <summary>
/// Writes an output file so that nothing is lost: into a temporary file beside the target, moved over the target only
/// once complete. A failure (a folder that cannot be written, a full disk, an error halfway) removes the temporary file
/// and leaves whatever was at the target untouched; it is a <see cref="UsageException"/> that says why.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, which gets the temporary file's stream.</summary>
    public static void Write(string path, Action<Stream> write) => Replace(path, temporary =>
    {
        using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        write(stream);
        stream.Flush(flushToDisk: true);
    });

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, which gets the temporary file's path to create.</summary>
    public static void Replace(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"--out: {path} is a folder; name a file in it.");
        }

        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--out: cannot write {path}: the folder {folder} does not exist.");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Delete(temporary);
            var kept = File.Exists(full) ? " The file that was there is unchanged." : "";
            throw new UsageException($"--out: cannot write {path}: {Reason(error)}; nothing was written.{kept}");
        }
        catch
        {
            Delete(temporary);
            throw;
        }
    }

    private static string Reason(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied (choose a folder you can write to)",
        FileNotFoundException or DirectoryNotFoundException => "the folder does not accept new files (choose one you can write to)",
        IOException when (error.HResult & 0xFFFF) == 28 || error.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => "the disk is full",
        _ => error.Message.TrimEnd('.'),
    };

    private static void Delete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Could not be created in the first place, or is gone: nothing to clean up.
        }
    }
}
