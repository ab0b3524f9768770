using GradientLab.Core.Diagnostics;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class DiagnosisTests
{
    private static DiagnosisReport Diagnose(string preset) => ScenarioDiagnoser.DiagnoseRun(ScenarioResolver.Resolve(Presets.Get(preset).Scenario));

    [Theory]
    [InlineData("alpha-too-large", Verdict.Diverging)]
    [InlineData("lr-diverging", Verdict.Diverging)]
    [InlineData("alpha-too-small", Verdict.Slow)]
    [InlineData("lr-too-small", Verdict.Slow)]
    [InlineData("unscaled-features", Verdict.Slow)]
    [InlineData("saddle-point", Verdict.Saddle)]
    [InlineData("plateau", Verdict.Plateau)]
    [InlineData("neuron-oscillation", Verdict.Oscillating)]
    [InlineData("housing-live-demo", Verdict.Converged)]
    [InlineData("lr-good", Verdict.Running)]
    public void EachFailurePreset_GetsItsVerdict(string preset, Verdict verdict) => Diagnose(preset).Diagnosis.Verdict.ShouldBe(verdict);

    [Fact]
    public void AlphaTooLarge_SaysTheLimitAndSuggestsABelowIt()
    {
        var report = Diagnose("alpha-too-large");
        report.Diagnosis.Advice.ShouldContain("α = 0.8 is above the largest stable rate for this problem, 2/λmax = 0.5836");
        report.Diagnosis.SuggestedLearningRate!.Value.ShouldBeLessThan(report.Curvature.MaxStableLearningRate);
        report.Diagnosis.Evidence.ShouldContain("The loss rose for the last 13 steps");
    }

    [Fact]
    public void UnscaledFeatures_AdvisesScaling_WithBothConditionNumbers()
    {
        var report = Diagnose("unscaled-features");
        report.Scaling!.ConditionUnscaled.ShouldBeGreaterThan(1e7);
        report.Scaling.ConditionScaled.ShouldBeLessThan(10);
        report.Scaling.StepsScaled.ShouldBeLessThan(report.Scaling.StepsUnscaled / 1000);
        report.Diagnosis.SuggestScaling.ShouldBeTrue();
        report.Diagnosis.Advice.ShouldContain("Scale the features: the condition number falls from");
    }

    [Fact]
    public void TheSequentialBug_IsShownInNumbers()
    {
        var report = Diagnose("sequential-update");
        report.Diagnosis.Evidence.ShouldContain("the gradient at the start has -400");
        report.Diagnosis.SuggestSimultaneous.ShouldBeTrue();
    }

    [Fact]
    public void TheSaddle_IsNamed_WithItsNegativeEigenvalue()
    {
        var report = Diagnose("saddle-point");
        report.Curvature.Local.ShouldBeTrue();
        report.Diagnosis.Evidence.ShouldContain("a saddle point");
        report.Diagnosis.Evidence.ShouldContain("-2");
    }

    [Fact]
    public void ASuggestedRate_ApplyingTheAdvice_FixesADivergingRun()
    {
        var scenario = Presets.Get("alpha-too-large").Scenario;
        var suggestion = Diagnose("alpha-too-large").Diagnosis.SuggestedLearningRate!.Value;
        var fixedRun = ScenarioResolver.Resolve(scenario with { Optimizer = scenario.Optimizer! with { LearningRate = suggestion } }).CreateRun();
        fixedRun.RunToEnd();
        fixedRun.StopReason.ShouldNotBe(GradientLab.Core.Descent.StopReason.Diverged);
        fixedRun.Current.Loss.ShouldBeLessThan(fixedRun.Trajectory[0].Loss * 1e-6);
    }
}

public sealed class DiagnosisAdviceTests
{
    [Fact]
    public void TheSequentialBug_IsNeverCalledNothingToFix_EvenWhenItConverges()
    {
        var scenario = Presets.Get("housing-live-demo").Scenario with { Update = "sequential" };
        var report = ScenarioDiagnoser.DiagnoseRun(ScenarioResolver.Resolve(scenario));
        report.Diagnosis.Verdict.ShouldBe(Verdict.Converged);
        report.Diagnosis.Advice.ShouldNotContain("Nothing to fix");
        report.Diagnosis.Advice.ShouldContain("switch to the simultaneous update");
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    [InlineData("rmsprop")]
    public void AnAdaptiveOptimizer_IsNeverAdvisedToUseAdam(string kind)
    {
        // Rosenbrock at a tiny rate: slow whatever the optimizer; the advice for plain GD names Adam, never for Adam itself.
        var scenario = Presets.Get("rosenbrock-adam").Scenario with { Optimizer = new OptimizerSpec { Kind = kind, LearningRate = 1e-4 }, Steps = 300 };
        var report = ScenarioDiagnoser.DiagnoseRun(ScenarioResolver.Resolve(scenario));
        report.Diagnosis.Advice.ShouldNotContain("Adam)");
        report.Diagnosis.Advice.ShouldNotContain("use Adam");
        var plain = ScenarioDiagnoser.DiagnoseRun(ScenarioResolver.Resolve(scenario with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 1e-4 } }));
        plain.Diagnosis.Advice.ShouldContain("Adam");
    }
}
