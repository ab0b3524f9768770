using GradientLab.Lessons.Activities;
using Microsoft.JSInterop;

namespace GradientLab.Web.State;

/// <summary>
/// The learner's progress in the browser's local storage (key <see cref="ProgressBook.StorageKey"/>), through app.js.
/// Fails soft: where storage is off, full or forbidden, nothing is loaded or kept and <see cref="Unavailable"/> says so.
/// </summary>
public sealed class BrowserProgressStore(IJSRuntime js) : IProgressStore
{
    /// <summary>True once the browser refused to keep the progress (the page suggests an export instead).</summary>
    public bool Unavailable { get; private set; }

    /// <inheritdoc/>
    public async ValueTask<string?> LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await js.InvokeAsync<string?>("gradientLab.storageGet", cancellationToken, ProgressBook.StorageKey);
        }
        catch (JSException)
        {
            Unavailable = true;
            return null;
        }
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(string document, CancellationToken cancellationToken = default) =>
        Unavailable = !await Call("gradientLab.storageSet", cancellationToken, ProgressBook.StorageKey, document);

    /// <inheritdoc/>
    public async ValueTask ClearAsync(CancellationToken cancellationToken = default) =>
        await Call("gradientLab.storageRemove", cancellationToken, ProgressBook.StorageKey);

    private async ValueTask<bool> Call(string function, CancellationToken cancellationToken, params object?[] arguments)
    {
        try
        {
            return await js.InvokeAsync<bool>(function, cancellationToken, arguments);
        }
        catch (JSException)
        {
            return false;
        }
    }
}
