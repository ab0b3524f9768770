using GradientLab.Lessons.Optimizers;
using GradientLab.Scenarios;
using GradientLab.Web.State;

namespace GradientLab.Web.Tests.Links;

/// <summary>The web's optimizer menus, legends and hints read <see cref="OptimizerCatalogue"/>.</summary>
public sealed class OptimizerMenuTests
{
    private static readonly Scenario Demo = Presets.Get("housing-live-demo").Scenario;

    [Fact]
    public void TheLiveMenu_IsTheCatalogue() => LiveLinks.Optimizers.ShouldBe(OptimizerCatalogue.Keys);

    [Fact]
    public void AChoiceFromTheMenu_KeepsTheRate_AndStartsTheMomentumMethodsAtPointNine()
    {
        LiveLinks.NewOptimizer("nesterov", 0.05).ShouldBe(new OptimizerSpec { Kind = "sgd", LearningRate = 0.05, Momentum = 0.9, Nesterov = true });
        LiveLinks.NewOptimizer("sgd", null).ShouldBe(new OptimizerSpec { Kind = "sgd", Momentum = 0.9 });
        LiveLinks.NewOptimizer("adamw", 0.3).ShouldBe(new OptimizerSpec { Kind = "adamw", LearningRate = 0.3 });
    }

    [Fact]
    public void EveryMenuEntry_IsReadBackFromTheScenarioItMakes()
    {
        foreach (var key in LiveLinks.Optimizers)
        {
            LiveLinks.OptimizerChoice(Demo with { Optimizer = LiveLinks.NewOptimizer(key, 0.01) }).ShouldBe(key);
        }
    }

    [Fact]
    public void TheRacesLegends_NameEachOptimizerAndTheSettingsThatTellThemApart() =>
        RaceSession.AllRacers.Select(r => r.Label).ShouldBe(
        [
            "GD α=0.001",
            "momentum α=0.001 μ=0.9",
            "Nesterov α=0.001 μ=0.9",
            "AdaGrad α=0.5",
            "RMSprop α=0.01",
            "Adam α=0.02",
            "AdamW α=0.02 λ=0.01",
        ]);
}
