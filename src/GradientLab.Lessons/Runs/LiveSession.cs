using GradientLab.Core.Data;
using System.Globalization;
using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Plotting;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Runs;

/// <summary>One line of the ledger: a quantity of the current update, its symbol and its value.</summary>
public sealed record LedgerLine(string Quantity, string Symbol, double Value, string TestId);

/// <summary>One sample's prediction and error at the current parameters.</summary>
public sealed record SampleLine(int Row, IReadOnlyList<double> Features, double Target, double Prediction)
{
    /// <summary>f(x) − y.</summary>
    public double Error => Prediction - Target;
}

/// <summary>
/// A run of the live demo and where the learner is in it. The run is computed to its stop once, when the settings are
/// made (at most 1,000,000 steps, and the live page allows 100,000), so stepping back and forth only moves
/// <see cref="Cursor"/> over the recorded trajectory; every number shown is the engine's record of that step.
/// </summary>
public sealed class LiveSession
{
    private readonly DescentRun _run;
    private StepRecord[] _trajectory = [];
    private FeatureScaling? _featureSpread;
    private readonly ScenarioDiagnoser _diagnoser;
    private (int Cursor, DiagnosisReport Report)? _diagnosis;
    private int? _turnStep;

    /// <summary>Resolves the scenario and runs it to its stop in one go.</summary>
    /// <exception cref="ScenarioException">The scenario cannot run; the message says why.</exception>
    public LiveSession(Scenario scenario)
        : this(ScenarioResolver.Resolve(scenario ?? throw new ArgumentNullException(nameof(scenario))))
    {
        _run.RunToEnd();
        _trajectory = [.. _run.Trajectory];
    }

    private LiveSession(ResolvedScenario resolved)
    {
        Resolved = resolved;
        _run = Resolved.CreateRun();
        _diagnoser = new ScenarioDiagnoser(Resolved);
        Minimum = Resolved.KnownMinimum();
    }

    /// <summary>
    /// Resolves the scenario (every limit is checked there, before any work) and runs it to its stop in slices of at
    /// most <paramref name="slice"/> of computing, awaiting <paramref name="yieldToBrowser"/> between slices so that a
    /// single-threaded page keeps drawing and answering while a long run is computed.
    /// </summary>
    /// <param name="scenario">The scenario to run.</param>
    /// <param name="slice">The longest stretch of computing between two yields (a frame is about 16 ms).</param>
    /// <param name="yieldToBrowser">Hands control back to the browser for a moment.</param>
    /// <param name="progress">Told the step reached after each slice.</param>
    /// <param name="cancellationToken">Stops the computation (the settings changed again).</param>
    /// <exception cref="ScenarioException">The scenario cannot run; the message says why.</exception>
    public static async Task<LiveSession> ComputeAsync(
        Scenario scenario, TimeSpan slice, Func<Task> yieldToBrowser, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(yieldToBrowser);
        var session = new LiveSession(ScenarioResolver.Resolve(scenario));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (session._run.Step())
        {
            if (clock.Elapsed >= slice)
            {
                progress?.Invoke(session._run.Current.Step);
                await yieldToBrowser().ConfigureAwait(true);
                cancellationToken.ThrowIfCancellationRequested();
                clock.Restart();
            }
        }

        session._trajectory = [.. session._run.Trajectory];
        return session;
    }

    /// <summary>The finished run (for the downloads, which write it as the command line does).</summary>
    public DescentRun Run => _run;

    /// <summary>The scenario as it runs, every default filled in.</summary>
    public ResolvedScenario Resolved { get; }

    /// <summary>Every point of the run, θ₀ first.</summary>
    /// <remarks>
    /// The finished run's points as one array, made once: every frame reads them (path, loss curve, diagnosis), and a
    /// plain array is the cheapest thing to read under WebAssembly's interpreter.
    /// </remarks>
    public IReadOnlyList<StepRecord> Trajectory => _trajectory;

    /// <summary>The step the run stopped at.</summary>
    public int LastStep => _run.Current.Step;

    /// <summary>Why the run stopped (seen by the learner only once the cursor gets there).</summary>
    public StopReason StopReason => _run.StopReason!.Value;

    /// <summary>The exact minimiser where it is known (linear regression, test functions), else null.</summary>
    public IReadOnlyList<double>? Minimum { get; }

    /// <summary>The step being shown: θ at this step, and the update that leaves it.</summary>
    public int Cursor { get; private set; }

    /// <summary>The point being shown.</summary>
    public StepRecord Current => Trajectory[Cursor];

    /// <summary>Whether the cursor is at the run's last point.</summary>
    public bool AtEnd => Cursor == LastStep;

    /// <summary>The parameter names, weights first.</summary>
    public IReadOnlyList<string> ParameterNames => Resolved.ParameterNames;

