using GradientLab.Core.Data;
using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Scenarios;

/// <summary>A diagnosis with the curvature and scaling numbers behind it.</summary>
/// <param name="Curvature">The Hessian, its eigenvalues and the stability limits (local for non-quadratic objectives).</param>
/// <param name="Scaling">What z-score scaling changes, for linear regression; else null.</param>
/// <param name="Diagnosis">The verdict, its evidence and the advice.</param>
public sealed record DiagnosisReport(Curvature Curvature, ScalingEffect? Scaling, Diagnosis Diagnosis);

/// <summary>
/// Diagnoses runs of one scenario. What does not change along the run (the curvature of a quadratic, the minimum, what
/// scaling would do) is measured once, when the diagnoser is made; each <see cref="Diagnose"/> then judges the steps so far.
/// </summary>
public sealed class ScenarioDiagnoser
{
    private readonly ResolvedScenario _scenario;
    private readonly Curvature? _fixedCurvature;
    private readonly double? _minimumValue;
    private readonly double? _lossFloor;
    private readonly ScalingEffect? _scaling;
    private readonly bool _plainGradientDescent;

    /// <summary>Measures what the diagnosis of <paramref name="scenario"/> needs.</summary>
    public ScenarioDiagnoser(ResolvedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        var settings = scenario.Settings;
        var objective = settings.Objective;
        if (objective is IQuadraticObjective)
        {
            _fixedCurvature = Curvature.Of(objective, settings.Start);
        }

        switch (objective)
        {
            case LinearRegression regression:
                _minimumValue = regression.Minimum() is { } minimum ? regression.Value(minimum) : null;
                _lossFloor = 0;
                _scaling = ScalingOf(scenario, regression);
                break;
            case SigmoidNeuron:
                _lossFloor = 0;
                break;
            case TestFunction function:
                _minimumValue = function.MinimumValue;
                _lossFloor = function.MinimumValue;
                break;
        }

        _plainGradientDescent = settings.Schedule is ConstantRate
            && settings.Optimizer is GradientDescentSettings or SgdSettings { Momentum: 0, WeightDecay: 0 };
    }

    /// <summary>The verdict on <paramref name="trajectory"/> (the points so far), with the numbers behind it.</summary>
    public DiagnosisReport Diagnose(IReadOnlyList<StepRecord> trajectory, StopReason? stopReason)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var settings = _scenario.Settings;
        var current = trajectory[^1].Parameters;
        var curvature = _fixedCurvature ?? Curvature.Of(settings.Objective, current.All(double.IsFinite) ? current : settings.Start);
        var input = new DiagnosisInput(
            trajectory,
            stopReason,
            curvature,
            settings.Schedule.Initial,
            _plainGradientDescent,
            settings.Update == UpdateMode.Sequential,
            _minimumValue,
            _lossFloor,
            _scaling,
            settings.Optimizer.Kind);
        var diagnosis = Diagnostician.Judge(input);
        if (settings.Update == UpdateMode.Sequential && trajectory.Count > 1 && trajectory[0].Gradient is { } used)
        {
            // Show the bug in numbers: the partial derivatives the first update used against the gradient at the start.
            var names = settings.Objective.ParameterNames;
            var truth = settings.Objective.Gradient([.. settings.Start]);
            var differing = Enumerable.Range(0, names.Count).Where(i => Math.Abs(used[i] - truth[i]) > 1e-12 * Math.Max(1, Math.Abs(truth[i]))).ToList();
            if (differing.Count > 0)
            {
                var i = differing[0];
                diagnosis = diagnosis with
                {
                    Evidence = diagnosis.Evidence + FormattableString.Invariant($" The first update used ∂J/∂{names[i]} = {used[i]:G6}, measured after the earlier parameters had moved; the gradient at the start has {truth[i]:G6}."),
                };
            }
        }

        return new DiagnosisReport(curvature, _scaling, diagnosis);
    }

    /// <summary>Runs the scenario to its stop and diagnoses the whole run.</summary>
    public static DiagnosisReport DiagnoseRun(ResolvedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var run = scenario.CreateRun();
        run.RunToEnd();
        return new ScenarioDiagnoser(scenario).Diagnose(run.Trajectory, run.StopReason);
    }

    private static ScalingEffect? ScalingOf(ResolvedScenario scenario, LinearRegression regression)
    {
        if (scenario.InputData is not { } input)
        {
            return null;
        }

        var degree = scenario.Scenario.Objective?.PolynomialDegree ?? 1;
        var unscaled = degree == 1 ? input : PolynomialFeatures.Expand(input, degree);
        Dataset scaled;
        try
        {
            scaled = FeatureScaling.Fit(unscaled).Apply(unscaled);
        }
        catch (ArgumentException)
        {
            return null; // features so large that their spread overflows: nothing to say about scaling them
        }

        var before = Curvature.Of(new LinearRegression(unscaled, regression.Loss), new double[unscaled.FeatureCount + 1]);
        var after = Curvature.Of(new LinearRegression(scaled, regression.Loss), new double[scaled.FeatureCount + 1]);
        double Steps(Curvature c) => c.PositiveDefinite ? c.StepsToShrink(c.BestLearningRate) : double.PositiveInfinity;
        return new ScalingEffect(before.ConditionNumber, after.ConditionNumber, Steps(before), Steps(after), scenario.Scaling is not null);
    }
}
