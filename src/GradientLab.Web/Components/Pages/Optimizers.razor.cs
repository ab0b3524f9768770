using GradientLab.Lessons.Runs;
using System.Globalization;
using GradientLab.Lessons.Playback;
using GradientLab.Core.Descent;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GradientLab.Web.Components.Pages;

/// <summary>The optimizer lab: the learning-rate dilemma, momentum against vanilla, the race, the optimizer's state and schedules.</summary>
public sealed partial class Optimizers
{
    private const int MomentumIterations = 40;
    private const int MaxDilemmaSteps = 100_000;

    private readonly double[] _alphas = [0.01, 0.1, 1.1];
    private double _threshold = 1e-3;
    private List<(LiveSession Session, string Steps, string Verdict)> _dilemma = [];
    private Func<int, string> _dilemmaParabola = _ => "";
    private Func<int, string> _dilemmaLoss = _ => "";

    private double _momentumAlpha = 0.05;
    private double _beta = 0.5;
    private int _momentumAt = 1;
    private LiveSession? _vanilla;
    private LiveSession? _momentum;
    private double _velocity;
    private Func<int, string> _momentumFigure = _ => "";

    private RaceSurface _surface = RaceSession.Surfaces.First(s => s.Key == "rosenbrock");
    private double[] _start = [-1.2, 1];
    private int _budget = 500;
    private string _schedule = "constant";
    private bool _decayCompare;
    private readonly HashSet<string> _chosen = new(StringComparer.Ordinal) { "gd", "momentum", "adam" };
    private readonly Dictionary<string, double> _rates = RaceSession.AllRacers.ToDictionary(r => r.Key, r => r.Optimizer.LearningRate!.Value, StringComparer.Ordinal);
    private RaceSession? _race;
    private bool _race3d;
    private readonly SurfaceTurn _raceTurn = new();
    private (RaceSession Race, int Width, string Svg)? _raceContours;
    private string? _raceError;
    private string _selected = "adam";
    private PlaybackClock? _raceClock;

    /// <summary>The key of the run the state panel and the diagnosis show, which the menu shows too.</summary>
    private string SelectedKey => SelectedRun?.Racer.Key ?? _selected;

    private (Racer Racer, ResolvedScenario Scenario, DescentRun Run)? SelectedRun =>
        _race is null || _race.Runs.Count == 0 ? null : _race.Runs.FirstOrDefault(r => r.Racer.Key == _selected) is { Racer: not null } found ? found : _race.Runs[0];

    /// <inheritdoc/>
    public void Dispose() => StopRace();

    /// <summary>What the address keeps of this page: the race a learner set up.</summary>
    private static readonly LinkSetting[] LinkSettings =
    [
        new("surface", "rosenbrock", [.. RaceSession.Surfaces.Select(s => s.Key)]),
        new("racers", "gd,momentum,adam", [.. RaceSession.AllRacers.Select(r => r.Key)], Many: true),
        new("budget", "500", Min: 1, Max: 20_000),
        new("schedule", "constant", [.. ScenarioResolver.ScheduleKinds.Where(k => k != "inverse-time")]),
        new("l2", "0", ["0", "1"]),
        new("view", "contour", ["contour", "3d"]),
    ];

    private string? _linkError;

    /// <summary>The time the playback clock ticks by (a fake one in component tests).</summary>
    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        BuildDilemma();
        BuildMomentum();
        try
        {
            var link = SettingLinks.Read(Navigation.Uri, LinkSettings, RaceLinks.Parameters);
            var query = LinkQuery.Parse(Navigation.Uri);
            _surface = RaceSession.Surfaces.First(s => s.Key == link["surface"]);
            _start = RaceLinks.ReadStart(query) ?? [.. _surface.Start];
            foreach (var (key, rate) in RaceLinks.ReadRates(query))
            {
                _rates[key] = rate;
            }

            _chosen.Clear();
            _chosen.UnionWith(link["racers"].Split(',', StringSplitOptions.RemoveEmptyEntries));
            _budget = int.Parse(link["budget"], CultureInfo.InvariantCulture);
            _schedule = link["schedule"];
            _decayCompare = link["l2"] == "1";
            _race3d = link["view"] == "3d";
        }
        catch (ScenarioException error)
        {
            _linkError = $"This link could not be opened: {error.Message} Showing the default race instead.";
        }

