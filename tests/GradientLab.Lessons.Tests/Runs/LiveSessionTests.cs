using GradientLab.Scenarios;
using GradientLab.Figures;
using GradientLab.Lessons.Runs;

namespace GradientLab.Lessons.Tests.Runs;

public sealed class LiveSessionTests
{
    private static LiveSession Session(string preset, Func<Scenario, Scenario>? change = null)
    {
        var scenario = Presets.Get(preset).Scenario;
        return new LiveSession(change is null ? scenario : change(scenario));
    }

    [Fact]
    public void TheLedger_OfTheFirstCourseLabStep_HasTheReferenceNumbers()
    {
        var session = Session("course-lab");
        var ledger = session.Ledger!.ToDictionary(l => l.TestId, l => l.Value);
        ledger["ledger-cost-before"].ShouldBe(85000);
        ledger["ledger-grad-w"].ShouldBe(-650);
        ledger["ledger-grad-b"].ShouldBe(-400);
        ledger["ledger-alpha"].ShouldBe(0.01);
        ledger["ledger-delta-w"].ShouldBe(6.5, 1e-12);
        ledger["ledger-delta-b"].ShouldBe(4.0, 1e-12);
        ledger["ledger-cost-after"].ShouldBe(79274.8125);
    }

    [Fact]
    public void Samples_ShowEachPredictionAndError_ForSmallData()
    {
        var session = Session("course-lab");
        session.Advance();
        var samples = session.Samples!;
        samples.Count.ShouldBe(2);
        samples[1].Prediction.ShouldBe((6.5 * 2) + 4, 1e-12);
        samples[1].Error.ShouldBe(17 - 500, 1e-12);
        Session("housing-live-demo").Samples.ShouldBeNull();
    }

    [Fact]
    public void Status_TellsConvergingThenConverged()
    {
        var session = Session("housing-live-demo");
        session.Status.ShouldStartWith("Ready at step 0");
        session.Advance(10);
        session.StatusKind.ShouldBe("converging");
        session.Status.ShouldStartWith($"Converging: the cost fell from {LiveSession.F(session.Trajectory[0].Loss)} to {LiveSession.F(session.Trajectory[10].Loss)} in 10 steps");
        session.ToEnd();
        session.StatusKind.ShouldBe("converged");
        session.Status.ShouldStartWith($"Converged at step {session.LastStep}");
    }

    [Fact]
    public void Status_TellsDivergingThenDiverged_WithTheStep()
    {
        var session = Session("alpha-too-large");
        session.Advance(3);
        session.StatusKind.ShouldBe("diverging");
        session.Status.ShouldStartWith("Diverging: the cost has risen for 3 steps in a row");
        session.ToEnd();
        session.Status.ShouldStartWith("Diverged at step 13: the cost rose from 85000 to");
        session.Status.ShouldContain("try a smaller one");
    }

