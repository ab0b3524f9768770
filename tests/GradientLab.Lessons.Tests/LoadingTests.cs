using GradientLab.Lessons.Activities;

namespace GradientLab.Lessons.Tests;

/// <summary>A teacher's mistakes in a data file are reported with the file, the activity and the field.</summary>
public sealed class LoadingTests
{
    private const string Quiz = """
        {
          "format": "gradientlab-activities",
          "version": 1,
          "activities": [
            {
              "id": "live.my-quiz",
              "kind": "quiz",
              "page": "/live",
              "title": "My quiz",
              "questions": [
                {
                  "id": "q1",
                  "prompt": "Which way does w move when ∂J/∂w < 0?",
                  "choices": [
                    { "id": "a", "text": "Up", "correct": true, "explanation": "The update subtracts a negative number." },
                    { "id": "b", "text": "Down", "explanation": "The minus sign turns the slope around.", "demo": "/live?preset=course-lab" }
                  ]
                }
              ]
            }
          ]
        }
        """;

    private static ActivityCatalog Load(string json) => ActivityCatalog.Load([("Activities/mine.json", json)]);

    private static ActivityContentException Rejected(string json) => Should.Throw<ActivityContentException>(() => Load(json));

    [Fact]
    public void AValidFile_Loads()
    {
        var quiz = Load(Quiz).Get<QuizActivity>("live.my-quiz");
        quiz.Page.ShouldBe("/live");
        quiz.Source.ShouldBe("Activities/mine.json");
        quiz.Questions[0].Choices[1].Demo.ShouldBe(new DemoLink("/live", "course-lab"));
    }

    [Fact]
    public void AWrongAnswer_WithoutADemo_IsRejected_NamingTheField()
    {
        var error = Rejected(Quiz.Replace(", \"demo\": \"/live?preset=course-lab\"", "", StringComparison.Ordinal));
        error.File.ShouldBe("Activities/mine.json");
        error.ActivityId.ShouldBe("live.my-quiz");
        error.Field.ShouldBe("questions[0].choices[1].demo");
        error.Message.ShouldStartWith("Activities/mine.json: activity 'live.my-quiz', field 'questions[0].choices[1].demo': missing");
    }

    [Fact]
    public void ADemoThatTheLabCannotOpen_IsRejected()
    {
        var error = Rejected(Quiz.Replace("preset=course-lab", "preset=course-lap", StringComparison.Ordinal));
        error.Field.ShouldBe("questions[0].choices[1].demo");
        error.Message.ShouldContain("there is no preset 'course-lap'");
    }

    [Fact]
    public void AMisspeltField_IsRejected()
    {
        var error = Rejected(Quiz.Replace("\"explanation\": \"The minus", "\"explantion\": \"The minus", StringComparison.Ordinal));
        error.Field.ShouldBe("questions[0].choices[1].explantion");
        error.Message.ShouldContain("unknown field");
    }

    [Fact]
    public void TwoRightAnswers_AreRejected()
    {
        var error = Rejected(Quiz.Replace("\"text\": \"Down\",", "\"text\": \"Down\", \"correct\": true,", StringComparison.Ordinal));
        error.Field.ShouldBe("questions[0].choices");
        error.Message.ShouldContain("exactly one");
    }

    [Theory]
    [InlineData("\"page\": \"/live\"", "\"page\": \"/home\"", "page", "not a page")]
    [InlineData("\"kind\": \"quiz\"", "\"kind\": \"poll\"", "kind", "not a kind")]
    [InlineData("\"title\": \"My quiz\"", "\"title\": \"\"", "title", "must not be empty")]
    [InlineData("\"title\": \"My quiz\"", "\"title\": 3", "title", "must be a string")]
    public void BadFields_AreNamed(string from, string to, string field, string reason)
    {
        var error = Rejected(Quiz.Replace(from, to, StringComparison.Ordinal));
        error.ActivityId.ShouldBe("live.my-quiz");
        error.Field.ShouldBe(field);
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void AnInvalidId_IsNamedByItsPlaceInTheFile()
    {
        var error = Rejected(Quiz.Replace("live.my-quiz", "Live Quiz", StringComparison.Ordinal));
        error.ActivityId.ShouldBeNull();
        error.Field.ShouldBe("activities[0].id");
    }

    [Fact]
    public void TheSameId_InTwoFiles_IsRejected()
    {
        var error = Should.Throw<ActivityContentException>(() => ActivityCatalog.Load([("Activities/a.json", Quiz), ("Activities/b.json", Quiz)]));
        error.File.ShouldBe("Activities/b.json");
        error.Message.ShouldContain("already used in Activities/a.json");
    }

    [Fact]
    public void BrokenJson_SaysWhere()
    {
        var error = Rejected(Quiz.Replace("\"version\": 1,", "\"version\": 1", StringComparison.Ordinal));
        error.Message.ShouldContain("not valid JSON (line 4");
    }

    [Fact]
    public void AnotherVersionOfTheFormat_IsRejected()
    {
        Rejected(Quiz.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)).Field.ShouldBe("version");
    }
}
