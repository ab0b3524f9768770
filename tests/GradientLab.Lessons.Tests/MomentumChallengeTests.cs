using System.Text.Json;
using GradientLab.Lessons.Activities;

namespace GradientLab.Lessons.Tests;

public sealed class MomentumChallengeTests
{
    private static readonly MomentumMistake[] Mistakes = Enum.GetValues<MomentumMistake>();

    /// <summary>What a learner's code that implements <paramref name="mistake"/> (null: the specification) would report.</summary>
    private static List<LearnerCaseResult> Run(MomentumMistake? mistake, bool withEpochs = true) =>
        [.. MomentumChallenge.Cases.Select(c =>
        {
            var w = MomentumChallenge.Trajectory(c, mistake);
            return new LearnerCaseResult(c.Id, LearnerOutcome.Returned, "number", w[^1], Reported: withEpochs ? w : null);
        })];

    [Fact]
    public void Reference_MatchesAHandComputation()
    {
        // data (1, 2), (2, 3); lr = 0.1, beta = 0.5; w = v = 0.
        // Epoch 1: (1, 2): g = 2·(0·1 − 2)·1 = −4;          v = 0.5·0 − 4 = −4;          w = 0 + 0.4 = 0.4
        //          (2, 3): g = 2·(0.4·2 − 3)·2 = −8.8;      v = 0.5·(−4) − 8.8 = −10.8;  w = 0.4 + 1.08 = 1.48
        // Epoch 2: (1, 2): g = 2·(1.48 − 2)·1 = −1.04;      v = −5.4 − 1.04 = −6.44;     w = 1.48 + 0.644 = 2.124
        //          (2, 3): g = 2·(4.248 − 3)·2 = 4.992;     v = −3.22 + 4.992 = 1.772;   w = 2.124 − 0.1772 = 1.9468
        var tiny = new ChallengeCase("hand", [new(1, 2), new(2, 3)], 0.1, 0.5, 2);
        var w = MomentumChallenge.Trajectory(tiny);
        w.Count.ShouldBe(2);
        w[0].ShouldBe(1.48, 1e-12);
        w[1].ShouldBe(1.9468, 1e-12);
        MomentumChallenge.Reference(tiny).ShouldBe(1.9468, 1e-12);
    }

    [Fact]
    public void Reference_WithNoEpochs_IsTheStart()
    {
        MomentumChallenge.Reference(new ChallengeCase("none", [new(1, 2)], 0.1, 0.5, 0)).ShouldBe(0);
    }

    [Fact]
    public void TheHiddenCases_TellEveryMistakeApart_FromTheReferenceAndFromEachOther()
    {
        var finals = new[] { (MomentumMistake?)null }.Concat(Mistakes.Cast<MomentumMistake?>())
            .ToDictionary(m => m?.ToString() ?? "reference", m => MomentumChallenge.Cases.Select(c => MomentumChallenge.Trajectory(c, m)[^1]).ToArray(), StringComparer.Ordinal);
        finals["reference"].ShouldAllBe(w => double.IsFinite(w) && Math.Abs(w) > 0.1);
        foreach (var (a, wa) in finals)
        {
            foreach (var (b, wb) in finals.Where(f => string.CompareOrdinal(f.Key, a) > 0))
            {
                wa.Zip(wb).Any(p => !MomentumChallenge.Agree(p.First, p.Second)).ShouldBeTrue($"{a} and {b} agree on every case");
            }
        }
    }

    [Fact]
    public void TheReference_Passes()
    {
        var report = MomentumChallenge.Grade(Run(null));
        report.Passed.ShouldBeTrue();
        report.Mistake.ShouldBeNull();
        report.Cases.ShouldAllBe(c => c.Passed && c.FirstDifference == null);
        report.Summary.ShouldStartWith("All 5 hidden cases pass");
        report.Outcome.ShouldBe(new ActivityOutcome(5, 5, true));
    }

    [Fact]
    public void DifferencesBelowTheTolerance_Pass()
    {
        var results = Run(null).Select(r => r with { Value = r.Value * (1 + 5e-10) }).ToList();
        MomentumChallenge.Grade(results).Passed.ShouldBeTrue();
        var off = Run(null).Select(r => r with { Value = r.Value * (1 + 5e-9) }).ToList();
        MomentumChallenge.Grade(off).Passed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(MomentumMistake.NoVelocity, "plain SGD")]
    [InlineData(MomentumMistake.VelocityNotDecayed, "never multiplied by beta")]
    [InlineData(MomentumMistake.BiasAdded, "no bias")]
    [InlineData(MomentumMistake.DampenedVelocity, "moving-average")]
    [InlineData(MomentumMistake.MissingFactorTwo, "factor 2 is missing")]
    public void EachTypicalMistake_IsRejected_WithItsExplanation(MomentumMistake mistake, string words)
    {
        foreach (var withEpochs in new[] { true, false })
        {
            var report = MomentumChallenge.Grade(Run(mistake, withEpochs));
            report.Passed.ShouldBeFalse();
            report.Mistake.ShouldBe(mistake);
            report.Summary.ShouldContain(words);
            report.Summary.ShouldContain(MomentumChallenge.Explain(mistake));
            report.Outcome.Completed.ShouldBeFalse();
        }
    }

