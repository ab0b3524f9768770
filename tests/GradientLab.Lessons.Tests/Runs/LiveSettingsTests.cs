using GradientLab.Core.Diagnostics;
using GradientLab.Lessons.Runs;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Runs;

public sealed class LiveSettingsTests
{
    private static Scenario Demo => Presets.Get("housing-live-demo").Scenario;

    [Theory]
    [InlineData(30, 1, 60)]
    [InlineData(30, -1, 10)]
    [InlineData(1, -1, 1)]
    [InlineData(200, 1, 200)]
    [InlineData(0, -1, 200)] // from "to the end", down goes to the fastest finite speed
    [InlineData(0, 1, 200)]
    public void NextSpeed_MovesOneStepAlongTheFiniteSpeeds(int current, int direction, int expected) =>
        LiveSettings.NextSpeed(current, direction).ShouldBe(expected);

    [Fact]
    public void TheMenus_OfferTheSpeedsToTheEnd_AndTheFiveDatasets()
    {
        LiveSettings.Speeds.ShouldBe([1, 2, 5, 10, 30, 60, 100, 200, 0]);
        LiveSettings.Speeds.ShouldContain(LiveSettings.DefaultSpeed);
        LiveSettings.Datasets.Select(d => d.Key).ShouldBe(["portland", "portland-raw", "housing-tiny", "line", "parabola"]);
        LiveSettings.LoopPhases.Count.ShouldBe(5);
    }

    [Fact]
    public void StepPhases_LightsAllFive_OrWithReducedMotionOnlyTheUpdate()
    {
        LiveSettings.StepPhases(reducedMotion: false).ShouldBe([0, 1, 2, 3, 4]);
        LiveSettings.StepPhases(reducedMotion: true).ShouldBe([3]);
        LiveSettings.LoopExplanation(3).ShouldStartWith("Update:");
        LiveSettings.LoopExplanation(-1).ShouldStartWith("Step once");
    }

    [Theory]
    [InlineData("0.5", true, 0.5)]
    [InlineData("1e-3", true, 0.001)]
    [InlineData("abc", false, 0)]
    [InlineData("NaN", false, 0)]
    [InlineData("", false, 0)]
    public void TryNumber_ReadsInvariantFiniteNumbers(string text, bool ok, double expected)
    {
        LiveSettings.TryNumber(text, "learning rate", out var value, out var error).ShouldBe(ok);
        if (ok)
        {
            value.ShouldBe(expected, 1e-15);
            error.ShouldBeNull();
        }
        else
        {
            error.ShouldBe($"The learning rate '{text}' is not a number; the run is unchanged.");
        }
    }

    [Fact]
    public void RateFromSlider_KeepsThreeSignificantDigits_AndSliderPositionIsItsInverse()
    {
        LiveSettings.RateFromSlider(-2).ShouldBe(0.01);
        LiveSettings.RateFromSlider(-1.5).ShouldBe(0.0316);
        LiveSettings.SliderPosition(0.01).ShouldBe("-2");
        LiveSettings.SliderPosition(0).ShouldBe("-6");
    }

    [Fact]
    public void WithLearningRate_SetsTheRate_AndMakesGradientDescentWhenNoOptimizer()
    {
        LiveSettings.WithLearningRate(Demo, 0.3).Optimizer!.LearningRate.ShouldBe(0.3);
        var bare = LiveSettings.WithLearningRate(Demo with { Optimizer = null }, 0.2);
        bare.Optimizer!.Kind.ShouldBe("gd");
        bare.Optimizer.LearningRate.ShouldBe(0.2);
    }

    [Theory]
    [InlineData(500, 500)]
    [InlineData(1, 1)]
    [InlineData(100_000, 100_000)]
    public void WithSteps_AcceptsWholeNumbersInRange(double steps, int expected) =>
        LiveSettings.WithSteps(Demo, steps, 100_000).Scenario!.Steps.ShouldBe(expected);

    [Theory]
    [InlineData(0)]
    [InlineData(2.5)]
    [InlineData(100_001)]
    public void WithSteps_RefusesOthers_WithTheRangeInTheMessage(double steps)
    {
        var change = LiveSettings.WithSteps(Demo, steps, 100_000);
        change.Scenario.ShouldBeNull();
        change.Error.ShouldBe($"Steps budget: {LiveSettings.Invariant(steps)} is not a whole number from 1 to 100,000.");
    }

