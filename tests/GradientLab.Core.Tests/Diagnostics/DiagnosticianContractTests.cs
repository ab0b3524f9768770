using GradientLab.Core.Descent;
using GradientLab.Core.Diagnostics;

namespace GradientLab.Core.Tests.Diagnostics;

/// <summary>
/// The diagnostician's rules one at a time, on hand-made trajectories and curvatures, so each threshold is met exactly
/// once on each side. The reference numbers are worked out by hand in the comments (ln 10⁻⁶ = −13.8155…).
/// </summary>
public sealed class DiagnosticianContractTests
{
    private const string SequentialNote = " The sequential update is also at work: it measures ∂J/∂b after w has moved, so its steps are not gradient steps; switch to the simultaneous update.";

    /// <summary>A point of a made-up trajectory (the parameters only matter when they stop being finite).</summary>
    private static StepRecord At(int step, double loss, double gradientNorm = 1, double[]? gradient = null, double[]? parameters = null) =>
        new(step, 0, parameters ?? [0.0, 0.0], loss, gradientNorm, gradient, null);

    private static StepRecord[] Losses(params double[] losses) => [.. losses.Select((loss, i) => At(i, loss))];

    /// <summary>A curvature with eigenvalues λmin and λmax along the axes: x is the flat direction, y the steep one.</summary>
    private static Curvature Bowl(double lambdaMin, double lambdaMax, bool local = false) =>
        new([lambdaMin, 0, 0, lambdaMax], [lambdaMin, lambdaMax], [[1.0, 0.0], [0.0, 1.0]], local);

    private static readonly Curvature Undefined = new([double.NaN, double.NaN, double.NaN, double.NaN], [double.NaN, double.NaN], [[1.0, 0.0], [0.0, 1.0]], Local: true);

    /// <summary>
    /// By default the run is not plain GD on a quadratic (so the curvature predicts nothing), records no gradients (so
    /// nothing can alternate) and knows no minimum: only the rule under test can fire.
    /// </summary>
    private static Diagnosis Judge(
        IReadOnlyList<StepRecord> trajectory,
        Curvature? curvature = null,
        double alpha = 0.1,
        bool plain = false,
        StopReason? stop = null,
        bool sequential = false,
        double? minimum = null,
        double? floor = null,
        ScalingEffect? scaling = null,
        string? kind = null) =>
        Diagnostician.Judge(new DiagnosisInput(trajectory, stop, curvature ?? Bowl(1, 3), alpha, plain, sequential, minimum, floor, scaling, kind));

    /// <summary>Checks the verdict, both sentences and the suggested rate at once.</summary>
    private static void ShouldRead(Diagnosis diagnosis, Verdict verdict, string evidence, string advice, double? suggestion = null, bool simultaneous = false)
    {
        diagnosis.SuggestScaling.ShouldBeFalse();
        diagnosis.Verdict.ShouldBe(verdict);
        diagnosis.Evidence.ShouldBe(evidence);
        diagnosis.Advice.ShouldBe(advice);
        diagnosis.SuggestedLearningRate.ShouldBe(suggestion);
        diagnosis.SuggestSimultaneous.ShouldBe(simultaneous);
    }

    /// <summary>A learning rate at which plain GD on a round bowl (λ = 1) needs exactly <paramref name="steps"/> steps.</summary>
    /// <remarks>Steps = ⌈ln 10⁻⁶ / ln(1 − α)⌉, so the contraction exp(ln 10⁻⁶ / (steps − ½)) sits mid-way in that step count.</remarks>
    private static double RateNeeding(int steps) => 1 - Math.Exp(Math.Log(1e-6) / (steps - 0.5));

    // ---- Diverging ----

    [Fact]
    public void ThreeRisingSteps_EndingAboveTheStart_AreDivergence_WithTheRiseInNumbers()
    {
        // 2 → 3 → 4.5 → 6: three rises, 6 > the start 4; the last one is ×6/4.5 = ×1.333.
        var d = Judge(Losses(4, 2, 3, 4.5, 6));
        ShouldRead(d, Verdict.Diverging, "The loss rose for the last 3 steps, from 2 to 6 (×1.333 per step lately).", "Try a smaller learning rate, α = 0.01.", 0.01); // α/10
        d.SuggestScaling.ShouldBeFalse();
        d.SuggestSimultaneous.ShouldBeFalse();
    }

    [Theory]
    [InlineData(new[] { 4, 2, 3, 3.5, 4.0 })] // three rises, but back only to the start, not above it
    [InlineData(new[] { 5, 2, 3, 4, 4.5 })] // three rises, still below the start
    [InlineData(new[] { 4, 2, 5, 6.0 })] // above the start, but only two rises
    [InlineData(new[] { 4, 2, 5, 5, 6, 7.0 })] // a step that stays level ends the streak: two rises
    public void FewerThanThreeRises_OrNotAboveTheStart_IsNotDivergence(double[] losses) =>
        Judge(Losses(losses)).Verdict.ShouldBe(Verdict.Running);

    [Theory]
    [InlineData(10, Verdict.Diverging)]
    [InlineData(9, Verdict.Running)]
    public void TenRisesInARow_AreDivergence_EvenBelowTheStart(int rises, Verdict expected)
    {
        // From 100 down to 1, then 1.1, 1.2, … : still far below the start.
        var losses = new[] { 100.0, 1.0 }.Concat(Enumerable.Range(1, rises).Select(i => 1 + (0.1 * i))).ToArray();
        var d = Judge(Losses(losses));
        d.Verdict.ShouldBe(expected);
        if (expected == Verdict.Diverging)
        {
            d.Evidence.ShouldStartWith("The loss rose for the last 10 steps, from 1 to 2 (×");
        }
    }

