using System.Text.Json;

namespace GradientLab.Cli.Tests;

public sealed class DiagnoseCommandTests
{
    [Fact]
    public void Json_HasTheCurvatureAndTheVerdict_OfTheCourseLab()
    {
        var result = Gradlab.Run("diagnose", "course-lab", "--format", "json");
        result.ExitCode.ShouldBe(0, result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;

        // The 2×2 Hessian [[2.5, 1.5], [1.5, 1]] has eigenvalues (3.5 ± √11.25)/2.
        var eigenvalues = json.GetProperty("hessianEigenvalues").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        eigenvalues[0].ShouldBe((3.5 - Math.Sqrt(11.25)) / 2, 1e-12);
        eigenvalues[1].ShouldBe((3.5 + Math.Sqrt(11.25)) / 2, 1e-12);
        json.GetProperty("maxStableLearningRate").GetDouble().ShouldBe(4 / (3.5 + Math.Sqrt(11.25)), 1e-12);
        json.GetProperty("bestLearningRate").GetDouble().ShouldBe(2 / 3.5, 1e-12);
        json.GetProperty("conditionNumber").GetDouble().ShouldBe((3.5 + Math.Sqrt(11.25)) / (3.5 - Math.Sqrt(11.25)), 1e-9);
        json.GetProperty("local").GetBoolean().ShouldBeFalse();
        json.GetProperty("verdict").GetString().ShouldBe("converged");
        json.GetProperty("evidence").GetString()!.ShouldContain("After 10000 steps");
    }

    [Fact]
    public void AnOverride_AboveTheLimit_IsDiagnosedAsDiverging()
    {
        var json = JsonDocument.Parse(Gradlab.Run("diagnose", "course-lab", "--alpha", "0.6", "--format", "json").Output).RootElement;
        json.GetProperty("verdict").GetString().ShouldBe("diverging");
        json.GetProperty("suggestedLearningRate").GetDouble().ShouldBeLessThan(0.5836);
        json.GetProperty("advice").GetString()!.ShouldContain("α = 0.6 is above the largest stable rate");
    }

    [Fact]
    public void Text_SaysVerdictEvidenceAndAdvice_AndTheScalingEffect()
    {
        var result = Gradlab.Run("diagnose", "unscaled-features");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Verdict: slow");
        result.Output.ShouldContain("Evidence: ");
        result.Output.ShouldContain("Advice: ");
        result.Output.ShouldContain("Feature scaling (z-score):");
    }

    [Fact]
    public void ANonQuadraticObjective_IsLabelledLocal()
    {
        var json = JsonDocument.Parse(Gradlab.Run("diagnose", "saddle-point", "--format", "json").Output).RootElement;
        json.GetProperty("local").GetBoolean().ShouldBeTrue();
        json.GetProperty("verdict").GetString().ShouldBe("saddle");
        json.GetProperty("conditionNumber").GetString().ShouldBe("Infinity");
    }

    [Fact]
    public void AnUnknownScenario_IsAnError() => Gradlab.Fails("diagnose", "nope").Error.ShouldContain("No preset or scenario file named 'nope'");

    [Theory]
    [InlineData("course-lab")]
    [InlineData("rosenbrock-gd")]
    [InlineData("saddle-point")]
    public void AStartBeyondTheArithmetic_IsDiagnosed_NotAStackTrace(string preset)
    {
        var result = Gradlab.Run("diagnose", preset, "--start", "1e308,-1e308");
        result.ExitCode.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        result.Output.ShouldContain("diverged at step 0, J = ");
        result.Output.ShouldContain("Evidence: Diverged at step 0: the loss at the start is not a finite number");
    }

    [Fact]
    public void AnUndefinedCurvature_SaysSo_InTextAndJson()
    {
        Gradlab.Run("diagnose", "rosenbrock-gd", "--start", "1e308,-1e308").Output.ShouldContain("Curvature, parameters x, y: undefined here");
        var json = JsonDocument.Parse(Gradlab.Run("diagnose", "rosenbrock-gd", "--start", "1e308,-1e308", "--format", "json").Output).RootElement;
        json.GetProperty("curvatureDefined").GetBoolean().ShouldBeFalse();
        json.GetProperty("conditionNumber").GetString().ShouldBe("NaN");
        json.GetProperty("verdict").GetString().ShouldBe("diverging");
    }
}
