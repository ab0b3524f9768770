using GradientLab.Core.Optimizers;
using GradientLab.Scenarios;

namespace GradientLab.Scenarios.Tests;

public sealed class OptimizerCatalogueTests
{
    private static readonly ObjectiveSpec Booth = new() { Kind = "function", Name = "booth" };

    public static TheoryData<string> Keys() => [.. OptimizerCatalogue.Keys];

    private static ResolvedScenario Resolve(OptimizerSpec optimizer) =>
        ScenarioResolver.Resolve(new Scenario { Objective = Booth, Optimizer = optimizer });

    [Fact]
    public void TheCatalogue_HasEveryChoiceALearnerSees_InOrder() =>
        OptimizerCatalogue.Keys.ShouldBe(["gd", "sgd", "nesterov", "adam", "adamw", "adagrad", "rmsprop"]);

    [Theory]
    [MemberData(nameof(Keys))]
    public void AScenarioWithOnlyTheKey_GetsEveryDefaultTheCatalogueStates(string key)
    {
        var choice = OptimizerCatalogue.Get(key);
        var resolved = Resolve(new OptimizerSpec { Kind = key }).Scenario.Optimizer!;

        resolved.Kind.ShouldBe(choice.Kind);
        foreach (var setting in choice.Settings)
        {
            OptimizerCatalogue.Read(resolved, setting.Field).ShouldBe(setting.Default, $"{key}.{setting.Field}");
        }

        foreach (var (field, value) in choice.Fixed ?? new Dictionary<string, object>(StringComparer.Ordinal))
        {
            OptimizerCatalogue.Read(resolved, field).ShouldBe(value, $"{key}.{field} (fixed)");
        }

        // Every field of the kind is filled in, and with the kind's default where the choice does not say otherwise.
        foreach (var setting in OptimizerCatalogue.Get(choice.Kind).Settings.Where(s => choice.Setting(s.Field) is null && choice.Fixed?.ContainsKey(s.Field) != true))
        {
            OptimizerCatalogue.Read(resolved, setting.Field).ShouldBe(setting.Default, $"{key}.{setting.Field} (from {choice.Kind})");
        }
    }

    [Fact]
    public void TheEnginesRecordDefaults_EqualTheCatalogues()
    {
        // The Core records keep C# defaults (tests and benchmarks write new AdamSettings()); they must be the catalogue's.
        Settings("gd").ShouldBe(new GradientDescentSettings());
        Settings("sgd").ShouldBe(new SgdSettings());
        Settings("adam").ShouldBe(new AdamSettings());
        Settings("adamw").ShouldBe(new AdamWSettings());
        Settings("adagrad").ShouldBe(new AdaGradSettings());
        Settings("rmsprop").ShouldBe(new RmsPropSettings());
        Settings("nesterov").ShouldBe(new SgdSettings(Momentum: 0.9, Nesterov: true));

        static OptimizerSettings Settings(string key) => Resolve(new OptimizerSpec { Kind = key }).Settings.Optimizer;
    }

