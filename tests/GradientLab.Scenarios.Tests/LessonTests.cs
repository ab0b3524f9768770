using GradientLab.Core.Descent;

namespace GradientLab.Scenarios.Tests;

/// <summary>Every preset keeps the promise its description makes: its lesson check holds on its own run.</summary>
public sealed class LessonTests
{
    public static TheoryData<string> PresetNames => [.. Presets.Names];

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void EveryPreset_ShowsTheLessonItClaims(string name)
    {
        var preset = Presets.Get(name);
        preset.Lesson.Claim.ShouldNotBeNullOrWhiteSpace();
        var failure = preset.Lesson.Verify(LessonRun.Of(preset.Scenario));
        failure.ShouldBeNull($"{name}: '{preset.Lesson.Claim}' does not hold: {failure}");
    }

    [Theory]
    [InlineData("alpha-too-large", 0.3)]     // below 2/λmax ≈ 0.58 the course lab converges: no divergence to show
    [InlineData("housing-live-demo", null)]  // the same run on unscaled sizes: the first step swings w the wrong way
    [InlineData("momentum", 0.01)]           // a smaller rate: no overshoot at step 19
    [InlineData("minibatch-line", 0.0001)]   // too small a rate: it never gets near w = 2, b = 1
    [InlineData("alpha-too-small", 0.001)]   // ten times the rate: 1000 steps take the cost from 85000 to 101, no crawl left to see
    public void ALessonCheck_Fails_WhenTheRunNoLongerShowsIt(string name, double? learningRate)
    {
        var preset = Presets.Get(name);
        var broken = learningRate is { } rate
            ? preset.Scenario with { Optimizer = preset.Scenario.Optimizer! with { LearningRate = rate } }
            : preset.Scenario with { Objective = preset.Scenario.Objective! with { ScaleFeatures = false } };
        preset.Lesson.Verify(LessonRun.Of(broken)).ShouldNotBeNull();
    }

    [Fact]
    public void AlternatingChanges_CountsTheStepsWhoseChangeFlipsSign()
    {
        Lesson.AlternatingChanges([0, 1, 0, 1, 0, 0.5, 0.6]).ShouldBe(5);
        Lesson.AlternatingChanges([0, 1, 2, 3]).ShouldBe(0);
    }

    [Fact]
    public void TheLiveDemo_PredictsNearTheLeastSquaresLine_At1250SquareFeet()
    {
        var run = LessonRun.Of(Presets.Get("housing-live-demo").Scenario);
        run.StopReason.ShouldBe(StopReason.Converged);
        var exact = run.Scenario.Predict(run.Scenario.KnownMinimum()!, [1.25]);
        run.Scenario.Predict(run.Last.Parameters, [1.25]).ShouldBe(exact, 0.01);
    }
}
