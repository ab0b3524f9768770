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
}
