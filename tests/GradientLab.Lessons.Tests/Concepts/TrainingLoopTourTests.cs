using GradientLab.Lessons.Concepts;

namespace GradientLab.Lessons.Tests.Concepts;

public sealed class TrainingLoopTourTests
{
    [Fact]
    public void IterationZero_ShowsTheBatchAtWEqualsBEqualsZero_AndTheEnginesGradientMatchesItsRows()
    {
        // The minibatch-line preset: w = b = 0, α = 0.02, mini-batches of 4 from y = 2x + 1 on x = 1…5.
        // At w = b = 0 every prediction is 0, so by hand: the batch cost is Σ y²/(2·4), ∂J/∂w = −Σ x·y/4, ∂J/∂b = −Σ y/4
        // over the four rows the tour names, and the engine's gradient (measured on the rows it drew) must agree.
        var tour = new TrainingLoopTour();
        tour.Iteration.ShouldBe(0);
        tour.Stage.ShouldBe(0);
        (tour.W, tour.B).ShouldBe((0.0, 0.0));
        tour.BatchSize.ShouldBe(4);
        tour.Rows.Select(r => r.Row).Distinct().Count().ShouldBe(4);
        tour.Rows.ShouldAllBe(r => r.Row >= 1 && r.Row <= 5 && r.X == r.Row && r.Y == (2 * r.X) + 1 && r.Prediction == 0);
        tour.BatchCost.ShouldBe(tour.Rows.Sum(r => r.Y * r.Y) / 8, 1e-12);
        tour.SquaredErrorSum.ShouldBe(tour.Rows.Sum(r => r.Y * r.Y), 1e-12);
        tour.GradientW.ShouldBe(-tour.Rows.Sum(r => r.X * r.Y) / 4, 1e-12);
        tour.GradientB.ShouldBe(-tour.Rows.Sum(r => r.Y) / 4, 1e-12);
        tour.LearningRate.ShouldBe(0.02);
        tour.WNext.ShouldBe(-0.02 * tour.GradientW, 1e-12);
        tour.BNext.ShouldBe(-0.02 * tour.GradientB, 1e-12);
        tour.CostBefore.ShouldBe(28.5, 1e-12); // 285/10, all five rows
        tour.CostAfter.ShouldBeLessThan(28.5);
    }

    [Fact]
    public void AnEpoch_IsFourRowsThenTheFifth_AndTheNextEpochIsReshuffled()
    {
        var first = new TrainingLoopTour(0);
        var second = new TrainingLoopTour(1);
        second.BatchSize.ShouldBe(1);
        first.Rows.Concat(second.Rows).Select(r => r.Row).Order().ShouldBe([1, 2, 3, 4, 5]);
        first.UpcomingRows.ShouldBe(second.Rows.Select(r => r.Row));
        first.NextStartsAnEpoch.ShouldBeFalse();
        second.NextStartsAnEpoch.ShouldBeTrue();
        second.UpcomingRows.Count.ShouldBe(4);
        second.Epoch.ShouldBe(0);
        new TrainingLoopTour(2).Epoch.ShouldBe(1);
    }

    [Fact]
    public void EachIteration_StartsWhereThePreviousUpdateEnded()
    {
        var before = new TrainingLoopTour(6);
        var after = new TrainingLoopTour(7);
        after.W.ShouldBe(before.WNext);
        after.B.ShouldBe(before.BNext);
        after.CostBefore.ShouldBe(before.CostAfter);
        // The update, by hand from the numbers shown: w ← w − α·∂J/∂w.
        before.WNext.ShouldBe(before.W - (before.LearningRate * before.GradientW), 1e-12);
        before.BNext.ShouldBe(before.B - (before.LearningRate * before.GradientB), 1e-12);
        // and the backward pass from the forward pass: ∂J/∂w = 1/m Σ (f − y)·x.
        before.GradientW.ShouldBe(before.Rows.Sum(r => r.Error * r.X) / before.BatchSize, 1e-12);
        before.GradientB.ShouldBe(before.Rows.Sum(r => r.Error) / before.BatchSize, 1e-12);
    }

    [Fact]
    public void Next_WalksTheSixStages_ThenTheNextIteration_AndRestartGoesBack()
    {
        var tour = new TrainingLoopTour();
        TrainingLoopTour.Stages.Count.ShouldBe(6);
        for (var stage = 1; stage < 6; stage++)
        {
            tour.Next();
            (tour.Iteration, tour.Stage).ShouldBe((0, stage));
        }

        tour.Next();
        (tour.Iteration, tour.Stage).ShouldBe((1, 0));
        tour.W.ShouldBe(new TrainingLoopTour(1).W);
        tour.Restart();
        (tour.Iteration, tour.Stage).ShouldBe((0, 0));
    }

    [Fact]
    public void TheLastIteration_IsThePresetsBudget_AndTheTourStaysThere()
    {
        TrainingLoopTour.LastIteration.ShouldBe(2000); // Presets.cs: minibatch-line runs 2000 updates
        var tour = new TrainingLoopTour(TrainingLoopTour.LastIteration, 5);
        tour.WNext.ShouldBe(tour.W);
        tour.Next();
        (tour.Iteration, tour.Stage).ShouldBe((TrainingLoopTour.LastIteration, 0));
        tour.W.ShouldBe(2, 0.05); // REFERENCE.md: mini-batch GD on x = 1…5, y = 2x + 1 converges towards w = 2, b = 1
        tour.B.ShouldBe(1, 0.05);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(2001, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 6)]
    public void AnIterationOrStageOutsideTheTour_IsRejected(int iteration, int stage) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TrainingLoopTour(iteration, stage));
}
