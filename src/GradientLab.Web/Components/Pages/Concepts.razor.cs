using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Runs;
using System.Globalization;
using System.Text;
using GradientLab.Core.Descent;
using GradientLab.Plotting;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Pages;

/// <summary>The concepts page: the update rule, the update order, the three batch variants, a tour of one iteration, experiments.</summary>
public sealed partial class Concepts
{
    private static readonly string[] TourStages = ["Parameters", "Forward pass", "Loss", "Backward pass", "Update", "Next mini-batch"];

    private static IReadOnlyList<(string Key, string Label, string Lesson)> Experiments => ConceptExperiments.All;

    private double _theta = 4;
    private double _ruleAlpha = 0.1;

    private string _orderPreset = "sequential-himmelblau";
    private double _orderAlpha = 0.01;
    private int _orderSteps = 300;
    private LiveSession? _simultaneous;
    private LiveSession? _sequential;
    private Func<int, string> _orderFigure = _ => "";

    private int _batchSize = 2;
    private int _epochs = 30;
    private double _variantAlpha = 0.02;
    private List<(string Name, string Key, LiveSession Session)> Variants { get; } = [];
    private Func<int, string> _variantPaths = _ => "";
    private Func<int, string> _variantLosses = _ => "";

    private LiveSession _tour = new(Presets.Get("minibatch-line").Scenario);
    private int _tourIteration;
    private int _tourStage;

    private string _experiment = "";
    private LiveSession? _experimentSession;
    private LiveSession? _experimentBase;
    private Func<int, string> _experimentFigure = _ => "";

    private UpdateRule Rule => new(_theta, _ruleAlpha);

    private string ExperimentLesson => ExperimentSummary.Sentence(_experiment, Experiments.FirstOrDefault(e => e.Key == _experiment).Lesson, _experimentSession, _experimentBase);

    /// <summary>What the address keeps of this page: the experiment chosen.</summary>
    private static readonly LinkSetting[] LinkSettings = [new("experiment", "base", [.. Experiments.Select(e => e.Key)])];

    private string? _linkError;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        BuildConvexity();
        BuildOrder();
        BuildVariants();
        var experiment = "base";
        try
        {
            experiment = SettingLinks.Read(Navigation.Uri, LinkSettings)["experiment"];
        }
        catch (ScenarioException error)
        {
            _linkError = $"This link could not be opened: {error.Message} Showing the base experiment instead.";
        }

