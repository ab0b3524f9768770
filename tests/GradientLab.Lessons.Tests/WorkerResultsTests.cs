using System.Text.Json;
using GradientLab.Lessons.Activities;

namespace GradientLab.Lessons.Tests;

/// <summary>
/// What the real worker (wwwroot/challenge.js and challenge-worker.js, in headless Chromium 156, under the site's
/// Content-Security-Policy) reported for each of <see cref="MomentumChallenge.ExampleSolutions"/> on the hidden cases,
/// with a limit of 1000 ms a case: Fixtures/worker-results.json, one runJson output per solution. So the C# reference
/// and grader are checked against JavaScript's own arithmetic, and the parser against the worker's real output.
/// Made by a page with the site's CSP meta tag that loads challenge.js and, for each solution, posts
/// <c>await gradientLabChallenge.runJson(code, MomentumChallenge.CasesJson(), 1000)</c> back to a local server.
/// </summary>
public sealed class WorkerResultsTests
{
    private static readonly Dictionary<string, JsonElement> Fixture =
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "worker-results.json")))!;

    private static ChallengeReport Grade(string solution) =>
        MomentumChallenge.Grade(LearnerCaseResult.ParseAll(Fixture[solution].GetRawText()));

    [Fact]
    public void TheFixture_CoversEveryExampleSolution()
    {
        Fixture.Keys.ShouldBe(MomentumChallenge.ExampleSolutions.Keys, ignoreOrder: true);
    }

    [Fact]
    public void TheCorrectSolution_RunInTheBrowser_MatchesTheReference_AfterEveryEpoch()
    {
        var report = Grade("correct");
        report.Passed.ShouldBeTrue(report.Summary);
        foreach (var verdict in report.Cases)
        {
            verdict.ActualEpochs!.Count.ShouldBe(verdict.Case.Epochs);
            verdict.ActualEpochs.Zip(verdict.ExpectedEpochs).ShouldAllBe(p => MomentumChallenge.Agree(p.First, p.Second));
        }
    }

    [Theory]
    [InlineData("no-velocity", MomentumMistake.NoVelocity)]
    [InlineData("velocity-not-decayed", MomentumMistake.VelocityNotDecayed)]
    [InlineData("bias-added", MomentumMistake.BiasAdded)]
    [InlineData("dampened-velocity", MomentumMistake.DampenedVelocity)]
    public void EachMistake_RunInTheBrowser_IsDiagnosed(string solution, MomentumMistake mistake)
    {
        var report = Grade(solution);
        report.Passed.ShouldBeFalse();
        report.Mistake.ShouldBe(mistake);
        report.Cases.First(c => !c.Passed).FirstDifference.ShouldNotBeNull();
    }

    [Fact]
    public void AThrowingSolution_NamesTheErrorAndItsLine()
    {
        var report = Grade("throws");
        report.Cases[0].Message.ShouldBe("Hidden case a: 4 samples, lr = 0.01, beta = 0.9, 25 epochs: your function threw an error (line 2): TypeError: Cannot read properties of undefined (reading 'value').");
    }

    [Fact]
    public void AnEndlessLoop_TimesOut_AndTheRestIsNotRun()
    {
        var report = Grade("endless-loop");
        report.Cases[0].Message.ShouldContain("did not finish");
        report.Cases.Skip(1).ShouldAllBe(c => c.Message.Contains("not run"));
    }

    [Fact]
    public void Text_IsNotANumber()
    {
        Grade("returns-text").Cases[0].Message.ShouldContain("returned the text \"0.5\", not a number");
    }
}
