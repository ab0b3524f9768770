using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Optimizers;

/// <summary>A row of the race's table: one racer's run as it stands.</summary>
public sealed record RaceRow(string Key, string Label, string CssClass, double FinalLoss, double? Distance, int? ArrivedAt, string Outcome);

/// <summary>A row of the state panel: a quantity of the selected run in x and y (<paramref name="TestId"/> names it in the page).</summary>
public sealed record StateRow(string Label, string? TestId, double X, double Y);

/// <summary>
/// The race as the page sets it up: the surface, start, racers and their learning rates, budget and schedule, and the
/// racer the run menu, the table's highlight, the state panel and the diagnosis all describe.
/// </summary>
public sealed class RaceLab
{
    private readonly Dictionary<string, double> _rates = RaceSession.AllRacers.ToDictionary(r => r.Key, r => r.Optimizer.LearningRate!.Value, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rateErrors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _chosen = new(StringComparer.Ordinal) { "gd", "momentum", "adam" };
    private readonly Dictionary<ResolvedScenario, ScenarioDiagnoser> _diagnosers = new(ReferenceEqualityComparer.Instance);
    private string _selected = "adam";

    /// <summary>Sets up the default race (Rosenbrock, gd, momentum and Adam, 500 steps).</summary>
    public RaceLab() => Build();

    /// <summary>The surface.</summary>
    public RaceSurface Surface { get; private set; } = RaceSession.Surfaces.First(s => s.Key == "rosenbrock");

    /// <summary>The shared start.</summary>
    public IReadOnlyList<double> Start { get; private set; } = [-1.2, 1];

    /// <summary>The step budget.</summary>
    public int Budget { get; private set; } = 500;

    /// <summary>The schedule kind.</summary>
    public string Schedule { get; private set; } = "constant";

    /// <summary>Whether the race is Adam + L2 decay against AdamW.</summary>
    public bool DecayCompare { get; private set; }

    /// <summary>The chosen racers' keys.</summary>
    public IReadOnlySet<string> Chosen => _chosen;

    /// <summary>Each racer's learning rate (the last one that can run).</summary>
    public IReadOnlyDictionary<string, double> Rates => _rates;

    /// <summary>Why a learning rate typed for a racer was refused, by racer key.</summary>
    public IReadOnlyDictionary<string, string> RateErrors => _rateErrors;

    /// <summary>The race, or null when it cannot be made (see <see cref="Error"/>).</summary>
    public RaceSession? Race { get; private set; }

    /// <summary>Why there is no race.</summary>
    public string? Error { get; private set; }

    /// <summary>The key of the run the menu, the table, the state panel and the diagnosis describe.</summary>
    public string SelectedKey => Selected?.Racer.Key ?? _selected;

    /// <summary>The selected run, or null without a race.</summary>
    public (Racer Racer, ResolvedScenario Scenario, DescentRun Run)? Selected =>
        Race is null || Race.Runs.Count == 0 ? null : Race.Runs.FirstOrDefault(r => r.Racer.Key == _selected) is { Racer: not null } found ? found : Race.Runs[0];

    /// <summary>The run menu: each run's key and label, in the table's order.</summary>
    public IReadOnlyList<(string Key, string Label)> Menu => Race is null ? [] : [.. Race.Runs.Select(r => (r.Racer.Key, r.Racer.Label))];

    /// <summary>The table's rows, one per run.</summary>
    public IReadOnlyList<RaceRow> Rows => Race is null ? [] : [.. Race.Runs.Select(r => new RaceRow(
        r.Racer.Key, r.Racer.Label, r.Racer.CssClass, r.Run.Current.Loss, Race.DistanceToMinimum(r.Run.Current.Parameters), Race.ArrivedAt(r.Run), RunPresentation.Outcome(r.Run.StopReason, r.Run.Current.Step)))];

    /// <summary>Chooses the racer the menu, table, state panel and diagnosis describe (a key not racing is ignored).</summary>
    public void Select(string? key)
    {
        if (key is not null && Race?.Runs.Any(r => r.Racer.Key == key) == true)
        {
            _selected = key;
        }
    }

    /// <summary>Changes the surface and starts from its classic start.</summary>
    public void SetSurface(string key)
    {
        Surface = RaceSession.Surfaces.FirstOrDefault(s => s.Key == key) ?? Surface;
        Start = [.. Surface.Start];
        Build();
    }

    /// <summary>Starts every racer from a point.</summary>
    public void SetStart(IReadOnlyList<double> start)
    {
        Start = [.. start];
        Build();
    }

    /// <summary>
    /// Starts the race where the learner clicked: the point rounded to four significant digits, so the start reads as
    /// typed numbers (−1.234, not −1.2338709677419355) in the table, the link and the state panel.
    /// </summary>
    public void SetStartAtClick(double x, double y) => SetStart([FourDigits(x), FourDigits(y)]);

    private static double FourDigits(double value) =>
        double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Changes the step budget (1 to 20,000).</summary>
    public void SetBudget(int budget)
    {
        Budget = Math.Clamp(budget, 1, 20_000);
        Build();
    }

    /// <summary>Changes the schedule.</summary>
    public void SetSchedule(string kind)
    {
        Schedule = kind;
        Build();
    }

    /// <summary>Races Adam + L2 against AdamW, or the chosen racers.</summary>
    public void SetDecayCompare(bool on)
    {
        DecayCompare = on;
        Build();
    }

    /// <summary>Adds or removes a racer.</summary>
    public void Choose(string key, bool chosen)
    {
        if (chosen)
        {
            _chosen.Add(key);
        }
        else
        {
            _chosen.Remove(key);
        }

        Build();
    }

    /// <summary>
    /// Sets one racer's learning rate. A rate that cannot run is refused with a message naming the racer and leaves
    /// that racer, and every other, running with the rate it had.
    /// </summary>
    public void SetRate(string key, double rate)
    {
        var racer = RaceSession.AllRacers.First(r => r.Key == key);
        try
        {
            ScenarioResolver.Resolve(new Scenario
            {
                Objective = new ObjectiveSpec { Kind = "function", Name = Surface.Function, Eigenvalues = Surface.Eigenvalues },
                Start = [.. Start],
                Optimizer = racer.Optimizer with { LearningRate = rate },
                Steps = 1,
            });
        }
        catch (ScenarioException error)
        {
            _rateErrors[key] = $"{key}: α = {RunPresentation.Number(rate)} cannot run ({error.Message}); it keeps α = {RunPresentation.Number(_rates[key])}.";
            return;
        }

        _rateErrors.Remove(key);
        _rates[key] = rate;
        Build();
    }

    /// <summary>Sets the learning rates a link carries (without checking each: the race reports what cannot run).</summary>
    public void SetRates(IEnumerable<KeyValuePair<string, double>> rates, IEnumerable<string> chosen, int budget, string schedule, bool decayCompare, string surface, IReadOnlyList<double>? start)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(chosen);
        foreach (var (key, rate) in rates)
        {
            _rates[key] = rate;
        }

        _chosen.Clear();
        _chosen.UnionWith(chosen);
        Surface = RaceSession.Surfaces.FirstOrDefault(s => s.Key == surface) ?? Surface;
        Start = start is null ? [.. Surface.Start] : [.. start];
        Budget = Math.Clamp(budget, 1, 20_000);
        Schedule = schedule;
        DecayCompare = decayCompare;
        Build();
    }

