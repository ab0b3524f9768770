using System.Text.Json;
using System.Text.Json.Nodes;
using GradientLab.Lessons.Activities;

namespace GradientLab.Lessons.Tests;

public sealed class ProgressTests
{
    private static readonly ActivityCatalog Catalog = ActivityCatalog.Embedded;

    private static ProgressBook Sample()
    {
        var book = new ProgressBook { Learner = "Ada" };
        book.Record("concepts.training-loop-quiz", new ActivityOutcome(3, 5, true));
        book.Record("concepts.training-loop-order", new ActivityOutcome(2, 5, false));
        book.Record("live.interview.steps-shrink", InterviewQuestion.Revealed);
        return book;
    }

    [Fact]
    public void Record_KeepsTheBestScore_AndCompletedStaysCompleted()
    {
        var book = new ProgressBook();
        book.Of("x").ShouldBe(ActivityProgress.NotStarted);
        book.Record("x", new ActivityOutcome(4, 5, true)).ShouldBe(new ActivityProgress(ActivityStatus.Completed, 4, 5, 1));
        book.Record("x", new ActivityOutcome(1, 5, false)).ShouldBe(new ActivityProgress(ActivityStatus.Completed, 4, 5, 2));
        book.Record("y", new ActivityOutcome(1, 5, false)).Status.ShouldBe(ActivityStatus.Attempted);
    }

    [Fact]
    public void Record_RejectsAScoreAboveItsMaximum()
    {
        Should.Throw<ArgumentException>(() => new ProgressBook().Record("x", new ActivityOutcome(6, 5, true)));
    }

    [Fact]
    public void Summary_CountsThePagesCompletedActivities()
    {
        var book = Sample();
        var total = Catalog.ForPage("/concepts").Count;
        book.Summary(Catalog, "/concepts").ShouldBe(new PageProgress("/concepts", 1, total));
        book.Summary(Catalog, "/concepts").Text.ShouldBe($"1/{total} completed");
        book.Summary(Catalog, "/live").Completed.ShouldBe(1);
        book.Overall(Catalog).ShouldBe(new PageProgress("", 2, Catalog.All.Count));
    }

    [Fact]
    public void Reset_ForgetsOneActivity_OrAll()
    {
        var book = Sample();
        book.Reset("concepts.training-loop-quiz");
        book.Of("concepts.training-loop-quiz").ShouldBe(ActivityProgress.NotStarted);
        book.Activities.Count.ShouldBe(2);
        book.Reset();
        book.Activities.ShouldBeEmpty();
    }

    [Fact]
    public void ExportThenImport_GivesTheSameProgress()
    {
        var book = Sample();
        var document = book.Export(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        document.ShouldContain("\"exportedAt\": \"2026-03-01T12:00:00.0000000+00:00\"");
        var again = ProgressBook.Import(document);
        again.Learner.ShouldBe("Ada");
        again.Activities.ShouldBe(book.Activities);
        again.Export().ShouldBe(book.Export());
    }

    [Fact]
    public void AnEmptyBook_RoundTrips()
    {
        ProgressBook.Import(new ProgressBook().Export()).Activities.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("score", 5)]
    [InlineData("status", "completed")]
    [InlineData("attempts", 7)]
    public void AnEditedEntry_IsRejected_AsTampered(string field, object value)
    {
        var json = JsonNode.Parse(Sample().Export())!;
        json["activities"]!["concepts.training-loop-order"]![field] = JsonValue.Create(value);
        var error = Should.Throw<ProgressImportException>(() => ProgressBook.Import(json.ToJsonString()));
        error.Message.ShouldContain("has been changed since it was exported (its checksum does not match its contents)");
    }

    [Fact]
    public void AnAddedEntry_OrARenamedLearner_IsRejected()
    {
        var json = JsonNode.Parse(Sample().Export())!;
        json["activities"]!["neuron.chain-rule-quiz"] = new JsonObject { ["status"] = "completed", ["score"] = 3, ["outOf"] = 3, ["attempts"] = 1 };
        Should.Throw<ProgressImportException>(() => ProgressBook.Import(json.ToJsonString()));

        var renamed = JsonNode.Parse(Sample().Export())!;
        renamed["learner"] = "Grace";
        Should.Throw<ProgressImportException>(() => ProgressBook.Import(renamed.ToJsonString()));
    }

    [Fact]
    public void ReformattingTheFile_IsNotTampering()
    {
        var compact = JsonNode.Parse(Sample().Export())!.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
        ProgressBook.Import(compact).Activities.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1, 2]", "not a GradientLab progress file")]
    [InlineData("{\"format\": \"gradientlab-activities\", \"version\": 1}", "not a GradientLab progress file")]
    [InlineData("{\"format\": \"gradientlab-progress\"}", "no version")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 2, \"activities\": {}}", "version 2, made by a newer GradientLab")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 0, \"activities\": {}}", "version 0; this lab reads version 1 only")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 1}", "no list of activities")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 1, \"activities\": {}}", "no checksum")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 1, \"activities\": {\"a\": {\"status\": \"done\", \"score\": 1, \"outOf\": 1, \"attempts\": 1}}}", "record of 'a' is not valid")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 1, \"activities\": {\"a\": {\"status\": \"completed\", \"score\": 2, \"outOf\": 1, \"attempts\": 1}}}", "record of 'a' is not valid")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 1, \"activities\": {\"a\": 3}}", "entry 'a' is not an activity's record")]
    [InlineData("{\"format\": \"gradientlab-progress\", \"version\": 1, \"activities\": {}, \"checksum\": \"x\", \"admin\": true}", "field 'admin'")]
    public void FilesThatAreNotThisVersionsProgress_AreRejected_WithAFriendlyMessage(string document, string reason)
    {
        Should.Throw<ProgressImportException>(() => ProgressBook.Import(document)).Message.ShouldContain(reason);
    }

    [Fact]
    public void ADamagedFile_FailsOnlyWithTheFriendlyException()
    {
        // Every one-character deletion and every digit changed: accepted (whitespace) or rejected with a message, nothing else.
        var document = Sample().Export();
        for (var k = 0; k < document.Length; k++)
        {
            foreach (var damaged in new[] { document.Remove(k, 1), char.IsAsciiDigit(document[k]) ? document.Remove(k, 1).Insert(k, "9") : document })
            {
                try
                {
                    ProgressBook.Import(damaged);
                }
                catch (ProgressImportException)
                {
                }
            }
        }
    }

    [Fact]
    public async Task TheStore_KeepsTheDocument_AndAnUnreadableOneIsSetAside()
    {
        var store = new MemoryProgressStore();
        var (empty, none) = await ProgressBook.LoadAsync(store);
        empty.Activities.ShouldBeEmpty();
        none.ShouldBeNull();

        await Sample().SaveAsync(store);
        var (loaded, problem) = await ProgressBook.LoadAsync(store);
        problem.ShouldBeNull();
        loaded.Activities.Count.ShouldBe(3);

        await store.SaveAsync("{ broken");
        var (fresh, reason) = await ProgressBook.LoadAsync(store);
        fresh.Activities.ShouldBeEmpty();
        reason.ShouldStartWith("Your saved progress could not be read and was set aside: ");

        await store.ClearAsync();
        store.Document.ShouldBeNull();
    }

    [Fact]
    public void ALearnersName_IsTrimmed_AndLimited()
    {
        new ProgressBook { Learner = "  Ada  " }.Learner.ShouldBe("Ada");
        new ProgressBook { Learner = "   " }.Learner.ShouldBeNull();
        Should.Throw<ArgumentException>(() => new ProgressBook { Learner = new string('a', 101) });
    }
}