    [Fact]
    public void ASingleRise_WhenTheRunStoppedAsDiverged_SaysOneStep_AndRisingFromZero_IsInfinitePerStep()
    {
        // 0 → 2: Ratio(0, 2) has no finite value.
        var d = Judge(Losses(1, 0, 2), stop: StopReason.Diverged);
        d.Verdict.ShouldBe(Verdict.Diverging);
        d.Evidence.ShouldBe("The loss rose for the last step, from 0 to 2 (×∞ per step lately).");
    }

    [Fact]
    public void ARunStoppedAsDiverged_WhoseLastStepFell_QuotesTheLossAndTheStart()
    {
        var d = Judge(Losses(5, 7, 6), stop: StopReason.Diverged);
        d.Verdict.ShouldBe(Verdict.Diverging);
        d.Evidence.ShouldBe("The loss reached 6 at step 2, past the divergence limit from its start 5.");
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(double.PositiveInfinity, 0.0)]
    [InlineData(1.0, double.NaN)] // a finite loss at a parameter that is not a number
    [InlineData(1.0, double.NegativeInfinity)]
    public void ANonFiniteLossOrParameter_LaterInTheRun_SaysAtWhichStep(double loss, double parameter)
    {
        var d = Judge([At(0, 4), At(1, 3), At(2, loss, parameters: [0.5, parameter])]);
        d.Verdict.ShouldBe(Verdict.Diverging);
        d.Evidence.ShouldBe("Diverged at step 2: the loss is no longer a finite number; the steps grew until the arithmetic overflowed.");
        d.SuggestedLearningRate.ShouldBe(0.01);
    }

    [Fact]
    public void ANonFiniteStart_AdvisesAStartNearer_AndSaysWhenTheCurvatureIsUndefinedToo()
    {
        var defined = Judge([At(0, double.PositiveInfinity)]);
        defined.Verdict.ShouldBe(Verdict.Diverging);
        defined.Evidence.ShouldEndWith("too far out for double-precision arithmetic.");
        defined.Advice.ShouldStartWith("Start nearer the minimum, with coordinates of everyday size (say within ±1000)");
        defined.SuggestedLearningRate.ShouldBeNull();

        var undefined = Judge([At(0, double.NaN)], Undefined);
        undefined.Evidence.ShouldBe("Diverged at step 0: the loss at the start is not a finite number; the start point is too far out for double-precision arithmetic. The curvature is undefined here.");
    }

    [Fact]
    public void PlainGdOnAQuadratic_AboveTwoOverLambdaMax_IsPredictedToDiverge_BeforeTheLossRises()
    {
        // λ = 1, 3: 2/λmax = 0.6667. At α = 0.7 the steep direction is multiplied by |1 − 0.7·3| = 1.1 per step;
        // the best rate is 2/(1 + 3) = 0.5.
        ShouldRead(
            Judge(Losses(10, 9), Bowl(1, 3), alpha: 0.7, plain: true),
            Verdict.Diverging,
            "The curvature predicts it: at α = 0.7 the error along the steepest direction grows ×1.1 per step, so the loss will climb.",
            "α = 0.7 is above the largest stable rate for this problem, 2/λmax = 0.6667 (λmax = 3): each step multiplies the error along the steepest direction by |1 − αλmax| = 1.1 > 1. Try α = 0.5.",
            0.5);
    }

    [Fact]
    public void ExactlyTwoOverLambdaMax_IsNotPredictedToDiverge_TheNextDoubleUpIs()
    {
        var limit = 2.0 / 3; // 2/λmax for λmax = 3
        Judge(Losses(10, 9), Bowl(1, 3), alpha: limit, plain: true).Verdict.ShouldNotBe(Verdict.Diverging);
        Judge(Losses(10, 9), Bowl(1, 3), alpha: Math.BitIncrement(limit), plain: true).Verdict.ShouldBe(Verdict.Diverging);
    }

    [Theory]
    [InlineData(false, false, false)] // not plain GD: the curvature does not predict its steps
    [InlineData(true, true, false)] // a local curvature: it holds at this point only
    [InlineData(true, false, true)] // the sequential update: its steps are not gradient steps
    public void ThePrediction_HoldsOnlyForPlainSimultaneousGdOnAQuadratic(bool plain, bool local, bool sequential) =>
        Judge(Losses(10, 9), Bowl(1, 3, local), alpha: 0.7, plain: plain, sequential: sequential).Verdict.ShouldBe(Verdict.Running);

    [Theory]
    [InlineData(1, 2, 1.5, 0.666)] // 2/(1 + 2) = 0.6667, rounded down to 3 digits: 0.666, not 0.667
    [InlineData(-1, 3, 0.7, 0.333)] // not a bowl: half the stable limit, (2/3)/2 = 0.3333 → 0.333
    [InlineData(0.001, 0.002, 1500, 666)] // 2/0.003 = 666.67 → 666
    [InlineData(700, 800, 0.01, 0.00133)] // 2/1500 = 0.0013333 → 0.00133
    public void TheSuggestionAboveTheLimit_IsTheBestRate_OrHalfTheLimitWithoutABowl_RoundedDown(double lambdaMin, double lambdaMax, double alpha, double expected)
    {
        var d = Judge(Losses(10, 9), Bowl(lambdaMin, lambdaMax), alpha, plain: true);
        d.Verdict.ShouldBe(Verdict.Diverging);
        d.SuggestedLearningRate!.Value.ShouldBeClose(expected, 1e-12);
        d.Advice.ShouldEndWith($"Try α = {Diagnostician.F(expected)}.");
    }

    [Fact]
    public void TheSequentialUpdate_AboveTheLimit_StillQuotesTheLimit_AndAddsTheSwitch()
    {
        // Sequential runs are not predicted to diverge, so this one rises for real: 2 → 3 → 4 → 5 > 4.
        var d = Judge(Losses(4, 2, 3, 4, 5), Bowl(1, 3), alpha: 0.7, plain: true, sequential: true);
        d.Verdict.ShouldBe(Verdict.Diverging);
        d.Advice.ShouldBe("α = 0.7 is above the largest stable rate for this problem, 2/λmax = 0.6667 (λmax = 3): each step multiplies the error along the steepest direction by |1 − αλmax| = 1.1 > 1. Try α = 0.5." + SequentialNote);
        d.SuggestSimultaneous.ShouldBeTrue();
    }

