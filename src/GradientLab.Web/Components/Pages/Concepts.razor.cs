using System.Globalization;
using GradientLab.Lessons.Concepts;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;
using GradientLab.Web.Components.Charts;
using GradientLab.Web.State;
using Microsoft.AspNetCore.Components;

namespace GradientLab.Web.Components.Pages;

/// <summary>
/// The concepts page: the update rule, the update order, the three batch variants, a tour of one iteration, experiments
/// and convexity. Every number comes from a type of <c>GradientLab.Lessons.Concepts</c>; this file wires the controls to them.
/// </summary>
public sealed partial class Concepts
{
    private static readonly string[] Colours = ["gl-s1", "gl-s2", "gl-s3", "gl-s4"];

    private double _theta = 4;
    private double _ruleAlpha = 0.1;

    private UpdateOrderComparison _order = new(UpdateOrderComparison.DefaultPreset, UpdateOrderComparison.DefaultAlpha(UpdateOrderComparison.DefaultPreset), UpdateOrderComparison.DefaultSteps(UpdateOrderComparison.DefaultPreset));
    private Func<int, string> _orderFigure = _ => "";

    private BatchVariantsLesson _variants = new(BatchVariantsLesson.DefaultBatchSize, BatchVariantsLesson.DefaultEpochs, BatchVariantsLesson.DefaultAlpha);
    private Func<int, string> _variantPaths = _ => "";
    private Func<int, string> _variantLosses = _ => "";

    private readonly TrainingLoopTour _tour = new();

    private ExperimentComparison _experiment = default!;
    private Func<int, string> _experimentFigure = _ => "";

    private IReadOnlyList<LessonRun> _bowlRuns = [];
    private IReadOnlyList<LessonRun> _himmelblauRuns = [];
    private Func<int, string> _bowlFigure = _ => "";
    private Func<int, string> _himmelblauFigure = _ => "";

    private UpdateRule Rule => new(_theta, _ruleAlpha);

    /// <summary>What the address keeps of this page: the experiment chosen.</summary>
    private static readonly LinkSetting[] LinkSettings = [new("experiment", TrainingLoopExperiments.Base, [.. TrainingLoopExperiments.All.Select(e => e.Key)])];

    private string? _linkError;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        BuildConvexity();
        BuildOrder();
        BuildVariants();
        var experiment = TrainingLoopExperiments.Base;
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
        var query = SettingLinks.Query(new Dictionary<string, string>(StringComparer.Ordinal) { ["experiment"] = _experiment.Experiment.Key }, LinkSettings);
        Navigation.NavigateTo(LinkQuery.Address("concepts", query, Navigation.Uri), forceLoad: false, replace: true);
    }

    private static void SetNumber(ChangeEventArgs e, Action<double> assign)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            assign(value);
        }
    }

    private void OnTheta(ChangeEventArgs e) => SetNumber(e, v => _theta = v);

    private void OnRuleAlpha(ChangeEventArgs e) => SetNumber(e, v => _ruleAlpha = v);

    private void BuildConvexity()
    {
        string Figure(IReadOnlyList<LessonRun> runs, string id, int width) => ConceptFigures.Paths(
            runs[0].Scenario.Settings.Objective,
            [.. runs.Select((run, i) => new RunSeries($"from ({N(run.Trajectory[0].Parameters[0])}, {N(run.Trajectory[0].Parameters[1])})", Colours[i % Colours.Length], run.Trajectory))],
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
        var preset = e.Value?.ToString() ?? UpdateOrderComparison.DefaultPreset;
        _order = new(preset, UpdateOrderComparison.DefaultAlpha(preset), UpdateOrderComparison.DefaultSteps(preset));
        BuildOrder();
    }

    private void OnOrderAlpha(ChangeEventArgs e) => SetNumber(e, v => { _order = new(_order.Preset, v, _order.Steps); BuildOrder(); });

    private void OnOrderSteps(ChangeEventArgs e) => SetNumber(e, v => { _order = new(_order.Preset, _order.Alpha, (int)Math.Clamp(v, 1, UpdateOrderComparison.MaxSteps)); BuildOrder(); });

    private void BuildOrder()
    {
        var order = _order;
        _orderFigure = order.Simultaneous is { } simultaneous && order.Sequential is { } sequential
            ? width => ConceptFigures.Paths(
                simultaneous.Resolved.Settings.Objective,
                [new("simultaneous", "gl-s1", simultaneous.Trajectory), new("sequential", "gl-s3", sequential.Trajectory)],
                simultaneous.Minimum,
                "order",
                "order-plot",
                width: width)
            : _ => "";
    }

    private void OnBatchSize(ChangeEventArgs e) => SetNumber(e, v => { _variants = new((int)Math.Clamp(v, 1, BatchVariantsLesson.Rows), _variants.Epochs, _variants.Alpha); BuildVariants(); });

    private void OnEpochs(ChangeEventArgs e) => SetNumber(e, v => { _variants = new(_variants.BatchSize, (int)Math.Clamp(v, 1, BatchVariantsLesson.MaxEpochs), _variants.Alpha); BuildVariants(); });

    private void OnVariantAlpha(ChangeEventArgs e) => SetNumber(e, v => { _variants = new(_variants.BatchSize, _variants.Epochs, v); BuildVariants(); });

    private void BuildVariants()
    {
        var variants = _variants.Variants;
        if (variants.Count == 0)
        {
            _variantPaths = _variantLosses = _ => "";
            return;
        }

        var series = variants.Select((v, i) => new RunSeries(v.Name, Colours[i], v.Session.Trajectory, v.IterationsPerEpoch)).ToList();
        _variantPaths = width => ConceptFigures.Paths(variants[0].Session.Resolved.Settings.Objective, series, variants[0].Session.Minimum, "variants", "variants-plot", width: width);
        _variantLosses = width => ConceptFigures.Losses(series, "variants-loss", "variants-loss-plot", width: width);
    }

    private void TourNext() => _tour.Next();

    private void TourRestart() => _tour.Restart();

    private void RunExperiment(string key, bool updateAddress = true)
    {
        _experiment = new ExperimentComparison(key);
        var baseSeries = ConceptExperiments.Series("base", "gl-s1", _experiment.BaseRun);
        List<RunSeries> series = _experiment.IsBase
            ? [baseSeries]
            : [baseSeries, ConceptExperiments.Series(_experiment.Experiment.Label, "gl-s3", _experiment.Run)];
        _experimentFigure = width => ConceptFigures.Losses(series, "experiment", "experiment-plot", width: width);
        if (updateAddress)
        {
            UpdateAddress();
        }
    }

    private static string N(double value) => LiveSession.F(value);

    private static string I(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Rows(IEnumerable<int> rows) => string.Join(", ", rows);
}
