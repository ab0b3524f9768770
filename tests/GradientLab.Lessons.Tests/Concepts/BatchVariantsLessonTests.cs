using GradientLab.Lessons.Concepts;

namespace GradientLab.Lessons.Tests.Concepts;

public sealed class BatchVariantsLessonTests
{
    [Fact]
    public void TheDefaults_CountIterationsAndEpochs()
    {
        // By hand: five rows, 30 epochs. Full batch: 1 update per epoch = 30; mini-batches of 2: ⌈5/2⌉ = 3 per epoch = 90;
        // stochastic: 5 per epoch = 150.
        var lesson = new BatchVariantsLesson(BatchVariantsLesson.DefaultBatchSize, BatchVariantsLesson.DefaultEpochs, BatchVariantsLesson.DefaultAlpha);
        BatchVariantsLesson.Rows.ShouldBe(5);
        lesson.Error.ShouldBeNull();
        lesson.Variants.Select(v => v.Key).ShouldBe(["full", "mini", "stochastic"]);
        lesson.Variants.Select(v => v.Name).ShouldBe(["batch (all 5 rows)", "mini-batch of 2", "stochastic (1 row)"]);
        lesson.Variants.Select(v => v.RowsPerUpdate).ShouldBe([5, 2, 1]);
        lesson.Variants.Select(v => v.IterationsPerEpoch).ShouldBe([1, 3, 5]);
        lesson.Variants.Select(v => v.Iterations).ShouldBe([30, 90, 150]);
        lesson.Variants.Select(v => v.Epochs).ShouldBe([30, 30, 30]);
    }

    [Theory]
    [InlineData(1, 5, 50)]
    [InlineData(3, 2, 20)]
    [InlineData(4, 2, 20)]
    [InlineData(5, 1, 10)]
    public void TheMiniBatch_MakesCeilingOfFiveOverItsSizeUpdatesPerEpoch(int size, int perEpoch, int iterations)
    {
        // By hand: ⌈5/size⌉ updates per epoch, over 10 epochs.
        var mini = new BatchVariantsLesson(size, 10, 0.02).Variants[1];
        mini.IterationsPerEpoch.ShouldBe(perEpoch);
        mini.Iterations.ShouldBe(iterations);
        mini.Epochs.ShouldBe(10);
    }

    [Fact]
    public void TheFullBatch_FollowsPlainGradientDescentOnTheFivePoints()
    {
        // By hand, the first update from w = b = 0 on y = 2x + 1, x = 1…5 (y = 3, 5, 7, 9, 11), J = 1/(2m) Σ (f − y)²:
        // ∂J/∂w = −(3 + 10 + 21 + 36 + 55)/5 = −25, ∂J/∂b = −35/5 = −7; at α = 0.02, w = 0.5 and b = 0.14; J(0, 0) = 285/10 = 28.5.
        var full = new BatchVariantsLesson(2, 30, 0.02).Variants[0];
        full.Session.Trajectory[0].Loss.ShouldBe(28.5, 1e-12);
        full.Session.Trajectory[1].Parameters[0].ShouldBe(0.5, 1e-12);
        full.Session.Trajectory[1].Parameters[1].ShouldBe(0.14, 1e-12);

        // The final cost, from the same descent written out here (independently of the engine): 30 full-batch updates.
        double w = 0, b = 0;
        double[] x = [1, 2, 3, 4, 5];
        for (var step = 0; step < 30; step++)
        {
            var errors = x.Select(xi => (w * xi) + b - ((2 * xi) + 1)).ToArray();
            var dw = errors.Select((e, i) => e * x[i]).Average();
            var db = errors.Average();
            (w, b) = (w - (0.02 * dw), b - (0.02 * db));
        }

        var cost = x.Select(xi => Math.Pow((w * xi) + b - ((2 * xi) + 1), 2)).Sum() / 10;
        full.FinalCost.ShouldBe(cost, 1e-9 * Math.Max(1, cost));
    }

    [Fact]
    public void EveryVariant_EndsCloserToTheLineThanItStarted()
    {
        // The line y = 2x + 1 fits the five points exactly (J* = 0): every variant at α = 0.02 lowers the cost from 28.5.
        foreach (var variant in new BatchVariantsLesson(2, 30, 0.02).Variants)
        {
            variant.FinalCost.ShouldBeLessThan(28.5 / 10, variant.Name);
        }
    }

    [Fact]
    public void OutOfRangeSettingsAreClamped_AndARejectedRateIsExplained()
    {
        var clamped = new BatchVariantsLesson(99, 9_999, 0.02);
        clamped.BatchSize.ShouldBe(5);
        clamped.Epochs.ShouldBe(BatchVariantsLesson.MaxEpochs);
        new BatchVariantsLesson(0, 0, 0.02).BatchSize.ShouldBe(1);
        var rejected = new BatchVariantsLesson(2, 30, 0);
        rejected.Error.ShouldNotBeNull();
        rejected.Variants.ShouldBeEmpty();
    }
}
