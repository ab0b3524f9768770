using GradientLab.Lessons.Optimizers;

namespace GradientLab.Lessons.Tests.Optimizers;

/// <summary>The run menu, the table's highlighted row, the state panel and the diagnosis describe the same run.</summary>
public sealed class RaceLabTests
{
    private static RaceLab Played(int steps, Action<RaceLab>? setUp = null)
    {
        var lab = new RaceLab();
        setUp?.Invoke(lab);
        for (var i = 0; i < steps; i++)
        {
            lab.Race!.Step();
        }

        return lab;
    }

    private static RaceRow HighlightedRow(RaceLab lab) => lab.Rows.Single(r => r.Key == lab.SelectedKey);

    private static (string Key, string Label) MenuChoice(RaceLab lab) => lab.Menu.Single(m => m.Key == lab.SelectedKey);

    private static IEnumerable<Action<RaceLab>> Changes() =>
    [
        _ => { },
        lab => lab.Select("momentum"),
        lab => lab.Select("gd"),
        lab => lab.SetRate("momentum", -1),
        lab => { lab.Select("adam"); lab.SetRate("adam", double.NaN); },
        lab => { lab.Select("momentum"); lab.Choose("momentum", false); },
        lab => { lab.Choose("nesterov", true); lab.Select("nesterov"); },
        lab => lab.SetDecayCompare(true),
    ];

    public static TheoryData<int> ChangeIndexes() => [.. Enumerable.Range(0, Changes().Count())];

    private static RaceLab After(int change) => Played(20, Changes().ElementAt(change));

    [Theory]
    [MemberData(nameof(ChangeIndexes))]
    public void MenuAndTable_NameTheSameRun(int change)
    {
        var lab = After(change);
        MenuChoice(lab).Label.ShouldBe(HighlightedRow(lab).Label);
        lab.Selected!.Value.Run.Current.Loss.ShouldBe(HighlightedRow(lab).FinalLoss);
    }

    [Theory]
    [MemberData(nameof(ChangeIndexes))]
    public void TableAndStatePanel_ShowTheSameRunsNumbers(int change)
    {
        var lab = After(change);
        var run = lab.Race!.Runs.Single(r => r.Racer.Key == HighlightedRow(lab).Key).Run;
        var theta = lab.StatePanel().Single(r => r.TestId == "state-theta");
        theta.X.ShouldBe(run.Current.Parameters[0]);
        theta.Y.ShouldBe(run.Current.Parameters[1]);
        HighlightedRow(lab).FinalLoss.ShouldBe(run.Current.Loss);
    }

    [Theory]
    [MemberData(nameof(ChangeIndexes))]
    public void MenuAndStatePanelAndDiagnosis_DescribeTheSameRun(int change)
    {
        var lab = After(change);
        var selected = lab.Selected!.Value;
        selected.Racer.Key.ShouldBe(MenuChoice(lab).Key);
        selected.Racer.Label.ShouldBe(MenuChoice(lab).Label);
        var expected = new GradientLab.Scenarios.ScenarioDiagnoser(selected.Scenario).Diagnose(selected.Run.Trajectory, selected.Run.StopReason);
        lab.Diagnosis()!.Diagnosis.Verdict.ShouldBe(expected.Diagnosis.Verdict);
        lab.Diagnosis()!.Diagnosis.SuggestedLearningRate.ShouldBe(expected.Diagnosis.SuggestedLearningRate);
        lab.StatePanel().Single(r => r.TestId == "state-theta").X.ShouldBe(selected.Run.Current.Parameters[0]);
    }

    [Fact]
    public void AnInvalidAlphaInOneRow_IsNamed_AndEveryRowStillMatchesItsRun()
    {
        var lab = new RaceLab();
        var before = lab.Rows.Select(r => r.Label).ToList();
        lab.SetRate("momentum", -1);
        lab.RateErrors["momentum"].ShouldStartWith("momentum: α = -1 cannot run");
        lab.Rates["momentum"].ShouldBe(0.001);
        lab.Rows.Select(r => r.Label).ShouldBe(before);
        foreach (var row in lab.Rows)
        {
            var racer = lab.Race!.Runs.Single(r => r.Racer.Key == row.Key).Racer;
            racer.Optimizer.LearningRate.ShouldBe(lab.Rates[row.Key]);
        }

        lab.SetRate("momentum", 0.002);
        lab.RateErrors.ContainsKey("momentum").ShouldBeFalse();
        lab.Race!.Runs.Single(r => r.Racer.Key == "momentum").Racer.Optimizer.LearningRate.ShouldBe(0.002);
    }

    [Fact]
    public void RemovingTheSelectedRacer_SelectsOneThatRaces()
    {
        var lab = new RaceLab();
        lab.SelectedKey.ShouldBe("adam");
        lab.Choose("adam", false);
        lab.Race!.Runs.ShouldContain(r => r.Racer.Key == lab.SelectedKey);
        lab.Select("rmsprop");
        lab.Race.Runs.ShouldContain(r => r.Racer.Key == lab.SelectedKey);
    }

    [Fact]
    public void NoRacers_IsAnError_AndNoRows()
    {
        var lab = new RaceLab();
        foreach (var key in lab.Chosen.ToList())
        {
            lab.Choose(key, false);
        }

        lab.Error.ShouldBe("Choose at least one optimizer.");
        lab.Rows.ShouldBeEmpty();
        lab.StatePanel().ShouldBeEmpty();
    }

    [Fact]
    public void AdamsStatePanel_HasItsEffectiveStep_FromTheCorrectedMoments()
    {
        var lab = Played(5);
        lab.Select("adam");
        var rows = lab.StatePanel().ToDictionary(r => r.TestId!);
        var m = rows["state-firstMomentCorrected"];
        var v = rows["state-secondMomentCorrected"];
        var rate = lab.Selected!.Value.Run.Trajectory[^2].LearningRate!.Value;
        rows["state-effective"].X.ShouldBe(rate * m.X / (Math.Sqrt(v.X) + 1e-8), 1e-12);
        rows["state-effective"].Y.ShouldBe(rate * m.Y / (Math.Sqrt(v.Y) + 1e-8), 1e-12);
    }

    [Fact]
    public void DecayCompare_RacesAdamWithL2AgainstAdamW()
    {
        var lab = new RaceLab();
        lab.SetDecayCompare(true);
        lab.Rows.Select(r => r.Key).ShouldBe(["adam", "adamw"]);
        lab.Race!.Runs.ShouldAllBe(r => r.Racer.Optimizer.WeightDecay == 0.1);
    }
}

public sealed class RaceLabStartTests
{
    [Theory]
    [InlineData(-1.2338709677419355, 2.0161290322580645, -1.234, 2.016)]
    [InlineData(0.000123456, -3.99999, 0.0001235, -4)]
    public void A_click_starts_the_race_at_the_point_rounded_to_four_significant_digits(double x, double y, double startX, double startY)
    {
        var lab = new RaceLab();
        lab.SetStartAtClick(x, y);
        lab.Start.ShouldBe([startX, startY]);
        lab.Race!.Start.ShouldBe([startX, startY]);
    }
}
