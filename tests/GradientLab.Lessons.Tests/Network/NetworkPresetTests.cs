using GradientLab.Lessons.Network;
using GradientLab.Scenarios;

namespace GradientLab.Lessons.Tests.Network;

/// <summary>A classifier preset opened on /network runs the run the command line runs (<c>gradlab run xor-network</c>).</summary>
public sealed class NetworkPresetTests
{
    public static TheoryData<string> NetworkPresets => [.. Presets.All.Where(p => p.IsClassifier && p.Scenario.Objective?.Hidden is { Count: > 0 }).Select(p => p.Name)];

    public static TheoryData<string> LogisticPresets => [.. Presets.All.Where(p => p.IsClassifier && p.Scenario.Objective?.Hidden is null or { Count: 0 }).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(NetworkPresets))]
    public void ANetworkPreset_OnThePage_EndsWhereItsScenarioEnds_StepForStep(string name)
    {
        var preset = Presets.Get(name);
        var settings = NetworkSettings.FromScenario(preset.Scenario);
        var page = new NetworkSession(settings);
        var run = LessonRun.Of(preset.Scenario);

        page.LastStep.ShouldBe(run.Last.Step);
        foreach (var step in new[] { 0, 1, run.Last.Step / 2, run.Last.Step })
        {
            page.Loss(step).ShouldBe(run.Losses[step], 1e-12 * Math.Max(1, run.Losses[step]), $"{name}, step {step}");
        }

        page.Accuracy(page.LastStep).ShouldBe(run.Accuracy(), $"{name}: the accuracy at the end");
    }

    [Theory]
    [MemberData(nameof(LogisticPresets))]
    public void ALogisticPreset_OnThePage_TrainsTheSameModel_OnTheSamePoints_AndEndsAtTheSameAccuracy(string name)
    {
        // The page starts logistic regression from its seeded start, the scenario from zeros; the loss being convex,
        // both end at the same accuracy and nearly the same loss.
        var preset = Presets.Get(name);
        var settings = NetworkSettings.FromScenario(preset.Scenario);
        settings.Hidden.ShouldBeEmpty();
        var page = new NetworkSession(settings);
        var run = LessonRun.Of(preset.Scenario);

        page.LastStep.ShouldBe(run.Last.Step);
        page.Accuracy(page.LastStep).ShouldBe(run.Accuracy(), name);
        page.Loss(page.LastStep).ShouldBe(run.Last.Loss, 0.01, name);
    }

    [Fact]
    public void AScenarioThatDoesNotClassify_IsRefused_WithASentence()
    {
        var error = Should.Throw<ScenarioException>(() => NetworkSettings.FromScenario(Presets.Get("course-lab").Scenario));
        error.Message.ShouldContain("does not classify points");
    }
}