    [Fact]
    public void PyTorchsDefaults_AreTheCatalogues()
    {
        // REFERENCE.md, "Update rules": AdamW λ = 0.01; Adagrad ε = 1e-10; RMSprop α = 0.99, ε = 1e-8; Adam β1 0.9, β2 0.999.
        OptimizerCatalogue.Get("adamw").Setting("weightDecay")!.Default.ShouldBe(0.01);
        OptimizerCatalogue.Get("adam").Setting("weightDecay")!.Default.ShouldBe(0.0);
        OptimizerCatalogue.Get("adagrad").Setting("epsilon")!.Default.ShouldBe(1e-10);
        OptimizerCatalogue.Get("rmsprop").Setting("alpha")!.Default.ShouldBe(0.99);
        OptimizerCatalogue.Get("rmsprop").Setting("epsilon")!.Default.ShouldBe(1e-8);
        OptimizerCatalogue.Get("adam").Setting("beta1")!.Default.ShouldBe(0.9);
        OptimizerCatalogue.Get("adam").Setting("beta2")!.Default.ShouldBe(0.999);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryChoice_AsAMenuMakesIt_IsAcceptedByTheResolver_AndIsReadBackAsItself(string key)
    {
        var choice = OptimizerCatalogue.Get(key);
        var resolved = Resolve(choice.NewSpec(0.05)).Scenario.Optimizer!;

        resolved.LearningRate.ShouldBe(0.05);
        OptimizerCatalogue.ChoiceOf(resolved).ShouldBe(choice);
        OptimizerCatalogue.ChoiceOf(choice.NewSpec()).ShouldBe(choice);
    }

    [Fact]
    public void Names_AreUnique_AndNotEmpty()
    {
        OptimizerCatalogue.Keys.ShouldBeUnique();
        OptimizerCatalogue.All.Select(c => c.DisplayName).ShouldBeUnique();
        OptimizerCatalogue.All.Select(c => c.ShortName).ShouldBeUnique();
        OptimizerCatalogue.All.ShouldAllBe(c => c.Description.Length > 20 && c.Settings.All(s => s.Description.Length > 10 && s.Symbol.Length > 0));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EachRange_IsWhatTheEngineAccepts_AtItsEndsAndJustOutside(string key)
    {
        var choice = OptimizerCatalogue.Get(key);
        foreach (var setting in choice.Settings.Where(s => s.Range is not null))
        {
            var range = setting.Range!;
            range.Contains((double)setting.Default).ShouldBeTrue($"{key}.{setting.Field}'s default is in its range");
            Accepts(range.Minimum).ShouldBe(range.MinimumIncluded, $"{key}.{setting.Field} = {range.Minimum}");
            Accepts(range.Minimum - 0.5).ShouldBeFalse($"{key}.{setting.Field} below its range");
            Accepts(range.Maximum).ShouldBe(range.MaximumIncluded, $"{key}.{setting.Field} = {range.Maximum}");
            if (double.IsFinite(range.Maximum))
            {
                Accepts(range.Maximum + 0.5).ShouldBeFalse($"{key}.{setting.Field} above its range");
            }

            bool Accepts(double value)
            {
                try
                {
                    // Nesterov needs some momentum, so the other settings are tried with the choice's own start.
                    Resolve(OptimizerCatalogue.With(choice.NewSpec(), setting.Field, value));
                    return true;
                }
                catch (ScenarioException)
                {
                    return false;
                }
            }
        }
    }

    [Fact]
    public void AChoiceThatIsNotAKind_ResolvesToItsKind_AndKeepsWhatTheScenarioSays()
    {
        var resolved = Resolve(new OptimizerSpec { Kind = "nesterov", Momentum = 0.5, LearningRate = 0.1 }).Scenario.Optimizer!;

        resolved.ShouldBe(new OptimizerSpec { Kind = "sgd", LearningRate = 0.1, Momentum = 0.5, Dampening = 0, Nesterov = true, WeightDecay = 0, MomentumForm = "pytorch" });
    }

    [Fact]
    public void Labels_NameTheSettingsThatTellRunsApart()
    {
        var adamw = OptimizerCatalogue.Get("adamw");
        adamw.Label(new OptimizerSpec { Kind = "adamw", LearningRate = 0.02 }).ShouldBe("AdamW α=0.02 λ=0.01");
        OptimizerCatalogue.Get("adam").Label(new OptimizerSpec { Kind = "adam", LearningRate = 0.02 }).ShouldBe("Adam α=0.02");
        OptimizerCatalogue.Get("adam").Label(new OptimizerSpec { Kind = "adam", LearningRate = 0.02, WeightDecay = 0.1 }).ShouldBe("Adam α=0.02 L2 λ=0.1");
        OptimizerCatalogue.Get("nesterov").Label(new OptimizerSpec { Kind = "sgd", LearningRate = 0.001, Momentum = 0.9, Nesterov = true }).ShouldBe("Nesterov α=0.001 μ=0.9");
        OptimizerCatalogue.Get("gd").Label(new OptimizerSpec { Kind = "gd", LearningRate = 1.23456 }).ShouldBe("GD α=1.23");
    }

    [Fact]
    public void TheLearningRate_IsTheSpecsOwn_OrItsChoicesDefault()
    {
        OptimizerCatalogue.LearningRateOf(null).ShouldBe(0.01);
        OptimizerCatalogue.LearningRateOf(new OptimizerSpec { Kind = "adamw" }).ShouldBe(0.001);
        OptimizerCatalogue.LearningRateOf(new OptimizerSpec { Kind = "sgd", LearningRate = 0.3 }).ShouldBe(0.3);
    }

    [Fact]
    public void Hints_GiveTheValuesEachChoiceStartsAt()
    {
        OptimizerCatalogue.Get("sgd").DefaultsHint().ShouldBe("μ = 0.9");
        OptimizerCatalogue.Get("nesterov").DefaultsHint().ShouldBe("μ = 0.9");
        OptimizerCatalogue.Get("adam").DefaultsHint().ShouldBe("β1 = 0.9, β2 = 0.999");
        OptimizerCatalogue.Get("adamw").DefaultsHint().ShouldBe("β1 = 0.9, β2 = 0.999, λ = 0.01");
        OptimizerCatalogue.Get("rmsprop").DefaultsHint().ShouldBe("α(smoothing) = 0.99");
        OptimizerCatalogue.Get("gd").DefaultsHint().ShouldBeEmpty();
    }

    [Fact]
    public void Ranges_ReadAsInequalities()
    {
        OptimizerCatalogue.Get("adam").Setting("beta1")!.RangeText.ShouldBe("0 ≤ β1 < 1");
        OptimizerCatalogue.Get("gd").Setting("learningRate")!.RangeText.ShouldBe("α > 0");
        OptimizerCatalogue.Get("sgd").Setting("dampening")!.RangeText.ShouldBe("0 ≤ τ ≤ 1");
        OptimizerCatalogue.Get("sgd").Setting("momentumForm")!.RangeText.ShouldBe("pytorch, ema or scaled");
        OptimizerCatalogue.Get("adam").Setting("amsgrad")!.RangeText.ShouldBe("true or false");
    }

    [Fact]
    public void TheReadmesOptimizerTable_IsTheCatalogues()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        const string Begin = "<!-- optimizer-table: generated from OptimizerCatalogue.MarkdownTable(); a test checks it -->\n";
        const string End = "<!-- /optimizer-table -->";
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "README.md has the optimizer table's markers");
        var end = readme.IndexOf(End, start, StringComparison.Ordinal);
        readme[(start + Begin.Length)..end].ShouldBe(OptimizerCatalogue.MarkdownTable());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "GradientLab.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("No GradientLab.slnx above " + AppContext.BaseDirectory);
    }
}
