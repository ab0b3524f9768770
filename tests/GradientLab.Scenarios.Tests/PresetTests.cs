using GradientLab.Core.Descent;
using GradientLab.Core.Optimizers;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class PresetTests
{
    [Fact]
    public void TheNamedPresetsExist_EachWithADescription()
    {
        Presets.Names.ShouldBe([
            "housing-live-demo", "housing-unscaled", "course-lab", "alpha-too-large", "alpha-too-small", "unscaled-features",
            "neuron-underprediction", "neuron-overprediction", "neuron-oscillation", "neuron-cycle", "lr-too-small", "lr-good",
            "lr-diverging", "momentum", "minibatch-line", "training-loop", "stochastic-constant", "stochastic-decay", "nonlinear-data", "rosenbrock-adam", "vanilla", "rosenbrock-gd", "rosenbrock-momentum", "sequential-update", "himmelblau-simultaneous", "sequential-himmelblau", "saddle-point", "plateau",
            "xor-network", "xor-logistic", "blobs-logistic", "circles-network", "moons-network", "spirals-network"], ignoreOrder: true);
        Presets.All.ShouldAllBe(p => p.Description.Length > 20);
    }

    public static TheoryData<string> PresetNames => new(Presets.Names);

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void EveryPreset_RunsToAStop(string name)
    {
        var run = ScenarioResolver.Resolve(Presets.Get(name).Scenario).CreateRun();
        run.RunToEnd();
        run.IsFinished.ShouldBeTrue();
    }

    [Theory]
    [InlineData("housing-live-demo", StopReason.Converged)]
    [InlineData("course-lab", StopReason.MaxSteps)]
    [InlineData("alpha-too-large", StopReason.Diverged)]
    [InlineData("lr-diverging", StopReason.Diverged)]
    [InlineData("rosenbrock-adam", StopReason.MaxSteps)]
    public void Presets_EndTheWayTheirDescriptionsSay(string name, StopReason reason)
    {
        var run = ScenarioResolver.Resolve(Presets.Get(name).Scenario).CreateRun();
        run.RunToEnd().ShouldBe(reason);
    }

    [Fact]
    public void LiveDemo_StartsAtTheNonsensicalLine_OnPortlandBySize()
    {
        var resolved = ScenarioResolver.Resolve(Presets.Get("housing-live-demo").Scenario);
        resolved.Scenario.Start.ShouldBe([-0.1, 900]);
        resolved.Data!.SampleCount.ShouldBe(47);
        resolved.Data.FeatureNames.ShouldBe(["size_1000sqft"]);
        resolved.Settings.Batch.Kind.ShouldBe(BatchKind.Full);
    }

    [Fact]
    public void CourseLab_EndsNear_W200_B100()
    {
        var run = ScenarioResolver.Resolve(Presets.Get("course-lab").Scenario).CreateRun();
        run.RunToEnd();
        run.Current.Parameters[0].ShouldBe(200, 0.01);
        run.Current.Parameters[1].ShouldBe(100, 0.02);
    }

    [Fact]
    public void NeuronCycle_WithTheBiasTrained_SettlesIntoATwoCycle()
    {
        var run = ScenarioResolver.Resolve(Presets.Get("neuron-cycle").Scenario).CreateRun();
        run.RunToEnd();
        var w = run.Trajectory.Select(p => p.Parameters[0]).ToArray();
        w[^1].ShouldBe(w[^3], 1e-9);
        Math.Abs(w[^1] - w[^2]).ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void NeuronOscillation_WithTheBiasFixed_Converges_ToTheFiniteOptimum()
    {
        // σ(2w*) = 0.6 ⇒ w* = ln(0.6/0.4)/2; L''(w*) = 2·(2·0.6·0.4)² = 0.4608, so α·L'' = 1.84 < 2: it alternates, then settles.
        var run = ScenarioResolver.Resolve(Presets.Get("neuron-oscillation").Scenario).CreateRun();
        run.RunToEnd();
        run.Current.Parameters[0].ShouldBe(Math.Log(1.5) / 2, 1e-4);
        run.Trajectory.ShouldAllBe(p => p.Parameters[1] == 0);
    }

    [Fact]
    public void AFrozenParameter_IsNamedInTheResolvedScenario_AndAnUnknownOneIsAnError()
    {
        ScenarioResolver.Resolve(Presets.Get("neuron-underprediction").Scenario).Scenario.Freeze.ShouldBe(["b"]);
        Should.Throw<ScenarioException>(() => ScenarioResolver.Resolve(Presets.Get("course-lab").Scenario with { Freeze = ["c"] }))
            .Message.ShouldBe("freeze: 'c' is not a parameter of this objective; its parameters are w, b.");
        Should.Throw<ScenarioException>(() => ScenarioResolver.Resolve(Presets.Get("course-lab").Scenario with { Freeze = ["w", "b"] }))
            .Message.ShouldContain("nothing would train");
    }

    [Fact]
    public void Momentum_IsPyTorchSgdWithBeta05()
    {
        var resolved = ScenarioResolver.Resolve(Presets.Get("momentum").Scenario);
        resolved.Settings.Optimizer.ShouldBe(new SgdSettings(Momentum: 0.5));
        resolved.Settings.Schedule.Initial.ShouldBe(0.05);
    }
}
