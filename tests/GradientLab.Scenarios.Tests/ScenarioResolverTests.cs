using GradientLab.Core.Descent;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class ScenarioResolverTests
{
    private static readonly ObjectiveSpec Booth = new() { Kind = "function", Name = "booth" };

    private static string ErrorOf(Scenario scenario, Func<string, string>? readCsv = null) =>
        Should.Throw<ScenarioException>(() => ScenarioResolver.Resolve(scenario, readCsv)).Message;

    [Fact]
    public void Defaults_AreFilledIn()
    {
        var resolved = ScenarioResolver.Resolve(new Scenario { Objective = Booth });
        var s = resolved.Scenario;
        s.Start.ShouldBe([0.0, 0.0]);
        s.Optimizer.ShouldBe(new OptimizerSpec { Kind = "gd", LearningRate = 0.01 });
        s.Schedule.ShouldBe(new ScheduleSpec { Kind = "constant", Per = "step" });
        s.Batch.ShouldBe(new BatchSpec { Kind = "full" });
        s.Update.ShouldBe("simultaneous");
        s.Steps.ShouldBe(1000);
        s.Stop.ShouldBe(new StopSpec { GradientTolerance = 0, DivergenceFactor = 1e6 });
        resolved.Settings.Schedule.ShouldBe(new ConstantRate(0.01));
    }

    [Fact]
    public void EachOptimizerKind_GetsPyTorchDefaults()
    {
        Resolve("adam").ShouldBe(new AdamSettings(0.9, 0.999, 1e-8, 0, false));
        Resolve("adamw").ShouldBe(new AdamWSettings(0.9, 0.999, 1e-8, 0.01, false));
        Resolve("adagrad").ShouldBe(new AdaGradSettings(0, 0, 1e-10, 0));
        Resolve("rmsprop").ShouldBe(new RmsPropSettings(0.99, 1e-8, 0, false, 0));
        Resolve("sgd").ShouldBe(new SgdSettings());

        static OptimizerSettings Resolve(string kind) =>
            ScenarioResolver.Resolve(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = kind } }).Settings.Optimizer;
    }

    [Fact]
    public void AFieldOfAnotherKind_IsAnError_SayingWhereItBelongs() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "sgd", Beta1 = 0.8 } })
            .ShouldBe("optimizer.beta1 does not apply to optimizer 'sgd' (its settings: learningRate, momentum, dampening, nesterov, weightDecay, momentumForm); it belongs to: adam, adamw.");

    [Fact]
    public void AnUnknownKind_ListsTheKinds() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "adm" } })
            .ShouldBe("optimizer.kind: 'adm' is not one of gd, sgd, adam, adamw, adagrad, rmsprop.");

    [Fact]
    public void AnInvalidHyperparameter_NamesTheValue() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "adam", Beta1 = 1.0 } })
            .ShouldContain("Invalid beta1: 1 ");

    [Fact]
    public void NesterovWithoutMomentum_IsRejected() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "sgd", Nesterov = true } })
            .ShouldContain("Nesterov momentum needs momentum > 0");

    [Fact]
    public void ANegativeLearningRate_IsRejected() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { LearningRate = -0.1 } }).ShouldContain("Invalid learningRate: -0.1");

    [Fact]
    public void TooManySteps_AreRefusedWithTheLimit() =>
        ErrorOf(new Scenario { Objective = Booth, Steps = 2_000_000 }).ShouldContain("Invalid steps: 2000000 (must be 0 to 1,000,000)");

    [Fact]
    public void AStartOfTheWrongLength_NamesTheParameters() =>
        ErrorOf(new Scenario { Objective = Booth, Start = [1.0] }).ShouldContain("1 values given, but this objective has 2 parameters (x, y)");

    [Fact]
    public void MiniBatchesOnAFunction_AreRefused() =>
        ErrorOf(new Scenario { Objective = Booth, Batch = new BatchSpec { Kind = "mini", Size = 2 } }).ShouldContain("need data");

    [Fact]
    public void Data_NeedsExactlyOneSource() =>
        ErrorOf(new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Builtin = "line", Csv = "a.csv" } } })
            .ShouldContain("give exactly one of");

    [Fact]
    public void CsvData_IsReadThroughTheGivenReader_WithChosenColumns()
    {
        var resolved = ScenarioResolver.Resolve(
            new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Csv = "h.csv", Features = ["size"], Target = "price" } } },
            path => path == "h.csv" ? "size,city,price\n1,Oslo,300\n2,Rome,500\n" : throw new FileNotFoundException(path));
        resolved.Data!.Column(0).ToArray().ShouldBe([1.0, 2.0]);
        resolved.Data.Targets.ToArray().ShouldBe([300.0, 500.0]);
    }

    [Fact]
    public void CsvErrors_ComeThroughWithTheirLine() =>
        ErrorOf(
            new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Csv = "h.csv", Features = ["size"], Target = "price" } } },
            _ => "size,price\n1,300\n2,lots\n").ShouldBe("h.csv, line 3, column 2 ('price'): 'lots' is not a number.");

    [Fact]
    public void CsvWithoutAReader_IsRefused() =>
        ErrorOf(new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Csv = "h.csv", Features = ["a"], Target = "b" } } })
            .ShouldContain("cannot be read here");

    [Fact]
    public void PolynomialFeatures_FitTheParabola_WhereALineCannot()
    {
        var line = Presets.Get("nonlinear-data").Scenario;
        var resolvedLine = ScenarioResolver.Resolve(line);
        var lineRun = resolvedLine.CreateRun();
        lineRun.RunToEnd();
        // The floor of a straight line: the cost at the least-squares line y = 3x − 1.25, J* = 0.375 on x = 0, 0.5, …, 3 (numpy.linalg.lstsq).
        var floor = GradientLab.Core.Objectives.ObjectiveExtensions.Value(resolvedLine.Settings.Objective, [.. resolvedLine.KnownMinimum()!]);
        floor.ShouldBe(0.375, 1e-9);
        lineRun.Current.Loss.ShouldBe(floor, 1e-6);

        var curve = line with
        {
            Objective = line.Objective! with { PolynomialDegree = 2, ScaleFeatures = true },
            Start = [0, 0, 0],
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 0.3 },
        };
        var curveRun = ScenarioResolver.Resolve(curve).CreateRun();
        curveRun.RunToEnd();
        curveRun.Current.Loss.ShouldBeLessThan(1e-10);
    }

    [Fact]
    public void ScheduleDefaults_FollowTheStepBudget()
    {
        var resolved = ScenarioResolver.Resolve(new Scenario { Objective = Booth, Steps = 200, Schedule = new ScheduleSpec { Kind = "warmup-cosine" } });
        resolved.Settings.Schedule.ShouldBe(new WarmupCosine(0.01, 0, 20, 200));
        resolved.Settings.ScheduleUnit.ShouldBe(ScheduleUnit.Step);
    }
}