    /// <summary>Moves forward <paramref name="steps"/> steps, stopping at the end; returns whether it moved.</summary>
    public bool Advance(int steps = 1)
    {
        var target = Math.Min(LastStep, Cursor + Math.Max(0, steps));
        var moved = target != Cursor;
        Cursor = target;
        return moved;
    }

    /// <summary>Moves back one step; returns whether it moved.</summary>
    public bool StepBack()
    {
        if (Cursor == 0)
        {
            return false;
        }

        Cursor--;
        return true;
    }

    /// <summary>Back to step 0.</summary>
    public void Reset() => Cursor = 0;

    /// <summary>To the last step.</summary>
    public void ToEnd() => Cursor = LastStep;

    /// <summary>The diagnosis of the run up to the cursor (the stop reason counts only once the cursor reaches it).</summary>
    public DiagnosisReport Diagnosis
    {
        get
        {
            if (_diagnosis is not { } cached || cached.Cursor != Cursor)
            {
                // The points so far as a view of the run's array, not a copy: the diagnosis reads only the last few.
                var seen = new ArraySegment<StepRecord>(_trajectory, 0, Cursor + 1);
                _diagnosis = (Cursor, _diagnoser.Diagnose(seen, AtEnd ? StopReason : null));
            }

            return _diagnosis.Value.Report;
        }
    }

    /// <summary>The current state in words: converging, converged at step N, diverged at step N, and why.</summary>
    public string Status
    {
        get
        {
            var current = Current;
            var start = Trajectory[0];
            var finite = double.IsFinite(current.Loss) && current.Parameters.All(double.IsFinite);
            if (AtEnd)
            {
                return RunPresentation.StopSentence(StopReason, start, current, Resolved.Settings.Stop);
            }

            if (Cursor == 0)
            {
                return Say($"Ready at step 0: the cost is {F(current.Loss)}. Press play or step.");
            }

            var previous = Trajectory[Cursor - 1];
            if (!finite || current.Loss > previous.Loss * (1 + 1e-12))
            {
                var rising = 0;
                for (var k = Cursor; k > 0 && Trajectory[k].Loss > Trajectory[k - 1].Loss; k--)
                {
                    rising++;
                }

                return Say($"Diverging: the cost has risen for {rising} step{(rising == 1 ? "" : "s")} in a row, to {F(current.Loss)} — each step overshoots the minimum further.");
            }

            return Say($"Converging: the cost fell from {F(start.Loss)} to {F(current.Loss)} in {current.Step} step{(current.Step == 1 ? "" : "s")}.");
        }
    }

    /// <summary>One word for the status: running, converged, diverged or stopped.</summary>
    public string StatusKind => !AtEnd
        ? (Cursor > 0 && !(Current.Loss <= Trajectory[Cursor - 1].Loss * (1 + 1e-12)) ? "diverging" : "converging")
        : StopReason switch { StopReason.Diverged => "diverged", StopReason.Converged => "converged", _ => "stopped" };

    /// <summary>The numbers of the update that leaves the current point, or null at the last point.</summary>
    public IReadOnlyList<LedgerLine>? Ledger
    {
        get
        {
            if (AtEnd || Current.Gradient is null)
            {
                return null;
            }

            var before = Current;
            var after = Trajectory[Cursor + 1];
            var names = ParameterNames;
            var lines = new List<LedgerLine> { new("cost before", "J(θ)", before.Loss, "ledger-cost-before") };
            for (var i = 0; i < names.Count; i++)
            {
                lines.Add(new($"partial derivative", $"∂J/∂{names[i]}", before.Gradient![i], $"ledger-grad-{names[i]}"));
            }

            lines.Add(new("learning rate", "α", before.LearningRate ?? double.NaN, "ledger-alpha"));
            for (var i = 0; i < names.Count; i++)
            {
                lines.Add(new($"{names[i]} before", names[i], before.Parameters[i], $"ledger-{names[i]}-before"));
                lines.Add(new("change", $"Δ{names[i]}", after.Parameters[i] - before.Parameters[i], $"ledger-delta-{names[i]}"));
                lines.Add(new($"{names[i]} after", $"{names[i]}′", after.Parameters[i], $"ledger-{names[i]}-after"));
            }

            lines.Add(new("cost after", "J(θ′)", after.Loss, "ledger-cost-after"));
            return lines;
        }
    }

    /// <summary>Each sample's prediction and error at the current parameters, for datasets of up to 10 rows.</summary>
    public IReadOnlyList<SampleLine>? Samples
    {
        get
        {
            var data = Resolved.InputData;
            if (data is null || data.SampleCount > 10)
            {
                return null;
            }

            return [.. Enumerable.Range(0, data.SampleCount).Select(row =>
            {
                var features = Enumerable.Range(0, data.FeatureCount).Select(j => data.Column(j)[row]).ToArray();
                return new SampleLine(row, features, data.Targets[row], Resolved.Predict(Current.Parameters, features));
            })];
        }
    }

