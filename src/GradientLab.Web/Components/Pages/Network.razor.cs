using System.Globalization;
using GradientLab.Core.Data;
using GradientLab.Lessons.Network;
using GradientLab.Lessons.Playback;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace GradientLab.Web.Components.Pages;

/// <summary>
/// The network lab: two-class points, a network (or logistic regression) trained on them, its decision boundary and loss
/// as it trains, and the seed comparison. The logic lives in <see cref="NetworkSettings"/>, <see cref="NetworkSession"/>
/// and <see cref="SeedComparison"/>; this page wires them to the controls.
/// </summary>
public sealed partial class Network
{
    /// <summary>The longest stretch of computing between two yields to the browser.</summary>
    private static readonly TimeSpan ComputeSlice = TimeSpan.FromMilliseconds(30);

    /// <summary>The playback speeds offered, in steps per second.</summary>
    private static readonly double[] Speeds = [5, 20, 60, 200, 1000];

    private NetworkSettings _settings = NetworkSettings.Default;
    private NetworkSession? _session;
    private SeedComparison? _comparison;
    private bool _comparing;
    private string? _error;
    private string? _computing;
    private string? _loadedQuery;
    private double _speed = 60;
    private bool _reducedMotion;
    private PlaybackClock? _clock;
    private CancellationTokenSource? _work;
    private int _openAtStep;

    /// <summary>The time the playback clock ticks by (a fake one in component tests).</summary>
    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool Playing => _clock?.IsPlaying == true;

    // The backprop stepper walks the step on screen, except while the run plays: then it keeps the step where play began,
    // so its walk is not rebuilt (and sent back to its first step) at every frame.
    private int _stepperStep;
    private IReadOnlyList<double>? _stepperParameters;

    private IReadOnlyList<double> StepperParameters
    {
        get
        {
            var session = _session!;
            if (!Playing || _stepperParameters is null || _stepperStep > session.LastStep)
            {
                _stepperStep = session.Cursor;
                _stepperParameters = session.Parameters(_stepperStep);
            }

            return _stepperParameters;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _clock?.Dispose();
        _work?.Cancel();
    }

    /// <inheritdoc/>
    protected override async Task OnParametersSetAsync()
    {
        var query = LinkQuery.PageQuery(Navigation.Uri);
        if (query == _loadedQuery)
        {
            return;
        }

        _loadedQuery = query;
        try
        {
            var state = NetworkLinks.Read(Navigation.Uri);
            _settings = state.Settings;
            _openAtStep = state.Step;
        }
        catch (ScenarioException error)
        {
            _settings = NetworkSettings.Default;
            _error = $"This link could not be opened: {error.Message} Showing XOR with 4 tanh units instead.";
        }

        await Train(updateAddress: false);
    }

    /// <inheritdoc/>
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                _reducedMotion = await JS.InvokeAsync<bool>("gradientLab.reducedMotion");
            }
            catch (JSException)
            {
                // Unknown: playback animates.
            }
        }
    }

    /// <summary>Applies a control's value: a good one retrains; a bad one shows the sentence and keeps the run.</summary>
    private Task Change(string field, ChangeEventArgs e) => Apply(_settings.With(field, e.Value?.ToString()));

    /// <summary>Retrains on an accepted change; shows a refused one's sentence and keeps the run.</summary>
    private async Task Apply(NetworkChange change)
    {
        if (!change.Accepted)
        {
            _error = change.Error;
            return;
        }

        _error = null;
        _settings = change.Settings;
        _openAtStep = 0;
        await Train(updateAddress: true);
    }

    /// <summary>Reads the learner's own points (size checked before reading) and trains on them.</summary>
    private async Task OnUpload(InputFileChangeEventArgs e)
    {
        var file = e.File;
        if (NetworkSettings.FileProblem(file.Name, file.Size) is { } tooLarge)
        {
            _error = tooLarge;
            return;
        }

        string text;
        await using (var stream = file.OpenReadStream(NetworkSettings.MaxFileBytes))
        {
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync();
        }

        await Apply(_settings.WithOwnPoints(text, file.Name));
    }

    /// <summary>Computes the run of the current settings in slices; the last run stays on screen until it is ready.</summary>
    private async Task Train(bool updateAddress)
    {
        _clock?.Pause();
        _work?.Cancel();
        var work = _work = new CancellationTokenSource();
        _comparison = null;
        var settings = _settings;
        try
        {
            _computing = $"Training the {settings.ModelName} for {settings.Steps:N0} steps…";
            var session = await NetworkSession.ComputeAsync(
                settings,
                ComputeSlice,
                () => Task.Delay(1, work.Token),
                step =>
                {
                    _computing = string.Create(CultureInfo.InvariantCulture, $"Training the {settings.ModelName}: step {step:N0} of {settings.Steps:N0}…");
                    StateHasChanged();
                },
                work.Token);
            session.Seek(_openAtStep);
            _session = session;
            _computing = null;
            if (updateAddress)
            {
                UpdateAddress();
            }
        }
        catch (OperationCanceledException)
        {
            // Replaced by a newer change.
        }
        catch (ArgumentException error)
        {
            _computing = null;
            _error = error.Message;
        }
    }

    /// <summary>Writes the settings and the step shown into the address (replacing it).</summary>
    private void UpdateAddress()
    {
        var address = LinkQuery.Address("network", NetworkLinks.Query(new NetworkState(_settings, _session?.Cursor ?? 0)), Navigation.Uri);
        _loadedQuery = LinkQuery.PageQuery(address); // the new address must not reload the page's state
        Navigation.NavigateTo(address, forceLoad: false, replace: true);
    }

    private void StepForward()
    {
        _clock?.Pause();
        if (_session?.Advance() == true)
        {
            UpdateAddress();
        }
    }

    private void StepBack()
    {
        _clock?.Pause();
        if (_session?.StepBack() == true)
        {
            UpdateAddress();
        }
    }

    private void Reset()
    {
        _clock?.Pause();
        _session?.Reset();
        UpdateAddress();
    }

    private void ToEnd()
    {
        _clock?.Pause();
        _session?.ToEnd();
        UpdateAddress();
    }

    private void TogglePlay()
    {
        if (_session is not { } session)
        {
            return;
        }

        if (Playing)
        {
            _clock!.Pause();
            UpdateAddress(); // paused: the address shows this step
            return;
        }

        if (session.AtEnd)
        {
            session.Reset();
        }

        if (_reducedMotion)
        {
            // Reduced motion: no animation; the run's end is shown at once (step and step back still walk it).
            session.ToEnd();
            UpdateAddress();
            return;
        }

        if (_clock is null)
        {
            _clock = new PlaybackClock(AnimationFrames.Dispatch(JS, InvokeAsync), Time);
            _clock.Ended += (_, _) => StateHasChanged(); // stopped by itself at the end: the button says Play again
        }

        _clock.Play(_speed, steps =>
        {
            var goesOn = session.Advance(steps) && !session.AtEnd;
            if (!goesOn)
            {
                UpdateAddress();
            }

            StateHasChanged();
            return goesOn;
        });
    }

    private void OnSpeed(ChangeEventArgs e)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0)
        {
            _speed = speed;
            _clock?.ChangeSpeed(speed);
        }
    }

    private async Task CompareSeeds()
    {
        var work = _work ??= new CancellationTokenSource();
        _comparing = true;
        try
        {
            _comparison = await SeedComparison.RunAsync(_settings, SeedComparison.DefaultSeeds, () => Task.Delay(1, work.Token), work.Token);
        }
        catch (OperationCanceledException)
        {
            // The settings changed.
        }
        finally
        {
            _comparing = false;
        }
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