    [Fact]
    public void NoVelocity_OnOneSample_FirstDiffersAfterEpoch2()
    {
        // One sample per epoch: the first update is −lr·g either way (v = g); from the second on, momentum adds β·v.
        // Case c: x = 2, y = 3, lr = 0.05, β = 0.8. Epoch 1: g = 2·(0 − 3)·2 = −12, w = 0.6 for both.
        // Epoch 2: g = 2·(1.2 − 3)·2 = −7.2; SGD: w = 0.6 + 0.36 = 0.96; momentum: v = −9.6 − 7.2 = −16.8, w = 0.6 + 0.84 = 1.44.
        var report = MomentumChallenge.Grade(Run(MomentumMistake.NoVelocity));
        var c = report.Cases.Single(v => v.Case.Id == "c");
        c.Passed.ShouldBeFalse();
        c.ExpectedEpochs[0].ShouldBe(0.6, 1e-12);
        c.ActualEpochs![0].ShouldBe(0.6, 1e-12);
        c.FirstDifference.ShouldNotBeNull();
        c.FirstDifference.Epoch.ShouldBe(2);
        c.FirstDifference.Expected.ShouldBe(1.44, 1e-12);
        c.FirstDifference.Actual.ShouldBe(0.96, 1e-12);
        c.FirstDifference.Difference.ShouldBe(-0.48, 1e-12);
        c.Message.ShouldContain("Your w first differs after epoch 2: 0.96 instead of 1.44 (off by -0.48)");
    }

    [Fact]
    public void NoVelocity_PassesOnlyTheCaseWithoutMomentum()
    {
        var report = MomentumChallenge.Grade(Run(MomentumMistake.NoVelocity));
        report.Cases.Where(c => c.Passed).Select(c => c.Case.Id).ShouldBe(["b"]);
        report.Summary.ShouldStartWith("1 of 5 hidden cases pass.");
    }

    [Fact]
    public void TheFirstDifferingEpoch_IsTheFirstOneOffByMoreThanTheTolerance()
    {
        var results = Run(null);
        var a = MomentumChallenge.Cases[0];
        var w = MomentumChallenge.Trajectory(a).ToArray();
        var changed = w.Select((v, k) => k >= 6 ? v + 0.01 : v).ToArray();
        results[0] = results[0] with { Value = changed[^1], Reported = changed };
        var verdict = MomentumChallenge.Grade(results).Cases[0];
        verdict.Passed.ShouldBeFalse();
        verdict.FirstDifference!.Epoch.ShouldBe(7);
        verdict.FirstDifference.Difference.ShouldBe(0.01, 1e-12);
    }

    [Fact]
    public void WithoutReport_TheShorterRunsGiveTheEpochs()
    {
        var results = Run(MomentumMistake.NoVelocity, withEpochs: false)
            .Select(r => r with { EpochRuns = MomentumChallenge.Trajectory(MomentumChallenge.Cases.Single(c => c.Id == r.CaseId), MomentumMistake.NoVelocity) })
            .ToList();
        MomentumChallenge.Grade(results).Cases.Single(v => v.Case.Id == "c").FirstDifference!.Epoch.ShouldBe(2);
    }

    [Fact]
    public void ReportCalledTheWrongNumberOfTimes_IsIgnored()
    {
        var results = Run(MomentumMistake.NoVelocity).Select(r => r with { Reported = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }).ToList();
        var c = MomentumChallenge.Grade(results).Cases.Single(v => v.Case.Id == "c");
        c.ActualEpochs.ShouldBeNull();
        c.FirstDifference.ShouldBeNull();
        c.Message.ShouldContain("unknown");
    }

