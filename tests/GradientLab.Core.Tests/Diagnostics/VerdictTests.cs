using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;
using GradientLab.Core.Objectives;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;

namespace GradientLab.Core.Tests.Diagnostics;

public sealed class VerdictTests
{
    [Fact]
    public void AdamInRosenbrocksBentValley_IsNotCalledASaddle()
    {
        // After 40 Adam steps from (−1.2, 1) the local Hessian has a slightly negative eigenvalue (about −0.1 against
        // +1000): the valley bends, it does not turn into a saddle.
        var run = new DescentRun(new DescentSettings(new Rosenbrock(), [-1.2, 1], new AdamSettings(), new ConstantRate(0.02), 40));
        run.RunToEnd();
        var curvature = Curvature.Of(run.Settings.Objective, run.Current.Parameters);
        var diagnosis = Diagnostician.Judge(new DiagnosisInput(run.Trajectory, null, curvature, 0.02, PlainGradientDescent: false, MinimumValue: 0, LossFloor: 0));
        diagnosis.Verdict.ShouldNotBe(Verdict.Plateau);
    }

    [Theory]
    [InlineData(1e308, -1e308)]
    [InlineData(1e200, 1e200)]
    public void ARunThatStartsBeyondTheArithmetic_IsDiagnosed_AsDivergedAtStepZero(double x, double y)
    {
        var run = new DescentRun(new DescentSettings(new Rosenbrock(), [x, y], new GradientDescentSettings(), new ConstantRate(0.001), 100));
        run.RunToEnd().ShouldBe(StopReason.Diverged);
        var curvature = Curvature.Of(run.Settings.Objective, run.Current.Parameters);
        var diagnosis = Diagnostician.Judge(new DiagnosisInput(run.Trajectory, run.StopReason, curvature, 0.001, PlainGradientDescent: true, MinimumValue: 0, LossFloor: 0));
        diagnosis.Verdict.ShouldBe(Verdict.Diverging);
        diagnosis.Evidence.ShouldStartWith("Diverged at step 0:");
        diagnosis.Advice.ShouldStartWith("Start nearer the minimum");
    }

    [Fact]
    public void ARunThatOverflowsLater_SaysAtWhichStep()
    {
        var run = new DescentRun(new DescentSettings(new Quadratic1D(), [1], new GradientDescentSettings(), new ConstantRate(1e200), 100));
        run.RunToEnd().ShouldBe(StopReason.Diverged);
        var curvature = Curvature.Of(run.Settings.Objective, run.Current.Parameters);
        var diagnosis = Diagnostician.Judge(new DiagnosisInput(run.Trajectory, run.StopReason, curvature, 1e200, PlainGradientDescent: true, MinimumValue: 0, LossFloor: 0));
        diagnosis.Verdict.ShouldBe(Verdict.Diverging);
        diagnosis.Evidence.ShouldStartWith($"Diverged at step {run.Current.Step}: the loss is no longer a finite number");
    }

    [Fact]
    public void AnUndefinedCurvature_InAFiniteRun_IsJudged_WithoutThrowing()
    {
        // A finite trajectory judged with a curvature that could not be measured (as where the Hessian overflows).
        var run = new DescentRun(new DescentSettings(new Rosenbrock(), [-1.2, 1], new AdamSettings(), new ConstantRate(0.02), 40));
        run.RunToEnd();
        var undefined = new Curvature([double.NaN, double.NaN, double.NaN, double.NaN], [double.NaN, double.NaN], [[1.0, 0.0], [0.0, 1.0]], Local: true);
        Should.NotThrow(() => Diagnostician.Judge(new DiagnosisInput(run.Trajectory, null, undefined, 0.02, PlainGradientDescent: false, MinimumValue: 0, LossFloor: 0)));
    }
}