    [Fact]
    public void RisingExactlyAtTheLimit_IsNotAdvisedAsAboveIt()
    {
        // α = 2/3 = 2/λmax is not above the limit: the advice is α/10 = 0.0667, rounded down to 0.0666.
        var d = Judge(Losses(4, 2, 3, 4, 5), Bowl(1, 3), alpha: 2.0 / 3, plain: true);
        d.Advice.ShouldBe("Try a smaller learning rate, α = 0.0666.");
    }

    [Fact]
    public void RisingBelowTheLimit_OnAQuadratic_AdvisesATenthOfAlpha()
    {
        // α = 0.5 < 2/3: the limit is not the trouble, so the advice is α/10.
        var d = Judge(Losses(4, 2, 3, 4, 5), Bowl(1, 3), alpha: 0.5, plain: true);
        d.Advice.ShouldBe("Try a smaller learning rate, α = 0.05.");
        d.SuggestedLearningRate.ShouldBe(0.05);
    }

    [Fact]
    public void RisingOnALocalCurvature_QuotesItsStableLimit()
    {
        var d = Judge(Losses(4, 2, 3, 4, 5), Bowl(1, 3, local: true), alpha: 0.5, plain: true);
        d.Advice.ShouldBe("Here the surface curves by up to λmax = 3, so plain steps are stable only below 2/λmax = 0.6667. Try α = 0.05.");
    }

    [Theory]
    [InlineData(0.0)] // flat at the top: no limit to quote
    [InlineData(-1.0)]
    public void RisingOnALocalCurvatureThatDoesNotCurveUp_QuotesNoLimit(double lambdaMax)
    {
        var d = Judge(Losses(4, 2, 3, 4, 5), Bowl(-2, lambdaMax, local: true), alpha: 0.5);
        d.Advice.ShouldBe("Try a smaller learning rate, α = 0.05.");
    }

    [Fact]
    public void RisingWhereTheCurvatureIsUndefined_SaysSo()
    {
        var d = Judge(Losses(4, 2, 3, 4, 5), Undefined, alpha: 0.5);
        d.Advice.ShouldBe("The curvature is undefined here (its numbers are not finite). Try a smaller learning rate, α = 0.05.");
    }

    [Theory]
    [InlineData(11.5, 1.15)] // α/10 = 1.15 has three digits already: kept, not 1.14
    [InlineData(3.5, 0.35)]
    [InlineData(6.6666, 0.666)] // 0.66666 rounds down, not to the nearer 0.667
    [InlineData(9.999, 0.999)]
    [InlineData(0.012349, 0.00123)]
    [InlineData(12349, 1230)]
    [InlineData(0, 0)] // nothing to round
    public void TheSuggestion_HasThreeSignificantDigits_RoundedDown(double alpha, double expected)
    {
        var d = Judge(Losses(4, 2, 3, 4, 5), alpha: alpha);
        d.SuggestedLearningRate.ShouldBe(expected);
    }

