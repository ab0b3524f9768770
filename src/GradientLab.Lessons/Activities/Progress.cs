using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GradientLab.Lessons.Activities;

/// <summary>Where a learner is with one activity.</summary>
public enum ActivityStatus
{
    /// <summary>Not tried yet.</summary>
    NotStarted,

    /// <summary>Tried, not completed.</summary>
    Attempted,

    /// <summary>Completed (it stays completed).</summary>
    Completed,
}

/// <summary>A learner's record of one activity.</summary>
/// <param name="Status">Not started, attempted or completed.</param>
/// <param name="BestScore">The best score of any attempt.</param>
/// <param name="OutOf">The points possible.</param>
/// <param name="Attempts">How many attempts were recorded.</param>
public sealed record ActivityProgress(ActivityStatus Status, int BestScore, int OutOf, int Attempts)
{
    /// <summary>An activity not tried yet.</summary>
    public static ActivityProgress NotStarted { get; } = new(ActivityStatus.NotStarted, 0, 0, 0);
}

/// <summary>A page's count of completed activities.</summary>
/// <param name="Page">The page, or "" for the whole lab.</param>
/// <param name="Completed">Activities completed.</param>
/// <param name="Total">Activities on the page.</param>
public sealed record PageProgress(string Page, int Completed, int Total)
{
    /// <summary>"3/9 completed".</summary>
    public string Text => $"{Completed}/{Total} completed";
}

/// <summary>A progress file that cannot be imported; the message says why, in words for the learner.</summary>
public sealed class ProgressImportException : Exception
{
    /// <summary>Creates the exception with a message a person can act on.</summary>
    public ProgressImportException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception, keeping the underlying error.</summary>
    public ProgressImportException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public ProgressImportException()
    {
    }
}

/// <summary>Where the progress document is kept between visits (the web keeps it in local storage).</summary>
public interface IProgressStore
{
    /// <summary>The saved document, or null when nothing is saved.</summary>
    ValueTask<string?> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the document, replacing the one before.</summary>
    ValueTask SaveAsync(string document, CancellationToken cancellationToken = default);

    /// <summary>Forgets the saved document.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}

/// <summary>A store in memory (tests, and pages rendered before the browser's storage can be reached).</summary>
public sealed class MemoryProgressStore : IProgressStore
{
    /// <summary>The saved document, or null.</summary>
    public string? Document { get; private set; }

    /// <inheritdoc/>
    public ValueTask<string?> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Document);

    /// <inheritdoc/>
    public ValueTask SaveAsync(string document, CancellationToken cancellationToken = default)
    {
        Document = document;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        Document = null;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A learner's progress: for each activity id, its status, best score and attempts. Saved and exported as a versioned
/// JSON document with a checksum; importing checks the format, the version, every entry and the checksum, and fails only
/// with <see cref="ProgressImportException"/>. The checksum detects a file edited by hand or damaged; it is not a
/// signature (anyone can recompute it), which is all a lab without accounts can honestly offer. Not thread-safe.
/// </summary>
public sealed class ProgressBook
{
    /// <summary>The <c>format</c> of the document.</summary>
    public const string Format = "gradientlab-progress";

    /// <summary>The <c>version</c> of the document this code writes and reads.</summary>
    public const int Version = 1;

    /// <summary>The key the web uses in local storage.</summary>
    public const string StorageKey = "gradientlab.progress";

    /// <summary>The longest learner name kept.</summary>
    public const int MaxLearnerLength = 100;

    private const int MaxDocumentLength = 1_000_000;
    private const int MaxEntries = 10_000;
    private readonly SortedDictionary<string, ActivityProgress> _activities = new(StringComparer.Ordinal);
    private string? _learner;

    /// <summary>The learner's name as they typed it for the export (a teacher collects the files), or null.</summary>
    /// <exception cref="ArgumentException">Longer than <see cref="MaxLearnerLength"/> characters.</exception>
    public string? Learner
    {
        get => _learner;
        set
        {
            var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (trimmed is { Length: > MaxLearnerLength })
            {
                throw new ArgumentException($"A learner's name has at most {MaxLearnerLength} characters.", nameof(value));
            }

            _learner = trimmed;
        }
    }

    /// <summary>Every activity with a record, by id.</summary>
    public IReadOnlyDictionary<string, ActivityProgress> Activities => _activities;

    /// <summary>The record of <paramref name="activityId"/> (<see cref="ActivityProgress.NotStarted"/> when there is none).</summary>
    public ActivityProgress Of(string activityId) => _activities.GetValueOrDefault(activityId) ?? ActivityProgress.NotStarted;

    /// <summary>Records an attempt: keeps the best score, and once completed an activity stays completed.</summary>
    /// <exception cref="ArgumentException">An empty id, or a score outside 0 … outOf.</exception>
    public ActivityProgress Record(string activityId, ActivityOutcome outcome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.OutOf < 0 || outcome.Score < 0 || outcome.Score > outcome.OutOf)
        {
            throw new ArgumentException($"Invalid outcome for '{activityId}': {outcome.Score} out of {outcome.OutOf}.", nameof(outcome));
        }

        var before = Of(activityId);
        var best = before.OutOf == outcome.OutOf ? Math.Max(before.BestScore, outcome.Score) : outcome.Score;
        var status = outcome.Completed || before.Status == ActivityStatus.Completed ? ActivityStatus.Completed : ActivityStatus.Attempted;
        var after = new ActivityProgress(status, best, outcome.OutOf, before.Attempts + 1);
        _activities[activityId] = after;
        return after;
    }

    /// <summary>Forgets everything.</summary>
    public void Reset() => _activities.Clear();

    /// <summary>Forgets one activity.</summary>
    public void Reset(string activityId) => _activities.Remove(activityId);

    /// <summary>How many of <paramref name="page"/>'s activities are completed ("0/9 completed").</summary>
    public PageProgress Summary(ActivityCatalog catalog, string page)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var activities = catalog.ForPage(page);
        return new PageProgress(page, activities.Count(a => Of(a.Id).Status == ActivityStatus.Completed), activities.Count);
    }