    [Fact]
    public void AnOverflowingRun_IsExplained_NeverANaNWithoutWords()
    {
        var session = Session("course-lab", s => s with { Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 1e200 } });
        session.ToEnd();
        session.Status.ShouldContain("no longer a finite number");
        LiveSession.F(double.NaN).ShouldBe("not a number");
    }

    [Fact]
    public void Cursor_StaysWithinTheRun()
    {
        var session = Session("lr-good");
        session.StepBack().ShouldBeFalse();
        session.Advance(1000).ShouldBeTrue();
        session.Cursor.ShouldBe(20);
        session.Advance().ShouldBeFalse();
        session.Ledger.ShouldBeNull();
        session.Reset();
        session.Cursor.ShouldBe(0);
    }

    [Fact]
    public void Figures_DrawTheThreeViews_AndMapClicksToParameters()
    {
        var session = Session("housing-live-demo");
        var figures = new RunFigures(session.Resolved, session.Trajectory);
        figures.HasContour.ShouldBeTrue();
        figures.DataStatic().ShouldContain("size (1000 sq ft)");
        figures.DataDynamic(session.Cursor).ShouldContain("f(1.25) = ");
        figures.ContourStatic().ShouldContain("J (cost)");
        figures.ContourDynamic(0).ShouldContain("data-testid=\"current-point\"");
        figures.Loss(session.Cursor, logScale: true).ShouldContain("class=\"axis-y\" data-scale=\"log\"");
        var point = figures.ContourPointAt(figures.ViewSize.Width / 2.0, figures.ViewSize.Height / 2.0)!.Value;
        double.IsFinite(point.X).ShouldBeTrue();
        figures.ContourPointAt(1, 1).ShouldBeNull();
    }

    [Fact]
    public void AThreeParameterModel_HasNoContour()
    {
        var session = Session("unscaled-features");
        var figures = new RunFigures(session.Resolved, session.Trajectory);
        figures.HasContour.ShouldBeFalse();
        figures.DataDynamic(0).ShouldContain("gl-prediction");
    }

    [Theory]
    [InlineData("housing-live-demo")]
    [InlineData("housing-unscaled")]
    [InlineData("course-lab")]
    [InlineData("alpha-too-large")]
    [InlineData("minibatch-line")]
    [InlineData("nonlinear-data")]
    [InlineData("neuron-oscillation")]
    public void TheDiagnosis_AtEveryStep_EqualsTheDiagnosisOfACopyOfTheStepsSoFar(string preset)
    {
        // The session judges a view of its array (no copy per frame); the verdict must be the one a copied prefix gets.
        var session = Session(preset);
        var diagnoser = new ScenarioDiagnoser(session.Resolved);
        var cursors = Enumerable.Range(0, Math.Min(session.LastStep, 400) + 1).Append(session.LastStep - 1).Append(session.LastStep).Where(c => c >= 0).Distinct();
        foreach (var cursor in cursors)
        {
            session.Reset();
            session.Advance(cursor);
            var copied = diagnoser.Diagnose(session.Trajectory.Take(cursor + 1).ToList(), session.AtEnd ? session.StopReason : null);
            session.Diagnosis.Diagnosis.ShouldBe(copied.Diagnosis, $"at step {cursor}");
        }
    }
}

public sealed class LiveSessionUnitsTests
{
    [Fact]
    public void TheLiveDemo_SaysWhatWAndBMean_AndGivesTheLineInSquareFeetAndDollars()
    {
        var session = new LiveSession(GradientLab.Scenarios.Presets.Get("housing-live-demo").Scenario);
        session.ParameterMeaning.ShouldNotBeNull().ShouldContain("per standard deviation of size");
        session.ToEnd();

        // The line in the data's units: the run's parameters mapped back through the scaling, close to the
        // least-squares line (the engine's exact minimum by the normal equations).
        var line = session.Resolved.Scaling!.ToOriginalUnits([.. session.Current.Parameters]);
        var exact = session.Resolved.Scaling!.ToOriginalUnits([.. session.Resolved.KnownMinimum()!]);
        line[0].ShouldBe(exact[0], 0.01);
        line[1].ShouldBe(exact[1], 0.01);
        session.LineInDataUnits.ShouldBe(
            $"price = {LiveSession.F(line[0])} × size + {LiveSession.F(line[1])} (size in 1000 sq ft, price in $1000s)");
    }
}

public sealed class LiveSessionCaptionTests
{
    [Fact]
    public void TheUnscaledRun_ExplainsItsFirstSwing_AndNamesTheStepWhereWTurns()
    {
        var session = new LiveSession(GradientLab.Scenarios.Presets.Get("housing-unscaled").Scenario);
        session.Caption.ShouldBeNull(); // nothing has happened yet at step 0
        var turn = session.Trajectory.First(p => p.Parameters[0] > 0).Step;
        session.Advance();
        session.Caption.ShouldNotBeNull().ShouldContain($"swung w from {LiveSession.F(-0.1)} to {LiveSession.F(session.Trajectory[1].Parameters[0])}");
        session.Caption.ShouldContain($"w turns towards the houses at step {turn}");
        session.Advance(turn - 1);
        session.Caption.ShouldNotBeNull().ShouldStartWith($"Step {turn}: w turns positive at last.");
    }

    [Fact]
    public void TheStandardisedLiveDemo_NeedsNoSuchCaption()
    {
        var session = new LiveSession(GradientLab.Scenarios.Presets.Get("housing-live-demo").Scenario);
        session.Advance(3);
        session.Caption.ShouldBeNull();
    }
}