    /// <summary>Builds the race again at step 0.</summary>
    public void Build()
    {
        IReadOnlyList<Racer> racers = DecayCompare
            ? [new Racer("adam", new OptimizerSpec { Kind = "adam", LearningRate = _rates["adam"], WeightDecay = 0.1 }, "gl-r6"), new Racer("adamw", new OptimizerSpec { Kind = "adamw", LearningRate = _rates["adamw"], WeightDecay = 0.1 }, "gl-r7")]
            : [.. RaceSession.AllRacers.Where(r => _chosen.Contains(r.Key)).Select(r => r with { Optimizer = r.Optimizer with { LearningRate = _rates[r.Key] } })];
        if (racers.Count == 0)
        {
            Race = null;
            Error = "Choose at least one optimizer.";
            return;
        }

        var schedule = Schedule switch
        {
            "step" => new ScheduleSpec { Kind = "step", StepSize = Math.Max(1, Budget / 4), Gamma = 0.5 },
            "constant" => null,
            _ => new ScheduleSpec { Kind = Schedule },
        };
        try
        {
            Race = new RaceSession(Surface, Start, racers, Budget, schedule, tolerance: 0.01);
            _diagnosers.Clear();
            Error = null;
            if (!Race.Runs.Any(r => r.Racer.Key == _selected) && Race.Runs.Count > 0)
            {
                _selected = Race.Runs[^1].Racer.Key;
            }
        }
        catch (ScenarioException error)
        {
            Race = null;
            Error = error.Message;
        }
    }

    /// <summary>The state panel of the selected run: θ, the last gradient, the optimizer's buffers and Adam's effective step.</summary>
    public IReadOnlyList<StateRow> StatePanel()
    {
        if (Selected is not { } selected)
        {
            return [];
        }

        var run = selected.Run;
        var rows = new List<StateRow> { new("parameters θ", "state-theta", run.Current.Parameters[0], run.Current.Parameters[1]) };
        if (run.Trajectory.Count > 1 && run.Trajectory[^2].Gradient is { } g)
        {
            rows.Add(new("last gradient g", "state-gradient", g[0], g[1]));
        }

        rows.AddRange(run.OptimizerState.Select(s => new StateRow(StateLabel(s.Name), $"state-{s.Name}", s.Values[0], s.Values[1])));
        if (EffectiveStep(selected) is { } effective)
        {
            rows.Add(new("effective step γ·m̂/(√v̂ + ε)", "state-effective", effective[0], effective[1]));
        }

        return rows;
    }

    /// <summary>The diagnosis of the selected run, or null without a race.</summary>
    public DiagnosisReport? Diagnosis()
    {
        if (Selected is not { } selected)
        {
            return null;
        }

        if (!_diagnosers.TryGetValue(selected.Scenario, out var diagnoser))
        {
            diagnoser = new ScenarioDiagnoser(selected.Scenario);
            _diagnosers[selected.Scenario] = diagnoser;
        }

        return diagnoser.Diagnose(selected.Run.Trajectory, selected.Run.StopReason);
    }

    /// <summary>Takes the diagnosis's suggested learning rate for the selected run, if it has one.</summary>
    public bool ApplyAdvice()
    {
        if (Selected is { } selected && Diagnosis()?.Diagnosis.SuggestedLearningRate is { } rate)
        {
            SetRate(selected.Racer.Key, rate);
            return true;
        }

        return false;
    }

    private static double[]? EffectiveStep((Racer Racer, ResolvedScenario Scenario, DescentRun Run) selected)
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

    /// <summary>What the state panel calls an optimizer's buffer.</summary>
    public static string StateLabel(string name) => name switch
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
}