    /// <summary>How many of all the lab's activities are completed.</summary>
    public PageProgress Overall(ActivityCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new PageProgress("", catalog.All.Count(a => Of(a.Id).Status == ActivityStatus.Completed), catalog.All.Count);
    }

    /// <summary>The progress as a versioned JSON document (what is saved, and the file an export downloads).</summary>
    /// <param name="exportedAt">When it was exported, written into the file for the teacher (not part of the checksum); null leaves it out.</param>
    public string Export(DateTimeOffset? exportedAt = null)
    {
        // Relaxed escaping: a file to read, never HTML; a learner called Zoë stays Zoë and the time keeps its '+'.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            if (Learner is not null)
            {
                json.WriteString("learner", Learner);
            }

            if (exportedAt is { } at)
            {
                json.WriteString("exportedAt", at.ToString("O", CultureInfo.InvariantCulture));
            }

            json.WriteStartObject("activities");
            foreach (var (id, progress) in _activities)
            {
                json.WriteStartObject(id);
                json.WriteString("status", StatusName(progress.Status));
                json.WriteNumber("score", progress.BestScore);
                json.WriteNumber("outOf", progress.OutOf);
                json.WriteNumber("attempts", progress.Attempts);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteString("checksum", Checksum(Learner, _activities));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a document made by <see cref="Export"/>.</summary>
    /// <exception cref="ProgressImportException">Not a progress file, another version, an invalid entry, or a file changed since it was exported.</exception>
    public static ProgressBook Import(string document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            throw new ProgressImportException("The file is empty: it is not a GradientLab progress file.");
        }

        if (document.Length > MaxDocumentLength)
        {
            throw new ProgressImportException($"The file is {document.Length:N0} characters long; a GradientLab progress file is far smaller.");
        }

        try
        {
            using var json = JsonDocument.Parse(document);
            return Read(json.RootElement);
        }
        catch (JsonException error)
        {
            throw new ProgressImportException($"The file is not a GradientLab progress file: it is not valid JSON (line {error.LineNumber + 1}).", error);
        }
    }

    /// <summary>Loads the saved progress; a missing document gives an empty book, an unreadable one an empty book and the reason.</summary>
    public static async Task<(ProgressBook Book, string? Problem)> LoadAsync(IProgressStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var document = await store.LoadAsync(cancellationToken);
        if (document is null)
        {
            return (new ProgressBook(), null);
        }

        try
        {
            return (Import(document), null);
        }
        catch (ProgressImportException error)
        {
            return (new ProgressBook(), $"Your saved progress could not be read and was set aside: {error.Message}");
        }
    }

    /// <summary>Saves the progress to <paramref name="store"/>.</summary>
    public ValueTask SaveAsync(IProgressStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SaveAsync(Export(), cancellationToken);
    }

    private static ProgressBook Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
        {
            throw new ProgressImportException("The file is not a GradientLab progress file (it has no \"format\": \"gradientlab-progress\").");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            throw new ProgressImportException("The progress file has no version number, so it cannot be read.");
        }

        if (number != Version)
        {
            throw new ProgressImportException(number > Version
                ? $"The progress file is version {number}, made by a newer GradientLab; this lab reads version {Version}. Open it in the newer lab."
                : $"The progress file is version {number}; this lab reads version {Version} only.");
        }

        var allowed = new HashSet<string>(["format", "version", "learner", "exportedAt", "activities", "checksum"], StringComparer.Ordinal);
        if (root.EnumerateObject().FirstOrDefault(p => !allowed.Contains(p.Name)) is { Value.ValueKind: not JsonValueKind.Undefined } extra)
        {
            throw Tampered($"it has a field '{extra.Name}' that the lab does not write");
        }

        var book = new ProgressBook();
        if (root.TryGetProperty("learner", out var learner))
        {
            if (learner.ValueKind != JsonValueKind.String || learner.GetString()!.Trim().Length is 0 or > MaxLearnerLength)
            {
                throw Tampered("its learner's name is not a name");
            }

            book.Learner = learner.GetString();
        }

        if (!root.TryGetProperty("activities", out var activities) || activities.ValueKind != JsonValueKind.Object)
        {
            throw new ProgressImportException("The progress file has no list of activities.");
        }

        var count = 0;
        foreach (var entry in activities.EnumerateObject())
        {
            if (++count > MaxEntries)
            {
                throw new ProgressImportException($"The progress file has more than {MaxEntries:N0} activities; the lab has far fewer.");
            }

            book._activities[entry.Name] = Entry(entry);
        }

        if (!root.TryGetProperty("checksum", out var checksum) || checksum.ValueKind != JsonValueKind.String)
        {
            throw Tampered("it has no checksum");
        }

        if (checksum.GetString() != Checksum(book.Learner, book._activities))
        {
            throw Tampered("its checksum does not match its contents");
        }

        return book;
    }