    public static TheoryData<LearnerCaseResult, string> Errors => new()
    {
        { new("a", LearnerOutcome.Threw, Error: "TypeError: Cannot read properties of undefined (reading 'value')", Line: 2), "threw an error (line 2): TypeError: Cannot read properties of undefined (reading 'value')." },
        { new("a", LearnerOutcome.TimedOut), "did not finish within 2 s and was stopped" },
        { new("a", LearnerOutcome.NotAFunction), "no function called sgdWithMomentum was found" },
        { new("a", LearnerOutcome.Crashed, Error: "SyntaxError: Unexpected token '}'", Line: 7), "could not run (line 7): SyntaxError: Unexpected token '}'." },
        { new("a", LearnerOutcome.NotRun), "not run" },
        { new("a", LearnerOutcome.Returned, "undefined", ValueText: "undefined"), "returned nothing (undefined)" },
        { new("a", LearnerOutcome.Returned, "string", ValueText: "0.5"), "returned the text \"0.5\", not a number" },
        { new("a", LearnerOutcome.Returned, "object", ValueText: "[object Object]"), "returned object [object Object], not a number" },
        { new("a", LearnerOutcome.Returned, "number", double.NaN), "returned NaN" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void ErrorsAndValuesThatAreNotNumbers_FailTheCase_WithAMessage(LearnerCaseResult result, string words)
    {
        var results = Run(null);
        results[0] = result;
        var report = MomentumChallenge.Grade(results);
        report.Passed.ShouldBeFalse();
        report.Cases[0].Passed.ShouldBeFalse();
        report.Cases[0].Message.ShouldStartWith("Hidden case a: ");
        report.Cases[0].Message.ShouldContain(words);
        report.Summary.ShouldContain(words);
    }

    [Fact]
    public void MissingResults_CountAsNotRun()
    {
        var report = MomentumChallenge.Grade([]);
        report.Passed.ShouldBeFalse();
        report.Mistake.ShouldBeNull();
        report.Cases.ShouldAllBe(c => c.Message.Contains("not run"));
    }

    [Fact]
    public void TheWorkersJson_IsRead_WithNamedNonFiniteNumbers()
    {
        var results = LearnerCaseResult.ParseAll("""
            [
              {"caseId":"a","outcome":"returned","valueType":"number","value":1.5,"valueText":"1.5","reported":[0.5,"NaN","Infinity","-Infinity"],"epochRuns":null,"error":null,"line":null},
              {"caseId":"b","outcome":"returned","valueType":"number","value":"NaN","valueText":"NaN"},
              {"caseId":"c","outcome":"threw","error":"RangeError: boom","line":3},
              {"caseId":"d","outcome":"timeout"},
              {"caseId":"e","outcome":"not-a-function"}
            ]
            """);
        results[0].Value.ShouldBe(1.5);
        results[0].Reported!.Count.ShouldBe(4);
        double.IsNaN(results[0].Reported![1]).ShouldBeTrue();
        results[0].Reported![2].ShouldBe(double.PositiveInfinity);
        results[0].Reported![3].ShouldBe(double.NegativeInfinity);
        results[0].EpochRuns.ShouldBeNull();
        double.IsNaN(results[1].Value!.Value).ShouldBeTrue();
        results[2].ShouldBe(new LearnerCaseResult("c", LearnerOutcome.Threw, Error: "RangeError: boom", Line: 3));
        results[3].Outcome.ShouldBe(LearnerOutcome.TimedOut);
        results[4].Outcome.ShouldBe(LearnerOutcome.NotAFunction);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"caseId\":\"a\",\"outcome\":\"exploded\"}]")]
    [InlineData("{}")]
    public void AnythingElse_IsAFormatException(string json)
    {
        Should.Throw<FormatException>(() => LearnerCaseResult.ParseAll(json));
    }

    [Fact]
    public void TheCases_AreSentToTheWorker_Exactly()
    {
        using var json = JsonDocument.Parse(MomentumChallenge.CasesJson());
        var cases = json.RootElement.EnumerateArray().ToList();
        cases.Count.ShouldBe(MomentumChallenge.Cases.Count);
        for (var k = 0; k < cases.Count; k++)
        {
            var c = MomentumChallenge.Cases[k];
            cases[k].GetProperty("id").GetString().ShouldBe(c.Id);
            cases[k].GetProperty("lr").GetDouble().ShouldBe(c.LearningRate);
            cases[k].GetProperty("beta").GetDouble().ShouldBe(c.Beta);
            cases[k].GetProperty("epochs").GetInt32().ShouldBe(c.Epochs);
            cases[k].GetProperty("data").EnumerateArray().Select(s => new ChallengeSample(s.GetProperty("x").GetDouble(), s.GetProperty("y").GetDouble())).ShouldBe(c.Data);
        }
    }

    [Fact]
    public void TheDescription_ShowsTheArguments_NotTheData()
    {
        MomentumChallenge.Cases[2].Description.ShouldBe("hidden case c: 1 sample, lr = 0.05, beta = 0.8, 6 epochs");
    }

    [Fact]
    public void TheStarterCode_AndTheSpecification_NameTheFunctionAndTheRule()
    {
        MomentumChallenge.StarterCode.ShouldContain("function sgdWithMomentum(data, lr, beta, epochs) {");
        MomentumChallenge.Specification.ShouldContain("velocity = beta·velocity + gradient");
        MomentumChallenge.Specification.ShouldContain("gradient = 2·(w·x − y)·x");
        MomentumChallenge.ExampleSolutions.Keys.ShouldContain("correct");
    }
}
