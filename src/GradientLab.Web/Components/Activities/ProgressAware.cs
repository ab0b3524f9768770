using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Activities;

/// <summary>A component that shows the learner's progress: it loads it once and draws again whenever it changes.</summary>
public abstract class ProgressAware : ComponentBase, IDisposable
{
    /// <summary>The learner's progress for the whole lab.</summary>
    [Inject]
    protected LearnerProgress Progress { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        Progress.Changed += OnProgressChanged;
        _ = Progress.LoadAsync();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Progress.Changed -= OnProgressChanged;
        GC.SuppressFinalize(this);
    }

    private void OnProgressChanged(object? sender, EventArgs e) => _ = InvokeAsync(StateHasChanged);
}
