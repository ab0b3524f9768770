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

    private ConceptsState _state = new();

    private UpdateOrderComparison _order = default!;
    private Func<int, string> _orderFigure = _ => "";

    private BatchVariantsLesson _variants = default!;
    private Func<int, string> _variantPaths = _ => "";
    private Func<int, string> _variantLosses = _ => "";

    private TrainingLoopTour _tour = default!;

    private ExperimentComparison _experiment = default!;
    private Func<int, string> _experimentFigure = _ => "";

    private IReadOnlyList<LessonRun> _bowlRuns = [];
    private IReadOnlyList<LessonRun> _himmelblauRuns = [];
    private Func<int, string> _bowlFigure = _ => "";
    private Func<int, string> _himmelblauFigure = _ => "";

    private UpdateRule Rule => new(_state.Theta, _state.RuleAlpha);

    private string? _linkError;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        try
        {
            _state = ConceptsLinks.Read(Navigation.Uri);
        }
        catch (ScenarioException error)
        {
            _linkError = $"This link could not be opened: {error.Message} Showing the page's first settings instead.";
        }

        BuildConvexity();
        BuildOrder();
        BuildVariants();
        _tour = new TrainingLoopTour(_state.Tour, _state.Stage);
        BuildExperiment();
    }

    /// <summary>Keeps <paramref name="state"/> and writes it into the address (replacing it).</summary>
    private void Keep(ConceptsState state)
    {
        _state = state;
        Navigation.NavigateTo(LinkQuery.Address("concepts", ConceptsLinks.Query(state), Navigation.Uri), forceLoad: false, replace: true);
    }

    /// <summary>Applies a number typed into the field of parameter <paramref name="name"/>; one it may not carry changes nothing.</summary>
    private static void OnNumber(ChangeEventArgs e, string name, Action<double> apply)
    {
        if (ConceptsLinks.TryNumber(name, e.Value?.ToString(), out var value))
        {
            apply(value);
        }
    }

    /// <summary>Applies a whole number typed into the field of parameter <paramref name="name"/>, brought into its range.</summary>
    private static void OnWhole(ChangeEventArgs e, string name, Action<int> apply)
    {
        if (ConceptsLinks.TryWhole(name, e.Value?.ToString(), out var value))
        {
            apply(value);
        }
    }

    private void OnTheta(ChangeEventArgs e) => OnNumber(e, "theta", v => Keep(_state with { Theta = v }));

    private void OnRuleAlpha(ChangeEventArgs e) => OnNumber(e, "alpha", v => Keep(_state with { RuleAlpha = v }));

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
        if (UpdateOrderComparison.Data.Any(d => d.Preset == e.Value?.ToString()))
        {
            Keep(_state.WithOrder(e.Value!.ToString()!));
            BuildOrder();
        }
    }

    private void OnOrderAlpha(ChangeEventArgs e) => OnNumber(e, "order-alpha", v => { Keep(_state with { OrderAlpha = v }); BuildOrder(); });

    private void OnOrderSteps(ChangeEventArgs e) => OnWhole(e, "order-steps", v => { Keep(_state with { OrderSteps = v }); BuildOrder(); });

    private void BuildOrder()
    {
        var order = _order = new UpdateOrderComparison(_state.Order, _state.OrderAlpha, _state.OrderSteps);
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

    private void OnBatchSize(ChangeEventArgs e) => OnWhole(e, "batch", v => { Keep(_state with { BatchSize = v }); BuildVariants(); });

    private void OnEpochs(ChangeEventArgs e) => OnWhole(e, "epochs", v => { Keep(_state with { Epochs = v }); BuildVariants(); });

    private void OnVariantAlpha(ChangeEventArgs e) => OnNumber(e, "batch-alpha", v => { Keep(_state with { BatchAlpha = v }); BuildVariants(); });

    private void BuildVariants()
    {
        _variants = new BatchVariantsLesson(_state.BatchSize, _state.Epochs, _state.BatchAlpha);
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

    private void TourNext()
    {
        _tour.Next();
        Keep(_state with { Tour = _tour.Iteration, Stage = _tour.Stage });
    }

    private void TourRestart()
    {
        _tour.Restart();
        Keep(_state with { Tour = 0, Stage = 0 });
    }

    private void OnExperiment(string key)
    {
        Keep(_state with { Experiment = key });
        BuildExperiment();
    }

    private void BuildExperiment()
    {
        _experiment = new ExperimentComparison(_state.Experiment);
        var baseSeries = ConceptExperiments.Series("base", "gl-s1", _experiment.BaseRun);
        List<RunSeries> series = _experiment.IsBase
            ? [baseSeries]
            : [baseSeries, ConceptExperiments.Series(_experiment.Experiment.Label, "gl-s3", _experiment.Run)];
        _experimentFigure = width => ConceptFigures.Losses(series, "experiment", "experiment-plot", width: width);
    }

    private static string N(double value) => LiveSession.F(value);

    private static string I(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Rows(IEnumerable<int> rows) => string.Join(", ", rows);
}