    [Fact]
    public void WithBatchKind_MiniTakesAQuarter_StochasticOne_ElseFull()
    {
        var mini = LiveSettings.WithBatchKind(Demo, "mini", 47).Batch!;
        (mini.Kind, mini.Size, mini.Seed).ShouldBe(("mini", (int?)11, (int?)42));
        LiveSettings.WithBatchKind(Demo, "mini", 2).Batch!.Size.ShouldBe(1);
        LiveSettings.WithBatchKind(Demo, "stochastic", 47).Batch!.Kind.ShouldBe("stochastic");
        LiveSettings.WithBatchKind(Demo, "anything", 47).Batch!.Kind.ShouldBe("full");
    }

    [Fact]
    public void WithBatchSizeAndSeed_TakeWholeNumbers_AndRefuseFractions()
    {
        var mini = LiveSettings.WithBatchKind(Demo, "mini", 47);
        LiveSettings.WithBatchSize(mini, 5).Scenario!.Batch!.Size.ShouldBe(5);
        LiveSettings.WithBatchSize(mini, 0).Error.ShouldNotBeNull();
        LiveSettings.WithBatchSize(mini, 1.5).Error.ShouldNotBeNull();
        LiveSettings.WithSeed(mini, 7).Scenario!.Batch!.Seed.ShouldBe(7);
        LiveSettings.WithSeed(mini, 7.5).Error!.ShouldContain("whole number");
    }

    [Fact]
    public void WithMomentumUpdateScaling_ChangeOnlyTheirSetting()
    {
        LiveSettings.WithMomentum(Demo, 0.9).Optimizer!.Momentum.ShouldBe(0.9);
        LiveSettings.WithUpdate(Demo, "sequential").Update.ShouldBe("sequential");
        var scaled = LiveSettings.WithScaling(Demo with { Start = [-0.1, 900] }, scale: true);
        scaled.Objective!.ScaleFeatures.ShouldBe(true);
        scaled.Start.ShouldBe([0.0, 0.0]);
        LiveSettings.WithScaling(Demo with { Start = [-0.1, 900] }, scale: false).Start.ShouldBe([-0.1, 900]);
    }

    [Fact]
    public void WithStart_SetsOneParameter_AndTheClickedStartIsRoundedToFourDigits()
    {
        LiveSettings.WithStart(Demo, [1, 2], 1, 5).Start.ShouldBe([1.0, 5.0]);
        LiveSettings.WithStartAt(Demo, 0.123456, 987.654).Start.ShouldBe([0.1235, 987.7]);
    }

    [Fact]
    public void WithFrozenIntercept_HoldsB_AndLetsItGo()
    {
        var frozen = LiveSettings.WithFrozenIntercept(Demo, freeze: true);
        frozen.Freeze.ShouldBe(["b"]);
        LiveSettings.InterceptFrozen(frozen).ShouldBeTrue();
        LiveSettings.WithFrozenIntercept(frozen, freeze: false).Freeze.ShouldBeNull();
        LiveSettings.InterceptFrozen(Demo).ShouldBeFalse();
    }

    [Fact]
    public void AFrozenIntercept_KeepsBAtItsStartThroughTheRun()
    {
        var session = new LiveSession(LiveSettings.WithFrozenIntercept(Presets.Get("course-lab").Scenario, freeze: true));
        var start = session.Current.Parameters[1];
        session.ToEnd();
        session.Current.Parameters[1].ShouldBe(start);
        session.Current.Parameters[0].ShouldNotBe(session.Trajectory[0].Parameters[0]);
    }

    [Fact]
    public void FrozenNote_NamesTheHeldParameterAndItsValue()
    {
        LiveSettings.FrozenNote(["b"], ["w", "b"], [2.5, 900]).ShouldBe("b = 900 is fixed at its start: its gradient is computed but it does not move.");
        LiveSettings.FrozenNote(null, ["w", "b"], [2.5, 900]).ShouldBeNull();
        LiveSettings.FrozenNote([], ["w", "b"], [2.5, 900]).ShouldBeNull();
    }