    private static ActivityProgress Entry(JsonProperty entry)
    {
        var value = entry.Value;
        if (entry.Name.Length is 0 or > 200 || value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Count() != 4)
        {
            throw Tampered($"the entry '{entry.Name}' is not an activity's record");
        }

        var status = value.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() switch
        {
            "not-started" => ActivityStatus.NotStarted,
            "attempted" => ActivityStatus.Attempted,
            "completed" => ActivityStatus.Completed,
            _ => (ActivityStatus?)null,
        } : null;
        var score = Count(value, "score");
        var outOf = Count(value, "outOf");
        var attempts = Count(value, "attempts");
        if (status is null || score is null || outOf is null || attempts is null || score > outOf)
        {
            throw Tampered($"the record of '{entry.Name}' is not valid");
        }

        return new ActivityProgress(status.Value, score.Value, outOf.Value, attempts.Value);
    }

    private static int? Count(JsonElement value, string name) =>
        value.TryGetProperty(name, out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count >= 0 ? count : null;

    private static ProgressImportException Tampered(string why) =>
        new($"The progress file has been changed since it was exported ({why}), so the lab cannot trust it. Export it again from the lab it came from.");

    private static string StatusName(ActivityStatus status) => status switch
    {
        ActivityStatus.Completed => "completed",
        ActivityStatus.Attempted => "attempted",
        _ => "not-started",
    };

    /// <summary>SHA-256 of a canonical text of the learner and the records (not of the JSON, whose spacing may change).</summary>
    private static string Checksum(string? learner, IEnumerable<KeyValuePair<string, ActivityProgress>> activities)
    {
        var text = new StringBuilder().Append(Format).Append('\n').Append(Version).Append('\n').Append(learner).Append('\n');
        foreach (var (id, p) in activities.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{id}\t{StatusName(p.Status)}\t{p.BestScore}\t{p.OutOf}\t{p.Attempts}\n");
        }

        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
