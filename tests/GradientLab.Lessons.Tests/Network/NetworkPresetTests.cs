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

/// <summary>The learner's own points on /network: read, trained, refused with the line named, left for the point set.</summary>
public sealed class OwnPointsTests
{
    // XOR's four corners, twice, with a little spread: no line separates them.
    private const string Xor = "x1,x2,label\n-1,-1,0\n1,1,0\n-1,1,1\n1,-1,1\n-0.9,-1.1,0\n0.9,1.1,0\n-1.1,0.9,1\n1.1,-0.9,1\n";

    [Fact]
    public void AFileOfPoints_IsTrained_InsteadOfThePointSet()
    {
        var change = NetworkSettings.Default.WithOwnPoints(Xor, "mine.csv");
        change.Error.ShouldBeNull();
        var settings = change.Settings;
        settings.Count.ShouldBe(8);
        settings.Data().ShouldBeSameAs(settings.OwnPoints);
        settings.Data().Targets.ToArray().ShouldBe([0, 0, 1, 1, 0, 0, 1, 1]);

        var network = new NetworkSession(settings);
        network.Accuracy(network.LastStep).ShouldBe(1, "4 tanh units separate XOR's corners");
        var line = new NetworkSession(settings.AsLogistic());
        line.Accuracy(line.LastStep).ShouldBeLessThan(1, "no line separates them");
    }

    [Fact]
    public void ABadLabel_IsRefused_NamingItsLineAndColumn_AndTheSettingsStay()
    {
        var change = NetworkSettings.Default.WithOwnPoints("x1,x2,label\n0,0,1\n1,1,2\n", "mine.csv");
        change.Accepted.ShouldBeFalse();
        change.Error.ShouldBe("mine.csv, line 3, column 3 ('label'): the label is 2; a label must be 0 or 1. Nothing was changed.");
        change.Settings.ShouldBeSameAs(NetworkSettings.Default);
    }

    [Fact]
    public void MorePointsThanThePageTrains_AreRefused_AndSoIsALargeFile_BeforeItIsRead()
    {
        var rows = string.Concat(Enumerable.Range(0, NetworkSettings.MaxCount + 1).Select(i => $"{i},0,{i % 2}\n"));
        var change = NetworkSettings.Default.WithOwnPoints("x1,x2,label\n" + rows, "big.csv");
        change.Error.ShouldBe("big.csv has 2,001 points; this page trains at most 2,000. Nothing was changed.");

        NetworkSettings.FileProblem("huge.csv", NetworkSettings.MaxFileBytes + 1).ShouldBe("huge.csv is 1,048,577 bytes; the limit is 1,048,576 (1 MiB). Nothing was changed.");
        NetworkSettings.FileProblem("fine.csv", NetworkSettings.MaxFileBytes).ShouldBeNull();
    }

    [Fact]
    public void ChangingThePointSetsSettings_GoesBackToThePointSet_AndABatchLargerThanTheFileBecomesTheFullBatch()
    {
        var own = (NetworkSettings.Default with { BatchSize = 50 }).WithOwnPoints(Xor, "mine.csv").Settings;
        own.BatchSize.ShouldBe(0);

        var back = own.With("data", "moons").Settings;
        back.OwnPoints.ShouldBeNull();
        back.PointSet.ShouldBe("moons");
        back.Data().SampleCount.ShouldBe(8);

        own.With("noise", "0.1").Settings.OwnPoints.ShouldBeNull();
        own.With("units1", "3").Settings.OwnPoints.ShouldBeSameAs(own.OwnPoints, "a change of the model keeps the file");
    }
}
