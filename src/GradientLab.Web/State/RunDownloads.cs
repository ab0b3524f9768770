using GradientLab.Lessons.Runs;
using System.Text;
using GradientLab.Scenarios;

namespace GradientLab.Web.State;

/// <summary>A file the page hands to the browser to save.</summary>
/// <param name="Name">The suggested file name.</param>
/// <param name="Text">The content.</param>
/// <param name="Type">The MIME type.</param>
public sealed record DownloadFile(string Name, string Text, string Type);

/// <summary>
/// What /live lets a learner take away, in the command line's formats: the trajectory as
/// <c>gradlab run --out x.csv</c> and <c>--out x.json</c> write it (every step), and the scenario as JSON that
/// <c>gradlab run scenario.json</c> reads. Made on the page; nothing is sent anywhere.
/// </summary>
public static class RunDownloads
{
    /// <summary>The trajectory as CSV: one row per step, numbers round-trip exact.</summary>
    public static DownloadFile TrajectoryCsv(LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        TrajectoryWriter.WriteCsv(text, session.Resolved, session.Run, every: 1);
        return new DownloadFile($"{BaseName(session.Resolved.Scenario)}-trajectory.csv", text.ToString(), "text/csv");
    }

    /// <summary>The trajectory as the command line's <c>run</c> JSON document.</summary>
    public static DownloadFile TrajectoryJson(LiveSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var bytes = new MemoryStream();
        TrajectoryWriter.WriteJson(bytes, session.Resolved, session.Run, every: 1);
        return new DownloadFile($"{BaseName(session.Resolved.Scenario)}-trajectory.json", Encoding.UTF8.GetString(bytes.ToArray()), "application/json");
    }

    /// <summary>The scenario as the page runs it, as JSON for <c>gradlab run</c> (uploaded data inline).</summary>
    public static DownloadFile Scenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new DownloadFile($"{BaseName(scenario)}.scenario.json", ScenarioJson.Write(scenario) + "\n", "application/json");
    }

    /// <summary>The scenario's name, safe as a file name (letters, digits, '-' and '_'; "run" when empty).</summary>
    public static string BaseName(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var name = Path.GetFileNameWithoutExtension(scenario.Name ?? "");
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]).Trim('-');
        return safe.Length == 0 ? "run" : safe[..Math.Min(safe.Length, 60)];
    }
}