    [Fact]
    public void TheSuggestion_NeverExceedsWhatItRounds_AndLosesLessThanOnePercent()
    {
        // Many rates of every magnitude: Round(α/10) ≤ α/10 and > 0.99·α/10 (one unit of the third digit is ≤ 1 %).
        var random = new Random(14);
        for (var i = 0; i < 2000; i++)
        {
            var alpha = Math.Pow(10, (random.NextDouble() * 16) - 8);
            if (i % 2 == 0)
            {
                alpha = Math.Round(alpha / Math.Pow(10, Math.Floor(Math.Log10(alpha)) - 2)) * Math.Pow(10, Math.Floor(Math.Log10(alpha)) - 2); // three digits exactly
            }

            var suggestion = Judge(Losses(4, 2, 3, 4, 5), alpha: alpha).SuggestedLearningRate!.Value;
            suggestion.ShouldBeLessThanOrEqualTo(alpha / 10);
            suggestion.ShouldBeGreaterThan(0.99 * alpha / 10);
            double.Parse(suggestion.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(suggestion);
        }
    }

    // ---- Converged ----

    [Theory]
    [InlineData(1.0, 1e-9, Verdict.Converged)] // start gap 1: within 1e-9 of the minimum
    [InlineData(1.0, 1.1e-9, Verdict.Running)]
    [InlineData(4.0, 4e-9, Verdict.Converged)] // start gap 4: the tolerance scales to 4e-9
    [InlineData(4.0, 4.1e-9, Verdict.Running)]
    [InlineData(0.5, 1e-9, Verdict.Converged)] // start gap below 1: the tolerance stays 1e-9, not 0.5e-9
    public void NearTheMinimum_IsWithin1e9OfTheStartGap_AtLeast1e9(double start, double current, Verdict expected) =>
        Judge([At(0, start), At(5, current)], minimum: 0).Verdict.ShouldBe(expected);

    [Fact]
    public void NearTheMinimum_MeansNearTheGivenMinimum_NotNearZero()
    {
        Judge([At(0, 11), At(5, 10)], minimum: 10).Verdict.ShouldBe(Verdict.Converged);
        Judge([At(0, 11), At(5, 0)], minimum: 10).Verdict.ShouldBe(Verdict.Converged); // below it counts as at it
        Judge([At(0, 11), At(5, 10.5)], minimum: 10).Verdict.ShouldBe(Verdict.Running);
        Judge([At(0, 11), At(5, 1e-10)], minimum: -10).Verdict.ShouldBe(Verdict.Running);
    }

    [Theory]
    [InlineData(2.0, 2e-9, Verdict.Converged)] // the gradient shrank a billion-fold
    [InlineData(2.0, 2.000001e-9, Verdict.Running)]
    [InlineData(0.0, 0.0, Verdict.Running)] // no gradient at the start: no ratio to judge
    public void AGradientABillionTimesSmallerThanAtTheStart_IsConvergence(double startNorm, double currentNorm, Verdict expected) =>
        Judge([At(0, 4, startNorm), At(5, 3, currentNorm)]).Verdict.ShouldBe(expected);

    [Fact]
    public void ARunStoppedAsConverged_IsConverged_WithTheGradientAndTheGap()
    {
        ShouldRead(
            Judge([At(0, 4, 2), At(7, 1e-10, 0.001)], stop: StopReason.Converged, minimum: 0),
            Verdict.Converged,
            "After 7 steps the gradient's length is 0.001 (from 2); J = 1e-10, 1e-10 above the minimum 0.",
            "Nothing to fix.");
    }

    [Fact]
    public void ConvergedWithoutAKnownMinimum_QuotesOnlyJ_AndBelowTheMinimum_IsZeroAbove()
    {
        Judge([At(0, 4, 2), At(7, 0.5, 0.001)], stop: StopReason.Converged).Evidence
            .ShouldBe("After 7 steps the gradient's length is 0.001 (from 2); J = 0.5.");
        Judge([At(0, 4, 2), At(7, 0.75, 0.001)], stop: StopReason.Converged, minimum: 1).Evidence
            .ShouldBe("After 7 steps the gradient's length is 0.001 (from 2); J = 0.75, 0 above the minimum 1.");
    }

    [Fact]
    public void ConvergedBySequentialSteps_IsNeverNothingToFix()
    {
        var d = Judge([At(0, 4, 2), At(7, 0.5, 0.001)], stop: StopReason.Converged, sequential: true);
        d.Advice.ShouldStartWith("It converged, but not by gradient descent: the sequential update measured ∂J/∂b after w had moved");
        d.SuggestSimultaneous.ShouldBeTrue();
    }

    // ---- Plateau ----

    /// <summary>Eleven points falling linearly from <paramref name="from"/> to <paramref name="to"/>, with the given final gradient length.</summary>
    private static StepRecord[] Plateau(double from, double to, double gradientNorm, int points = 11) =>
        [.. Enumerable.Range(0, points).Select(i => At(i, from + ((to - from) * i / (points - 1)), i == points - 1 ? gradientNorm : 1))];

    [Fact]
    public void ATinyGradient_FarAboveTheFloor_FallingUnderOnePercentInTenSteps_IsAPlateau()
    {
        // 100 → 99 over 10 steps: fell by 1 = 1 % of 100. Gradient 0.099 = 1e-3 · (99 − 0).
        ShouldRead(
            Judge(Plateau(100, 99, 1e-3 * 99), floor: 0),
            Verdict.Plateau,
            "The gradient's length is only 0.099 while the loss 99 is still 99 above its floor, and it fell by less than 1 % over the last 10 steps: a plateau.",
            "Where the surface is this flat, plain steps crawl: the gradient, not the distance, sets their length. Start elsewhere, or use Adam, whose steps are normalised by the recent gradient size.");
    }

    [Fact]
    public void APlateau_IsNotCalledOne_JustPastEachThreshold()
    {
        Judge(Plateau(100, 98.99, 0.01), floor: 0).Verdict.ShouldBe(Verdict.Running); // fell by 1.01 > 1 %
        Judge(Plateau(100, 99, Math.BitIncrement(1e-3 * 99)), floor: 0).Verdict.ShouldBe(Verdict.Running); // gradient just too long
        Judge(Plateau(100, 99, 0.01, points: 10), floor: 0).Verdict.ShouldBe(Verdict.Running); // only 9 steps to judge
        Judge(Plateau(100, 99, 0.01)).Verdict.ShouldBe(Verdict.Running); // neither a minimum nor a floor to be above
    }

    [Fact]
    public void APlateau_SaysHowFarAboveANonZeroFloorItIs()
    {
        // Floor 9: the loss 99 is 90 above it, which allows a gradient up to 0.09.
        Judge(Plateau(100, 99, 0.05), floor: 9).Evidence.ShouldBe("The gradient's length is only 0.05 while the loss 99 is still 90 above its floor, and it fell by less than 1 % over the last 10 steps: a plateau.");
    }

    [Fact]
    public void APlateau_IsMeasuredFromTheMinimum_BeforeTheFloor()
    {
        // Minimum 0, floor 98.9: 99 above the minimum allows a gradient of 0.099; above the floor only 0.0001 would.
        var d = Judge(Plateau(100, 99, 0.09), minimum: 0, floor: 98.9);
        d.Verdict.ShouldBe(Verdict.Plateau);
        d.Evidence.ShouldContain("while the loss 99 is still 99 above the minimum, and it fell");
        Judge(Plateau(100, 99, 0.09), minimum: 50, floor: 0).Verdict.ShouldBe(Verdict.Running); // 49 above: 0.049 allowed
    }

    [Fact]
    public void APlateau_LooksOnlyAtTheLastTenSteps()
    {
        // A steep first step (200 → 100) is more than ten steps back.
        StepRecord[] trajectory = [At(0, 200), .. Plateau(100, 99, 0.01).Select(p => p with { Step = p.Step + 1 })];
        Judge(trajectory, floor: 0).Verdict.ShouldBe(Verdict.Plateau);
    }

    [Theory]
    [InlineData("adam", true)]
    [InlineData("adamw", true)]
    [InlineData("adagrad", true)]
    [InlineData("rmsprop", true)]
    [InlineData("sgd", false)]
    [InlineData(null, false)]
    public void OnAPlateau_AnAdaptiveOptimizer_IsNotAdvisedToUseAdam(string? kind, bool adaptive)
    {
        var advice = Judge(Plateau(100, 99, 0.01), floor: 0, kind: kind).Advice;
        advice.ShouldBe(adaptive
            ? "Where the surface is this flat, even normalised steps take long to find a direction: start elsewhere, or raise α."
            : "Where the surface is this flat, plain steps crawl: the gradient, not the distance, sets their length. Start elsewhere, or use Adam, whose steps are normalised by the recent gradient size.");
    }

    // ---- Saddle ----

    [Fact]
    public void ATinyGradient_WhereTheSurfaceCurvesDownAsMuchAsUp_IsASaddle_WithItsEigenvalues()
    {
        // Gradient 1 of a start 100: 0.01 of it. λ = −2, 2. Leaving at α = 0.1: |1 − 0.1·(−2)| = 1.2 per step.
        var d = Judge([At(0, 5, 100), At(1, 4, 1)], Bowl(-2, 2, local: true), sequential: true);
        d.Verdict.ShouldBe(Verdict.Saddle);
        d.Evidence.ShouldBe("The gradient's length is 1, 0.01 of its start, and the Hessian here has eigenvalues -2 and 2: a saddle point, flat in every direction but curving down along one.");
        d.Advice.ShouldBe("Plain gradient descent leaves a saddle only as fast as the tiny downhill component grows (×1.2 per step here); momentum, Adam or the noise of small batches leave sooner." + SequentialNote);
        d.SuggestSimultaneous.ShouldBeTrue();
    }

    [Theory]
    [InlineData(-1.01, 100, 1, false, Verdict.Saddle)]
    [InlineData(-1, 100, 1, false, Verdict.Running)] // curves down by only 1 % of λmax: a bent valley, not a saddle
    [InlineData(-2, 2, 1.01, false, Verdict.Running)] // the gradient is still above 1 % of its start
    [InlineData(-2, 2, 1, true, Verdict.Running)] // an exact (quadratic) curvature is never a saddle here
    public void ASaddle_NeedsANegativeCurvatureOfAtLeastOnePercent_AndAGradientUnderOnePercent(double lambdaMin, double lambdaMax, double norm, bool exact, Verdict expected) =>
        Judge([At(0, 5, 100), At(1, 4, norm)], Bowl(lambdaMin, lambdaMax, local: !exact)).Verdict.ShouldBe(expected);

    [Fact]
    public void FlatAndASaddle_IsCalledASaddle()
    {
        var trajectory = Plateau(100, 99, 0.01).Select((p, i) => i == 0 ? p with { GradientNorm = 100 } : p).ToArray();
        Judge(trajectory, Bowl(-2, 2, local: true), floor: 0).Verdict.ShouldBe(Verdict.Saddle);
        Judge(trajectory, Bowl(2, 2, local: true), floor: 0).Verdict.ShouldBe(Verdict.Plateau);
    }

    // ---- Oscillating ----

    /// <summary>
    /// Falling losses whose gradients have the steep (y) component <paramref name="steep"/> times the given signs, and
    /// a last point without a gradient (as the last point of every run).
    /// </summary>
    private static StepRecord[] Zigzag(double steep, params int[] signs) =>
        [.. signs.Select((s, i) => At(i, 10 - i, 1, [1.0, s * steep])), At(signs.Length, 10 - signs.Length)];

    [Fact]
    public void FourSignFlipsAlongTheSteepDirection_WhileTheLossFalls_AreOscillation()
    {
        ShouldRead(
            Judge(Zigzag(1, 1, -1, 1, -1)),
            Verdict.Oscillating,
            "The gradient along the steepest direction (λmax = 3) flipped sign at each of the last 4 steps while the loss still fell: every step overshoots the valley floor and lands on the other side.",
            "A smaller learning rate, or momentum to damp the zigzag, would overshoot less.");
    }

    [Theory]
    [InlineData(new[] { 1, -1, 1 })] // three signs are not enough
    [InlineData(new[] { 1, -1, -1, 1 })]
    [InlineData(new[] { 1, 1, -1, 1, -1, 1, -1, 1, 1 })] // the last two agree
    public void WithoutFourAlternatingSigns_ThereIsNoOscillation(int[] signs) =>
        Judge(Zigzag(1, signs)).Verdict.ShouldBe(Verdict.Running);

    [Fact]
    public void OnlyTheLastSixGradients_Count()
    {
        // The first two agree; the last six alternate.
        var d = Judge(Zigzag(1, 1, 1, 1, -1, 1, -1, 1, -1));
        d.Verdict.ShouldBe(Verdict.Oscillating);
        d.Evidence.ShouldContain("at each of the last 6 steps");
    }

    [Theory]
    [InlineData(0.002, Verdict.Oscillating)] // 0.002 ≥ 1e-3 · |(1, 0.002)|: a real component
    [InlineData(0.0009, Verdict.Running)] // below 1e-3 of the gradient's length: rounding, no sign
    public void AComponentUnderOneThousandthOfTheGradient_HasNoSign(double steep, Verdict expected) =>
        Judge(Zigzag(steep, 1, -1, 1, -1)).Verdict.ShouldBe(expected);

    [Theory]
    [InlineData(1.2, Verdict.Running)] // 1.2 < 1e-3 · |(1000, 1000, 1.2)| = 1.414
    [InlineData(1.5, Verdict.Oscillating)]
    public void TheThousandth_IsOfTheWholeGradientsLength(double steep, Verdict expected)
    {
        // Three parameters, the steep direction z: its component is compared with the length over all three.
        var bowl = new Curvature([1, 0, 0, 0, 2, 0, 0, 0, 3], [1, 2, 3], [[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0]], Local: false);
        StepRecord[] trajectory = [.. new[] { 1, -1, 1, -1 }.Select((s, i) => At(i, 10 - i, 1, [1000, 1000, s * steep])), At(4, 6)];
        Judge(trajectory, bowl).Verdict.ShouldBe(expected);
    }

    [Fact]
    public void AComponentOfExactlyOneThousandthOfTheLength_StillHasASign()
    {
        // |(√(1500² − 1.5²), 1.5)| is 1500 exactly in doubles, and 1e-3 · 1500 = 1.5 exactly.
        var flat = Math.Sqrt((1500.0 * 1500) - (1.5 * 1.5));
        StepRecord[] trajectory = [.. new[] { 1, -1, 1, -1 }.Select((s, i) => At(i, 10 - i, 1, [flat, s * 1.5])), At(4, 6)];
        Judge(trajectory).Verdict.ShouldBe(Verdict.Oscillating);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void AZeroGradient_HasNoSign_AndBreaksTheAlternation(int next)
    {
        StepRecord[] trajectory = [At(0, 10, 1, [0.0, 0.0]), .. new[] { next, -next, next }.Select((s, i) => At(i + 1, 9 - i, 1, [1.0, s])), At(4, 6)];
        Judge(trajectory).Verdict.ShouldBe(Verdict.Running);
    }

    [Fact]
    public void ALastStepThatRose_IsNotOscillation_ALevelOneIs()
    {
        var rose = Zigzag(1, 1, -1, 1, -1);
        rose[^1] = rose[^1] with { Loss = rose[^2].Loss + 0.5 };
        Judge(rose).Verdict.ShouldNotBe(Verdict.Oscillating);
        var level = Zigzag(1, 1, -1, 1, -1);
        level[^1] = level[^1] with { Loss = level[^2].Loss };
        Judge(level).Verdict.ShouldBe(Verdict.Oscillating);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void WithoutUpwardCurvature_SignFlipsAreNotOscillation(double lambdaMax) =>
        Judge(Zigzag(1, 1, -1, 1, -1), Bowl(-2, lambdaMax)).Verdict.ShouldNotBe(Verdict.Oscillating);

    [Fact]
    public void OscillatingAboveTheBestRate_SuggestsIt()
    {
        // λ = 1, 3: 1/λmax = 0.3333, 2/λmax = 0.6667, best 2/(1 + 3) = 0.5; at α = 0.6, 1 − 0.6·3 = −0.8.
        var d = Judge(Zigzag(1, 1, -1, 1, -1), alpha: 0.6, plain: true);
        d.Verdict.ShouldBe(Verdict.Oscillating);
        d.Advice.ShouldBe("α = 0.6 is above 1/λmax = 0.3333, where steps start to overshoot (1 − αλmax = -0.8); it still converges because it is below 2/λmax = 0.6667. α = 0.5 = 2/(λmin + λmax) balances the steep and the flat direction.");
        d.SuggestedLearningRate.ShouldBe(0.5);
    }

    [Theory]
    [InlineData(0.4, " Below the best constant rate 0.5 the zigzag fades by itself, and the flat direction (λmin = 1) sets the pace.")]
    [InlineData(0.5, " This α is close to the best constant rate, which balances the steep and the flat direction; the zigzag fades.")]
    public void OscillatingAtOrBelowTheBestRate_SuggestsNothing(double alpha, string ending)
    {
        var d = Judge(Zigzag(1, 1, -1, 1, -1), alpha: alpha, plain: true);
        d.Advice.ShouldEndWith(ending);
        d.SuggestedLearningRate.ShouldBeNull();
    }

    [Fact]
    public void TheBestRateBand_IsFivePercentEachWay()
    {
        // Best 0.5: a suggestion above 0.5·1.05 = 0.525; the "fades by itself" note below 0.5/1.05 = 0.47619.
        static Diagnosis Zigzagging(double alpha) => Judge(Zigzag(1, 1, -1, 1, -1), alpha: alpha, plain: true);
        Zigzagging(0.5 * 1.05).SuggestedLearningRate.ShouldBeNull();
        Zigzagging(Math.BitIncrement(0.5 * 1.05)).SuggestedLearningRate.ShouldBe(0.5);
        Zigzagging(0.5 / 1.05).Advice.ShouldEndWith("the zigzag fades.");
        Zigzagging(Math.BitDecrement(0.5 / 1.05)).Advice.ShouldContain(" Below the best constant rate 0.5 the zigzag fades by itself");
    }

    [Fact]
    public void OscillatingWithoutABowl_SuggestsNoRate()
    {
        // λ = −1, 3 (exact): no best rate; 2/λmax = 0.6667 still bounds α.
        var d = Judge(Zigzag(1, 1, -1, 1, -1), Bowl(-1, 3), alpha: 0.6, plain: true);
        d.Verdict.ShouldBe(Verdict.Oscillating);
        d.SuggestedLearningRate.ShouldBeNull();
        d.Advice.ShouldEndWith(" This α is close to the best constant rate, which balances the steep and the flat direction; the zigzag fades.");
    }

    // ---- Pace: Running and Slow ----

    [Theory]
    [InlineData(0.1, "At α = 0.1 the slowest direction (λ = 1) shrinks only by ×0.9 per step: about 132 steps to cut the error a million-fold.")] // ln 1e-6 / ln 0.9 = 131.1
    [InlineData(0.6, "At α = 0.6 the slowest direction (λ = 3) shrinks only by ×0.8 per step: about 62 steps to cut the error a million-fold.")] // |1 − 1.8| = 0.8 > 0.4; 61.9
    [InlineData(1.0 / 3, "At α = 0.3333 the slowest direction (λ = 1) shrinks only by ×0.6667 per step: about 35 steps to cut the error a million-fold.")] // 34.07
    public void PlainGdOnAQuadratic_IsPacedByItsSlowestDirection(double alpha, string evidence)
    {
        ShouldRead(Judge(Losses(10, 9), alpha: alpha, plain: true), Verdict.Running, evidence, "");
    }

    [Theory]
    [InlineData(5e-4, "shrinks only by ×1 − 0.0005 per step")] // 1 − contraction under 1e-3: written as such
    [InlineData(1e-3, "shrinks only by ×0.999 per step")] // 1 − 0.999 is not under 1e-3
    [InlineData(2e-3, "shrinks only by ×1 per step: about ∞ steps")] // 2/λmax: |1 − 2| = 1, never
    public void AContractionNearOne_IsWrittenAsOneMinusTheGap(double alpha, string fragment) =>
        Judge(Losses(10, 9), Bowl(1, 1000), alpha, plain: true).Evidence.ShouldContain(fragment);

    [Fact]
    public void OneExactStep_IsOneStep()
    {
        // A round bowl λ = 1 at α = 1 lands on the minimum in one step.
        Judge(Losses(10, 9), Bowl(1, 1), alpha: 1, plain: true).Evidence.ShouldEndWith("shrinks only by ×0 per step: about 1 step to cut the error a million-fold.");
    }

    [Theory]
    [InlineData(1, 1.0, 500, 1, Verdict.Running)] // a well-conditioned bowl: slow means more than 500 steps
    [InlineData(1, 1.0, 501, 1, Verdict.Slow)]
    [InlineData(1, 100.0, 2073, 1, Verdict.Running)] // κ = 100: 3 × 691 steps at the best rate (ln 1e-6 / ln(99/101) = 690.8)
    [InlineData(1, 100.0, 2074, 1, Verdict.Slow)]
    [InlineData(1, 1e4, 100_000, 1, Verdict.Running)] // κ = 1e4: 3 × 69078 is capped at 1e5
    [InlineData(1, 1e4, 100_001, 1, Verdict.Slow)]
    [InlineData(1, 1.0, 600, 60, Verdict.Running)] // and never before ten times the steps taken
    [InlineData(1, 1.0, 600, 59, Verdict.Slow)]
    public void SlowMeans_MoreThanThreeTimesTheBestRatesSteps_AtLeast500_AtMost1e5_AndTenTimesTheStepsSoFar(double lambdaMin, double lambdaMax, int steps, int k, Verdict expected)
    {
        var alpha = RateNeeding(steps);
        var bowl = Bowl(lambdaMin, lambdaMax);
        bowl.StepsToShrink(alpha).ShouldBe(steps);
        Judge([At(0, 10), At(k, 9)], bowl, alpha, plain: true).Verdict.ShouldBe(expected);
    }

    [Fact]
    public void FarBelowTheBestRate_IsSlow_AndTheBestRateIsSuggested_WithItsSteps()
    {
        // λ = 1, 3 at α = 0.01: ×0.99 per step, 1375 steps. 2/λmax / α = 66.67; the best rate 0.5 halves the error each
        // step: ⌈19.93⌉ = 20 steps.
        var d = Judge(Losses(10, 9), alpha: 0.01, plain: true);
        ShouldRead(
            d,
            Verdict.Slow,
            "At α = 0.01 the slowest direction (λ = 1) shrinks only by ×0.99 per step: about 1375 steps to cut the error a million-fold.",
            "α = 0.01 is 66.67× below the largest stable rate 2/λmax = 0.6667. Try α = 0.5 = 2/(λmin + λmax): about 20 steps.",
            0.5);
        d.SuggestScaling.ShouldBeFalse();
    }

    [Fact]
    public void SlowNearTheBestRate_BlamesTheConditionNumber()
    {
        // κ = 1e5: the best rate 2/100001 = 1.99998e-5 (rounded down 1.99e-5) still needs ~690776 steps. A third below it,
        // α = 1.99e-5/1.5, is "near"; anything less is not.
        var bowl = Bowl(1, 1e5);
        var near = Judge(Losses(10, 9), bowl, alpha: 1.99e-5 / 1.5, plain: true);
        near.Verdict.ShouldBe(Verdict.Slow);
        near.Advice.ShouldBe("α = 1.327e-5 is already near the best constant rate 2/(λmin + λmax) = 2e-5: the trouble is the condition number κ = λmax/λmin = 100000, which makes the valley so narrow that no single rate suits both directions.");
        near.SuggestedLearningRate.ShouldBeNull();

        var below = Judge(Losses(10, 9), bowl, alpha: Math.BitDecrement(1.99e-5 / 1.5), plain: true);
        below.SuggestedLearningRate.ShouldBe(1.99e-5);
        below.Advice.ShouldContain("Try α = 1.99e-5 = 2/(λmin + λmax)");
    }

    [Fact]
    public void PlainGdAlongAFlatDirection_IsSlow_WithNoRateToSuggest()
    {
        // λ = 0, 2 (exact): the flat direction never shrinks, |1 − α·0| = 1 → ∞ steps; there is no best rate.
        var d = Judge(Losses(10, 9), Bowl(0, 2), alpha: 0.5, plain: true);
        d.Verdict.ShouldBe(Verdict.Slow);
        d.Advice.ShouldBe("A larger learning rate, momentum, or an adaptive optimizer (Adam) would cover the flat direction faster.");
        d.SuggestedLearningRate.ShouldBeNull();
    }

    [Theory]
    [InlineData(2000, 100, false, true)] // 20× better conditioned when scaled
    [InlineData(1000, 100, false, false)] // exactly 10×: not worth it
    [InlineData(2000, 100, true, false)] // already scaled
    public void Scaling_IsAdvised_WhenItImprovesTheConditionMoreThanTenfold(double unscaled, double scaled, bool isScaled, bool advised)
    {
        var d = Judge(Losses(10, 9), alpha: 0.01, plain: true, scaling: new ScalingEffect(unscaled, scaled, 5000, 1, isScaled));
        d.Verdict.ShouldBe(Verdict.Slow);
        d.SuggestScaling.ShouldBe(advised);
        if (advised)
        {
            d.Advice.ShouldEndWith(" Scale the features: the condition number falls from 2000 to 100, and the best rate needs 1 step instead of 5000 steps.");
        }
        else
        {
            d.Advice.ShouldNotContain("Scale the features");
        }
    }

    /// <summary>Losses minimum + scale·ratioⁱ for i = 0 … count − 1.</summary>
    private static StepRecord[] Geometric(double ratio, int count, double minimum = 0, double scale = 1) =>
        [.. Enumerable.Range(0, count).Select(i => At(i, minimum + (scale * Math.Pow(ratio, i))))];

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(3.0, 1.0)] // the gap is measured from the minimum
    [InlineData(0.0, 4.0)] // a million-fold of the start gap 4, from 4·0.5¹¹: the same 19.93
    public void WithoutACurvatureToPredict_ThePaceIsProjectedFromTheGapsShrinkOverTenSteps(double minimum, double scale)
    {
        // Gap 0.5ⁱ: ×0.5 per step. From step 11, a million-fold of the start gap 1 takes 11 + ln(1e-6/0.5¹¹)/ln 0.5 = 19.93.
        var d = Judge(Geometric(0.5, 12, minimum, scale), minimum: minimum);
        d.Verdict.ShouldBe(Verdict.Running);
        d.Evidence.ShouldBe("The gap to the minimum shrinks by 0.5 per step lately: about 19.93 steps in all to cut it a million-fold.");
    }

    [Fact]
    public void AProjectionBelowTheStepsTaken_SaysTheStepsTaken()
    {
        // Gap 0.2ⁱ: at step 11 it is 2e-8, already a million-fold below 1; 11 − 2.42 is reported as 11.
        Judge(Geometric(0.2, 12), minimum: 0).Evidence.ShouldBe("The gap to the minimum shrinks by 0.2 per step lately: about 11 steps in all to cut it a million-fold.");
    }

    [Theory]
    [InlineData(null, "A larger learning rate, momentum, or an adaptive optimizer (Adam) would cover the flat direction faster.")]
    [InlineData("adam", "adam moves each parameter by about α = 0.1 per step whatever the gradient: a larger α, or a schedule that starts large, would cover the distance faster.")]
    public void AProjectionOfMoreThan1000Steps_IsSlow(string? kind, string advice)
    {
        // Gap 0.99ⁱ: ln 1e-6 / ln 0.99 = 1374.6 steps in all.
        ShouldRead(
            Judge(Geometric(0.99, 12), minimum: 0, kind: kind),
            Verdict.Slow,
            "The gap to the minimum shrinks by 0.99 per step lately: about 1375 steps in all to cut it a million-fold.",
            advice);
    }

    [Theory]
    [InlineData(999.9, Verdict.Running)]
    [InlineData(1000.1, Verdict.Slow)]
    public void TheProjectedPace_IsSlowFrom1000Steps(double total, Verdict expected) =>
        Judge(Geometric(Math.Exp(Math.Log(1e-6) / total), 12), minimum: 0).Verdict.ShouldBe(expected);

    [Fact]
    public void TheProjection_NeedsMoreThanElevenPoints_AndAGapThatShrank()
    {
        // Eleven points: too few to compare with ten steps back.
        Judge(Geometric(0.5, 11), minimum: 0).Evidence.ShouldBe("The loss fell from 1 to 0.0009766 in 10 steps.");
        // Ten steps back the loss was lower (1) than now (2): no shrink to project.
        StepRecord[] trajectory = [At(0, 5), At(1, 1), .. Enumerable.Range(2, 10).Select(i => At(i, 3 - (0.1 * (i - 2))))];
        Judge(trajectory, minimum: 0).Evidence.ShouldBe("The loss fell from 5 to 2.1 in 11 steps.");
        // Ten steps back the gap (2 − 1) was the same as now: no shrink either.
        StepRecord[] level = [At(0, 5), At(1, 2), .. Enumerable.Range(2, 10).Select(i => At(i, i == 11 ? 2 : 1.5))];
        Judge(level, minimum: 1).Evidence.ShouldBe("The loss fell from 5 to 2 in 11 steps.");
    }

    [Fact]
    public void WithNothingToProject_TheEvidenceIsTheFallSoFar()
    {
        Judge([At(0, 4)]).Evidence.ShouldBe("At the start: J = 4, and the gradient's length is 1.");
        Judge(Losses(4, 3)).Evidence.ShouldBe("The loss fell from 4 to 3 in 1 step.");
        Judge(Losses(4, 3, 2)).Evidence.ShouldBe("The loss fell from 4 to 2 in 2 steps.");
    }

    [Fact]
    public void ARunningSequentialRun_IsAdvisedToSwitch()
    {
        ShouldRead(Judge(Losses(4, 3), sequential: true), Verdict.Running, "The loss fell from 4 to 3 in 1 step.", SequentialNote.Trim(), simultaneous: true);
    }

    [Fact]
    public void ANullInput_Throws() => Should.Throw<ArgumentNullException>(() => Diagnostician.Judge(null!));

    // ---- F: the numbers in the sentences ----

    [Theory]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NaN, "undefined here")]
    [InlineData(0.0, "0")]
    [InlineData(2.0 / 3, "0.6667")] // four significant digits
    [InlineData(-1.23456, "-1.235")]
    [InlineData(1e-4, "0.0001")] // from 1e-4 up: plain decimals
    [InlineData(0.00012346, "0.0001235")]
    [InlineData(9.9e-5, "9.9e-5")] // below 1e-4: scientific, three decimals at most
    [InlineData(-1.23456e-7, "-1.235e-7")]
    [InlineData(9999.0, "9999")]
    [InlineData(9999.7, "10000")] // rounds up to 1e4: whole, not "1E+04"
    [InlineData(1e4, "10000")] // from 1e4 up: whole numbers
    [InlineData(12345.6, "12346")]
    [InlineData(999_999.0, "999999")]
    [InlineData(1e6, "1e+6")] // from 1e6 up: scientific
    [InlineData(-1234567.0, "-1.235e+6")]
    public void F_WritesFourSignificantDigits_ScientificOutsideOneTenThousandthToAMillion(double value, string expected) =>
        Diagnostician.F(value).ShouldBe(expected);

    [Fact]
    public void F_WritesMinusInfinity_NotAsInfinity() => Diagnostician.F(double.NegativeInfinity).ShouldBe("-Infinity");
}
