using GradientLab.Lessons.Runs;
using System.Globalization;
using GradientLab.Lessons.Playback;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Pages;

/// <summary>The chain-rule stepper: one sigmoid neuron, every factor of every update.</summary>
public sealed partial class Neuron
{
    private const int Iterations = 60;
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
    private NeuronTrace? _trace;
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


    private void LoadPreset(string name)
    {
        var scenario = Presets.Get(name).Scenario;
        _preset = name;
        _base = name;
        _x = scenario.Objective!.Data!.X![0][0];
        _y = scenario.Objective.Data.Y![0];
        _w0 = scenario.Start![0];
        _b0 = scenario.Start[1];
        _alpha = scenario.Optimizer!.LearningRate!.Value;
        _trainBias = scenario.Freeze is not ["b"];
        Rebuild();
    }

    private void Rebuild(bool updateAddress = true)
    {
        StopAuto();
        try
        {
            _session = new LiveSession(new Scenario
            {
                Name = _preset,
                Objective = new ObjectiveSpec { Kind = "sigmoid-neuron", Loss = "squared-error", Data = new DataSpec { X = [[_x]], Y = [_y] } },
                Start = [_w0, _b0],
                Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = _alpha },
                Freeze = _trainBias ? null : ["b"],
                Steps = Iterations,
            });
            _error = null;
            _behaviour = Behaviour(_session);
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
        var session = _session!;
        var w = session.Current.Parameters[0];
        var b = session.Current.Parameters[1];
        _trace = SigmoidNeuron.Trace(w, b, _x, _y);
        var ws = session.Trajectory.Select(p => p.Parameters[0]).Where(double.IsFinite).ToArray();
        var next = session.AtEnd ? w : session.Trajectory[session.Cursor + 1].Parameters[0];
        _lossFigure = width => NeuronFigures.LossCurve(w, b, _x, _y, next, ws.Min(), ws.Max(), width: width, showNext: !_predicting);
        _sigmoidFigure = width => NeuronFigures.Sigmoid(_trace.Z, _trace.Prediction, _y, width: width);
    }

    /// <summary>What the whole run does, said honestly: converges, settles into a cycle, or wanders.</summary>
    private static string Behaviour(LiveSession session)
    {
        var w = session.Trajectory.Select(p => p.Parameters[0]).ToArray();
        var losses = session.Trajectory.Select(p => p.Loss).ToArray();
        if (w.Length < 6)
        {
            return "";
        }

        var last = w.Length - 1;
        if (Math.Abs(w[last] - w[last - 2]) < 1e-6 && Math.Abs(w[last] - w[last - 1]) > 1e-3)
        {
            return $"Over {last} iterations w neither converges nor blows up: it settles into a two-step cycle, jumping between {NiceNumbers.Significant(w[last - 1], 4)} and {NiceNumbers.Significant(w[last], 4)}, because each step overshoots the minimum by as much as the last.";
        }

        var alternating = Lesson.AlternatingChanges(w);
        var settled = Enumerable.Range(1, last).FirstOrDefault(k => Enumerable.Range(k, last - k + 1).All(j => Math.Abs(w[j] - w[j - 1]) < 1e-3));
        if (alternating >= 6 && settled > 0)
        {
            var flips = alternating >= last - 1 ? "at every iteration" : $"at each of the first {alternating} iterations";
            return $"w overshoots the optimum again and again: ∂L/∂w flips sign {flips}, so w jumps from one side of w* ≈ {NiceNumbers.Significant(w[last], 4)} to the other. The swings shrink, |Δw| stays below 0.001 from iteration {settled}, and the run converges.";
        }

        var falling = losses.Zip(losses.Skip(1)).All(pair => pair.Second <= pair.First + 1e-15);
        return falling
            ? $"Over {last} iterations the loss falls every time, from {NiceNumbers.Significant(losses[0], 4)} to {NiceNumbers.Significant(losses[last], 4)}."
            : $"Over {last} iterations the loss goes up and down (from {NiceNumbers.Significant(losses[0], 4)} to {NiceNumbers.Significant(losses[last], 4)}): the steps overshoot.";
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
        if (!double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            _error = $"'{e.Value}' is not a number; nothing was changed.";
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

        _clock ??= new PlaybackClock(InvokeAsync, Time);
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
