using GradientLab.Core.Descent;
using GradientLab.Core.Objectives;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class BuiltinDataTests
{
    [Fact]
    public void PortlandHousing_Has47Houses_InRawAndTeachingUnits()
    {
        var table = BuiltinData.Get("portland-housing").Table;
        table.RowCount.ShouldBe(47);
        table.NumericColumn("size_sqft")[0].ShouldBe(2104);
        table.NumericColumn("price_usd")[0].ShouldBe(399900);
        table.NumericColumn("size_1000sqft")[0].ShouldBe(2.104, 1e-12);
        table.NumericColumn("price_1000usd")[0].ShouldBe(399.9, 1e-12);
    }

    [Fact]
    public void PortlandHousing_FittedWithScaledFeatures_Predicts293081_46For1650SqFtAnd3Bedrooms()
    {
        // shared/data/README.md: the least-squares fit on both features predicts $293,081.46 for 1650 sq ft and 3 bedrooms.
        var resolved = ScenarioResolver.Resolve(new Scenario
        {
            Objective = new ObjectiveSpec
            {
                Kind = "linear-regression",
                ScaleFeatures = true,
                Data = new DataSpec { Builtin = "portland-housing", Features = ["size_sqft", "bedrooms"], Target = "price_usd" },
            },
            Optimizer = new OptimizerSpec { Kind = "gd", LearningRate = 0.5 },
            Steps = 100_000,
            Stop = new StopSpec { GradientTolerance = 1e-7 },
        });
        var run = resolved.CreateRun();
        run.RunToEnd().ShouldBe(StopReason.Converged);
        var original = resolved.Scaling!.ToOriginalUnits([.. run.Current.Parameters]);
        LinearRegression.Predict(original, [1650, 3]).ShouldBe(293081.46, 0.01);
    }

    [Fact]
    public void Line_And_Parabola_AreWhatTheirNamesSay()
    {
        var line = BuiltinData.Get("line").Table;
        line.NumericColumn("x").ShouldBe([1.0, 2, 3, 4, 5]);
        line.NumericColumn("y").ShouldBe([3.0, 5, 7, 9, 11]);
        var parabola = BuiltinData.Get("parabola").Table;
        parabola.NumericColumn("x").Zip(parabola.NumericColumn("y")).ShouldAllBe(p => p.Second == p.First * p.First);
    }

    [Fact]
    public void UnknownDataset_ListsTheBuiltIns() =>
        Should.Throw<ScenarioException>(() => BuiltinData.Get("boston")).Message.ShouldContain("housing-tiny, portland-housing, line, parabola, noisy-line");
}
