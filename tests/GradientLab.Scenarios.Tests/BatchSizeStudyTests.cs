namespace GradientLab.Scenarios.Tests;

/// <summary>The lesson of "why 32 to 512", as checks on the study's own runs (the times are reported, never asserted).</summary>
public sealed class BatchSizeStudyTests
{
    private static readonly Lazy<IReadOnlyList<BatchSizeRun>> Runs = new(() => BatchSizeStudy.Run());

    [Fact]
    public void EveryBatchSize_SpendsTheSameBudgetOfExamples()
    {
        Runs.Value.ShouldAllBe(r => r.Updates * r.BatchSize == BatchSizeStudy.Examples);
        Runs.Value.Select(r => r.BatchSize).ShouldBe(BatchSizeStudy.BatchSizes);
    }

    [Fact]
    public void WithTheSameExamples_AMiddleBatchSizeEndsLowest()
    {
        var best = Runs.Value.MinBy(r => r.ExcessLoss)!;
        best.BatchSize.ShouldBeInRange(32, 512, Describe());
    }

    [Fact]
    public void BatchesOfOne_JitterAboveTheFloor_ManyUpdatesRaiseTheFullDataCost()
    {
        var one = Runs.Value[0];
        var best = Runs.Value.Min(r => r.ExcessLoss);
        one.ExcessLoss.ShouldBeGreaterThan(10 * best, Describe());
        one.Rises.ShouldBeGreaterThan(one.Updates / 4, Describe());
    }

    [Fact]
    public void TheFullBatch_NeverRaisesTheCost_ButRunsOutOfUpdatesFarFromTheMinimum()
    {
        var full = Runs.Value[^1];
        full.Rises.ShouldBe(0);
        full.Updates.ShouldBe(BatchSizeStudy.Epochs);
        full.ExcessLoss.ShouldBeGreaterThan(Runs.Value[0].ExcessLoss, Describe());
    }

    [Fact]
    public void TheSummary_NamesTheBestSize_AndTheNumbersOfBothEnds()
    {
        var summary = BatchSizeStudy.Summary(Runs.Value);
        var best = Runs.Value.MinBy(r => r.ExcessLoss)!;
        summary.ShouldContain($"batches of {best.BatchSize} end closest");
        summary.ShouldContain($"{Runs.Value[0].Rises:N0} of them raise the full-data cost");
        summary.ShouldContain($"only {BatchSizeStudy.Epochs} updates");
    }

    [Theory]
    [InlineData(0.357, "0.36")]
    [InlineData(0.00484, "0.0048")]
    [InlineData(1.07e-6, "1.1e-6")]
    [InlineData(0, "0")]
    public void TwoDigits_GivesSignificantDigits_WithoutFloatNoise(double value, string expected) => BatchSizeStudy.TwoDigits(value).ShouldBe(expected);

    private static string Describe() => string.Join("; ", Runs.Value.Select(r => $"B={r.BatchSize}: {r.Updates} updates, J−J*={r.ExcessLoss:G3}, {r.Rises} rises, {r.Elapsed.TotalMilliseconds:F1} ms"));
}
