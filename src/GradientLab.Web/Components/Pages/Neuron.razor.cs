using GradientLab.Lessons.Runs;
using System.Globalization;
using GradientLab.Lessons.Playback;
using GradientLab.Lessons.Neuron;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Pages;

/// <summary>The chain-rule stepper: one sigmoid neuron, every factor of every update.</summary>
public sealed partial class Neuron
{
    private string _preset = NeuronLinks.DefaultPreset;
    private string _base = NeuronLinks.DefaultPreset;
    private string? _loadedQuery;
    private double _x;
    private double _y;
    private double _w0;
    private double _b0;
    private double _alpha;
    private int _speed = 2;
    private LiveSession? _session;
    private NeuronStep? _step;
    private Func<int, string> _lossFigure = _ => "";
    private Func<int, string> _sigmoidFigure = _ => "";
    private string _behaviour = "";
    private string? _error;
    private PlaybackClock? _clock;
    private bool _trainBias;
    private bool _predicting;

    /// <summary>A scenario to open: one of the neuron presets (the whole address is read by <see cref="NeuronLinks.Read"/>).</summary>
    [SupplyParameterFromQuery(Name = "preset")]
    public string? PresetQuery { get; set; }

    /// <summary>The time the playback clock ticks by (a fake one in component tests).</summary>
    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc/>
    public void Dispose() => StopAuto();

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var query = LinkQuery.PageQuery(Navigation.Uri);
        if (query == _loadedQuery)
        {
            return;
        }

        _loadedQuery = query;
        NeuronState state;
        try
        {
            state = NeuronLinks.Read(Navigation.Uri);
        }
        catch (ScenarioException error)
        {
            LoadPreset(NeuronLinks.DefaultPreset);
            _error = $"This link could not be opened: {error.Message} Showing {NeuronLinks.DefaultPreset} instead.";
            return;
        }

        (_preset, _base, _x, _y, _w0, _b0, _alpha, _trainBias) = (state.Preset, state.Base, state.X, state.Y, state.W, state.B, state.Alpha, state.TrainBias);
        Rebuild(updateAddress: false);
        if (_session is not null && state.Step > 0)
        {
            _session.Advance(Math.Min(state.Step, _session.LastStep));
            Show();
        }
    }

    /// <summary>Writes the settings and the iteration shown into the address (replacing it).</summary>
    private void UpdateAddress()
    {
        var query = NeuronLinks.Query(new NeuronState(_preset, _base, _x, _y, _w0, _b0, _alpha, _trainBias, _session?.Cursor ?? 0));
        var address = LinkQuery.Address("neuron", query, Navigation.Uri);
        _loadedQuery = LinkQuery.PageQuery(address); // before navigating: the new address must not reload the page's state
        Navigation.NavigateTo(address, forceLoad: false, replace: true);
    }


    private NeuronSettings Settings => new(_x, _y, _w0, _b0, _alpha, _trainBias);

    private void LoadPreset(string name)
    {
        var settings = NeuronSettings.FromPreset(name);
        _preset = name;
        _base = name;
        (_x, _y, _w0, _b0, _alpha, _trainBias) = (settings.X, settings.Y, settings.W, settings.B, settings.Alpha, settings.TrainBias);
        Rebuild();
    }

    private void Rebuild(bool updateAddress = true)
    {
        StopAuto();
        try
        {
            _session = new LiveSession(Settings.Scenario(_preset));
            _error = null;
            _behaviour = NeuronStep.Behaviour(_session);
            Show();
            if (updateAddress)
            {
                UpdateAddress();
            }
        }
        catch (ScenarioException error)
        {
            _error = error.Message;
        }
    }

    private void Show()
    {
        var step = new NeuronStep(_session!, Settings);
        _step = step;
        _lossFigure = width => NeuronFigures.LossCurve(step.W, step.B, _x, _y, step.WShownNext, step.WMin, step.WMax, width: width, showNext: !_predicting);
        _sigmoidFigure = width => NeuronFigures.Sigmoid(step.Trace.Z, step.Trace.Prediction, _y, width: width);
    }

    private void OnTrainBias(ChangeEventArgs e)
    {
        _trainBias = e.Value is true;
        _preset = "custom";
        Rebuild();
    }

    private void OnPreset(ChangeEventArgs e)
    {
        if (e.Value?.ToString() is { } name && Presets.Find(name) is not null)
        {
            LoadPreset(name);
        }
    }

    private void Set(ChangeEventArgs e, Action<double> assign)
    {
        if (!NeuronSettings.TryParse(e.Value?.ToString(), out var value, out var error))
        {
            _error = error;
            return;
        }

        assign(value);
        _preset = "custom";
        Rebuild();
    }

    private void Next()
    {
        if (_session?.Advance() == true)
        {
            Show();
            UpdateAddress();
        }
    }

    private void Previous()
    {
        if (_session?.StepBack() == true)
        {
            Show();
            UpdateAddress();
        }
    }

    private void Reset()
    {
        StopAuto();
        _session?.Reset();
        if (_session is not null)
        {
            Show();
            UpdateAddress();
        }
    }

    private bool Playing => _clock?.IsPlaying == true;

    private void ToggleAuto()
    {
        if (Playing)
        {
            StopAuto();
            UpdateAddress(); // paused: the address shows this iteration
            return;
        }

        _clock ??= new PlaybackClock(AnimationFrames.Dispatch(JS, InvokeAsync), Time);
        _clock.Play(_speed, steps =>
        {
            var goesOn = true;
            for (var i = 0; i < steps && goesOn; i++)
            {
                goesOn = _session is not null && _session.Advance();
            }

            if (goesOn)
            {
                Show();
            }

            StateHasChanged();
            return goesOn;
        });
    }

    private void OnSpeed(ChangeEventArgs e)
    {
        _speed = int.Parse(e.Value?.ToString() ?? "2", CultureInfo.InvariantCulture);
        _clock?.ChangeSpeed(_speed);
    }

    private void StopAuto() => _clock?.Pause();

    private static string N(double value) => LiveSession.F(value);

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