        BuildRace();
    }

    private void OnRaceView3d(ChangeEventArgs e)
    {
        _race3d = e.Value is true;
        UpdateAddress();
    }

    /// <summary>Writes the race's settings into the address (replacing it).</summary>
    private void UpdateAddress()
    {
        var query = SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["surface"] = _surface.Key,
            ["racers"] = string.Join(",", _chosen),
            ["budget"] = _budget.ToString(CultureInfo.InvariantCulture),
            ["schedule"] = _schedule,
            ["l2"] = _decayCompare ? "1" : "0",
            ["view"] = _race3d ? "3d" : "contour",
        }, LinkSettings, RaceLinks.Write(_rates, _start, _surface.Start));
        var address = LinkQuery.Address("optimizers", query, Navigation.Uri);
        if (LinkQuery.PageQuery(address) != LinkQuery.PageQuery(Navigation.Uri))
        {
            Navigation.NavigateTo(address, forceLoad: false, replace: true);
        }
    }


    private void BuildDilemma()
    {
        _dilemma = [];
        var series = new List<RunSeries>();
        for (var k = 0; k < 3; k++)
        {
            var scenario = Presets.Get("lr-good").Scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = _alphas[k] }, Steps = 30 };
            LiveSession session;
            try
            {
                session = new LiveSession(scenario);
            }
            catch (ScenarioException)
            {
                continue;
            }

            var (steps, verdict) = StepsBelow(scenario);
            _dilemma.Add((session, steps, verdict));
            series.Add(new RunSeries($"α = {N(_alphas[k])}", $"gl-r{(k * 2) + 1}", session.Trajectory));
        }

        _dilemmaParabola = width => OptimizerFigures.Parabola(series, 10, width: width);
        _dilemmaLoss = width => ConceptFigures.Losses(series, "dilemma-loss", "dilemma-loss-plot", "iteration", width: width);
    }

    /// <summary>Runs the scenario until its loss falls below the threshold, and says how long that took, or why it never does.</summary>
    private (string Steps, string Verdict) StepsBelow(Scenario scenario)
    {
        var run = ScenarioResolver.Resolve(scenario with { Steps = MaxDilemmaSteps }).CreateRun();
        while (run.Current.Loss >= _threshold && run.Step())
        {
        }

        var t = run.Trajectory;
        if (run.Current.Loss < _threshold)
        {
            return (run.Current.Step.ToString(CultureInfo.InvariantCulture), $"steps (J = {N(run.Current.Loss)} at step {run.Current.Step})");
        }

        var ratio = t.Count > 2 ? t[^1].Loss / t[^2].Loss : double.NaN;
        return run.StopReason == StopReason.Diverged
            ? ("never", $"diverges, ×{N(Math.Round(ratio, 4))} per step; stopped at step {run.Current.Step}")
            : ("never", $"within {MaxDilemmaSteps:N0} steps: the loss stays at {N(run.Current.Loss)} (×{N(Math.Round(ratio, 4))} per step)");
    }

    private void SetAlpha(int index, ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            _alphas[index] = value;
            BuildDilemma();
        }
    }

    private void OnThreshold(ChangeEventArgs e)
    {
        if (TryNumber(e, out var value) && value > 0)
        {
            _threshold = value;
            BuildDilemma();
        }
    }

    private void BuildMomentum()
    {
        var momentum = Presets.Get("momentum").Scenario;
        try
        {
            _vanilla = new LiveSession(momentum with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = _momentumAlpha }, Steps = MomentumIterations });
            _momentum = new LiveSession(momentum with { Optimizer = new OptimizerSpec { Kind = "sgd", LearningRate = _momentumAlpha, Momentum = _beta }, Steps = MomentumIterations });
        }
        catch (ScenarioException)
        {
            return;
        }

        ShowMomentum();
    }

    private void ShowMomentum()
    {
        // The buffer after the update that leaves iteration t: replay the run that far.
        var run = _momentum!.Resolved.CreateRun();
        for (var t = 0; t <= _momentumAt && run.Step(); t++)
        {
        }

        _velocity = run.OptimizerState.Count > 0 ? run.OptimizerState[0].Values[0] : 0;
        var series = new List<RunSeries> { new("vanilla", "gl-r1", _vanilla!.Trajectory), new($"momentum β = {N(_beta)}", "gl-r6", _momentum.Trajectory) };
        _momentumFigure = width => OptimizerFigures.ThetaAgainstIteration(series, series[1], _momentumAt, -_momentumAlpha * _velocity, width: width);
    }

    private void SetMomentum(ChangeEventArgs e, Action<double> assign)
    {
        if (TryNumber(e, out var value))
        {
            assign(value);
            BuildMomentum();
        }
    }

    private void OnMomentumAt(ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            _momentumAt = Math.Clamp((int)value, 0, MomentumIterations - 1);
            ShowMomentum();
        }
    }

    private void BuildRace()
    {
        StopRace();
        IReadOnlyList<Racer> racers = _decayCompare
            ? [new Racer("adam", new OptimizerSpec { Kind = "adam", LearningRate = _rates["adam"], WeightDecay = 0.1 }, "gl-r6"), new Racer("adamw", new OptimizerSpec { Kind = "adamw", LearningRate = _rates["adamw"], WeightDecay = 0.1 }, "gl-r7")]
            : [.. RaceSession.AllRacers.Where(r => _chosen.Contains(r.Key)).Select(r => r with { Optimizer = r.Optimizer with { LearningRate = _rates[r.Key] } })];
        if (racers.Count == 0)
        {
            _raceError = "Choose at least one optimizer.";
            return;
        }

        var schedule = _schedule switch
        {
            "step" => new ScheduleSpec { Kind = "step", StepSize = Math.Max(1, _budget / 4), Gamma = 0.5 },
            "constant" => null,
            _ => new ScheduleSpec { Kind = _schedule },
        };
        try
        {
            var surfaceChanged = _race?.Surface != _surface;
            _race = new RaceSession(_surface, _start, racers, _budget, schedule, tolerance: 0.01);
            _diagnosers.Clear();
            if (surfaceChanged)
            {
                _raceContours = null;
            }

            _raceError = null;
            // The menu, the state panel and the diagnosis describe one run: a run that really exists in this race.
            if (!_race.Runs.Any(r => r.Racer.Key == _selected) && _race.Runs.Count > 0)
            {
                _selected = _race.Runs[^1].Racer.Key;
            }
        }
        catch (ScenarioException error)
        {
            _raceError = error.Message;
        }
    }

    private void OnSurface(ChangeEventArgs e)
    {
        _surface = RaceSession.Surfaces.FirstOrDefault(s => s.Key == e.Value?.ToString()) ?? _surface;
        _start = [.. _surface.Start];
        _raceContours = null;
        BuildRace();
        UpdateAddress();
    }

    private void OnBudget(ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            _budget = Math.Clamp((int)value, 1, 20_000);
            BuildRace();
            UpdateAddress();
        }
    }

    private void OnSchedule(ChangeEventArgs e)
    {
        _schedule = e.Value?.ToString() ?? "constant";
        BuildRace();
        UpdateAddress();
    }

    private void OnDecayCompare(ChangeEventArgs e)
    {
        _decayCompare = e.Value is true;
        BuildRace();
        UpdateAddress();
    }

    private void ToggleRacer(string key, ChangeEventArgs e)
    {
        if (e.Value is true)
        {
            _chosen.Add(key);
        }
        else
        {
            _chosen.Remove(key);
        }

        BuildRace();
        UpdateAddress();
    }

    private void SetRate(string key, ChangeEventArgs e)
    {
        if (TryNumber(e, out var value))
        {
            _rates[key] = value;
            BuildRace();
            UpdateAddress();
        }
    }

    /// <summary>The race surface's contours at this width, drawn once per surface and width (the start does not change them).</summary>
    private string RaceContours(int width)
    {
        if (_race is null)
        {
            return "";
        }

        if (_raceContours is not { } kept || kept.Width != width || !ReferenceEquals(kept.Race.Surface, _race.Surface))
        {
            _raceContours = kept = (_race, width, OptimizerFigures.RaceContours(_race, width));
        }

        return kept.Svg;
    }

    private void OnRaceClick(MouseEventArgs e, int width)
    {
        if (_race is not null && OptimizerFigures.RacePointAt(_race, e.OffsetX, e.OffsetY, width) is { } point)
        {
            _start = [Round(point.X), Round(point.Y)];
            BuildRace();
            UpdateAddress();
        }
    }

    private void RaceStep()
    {
        StopRace();
        _race?.Step();
    }

    private void RaceReset() => BuildRace();

    /// <summary>The race's speeds: the teacher chooses how long it lasts (the playback clock ticks at most 60 times a second).</summary>
    private static readonly int[] RaceSpeeds = [10, 30, 100, 300, 1000, 3000];

    private int _raceSpeed = 300;

    private void OnRaceSpeed(ChangeEventArgs e)
    {
        _raceSpeed = int.TryParse(e.Value?.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var speed) && RaceSpeeds.Contains(speed) ? speed : 300;
        _raceClock?.ChangeSpeed(_raceSpeed);
    }

    private bool RacePlaying => _raceClock?.IsPlaying == true;

    private void ToggleRace()
    {
        if (RacePlaying)
        {
            StopRace();
            return;
        }

        if (_race is null)
        {
            return;
        }

        if (_race.Finished)
        {
            BuildRace();
        }

        _raceClock ??= new PlaybackClock(InvokeAsync, Time);
        _raceClock.Play(_raceSpeed, steps =>
        {
            var goesOn = true;
            for (var i = 0; i < steps && goesOn; i++)
            {
                goesOn = _race is not null && _race.Step();
            }

            StateHasChanged();
            return goesOn;
        });
    }

    private void StopRace() => _raceClock?.Pause();

    private readonly Dictionary<ResolvedScenario, ScenarioDiagnoser> _diagnosers = new(ReferenceEqualityComparer.Instance);

    private DiagnosisReport Diagnose((Racer Racer, ResolvedScenario Scenario, DescentRun Run) selected)
    {
        if (!_diagnosers.TryGetValue(selected.Scenario, out var diagnoser))
        {
            diagnoser = new ScenarioDiagnoser(selected.Scenario);
            _diagnosers[selected.Scenario] = diagnoser;
        }

        return diagnoser.Diagnose(selected.Run.Trajectory, selected.Run.StopReason);
    }

    private void ApplyAdvice((Racer Racer, ResolvedScenario Scenario, DescentRun Run) selected)
    {
        if (Diagnose(selected).Diagnosis.SuggestedLearningRate is { } rate)
        {
            _rates[selected.Racer.Key] = rate;
            BuildRace();
            UpdateAddress();
        }
    }

    private static IReadOnlyList<double>? EffectiveStep((Racer Racer, ResolvedScenario Scenario, DescentRun Run) selected)
    {
        var state = selected.Run.OptimizerState.ToDictionary(s => s.Name, s => s.Values, StringComparer.Ordinal);
        if (!state.TryGetValue("firstMomentCorrected", out var m) || !state.TryGetValue("secondMomentCorrected", out var v) || selected.Run.Current.Step == 0)
        {
            return null;
        }

        var rate = selected.Run.Trajectory[^2].LearningRate ?? 0;
        var epsilon = selected.Scenario.Scenario.Optimizer?.Epsilon ?? 1e-8;
        var denominator = state.TryGetValue("maxSecondMomentCorrected", out var max) ? max : v;
        return [.. m.Select((value, i) => rate * value / (Math.Sqrt(denominator[i]) + epsilon))];
    }

    private static string StateLabel(string name) => name switch
    {
        "velocity" => "velocity (momentum buffer)",
        "firstMoment" => "m, first moment",
        "secondMoment" => "v, second moment",
        "firstMomentCorrected" => "m̂ = m/(1 − β1ᵗ)",
        "secondMomentCorrected" => "v̂ = v/(1 − β2ᵗ)",
        "maxSecondMomentCorrected" => "max v̂ (AMSGrad)",
        "squaredGradientSum" => "Σ g², accumulated squared gradient",
        "squareAverage" => "average of g²",
        "gradientAverage" => "average of g",
        "momentumBuffer" => "momentum buffer",
        _ => name,
    };

    private static bool TryNumber(ChangeEventArgs e, out double value) =>
        double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string N(double value) => LiveSession.F(value);

    private static string I(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Round(double value) => double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