    /// <summary>
    /// What w and b mean in the data's own units when the features are standardised (one feature), e.g. "w is the
    /// change of price ($1000s) per standard deviation of size (0.794 × 1000 sq ft); b is the price at the mean size
    /// (2 × 1000 sq ft)"; null otherwise.
    /// </summary>
    public string? ParameterMeaning
    {
        get
        {
            if (Resolved.Scaling is not { } scaling || Resolved.InputData is not { FeatureCount: 1 } data || Resolved.Settings.Objective is SigmoidNeuron)
            {
                return null;
            }

            var feature = Describe(data.FeatureNames[0]);
            var target = Describe(data.TargetName);
            var targetUnit = target.Unit.Length > 0 ? $" ({target.Unit})" : "";
            return Say($"The {feature.Name}s are standardised: w is the change of {target.Name}{targetUnit} per standard deviation of {feature.Name} ({F(scaling.Deviations[0])}{feature.Times}); b is the {target.Name} at the mean {feature.Name} ({F(scaling.Means[0])}{feature.Times}).");
        }
    }

    /// <summary>
    /// The unscaled story, told where it happens: when the one feature sits far from zero and is not standardised, the
    /// bowl's fast direction lowers w and b together, so the first step swings w the wrong way and w turns towards the
    /// data only later. Null for every other run, and before the first step.
    /// </summary>
    public string? Caption
    {
        get
        {
            if (Resolved.Scaling is not null || Resolved.Data is not { FeatureCount: 1 } data || Resolved.Settings.Objective is SigmoidNeuron || Cursor == 0 || Trajectory.Count < 2)
            {
                return null;
            }

            // The feature's mean and spread, as the z-score scaling would measure them (FeatureScaling), once per run.
            _featureSpread ??= FeatureScaling.Fit(data);
            var mean = _featureSpread.Means[0];
            var spread = _featureSpread.Deviations[0];
            var w0 = Trajectory[0].Parameters[0];
            var w1 = Trajectory[1].Parameters[0];
            var wrongWay = w0 < 0 ? w1 < w0 : w1 > w0 && w0 > 0 && Trajectory[^1].Parameters[0] < w0;
            if (Math.Abs(mean) < spread || !wrongWay)
            {
                return null;
            }

            // The step where w changes sign, found once per run (not at every frame).
            _turnStep ??= Trajectory.FirstOrDefault(p => Math.Sign(p.Parameters[0]) != Math.Sign(w0) && p.Step > 0)?.Step ?? -1;
            int? turn = _turnStep >= 0 ? _turnStep : null;
            var why = Say($"The {Describe(data.FeatureNames[0]).Name} values sit far from zero (mean {F(mean)}, spread {F(spread)}), so on this bowl w and b are tied: its steep direction changes both together, and the first step, along that direction, swung w from {F(w0)} to {F(w1)}, away from the trend.");
            return turn is not { } k ? why
                : Cursor < k ? why + Say($" w turns towards the houses at step {k}.")
                : Cursor == k ? Say($"Step {k}: w turns positive at last. ") + why
                : why + Say($" w turned at step {k}. Standardising the sizes makes the bowl round, and the line turns at the first step.");
        }
    }

    /// <summary>The current line in the data's own units, e.g. "price = 134.5 × size + 71.27 (size in 1000 sq ft, price in $1000s)"; null for other models.</summary>
    public string? LineInDataUnits
    {
        get
        {
            if (Resolved.InputData is not { FeatureCount: 1 } data || Resolved.Settings.Objective is SigmoidNeuron || (Resolved.Scenario.Objective?.PolynomialDegree ?? 1) != 1)
            {
                return null;
            }

            var theta = Current.Parameters;
            var intercept = Resolved.Predict(theta, [0]);
            var slope = Resolved.Predict(theta, [1]) - intercept;
            var feature = Describe(data.FeatureNames[0]);
            var target = Describe(data.TargetName);
            var sign = intercept < 0 ? "−" : "+";
            var units = feature.Unit.Length > 0 && target.Unit.Length > 0 ? Say($" ({feature.Name} in {feature.Unit}, {target.Name} in {target.Unit})") : "";
            return Say($"{target.Name} = {F(slope)} × {feature.Name} {sign} {F(Math.Abs(intercept))}{units}");
        }
    }

    /// <summary>A column's name and unit, from the built-in data's naming (size_1000sqft, price_1000usd, size_sqft).</summary>
    private static (string Name, string Unit, string Times) Describe(string column) => column switch
    {
        "size_1000sqft" => ("size", "1000 sq ft", " × 1000 sq ft"),
        "size_sqft" => ("size", "sq ft", " sq ft"),
        "price_1000usd" => ("price", "$1000s", " × $1000"),
        _ => (column, "", ""),
    };

    /// <summary>A number as the page shows it: six significant digits, invariant culture.</summary>
    public static string F(double value) => RunPresentation.Number(value);

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
