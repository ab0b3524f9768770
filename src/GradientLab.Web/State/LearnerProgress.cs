using System.Globalization;
using GradientLab.Lessons.Activities;

namespace GradientLab.Web.State;

/// <summary>
/// The learner's progress for the whole lab (one per browser tab): the activities, the progress book, loaded once from
/// the store and saved after every change. Components listen to <see cref="Changed"/> to refresh their counts.
/// </summary>
public sealed class LearnerProgress(IProgressStore store)
{
    private Task? _loading;

    /// <summary>Raised after the book changed (loaded, an attempt recorded, reset or imported).</summary>
    public event EventHandler? Changed;

    /// <summary>Every activity of the lab.</summary>
    public ActivityCatalog Catalog { get; } = ActivityCatalog.Embedded;

    /// <summary>The learner's record.</summary>
    public ProgressBook Book { get; private set; } = new();

    /// <summary>Why the saved progress could not be read, or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>Whether the saved progress has been read.</summary>
    public bool Loaded { get; private set; }

    /// <summary>Whether the browser refused to keep the progress.</summary>
    public bool StorageUnavailable => store is BrowserProgressStore { Unavailable: true };

    /// <summary>"3/9 completed" for <paramref name="page"/>.</summary>
    public PageProgress Summary(string page) => Book.Summary(Catalog, page);

    /// <summary>The count over the whole lab.</summary>
    public PageProgress Overall => Book.Overall(Catalog);

    /// <summary>Reads the saved progress (once; later calls wait for the first).</summary>
    public Task LoadAsync() => _loading ??= LoadCoreAsync();

    /// <summary>Records an attempt at <paramref name="activityId"/> and saves.</summary>
    public async Task RecordAsync(string activityId, ActivityOutcome outcome)
    {
        await LoadAsync();
        Book.Record(activityId, outcome);
        await SaveAsync();
    }

    /// <summary>Sets the learner's name written into exports (trimmed; at most <see cref="ProgressBook.MaxLearnerLength"/> characters) and saves.</summary>
    public async Task SetLearnerAsync(string? name)
    {
        await LoadAsync();
        Book.Learner = name is { Length: > ProgressBook.MaxLearnerLength } ? name[..ProgressBook.MaxLearnerLength] : name;
        await SaveAsync();
    }

    /// <summary>Forgets every activity's progress (the learner's name stays) and saves.</summary>
    public async Task ResetAsync()
    {
        await LoadAsync();
        Book.Reset();
        Problem = null;
        await SaveAsync();
    }

    /// <summary>Replaces the progress with an exported file's; returns why it cannot, in words for the learner, or null.</summary>
    public async Task<string?> ImportAsync(string text)
    {
        await LoadAsync();
        try
        {
            Book = ProgressBook.Import(text);
        }
        catch (ProgressImportException error)
        {
            return error.Message;
        }

        Problem = null;
        await SaveAsync();
        return null;
    }

    /// <summary>The exported file's name: gradientlab-progress[-learner]-yyyy-mm-dd.json.</summary>
    public string ExportFileName(DateTimeOffset now)
    {
        var learner = new string([.. (Book.Learner ?? "").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (learner.Contains("--", StringComparison.Ordinal))
        {
            learner = learner.Replace("--", "-", StringComparison.Ordinal);
        }

        return string.Create(CultureInfo.InvariantCulture, $"gradientlab-progress{(learner.Length > 0 ? "-" + learner : "")}-{now:yyyy-MM-dd}.json");
    }

    private async Task LoadCoreAsync()
    {
        (Book, Problem) = await ProgressBook.LoadAsync(store);
        Loaded = true;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private async Task SaveAsync()
    {
        await Book.SaveAsync(store);
        Changed?.Invoke(this, EventArgs.Empty);
    }
}
