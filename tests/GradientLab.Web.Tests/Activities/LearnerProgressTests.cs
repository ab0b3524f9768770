using GradientLab.Lessons.Activities;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Activities;

/// <summary>The lab's progress service over a store: load once, record and save, reset, import, and the export's name.</summary>
public sealed class LearnerProgressTests
{
    [Fact]
    public async Task Record_SavesToTheStore_AndALaterVisitReadsItBack()
    {
        var store = new MemoryProgressStore();
        var progress = new LearnerProgress(store);
        var changes = 0;
        progress.Changed += (_, _) => changes++;
        await progress.RecordAsync("live.interview.steps-shrink", InterviewQuestion.Revealed);
        changes.ShouldBe(2); // loaded, then recorded
        progress.Summary("/live").Text.ShouldBe($"1/{progress.Catalog.ForPage("/live").Count} completed");

        var later = new LearnerProgress(store);
        await later.LoadAsync();
        later.Loaded.ShouldBeTrue();
        later.Book.Of("live.interview.steps-shrink").Status.ShouldBe(ActivityStatus.Completed);
        later.Overall.Completed.ShouldBe(1);
    }

    [Fact]
    public async Task ADamagedSave_GivesAnEmptyBook_AndSaysWhy()
    {
        var store = new MemoryProgressStore();
        await store.SaveAsync("{ not json");
        var progress = new LearnerProgress(store);
        await progress.LoadAsync();
        progress.Problem!.ShouldStartWith("Your saved progress could not be read");
        progress.Overall.Completed.ShouldBe(0);
    }

    [Fact]
    public async Task ExportResetImport_RestoresTheCounts_AndARefusedFileChangesNothing()
    {
        var progress = new LearnerProgress(new MemoryProgressStore());
        await progress.SetLearnerAsync("  Ada  ");
        await progress.RecordAsync("concepts.intuition-convexity", new ActivityOutcome(1, 1, true));
        var exported = progress.Book.Export(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        await progress.ResetAsync();
        progress.Overall.Completed.ShouldBe(0);
        progress.Book.Learner.ShouldBe("Ada");

        (await progress.ImportAsync("{}"))!.ShouldContain("not a GradientLab progress file");
        progress.Overall.Completed.ShouldBe(0);
        (await progress.ImportAsync(exported)).ShouldBeNull();
        progress.Overall.Completed.ShouldBe(1);
    }

    [Theory]
    [InlineData(null, "gradientlab-progress-2026-03-01.json")]
    [InlineData("Zoë  O'Brien", "gradientlab-progress-zo-o-brien-2026-03-01.json")]
    public async Task TheExportsName_SaysWhoseAndWhen(string? learner, string name)
    {
        var progress = new LearnerProgress(new MemoryProgressStore());
        await progress.SetLearnerAsync(learner);
        progress.ExportFileName(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.FromHours(1))).ShouldBe(name);
    }
}
