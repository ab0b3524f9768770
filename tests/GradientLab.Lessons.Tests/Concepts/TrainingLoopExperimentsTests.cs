using GradientLab.Lessons.Concepts;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Concepts;

public sealed class TrainingLoopExperimentsTests
{
    [Theory]
    [InlineData("base", 0.01, 4, 200)] // Presets.cs, training-loop: 100 epochs of ⌈5/4⌉ = 2 updates
    [InlineData("alpha-small", 0.001, 4, 200)]
    [InlineData("alpha-large", 0.5, 4, 200)]
    [InlineData("batch-1", 0.01, 1, 500)] // 100 epochs × 5
    [InlineData("batch-full", 0.01, 5, 100)] // 100 epochs × 1
    [InlineData("parabola-line", 0.02, 7, 100)] // parabola: 7 rows in one batch, 100 epochs
    [InlineData("parabola-poly", 0.1, 7, 100)]
    [InlineData("more-epochs", 0.01, 4, 2000)] // 1000 epochs × 2
    public void EachExperiment_ChangesOneThingOfTheTrainingLoop(string key, double alpha, int batch, int steps)
    {
        var scenario = TrainingLoopExperiments.Scenario(key);
        scenario.Optimizer!.LearningRate.ShouldBe(alpha);
        scenario.Batch!.Size.ShouldBe(batch);
        scenario.Batch.Seed.ShouldBe(42);
        scenario.Steps.ShouldBe(steps);
        scenario.Objective!.Loss.ShouldBe("mse");
        TrainingLoopExperiments.Get(key).Key.ShouldBe(key);
    }

    [Fact]
    public void TheBaseExperiment_IsTheTrainingLoopPreset()
    {
        var preset = LessonRun.Of(Presets.Get("training-loop").Scenario).Last;
        var comparison = new ExperimentComparison("base");
        comparison.IsBase.ShouldBeTrue();
        comparison.Run.ShouldBeSameAs(comparison.BaseRun);
        comparison.Run.Trajectory[^1].Parameters.ShouldBe(preset.Parameters, tolerance: 1e-12);
        comparison.Sentence.ShouldBe(TrainingLoopExperiments.All[0].Lesson);
        TrainingLoopExperiments.UpdatesPerEpoch(comparison.Run).ShouldBe(2);
    }

    [Fact]
    public void AnExperiment_IsComparedWithTheBaseRun()
    {
        var comparison = new ExperimentComparison("alpha-large");
        comparison.IsBase.ShouldBeFalse();
        comparison.Run.StopReason.ShouldBe(GradientLab.Core.Descent.StopReason.Diverged);
        comparison.Sentence.ShouldStartWith(TrainingLoopExperiments.Get("alpha-large").Lesson + " Final cost ");
        comparison.Sentence.ShouldContain("the base run ends at");
        TrainingLoopExperiments.UpdatesPerEpoch(new ExperimentComparison("batch-1").Run).ShouldBe(5);
    }

    [Fact]
    public void AnUnknownExperiment_IsRejected()
    {
        TrainingLoopExperiments.All.Select(e => e.Key).Distinct().Count().ShouldBe(TrainingLoopExperiments.All.Count);
        Should.Throw<ArgumentException>(() => new ExperimentComparison("nope"));
    }
}
