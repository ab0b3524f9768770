using GradientLab.Core.Descent;
using GradientLab.Core.Optimizers;
using GradientLab.Core.Schedules;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class ScenarioResolverTests
{
    private static readonly ObjectiveSpec Booth = new() { Kind = "function", Name = "booth" };
    private static readonly ObjectiveSpec Line = new() { Kind = "linear-regression", Data = new DataSpec { Builtin = "line" } };

    private static string ErrorOf(Scenario scenario, Func<string, string>? readCsv = null, ScenarioLimits? limits = null) =>
        Should.Throw<ScenarioException>(() => ScenarioResolver.Resolve(scenario, Files(readCsv), limits)).Message;

    /// <summary>CSV files served from text, as the command line serves them from its folder.</summary>
    private static Func<string, Stream>? Files(Func<string, string>? readCsv) =>
        readCsv is null ? null : path => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(readCsv(path)));

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
            .ShouldBe("optimizer.kind: 'adm' is not one of gd, sgd, nesterov, adam, adamw, adagrad, rmsprop.");

    [Fact]
    public void AnInvalidHyperparameter_NamesTheValue() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "adam", Beta1 = 1.0 } })
            .ShouldBe("optimizer.beta1: 1 is not allowed; it must be at least 0 and below 1.");

    [Fact]
    public void NesterovWithoutMomentum_IsRejected() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "sgd", Nesterov = true } })
            .ShouldContain("Nesterov momentum needs momentum > 0");

    [Fact]
    public void ANegativeLearningRate_IsRejected() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { LearningRate = -0.1 } })
            .ShouldBe("optimizer.learningRate: -0.1 is not allowed; it must be a finite number above 0, such as 0.01.");

    [Fact]
    public void ALearningRateOfZero_IsRejected_RatherThanRunInPlace() =>
        ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { LearningRate = 0 } })
            .ShouldBe("optimizer.learningRate: 0 would never move the parameters; use a rate above 0, such as 0.01.");

    [Fact]
    public void ABatchLargerThanTheData_IsRejected_RatherThanShrunk() =>
        ErrorOf(new Scenario { Objective = Line, Batch = new BatchSpec { Kind = "mini", Size = 100 } })
            .ShouldBe("batch.size: 100 is more than the 5 rows of data; use at most 5, or \"full\" batches.");

    [Fact]
    public void AWideBowlWithAMillionSteps_IsRefusedBeforeAnythingRuns()
    {
        var bowl = new ObjectiveSpec { Kind = "function", Name = "quadratic-bowl", Eigenvalues = [.. Enumerable.Repeat(1.0, 200)] };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = ErrorOf(new Scenario { Objective = bowl, Steps = 1_000_000 });
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(1_000_000);
        error.ShouldBe("steps: 1,000,000 steps of 200 parameters would record 200,000,200 numbers (about 3.2 GB), more than the limit of 5,000,000 (steps × parameters); with 200 parameters use at most 24,999 steps.");
        ScenarioResolver.Resolve(new Scenario { Objective = bowl, Steps = 24_999 }).Settings.MaxSteps.ShouldBe(24_999);
    }

    [Fact]
    public void TooManyParameters_AreRefused() =>
        ErrorOf(new Scenario { Objective = new ObjectiveSpec { Kind = "function", Name = "quadratic-bowl", Eigenvalues = [.. Enumerable.Repeat(1.0, 300)] }, Steps = 1 })
            .ShouldBe("objective.eigenvalues: 300 eigenvalues are too many (at most 256, one per parameter).");

    [Fact]
    public void TooMuchArithmetic_IsRefused_WithTheStepsThatFit() =>
        ErrorOf(new Scenario { Objective = Line, Steps = 1000 }, limits: new ScenarioLimits { MaxWork = 5_000 })
            .ShouldBe("steps: 1,000 steps over 5 rows with 2 parameters is 1e+4 row-parameter evaluations, more than the limit of 5,000 (steps × rows × parameters); use at most 500 steps, or fewer rows.");

    [Fact]
    public void InlineRowsOfUnequalLength_NameTheRow() =>
        ErrorOf(new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { X = [[1.0], [2.0, 3.0]], Y = [1, 2] } } })
            .ShouldBe("objective.data.x[1]: 2 values, but x[0] has 1; every row needs the same features.");

    [Fact]
    public void PowersThatOverflow_AreRefused_AndHugeFeaturesAreNotScaled()
    {
        var huge = new DataSpec { X = [[1e308], [0.5]], Y = [0, 0.5] };
        ErrorOf(new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = huge, PolynomialDegree = 3 } })
            .ShouldBe("objective.polynomialDegree: 3 raises the largest input, |x| = 1E+308, beyond double precision; scale the inputs down or use a lower degree.");
        ErrorOf(new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = huge with { X = [[1.7e308], [1.7e308]] }, ScaleFeatures = true } })
            .ShouldStartWith("objective.scaleFeatures: the features are too large to scale");
    }

    [Fact]
    public void APolynomialDegreeOutOfRange_SaysTheLimit() =>
        ErrorOf(new Scenario { Objective = Line with { PolynomialDegree = 12 } }).ShouldBe("objective.polynomialDegree: 12 is too large (at most 10).");

    [Fact]
    public void NoMessage_CarriesDotNetParameterSuffixes()
    {
        var messages = new[]
        {
            ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "sgd", Dampening = 2 } }),
            ErrorOf(new Scenario { Objective = Booth, Optimizer = new OptimizerSpec { Kind = "sgd", Nesterov = true } }),
            ErrorOf(new Scenario { Objective = Booth, Schedule = new ScheduleSpec { Kind = "one-cycle", PctStart = 2 } }),
            ErrorOf(new Scenario { Objective = Booth, Stop = new StopSpec { DivergenceFactor = 0.5 } }),
        };
        foreach (var message in messages)
        {
            message.ShouldNotContain("(Parameter");
            message.ShouldNotContain("System.");
        }

        messages[0].ShouldBe("optimizer.dampening: 2 is not allowed; it must be between 0 and 1.");
        messages[3].ShouldBe("stop.divergenceFactor: 0.5 is not allowed; it must be above 1.");
    }

    [Fact]
    public void ASemicolonCsvWithDecimalCommas_GetsAHint() =>
        ErrorOf(
            new Scenario { Objective = new ObjectiveSpec { Kind = "linear-regression", Data = new DataSpec { Csv = "h.csv", Features = ["size"], Target = "price" } } },
            _ => "size;price\n1,5;300\n").ShouldBe("h.csv, line 2, column 1 ('size'): '1,5' is not a number. This file separates its cells with ';' and seems to write decimals with a comma; write them with a point (1.5).");

    [Fact]
    public void TooManySteps_AreRefusedWithTheLimit() =>
        ErrorOf(new Scenario { Objective = Booth, Steps = 2_000_000 }).ShouldBe("steps: 2,000,000 is too large (at most 1,000,000).");

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
            Files(path => path == "h.csv" ? "size,city,price\n1,Oslo,300\n2,Rome,500\n" : throw new FileNotFoundException(path)));
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