        RunExperiment(experiment, updateAddress: false);
    }

    /// <summary>Writes the experiment chosen into the address (replacing it).</summary>
    private void UpdateAddress()
    {
        var query = SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal) { ["experiment"] = _experiment }, LinkSettings);
        Navigation.NavigateTo(LinkQuery.Address("concepts", query, Navigation.Uri), forceLoad: false, replace: true);
    }


    private static void SetRule(ChangeEventArgs e, Action<double> assign)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            assign(value);
        }
    }

    private IReadOnlyList<LessonRun> _bowlRuns = [];
    private IReadOnlyList<LessonRun> _himmelblauRuns = [];
    private Func<int, string> _bowlFigure = _ => "";
    private Func<int, string> _himmelblauFigure = _ => "";

    private void BuildConvexity()
    {
        string[] colours = ["gl-s1", "gl-s2", "gl-s3", "gl-s4"];
        string Figure(IReadOnlyList<LessonRun> runs, string id, int width) => ConceptFigures.Paths(
            runs[0].Scenario.Settings.Objective,
            [.. runs.Select((run, i) => new RunSeries($"from ({N(run.Trajectory[0].Parameters[0])}, {N(run.Trajectory[0].Parameters[1])})", colours[i % colours.Length], run.Trajectory))],
            runs[0].Scenario.KnownMinimum(),
            id,
            id + "-plot",
            width);
        _bowlRuns = StartDependence.Bowl();
        _himmelblauRuns = StartDependence.Himmelblau();
        _bowlFigure = width => Figure(_bowlRuns, "convex", width: width);
        _himmelblauFigure = width => Figure(_himmelblauRuns, "nonconvex", width: width);
    }

    private void OnOrderPreset(ChangeEventArgs e)
    {
        _orderPreset = e.Value?.ToString() ?? "sequential-himmelblau";
        _orderAlpha = _orderPreset == "housing-live-demo" ? 0.2 : 0.01;
        _orderSteps = _orderPreset == "sequential-himmelblau" ? 300 : 50;
        BuildOrder();
    }

    private void OnOrderAlpha(ChangeEventArgs e) => SetRule(e, v => { _orderAlpha = v; BuildOrder(); });

    private void OnOrderSteps(ChangeEventArgs e) => SetRule(e, v => { _orderSteps = Math.Clamp((int)v, 1, 2000); BuildOrder(); });

    private void BuildOrder()
    {
        var scenario = Presets.Get(_orderPreset).Scenario with
        {
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = _orderAlpha },
            Steps = _orderSteps,
            Stop = null,
        };
        try
        {
            _simultaneous = new LiveSession(scenario with { Update = "simultaneous" });
            _sequential = new LiveSession(scenario with { Update = "sequential" });
            _orderFigure = width => ConceptFigures.Paths(
                _simultaneous.Resolved.Settings.Objective,
                [new("simultaneous", "gl-s1", _simultaneous.Trajectory), new("sequential", "gl-s3", _sequential.Trajectory)],
                _simultaneous.Minimum,
                "order",
                "order-plot", width: width);
        }
        catch (ScenarioException)
        {
            _simultaneous = _sequential = null;
        }
    }

    private static StepRecord At(LiveSession session, int step) => session.Trajectory[Math.Min(step, session.LastStep)];

    private void OnBatchSize(ChangeEventArgs e) => SetRule(e, v => { _batchSize = Math.Clamp((int)v, 1, 5); BuildVariants(); });

    private void OnEpochs(ChangeEventArgs e) => SetRule(e, v => { _epochs = Math.Clamp((int)v, 1, 500); BuildVariants(); });

    private void OnVariantAlpha(ChangeEventArgs e) => SetRule(e, v => { _variantAlpha = v; BuildVariants(); });

    private void BuildVariants()
    {
        Scenario Variant(BatchSpec batch, int perEpoch) => new()
        {
            Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Builtin = "line" } },
            Start = [0, 0],
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = _variantAlpha },
            Batch = batch,
            Steps = _epochs * perEpoch,
        };

        try
        {
            var mini = (int)Math.Ceiling(5.0 / _batchSize);
            Variants.Clear();
            Variants.Add(("batch (all 5 rows)", "full", new LiveSession(Variant(new BatchSpec { Kind = "full" }, 1))));
            Variants.Add(($"mini-batch of {_batchSize}", "mini", new LiveSession(Variant(new BatchSpec { Kind = "mini", Size = _batchSize, Seed = 42 }, mini))));
            Variants.Add(("stochastic (1 row)", "stochastic", new LiveSession(Variant(new BatchSpec { Kind = "stochastic", Seed = 42 }, 5))));
            var series = Variants.Select((v, i) => new RunSeries(v.Name, $"gl-s{i + 1}", v.Session.Trajectory, (int)Math.Ceiling(5.0 / v.Session.Resolved.Settings.Batch.EffectiveSize(5)))).ToList();
            _variantPaths = width => ConceptFigures.Paths(Variants[0].Session.Resolved.Settings.Objective, series, Variants[0].Session.Minimum, "variants", "variants-plot", width: width);
            _variantLosses = width => ConceptFigures.Losses(series, "variants-loss", "variants-loss-plot", width: width);
        }
        catch (ScenarioException)
        {
            Variants.Clear();
        }
    }

    private void TourNext()
    {
        if (_tourStage < TourStages.Length - 1)
        {
            _tourStage++;
            return;
        }

        if (_tour.Advance())
        {
            _tourIteration = _tour.Cursor;
        }

        _tourStage = 0;
    }

    private void TourRestart()
    {
        _tour.Reset();
        _tourIteration = 0;
        _tourStage = 0;
    }

    private string TourDetail
    {
        get
        {
            var settings = _tour.Resolved.Settings;
            var data = _tour.Resolved.InputData!;
            var sampler = new BatchSampler(settings.Batch, data.SampleCount);
            int[] rows = [];
            for (var k = 0; k <= _tourIteration; k++)
            {
                rows = sampler.Next().ToArray();
            }

            var point = _tour.Current;
            var next = _tour.AtEnd ? point : _tour.Trajectory[_tour.Cursor + 1];
            double w = point.Parameters[0], b = point.Parameters[1];
            var html = new StringBuilder();
            switch (_tourStage)
            {
                case 0:
                    html.Append(CultureInfo.InvariantCulture, $"<p>The parameters before iteration {_tourIteration}: w = <b data-testid=\"tour-w\">{N(w)}</b>, b = <b data-testid=\"tour-b\">{N(b)}</b>. This iteration's mini-batch is rows {string.Join(", ", rows.Select(r => r + 1))} (epoch {point.Epoch}).</p>");
                    break;
                case 1:
                    html.Append("<table><tr><th>row</th><th>x</th><th>f(x) = w·x + b</th></tr>");
                    foreach (var r in rows)
                    {
                        var x = data.Column(0)[r];
                        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{r + 1}</td><td class=\"gl-num\">{N(x)}</td><td class=\"gl-num\">{N(w)} × {N(x)} + {N(b)} = {N((w * x) + b)}</td></tr>");
                    }

                    html.Append("</table>");
                    break;
                case 2:
                    html.Append("<table><tr><th>row</th><th>f(x) − y</th><th>(f(x) − y)²</th></tr>");
                    var sum = 0.0;
                    foreach (var r in rows)
                    {
                        var error = (w * data.Column(0)[r]) + b - data.Targets[r];
                        sum += error * error;
                        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{r + 1}</td><td class=\"gl-num\">{N(error)}</td><td class=\"gl-num\">{N(error * error)}</td></tr>");
                    }

                    html.Append(CultureInfo.InvariantCulture, $"</table><p>Batch cost J = 1/(2m) Σ (f − y)² = {N(sum)} / {2 * rows.Length} = <b data-testid=\"tour-loss\">{N(sum / (2 * rows.Length))}</b>.</p>");
                    break;
                case 3:
                    html.Append(CultureInfo.InvariantCulture, $"<p>∂J/∂w = 1/m Σ (f − y)·x = <b data-testid=\"tour-dw\">{N(point.Gradient?[0] ?? double.NaN)}</b>; ∂J/∂b = 1/m Σ (f − y) = <b data-testid=\"tour-db\">{N(point.Gradient?[1] ?? double.NaN)}</b>, both measured at the same (w, b) over the {rows.Length} rows of the batch.</p>");
                    break;
                case 4:
                    var rate = point.LearningRate ?? 0;
                    html.Append(CultureInfo.InvariantCulture, $"<p>w ← {N(w)} − {N(rate)} × {N(point.Gradient?[0] ?? 0)} = <b data-testid=\"tour-w-next\">{N(next.Parameters[0])}</b>; b ← {N(b)} − {N(rate)} × {N(point.Gradient?[1] ?? 0)} = <b>{N(next.Parameters[1])}</b>. The cost over all the data goes from {N(point.Loss)} to {N(next.Loss)}.</p>");
                    break;
                default:
                    var upcoming = sampler.Next().ToArray();
                    html.Append(CultureInfo.InvariantCulture, $"<p>Next: iteration {_tourIteration + 1} takes rows {string.Join(", ", upcoming.Select(r => r + 1))}{(next.Epoch > point.Epoch ? ", the first batch of a new epoch (the rows were reshuffled)" : "")}. Press “Next stage” to go round again.</p>");
                    break;
            }

            return html.ToString();
        }
    }

    private void RunExperiment(string key, bool updateAddress = true)
    {
        var scenario = ConceptExperiments.Scenario(key);
        _experiment = key;
        _experimentSession = new LiveSession(scenario);
        _experimentSession.ToEnd();
        _experimentBase ??= new LiveSession(ConceptExperiments.Scenario("base"));
        _experimentBase.ToEnd();
        List<RunSeries> series = key == "base"
            ? [ConceptExperiments.Series("base", "gl-s1", _experimentBase)]
            : [ConceptExperiments.Series("base", "gl-s1", _experimentBase), ConceptExperiments.Series(Experiments.First(e => e.Key == key).Label, "gl-s3", _experimentSession)];
        _experimentFigure = width => ConceptFigures.Losses(series, "experiment", "experiment-plot", width: width);
        if (updateAddress)
        {
            UpdateAddress();
        }
    }

    private static string N(double value) => LiveSession.F(value);

    private static string I(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