    [Fact]
    public void WithAdvice_AppliesOnlyWhatIsAdvised()
    {
        var start = Demo with { Start = [1, 2], Update = "sequential" };
        var rate = LiveSettings.WithAdvice(start, new Diagnosis(Verdict.Diverging, "", "", 0.05, false, false));
        rate.Optimizer!.LearningRate.ShouldBe(0.05);
        rate.Start.ShouldBe([1.0, 2.0]);
        rate.Update.ShouldBe("sequential");

        var all = LiveSettings.WithAdvice(start, new Diagnosis(Verdict.Diverging, "", "", null, true, true));
        all.Objective!.ScaleFeatures.ShouldBe(true);
        all.Start.ShouldBeNull();
        all.Update.ShouldBe("simultaneous");
        all.Optimizer!.LearningRate.ShouldBe(start.Optimizer!.LearningRate);
    }

    [Theory]
    [InlineData(430, 0, 430, 335, 258)]     // phone/desktop: shapes from the width (0.78, 0.6), at least 260 and 220
    [InlineData(300, 0, 300, 260, 220)]
    [InlineData(100, 0, 240, 260, 220)]     // width clamped to 240
    [InlineData(600, 700, 600, 700, 700)]   // presenting: the height that reaches the bottom
    [InlineData(600, 2000, 600, 780, 780)]  // ... no taller than 1.3 × the width
    [InlineData(1000, 2000, 1000, 900, 900)] // ... and never over 900
    public void FigureSizes_FollowTheWidth_AndInPresentingTheScreensHeight(int width, int fit, int w, int viewHeight, int lossHeight)
    {
        var (view, loss) = LiveSettings.FigureSizes(width, fit);
        view.ShouldBe((w, viewHeight));
        loss.ShouldBe((w, lossHeight));
    }

    [Fact]
    public void DatasetKeyOf_NamesTheMenuEntry()
    {
        LiveSettings.DatasetKeyOf(Demo).ShouldBe("portland");
        LiveSettings.DatasetKeyOf(Presets.Get("course-lab").Scenario).ShouldBe("housing-tiny");
        LiveSettings.DatasetKeyOf(Demo with { Objective = Demo.Objective! with { Data = new DataSpec { X = [[1.0]], Y = [2.0] } } }).ShouldBe("upload");
        LiveSettings.DatasetKeyOf(Demo with { Objective = null }).ShouldBe("portland");
    }

    [Fact]
    public void UploadColumns_NeedsTwoNumericColumns_AndTheUploadFitsXToY()
    {
        var table = CsvTable.Parse("size,name,price\n1,a,2\n2,b,4\n3,c,6\n", "houses.csv");
        var (columns, error) = LiveSettings.UploadColumns(table, "houses.csv");
        error.ShouldBeNull();
        columns.ShouldBe(["size", "price"]);

        var one = CsvTable.Parse("name,price\na,2\nb,4\n", "one.csv");
        LiveSettings.UploadColumns(one, "one.csv").Error.ShouldBe("one.csv needs at least two columns of numbers (an x and a y); its numeric columns are: price.");

        var fitted = LiveSettings.WithUpload(Demo, table, "houses.csv", "size", "price");
        fitted.Name.ShouldBe("houses.csv");
        fitted.Objective!.Data!.Y.ShouldBe([2.0, 4, 6]);
        fitted.Objective.Data.X![2].ShouldBe([3.0]);
        fitted.Start.ShouldBe([0.0, 0.0]);
    }

    [Fact]
    public void PredictionAt_IsWTimesXPlusB_ForALine()
    {
        LiveSettings.PredictionAt([2, 1], 3).ShouldBe(7);
        LiveSettings.PredictionAt([2, 1, 5], 3).ShouldBeNull();
        LiveSettings.PredictionAt([2, 1], double.NaN).ShouldBeNull();
    }

    [Fact]
    public void Numbers_ShowSixSignificantDigits_AndInputBoxesRoundTrip()
    {
        LiveSettings.Number(1234.5678).ShouldBe("1234.57");
        LiveSettings.Number(0.000123456).ShouldBe("0.000123456");
        LiveSettings.Number(double.PositiveInfinity).ShouldBe(LiveSession.F(double.PositiveInfinity));
        LiveSettings.Invariant(0.1).ShouldBe("0.1");
        LiveSettings.Invariant(double.NaN).ShouldBe("");
    }
}
