using GradientLab.Lessons.Concepts;

namespace GradientLab.Lessons.Tests.Concepts;

public sealed class UpdateOrderComparisonTests
{
    [Fact]
    public void OnTheCourseLab_TheSequentialUpdate_MeasuresTheBiasSlopeAtTheNewW()
    {
        // By hand, the course lab (houses of 1 and 2 thousand sq ft at $300k and $500k), w = b = 0, α = 0.01:
        // errors −300, −500; ∂J/∂w = (−300·1 − 500·2)/2 = −650, ∂J/∂b = (−300 − 500)/2 = −400; new w = 0 + 0.01·650 = 6.5.
        // Simultaneous: new b = 0 + 0.01·400 = 4. Sequential: at w = 6.5 the errors are −293.5 and −487,
        // ∂J/∂b = (−293.5 − 487)/2 = −390.25, new b = 3.9025.
        var order = new UpdateOrderComparison("course-lab", 0.01, 50);
        order.Error.ShouldBeNull();
        order.ParameterNames.ShouldBe(["w", "b"]);
        var simultaneous = order.SimultaneousUpdate!;
        var sequential = order.SequentialUpdate!;
        simultaneous.StartP.ShouldBe(0);
        simultaneous.SlopeP.ShouldBe(-650, 1e-9);
        sequential.SlopeP.ShouldBe(-650, 1e-9);
        simultaneous.NewP.ShouldBe(6.5, 1e-12);
        sequential.NewP.ShouldBe(6.5, 1e-12);
        simultaneous.SlopeQ.ShouldBe(-400, 1e-9);
        simultaneous.SlopeQMeasuredAtP.ShouldBe(0);
        simultaneous.NewQ.ShouldBe(4, 1e-12);
        sequential.SlopeQ.ShouldBe(-390.25, 1e-9);
        sequential.SlopeQMeasuredAtP.ShouldBe(6.5, 1e-12);
        sequential.NewQ.ShouldBe(3.9025, 1e-12);
    }

    [Fact]
    public void OnHimmelblau_TheTwoOrders_EndInDifferentMinima()
    {
        // Presets.cs (himmelblau-simultaneous, sequential-himmelblau) and Himmelblau's known minima (Himmelblau 1972, Applied Nonlinear
        // Programming): from (−4.2, 0) at α = 0.01 the correct update reaches (−3.779310, −3.283186), the bug (−2.805118, 3.131312).
        var order = new UpdateOrderComparison(UpdateOrderComparison.DefaultPreset, UpdateOrderComparison.DefaultAlpha(UpdateOrderComparison.DefaultPreset), UpdateOrderComparison.DefaultSteps(UpdateOrderComparison.DefaultPreset));
        order.Steps.ShouldBe(300);
        order.Alpha.ShouldBe(0.01);
        order.ParameterNames.ShouldBe(["x", "y"]);
        order.SimultaneousUpdate!.StartP.ShouldBe(-4.2);
        order.SimultaneousUpdate.EndP.ShouldBe(-3.779310, 1e-3);
        order.SimultaneousUpdate.EndQ.ShouldBe(-3.283186, 1e-3);
        order.SequentialUpdate!.EndP.ShouldBe(-2.805118, 1e-3);
        order.SequentialUpdate.EndQ.ShouldBe(3.131312, 1e-3);
        order.SimultaneousUpdate.EndCost.ShouldBe(0, 1e-5); // f = 0 at every minimum
        order.SequentialUpdate.EndCost.ShouldBe(0, 1e-5);
    }

    [Fact]
    public void TheEndColumn_IsTheRunAfterTheStepsShown()
    {
        // The course lab after one step is the first update itself (computed by hand above): w = 6.5, b = 4 (simultaneous).
        var one = new UpdateOrderComparison("course-lab", 0.01, 1);
        one.SimultaneousUpdate!.EndP.ShouldBe(6.5, 1e-12);
        one.SimultaneousUpdate.EndQ.ShouldBe(4, 1e-12);
        one.SequentialUpdate!.EndQ.ShouldBe(3.9025, 1e-12);
        // Its cost there, by hand: errors 6.5 + 4 − 300 = −289.5 and 13 + 4 − 500 = −483; J = (289.5² + 483²)/(2·2) = (83 810.25 + 233 289)/4 = 79 274.8125.
        one.SimultaneousUpdate.EndCost.ShouldBe(79_274.8125, 1e-6);
    }

    [Theory]
    [InlineData("sequential-himmelblau", 0.01, 300)]
    [InlineData("course-lab", 0.01, 50)]
    [InlineData("housing-live-demo", 0.2, 50)]
    public void EachDataSet_HasItsOwnDefaults(string preset, double alpha, int steps)
    {
        UpdateOrderComparison.Data.Select(d => d.Preset).ShouldContain(preset);
        UpdateOrderComparison.DefaultAlpha(preset).ShouldBe(alpha);
        UpdateOrderComparison.DefaultSteps(preset).ShouldBe(steps);
    }

    [Fact]
    public void StepsAreClamped_AndARejectedRateIsExplained()
    {
        new UpdateOrderComparison("course-lab", 0.01, 0).Steps.ShouldBe(1);
        new UpdateOrderComparison("course-lab", 0.01, 99_999).Steps.ShouldBe(UpdateOrderComparison.MaxSteps);
        var rejected = new UpdateOrderComparison("course-lab", -1, 50);
        rejected.Error.ShouldNotBeNull();
        rejected.SimultaneousUpdate.ShouldBeNull();
        rejected.ParameterNames.ShouldBeEmpty();
    }
}
