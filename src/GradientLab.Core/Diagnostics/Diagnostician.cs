using System.Globalization;
using GradientLab.Core.Descent;

namespace GradientLab.Core.Diagnostics;

/// <summary>What a run is doing, in one word.</summary>
public enum Verdict
{
    /// <summary>Converging at a healthy pace.</summary>
    Running,

    /// <summary>Arrived: the gradient vanished at (or very near) the minimum.</summary>
    Converged,

    /// <summary>The loss is rising, or stopped being a number.</summary>
    Diverging,

    /// <summary>The loss falls, but the steps overshoot the steep direction and the gradient flips sign every step.</summary>
    Oscillating,

    /// <summary>The loss falls, but at this pace it would take very many steps.</summary>
    Slow,

    /// <summary>The gradient is tiny although the loss is not near its minimum, on a surface that is flat there: a plateau.</summary>
    Plateau,

    /// <summary>The gradient is tiny at a point that curves up in one direction and down in another: a saddle point.</summary>
    Saddle,
}

/// <summary>How z-score scaling of the features changes the curvature of linear regression.</summary>
/// <param name="ConditionUnscaled">λmax/λmin of the features as given.</param>
/// <param name="ConditionScaled">λmax/λmin after z-score scaling.</param>
/// <param name="StepsUnscaled">Steps of plain GD at its best rate to shrink the error a million-fold, unscaled.</param>
/// <param name="StepsScaled">The same with scaled features.</param>
/// <param name="IsScaled">Whether the run already scales its features.</param>
public sealed record ScalingEffect(double ConditionUnscaled, double ConditionScaled, double StepsUnscaled, double StepsScaled, bool IsScaled);

/// <summary>What the diagnostician is told about a run.</summary>
/// <param name="Trajectory">The points so far, θ₀ first.</param>
/// <param name="StopReason">Why the run stopped, if it has.</param>
/// <param name="Curvature">The objective's curvature (exact for quadratics, else at the current point).</param>
/// <param name="LearningRate">The run's (initial) learning rate.</param>
/// <param name="PlainGradientDescent">Whether the update is plain GD, for which the curvature predicts everything.</param>
/// <param name="SequentialUpdate">Whether the run uses the sequential (buggy) update.</param>
/// <param name="MinimumValue">J at the minimum, where it is known.</param>
/// <param name="LossFloor">A value the loss cannot go below (0 for squared errors), where known.</param>
/// <param name="Scaling">For linear regression, what feature scaling would change.</param>
/// <param name="OptimizerKind">The optimizer's kind (gd, sgd, adam, …), so the advice never suggests the one in use.</param>
public sealed record DiagnosisInput(
    IReadOnlyList<StepRecord> Trajectory,
    StopReason? StopReason,
    Curvature Curvature,
    double LearningRate,
    bool PlainGradientDescent,
    bool SequentialUpdate = false,
    double? MinimumValue = null,
    double? LossFloor = null,
    ScalingEffect? Scaling = null,
    string? OptimizerKind = null);

/// <summary>A verdict with the numbers that prove it and an advice with numbers; the suggested settings make "apply the advice" one click.</summary>
/// <param name="Verdict">What is happening.</param>
/// <param name="Evidence">The steps and ratios that show it.</param>
/// <param name="Advice">What to change, with numbers (empty when nothing needs changing).</param>
/// <param name="SuggestedLearningRate">A learning rate to try, if the advice is one.</param>
/// <param name="SuggestScaling">Whether the advice is to scale the features.</param>
/// <param name="SuggestSimultaneous">Whether the advice is to use the simultaneous update.</param>
public sealed record Diagnosis(Verdict Verdict, string Evidence, string Advice, double? SuggestedLearningRate, bool SuggestScaling, bool SuggestSimultaneous);

/// <summary>Judges a run from its recorded steps and the objective's curvature.</summary>
public static class Diagnostician
{
    /// <summary>The verdict on the run so far.</summary>
    public static Diagnosis Judge(DiagnosisInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var points = input.Trajectory;
        var current = points[^1];
        var start = points[0];
        var k = current.Step;
        var c = input.Curvature;
        var alpha = input.LearningRate;
        var quadraticGd = input.PlainGradientDescent && !c.Local && !input.SequentialUpdate;
        var sequentialNote = input.SequentialUpdate
            ? " The sequential update is also at work: it measures ∂J/∂b after w has moved, so its steps are not gradient steps; switch to the simultaneous update."
            : "";

        var finite = double.IsFinite(current.Loss) && current.Parameters.All(double.IsFinite);
        var rising = 0;
        for (var i = points.Count - 1; i > 0 && points[i].Loss > points[i - 1].Loss; i--)
        {
            rising++;
        }

        var predictedToDiverge = quadraticGd && alpha > c.MaxStableLearningRate;
        if (!finite || input.StopReason == Descent.StopReason.Diverged || (rising >= 3 && current.Loss > start.Loss) || rising >= 10 || predictedToDiverge)
        {
            var evidence = !finite && k == 0
                ? "Diverged at step 0: the loss at the start is not a finite number; the start point is too far out for double-precision arithmetic." + (c.IsDefined ? "" : " The curvature is undefined here.")
                : !finite
                ? S($"Diverged at step {k}: the loss is no longer a finite number; the steps grew until the arithmetic overflowed.")
                : rising > 0
                    ? S($"The loss rose for {(rising == 1 ? "the last step" : S($"the last {rising} steps"))}, from {F(points[^(rising + 1)].Loss)} to {F(current.Loss)} (×{F(Ratio(points[^2].Loss, current.Loss))} per step lately).")
                    : input.StopReason == Descent.StopReason.Diverged
                        ? S($"The loss reached {F(current.Loss)} at step {k}, past the divergence limit from its start {F(start.Loss)}.")
                        : S($"The curvature predicts it: at α = {F(alpha)} the error along the steepest direction grows ×{F(c.Contraction(alpha))} per step, so the loss will climb.");
            string advice;
            double? suggestion;
            if (!finite && k == 0)
            {
                suggestion = null;
                advice = "Start nearer the minimum, with coordinates of everyday size (say within ±1000): this far out the loss overflows double precision before any step is taken.";
            }
            else if (input.PlainGradientDescent && !c.Local && alpha > c.MaxStableLearningRate)
            {
                suggestion = Round(c.PositiveDefinite ? c.BestLearningRate : c.MaxStableLearningRate / 2);
                advice = S($"α = {F(alpha)} is above the largest stable rate for this problem, 2/λmax = {F(c.MaxStableLearningRate)} (λmax = {F(c.LambdaMax)}): each step multiplies the error along the steepest direction by |1 − αλmax| = {F(Math.Abs(1 - (alpha * c.LambdaMax)))} > 1. Try α = {F(suggestion.Value)}.");
            }
            else
            {
                suggestion = Round(alpha / 10);
                advice = !c.IsDefined
                    ? S($"The curvature is undefined here (its numbers are not finite). Try a smaller learning rate, α = {F(suggestion.Value)}.")
                    : c.Local && c.LambdaMax > 0
                    ? S($"Here the surface curves by up to λmax = {F(c.LambdaMax)}, so plain steps are stable only below 2/λmax = {F(c.MaxStableLearningRate)}. Try α = {F(suggestion.Value)}.")
                    : S($"Try a smaller learning rate, α = {F(suggestion.Value)}.");
            }

            return new Diagnosis(Verdict.Diverging, evidence, advice + sequentialNote, suggestion, false, input.SequentialUpdate);
        }

        var gap = input.MinimumValue is { } min ? current.Loss - min : double.NaN;
        var startGap = input.MinimumValue is { } min0 ? start.Loss - min0 : double.NaN;
        var nearMinimum = input.MinimumValue is not null && gap <= 1e-9 * Math.Max(1, Math.Abs(startGap));
        if (input.StopReason == Descent.StopReason.Converged || nearMinimum || (start.GradientNorm > 0 && current.GradientNorm <= 1e-9 * start.GradientNorm))
        {
            var where = input.MinimumValue is { } m
                ? S($"; J = {F(current.Loss)}, {F(Math.Max(gap, 0))} above the minimum {F(m)}")
                : S($"; J = {F(current.Loss)}");
            return new Diagnosis(Verdict.Converged, S($"After {k} steps the gradient's length is {F(current.GradientNorm)} (from {F(start.GradientNorm)}){where}."), (input.SequentialUpdate
                ? "It converged, but not by gradient descent: the sequential update measured ∂J/∂b after w had moved, so each step followed another direction than the gradient's (on other surfaces that diverges or lands elsewhere): switch to the simultaneous update."
                : "Nothing to fix."), null, false, input.SequentialUpdate);
        }

        var flat = current.GradientNorm <= 1e-3 * Math.Abs(current.Loss - (input.MinimumValue ?? input.LossFloor ?? double.NaN))
            && points.Count > 10 && points[^11].Loss - current.Loss <= 0.01 * Math.Abs(points[^11].Loss);
        // A saddle curves down about as strongly as it curves up; a slight negative curvature in a bent valley (Rosenbrock) is not one.
        var saddle = c.Local && c.LambdaMin < -1e-2 * Math.Abs(c.LambdaMax) && current.GradientNorm <= 1e-2 * start.GradientNorm;
        if (flat || saddle)
        {
            var evidence = saddle
                ? S($"The gradient's length is {F(current.GradientNorm)}, {F(current.GradientNorm / start.GradientNorm)} of its start, and the Hessian here has eigenvalues {string.Join(" and ", c.Eigenvalues.Select(F))}: a saddle point, flat in every direction but curving down along one.")
                : S($"The gradient's length is only {F(current.GradientNorm)} while the loss {F(current.Loss)} is still {F(Math.Abs(current.Loss - (input.MinimumValue ?? input.LossFloor ?? 0)))} above {(input.MinimumValue is null ? "its floor" : "the minimum")}, and it fell by less than 1 % over the last 10 steps: a plateau.");
            var advice = saddle
                ? S($"Plain gradient descent leaves a saddle only as fast as the tiny downhill component grows (×{F(Math.Abs(1 - (alpha * c.LambdaMin)))} per step here); momentum, Adam or the noise of small batches leave sooner.")
                : Adaptive(input)
                    ? "Where the surface is this flat, even normalised steps take long to find a direction: start elsewhere, or raise α."
                    : "Where the surface is this flat, plain steps crawl: the gradient, not the distance, sets their length. Start elsewhere, or use Adam, whose steps are normalised by the recent gradient size.";
            return new Diagnosis(saddle ? Verdict.Saddle : Verdict.Plateau, evidence, advice + sequentialNote, null, false, input.SequentialUpdate);
        }

        var top = c.Eigenvectors[^1];
        // The sign of the gradient's component along the steepest direction, where that component is not mere rounding.
        var signs = LastWithGradient(points, 6).Select(p =>
        {
            var along = p.Gradient!.Select((g, i) => g * top[i]).Sum();
            var length = Math.Sqrt(p.Gradient!.Sum(g => g * g));
            return Math.Abs(along) >= 1e-3 * length ? Sign(along) : 0;
        }).ToArray();
        var alternating = signs.Length >= 4 && signs.Zip(signs.Skip(1)).All(pair => pair.First != 0 && pair.First == -pair.Second);
        var falling = points.Count < 2 || current.Loss <= points[^2].Loss;
        if (alternating && falling && c.LambdaMax > 0)
        {
            var evidence = S($"The gradient along the steepest direction (λmax = {F(c.LambdaMax)}) flipped sign at each of the last {signs.Length} steps while the loss still fell: every step overshoots the valley floor and lands on the other side.");
            string advice;
            double? suggestion = null;
            if (quadraticGd)
            {
                if (c.PositiveDefinite && alpha > c.BestLearningRate * 1.05)
                {
                    suggestion = Round(c.BestLearningRate);
                }

                advice = S($"α = {F(alpha)} is above 1/λmax = {F(1 / c.LambdaMax)}, where steps start to overshoot (1 − αλmax = {F(1 - (alpha * c.LambdaMax))}); it still converges because it is below 2/λmax = {F(c.MaxStableLearningRate)}.")
                    + (suggestion is { } s
                        ? S($" α = {F(s)} = 2/(λmin + λmax) balances the steep and the flat direction.")
                        : c.PositiveDefinite && alpha < c.BestLearningRate / 1.05
                            ? S($" Below the best constant rate {F(c.BestLearningRate)} the zigzag fades by itself, and the flat direction (λmin = {F(c.LambdaMin)}) sets the pace.")
                            : " This α is close to the best constant rate, which balances the steep and the flat direction; the zigzag fades.");
            }
            else
            {
                advice = "A smaller learning rate, or momentum to damp the zigzag, would overshoot less.";
            }

            return new Diagnosis(Verdict.Oscillating, evidence, advice + sequentialNote, suggestion, false, input.SequentialUpdate);
        }

        // Pace: predicted by the curvature for plain GD on a quadratic, else projected from the recent shrink of the gap.
        double predicted;
        string pace;
        var tooSlowFrom = 1000.0;
        if (quadraticGd)
        {
            predicted = c.StepsToShrink(alpha);
            // Slow: far from the best this problem allows, or hopeless even at the best rate (ill-conditioned).
            tooSlowFrom = Math.Max(500, c.PositiveDefinite ? Math.Min(3 * c.StepsToShrink(c.BestLearningRate), 1e5) : 500);
            var slowest = c.Eigenvalues.OrderBy(lambda => Math.Abs(1 - (alpha * lambda))).Last();
            var contraction = c.Contraction(alpha);
            var factor = 1 - contraction is > 0 and < 1e-3 ? S($"1 − {F(1 - contraction)}") : F(contraction);
            pace = S($"At α = {F(alpha)} the slowest direction (λ = {F(slowest)}) shrinks only by ×{factor} per step: about {Steps(predicted)} to cut the error a million-fold.");
        }
        else if (points.Count > 11 && double.IsFinite(gap) && gap > 0 && points[^11].Loss - input.MinimumValue!.Value > gap)
        {
            var ratio = Math.Pow(gap / (points[^11].Loss - input.MinimumValue.Value), 0.1);
            predicted = k + (Math.Log(1e-6 * Math.Max(startGap, 1e-300) / gap) / Math.Log(ratio));
            pace = S($"The gap to the minimum shrinks by {F(ratio)} per step lately: about {F(Math.Max(predicted, k))} steps in all to cut it a million-fold.");
        }
        else
        {
            predicted = double.NaN;
            pace = k == 0
                ? S($"At the start: J = {F(current.Loss)}, and the gradient's length is {F(current.GradientNorm)}.")
                : S($"The loss fell from {F(start.Loss)} to {F(current.Loss)} in {k} step{(k == 1 ? "" : "s")}.");
        }

        if (predicted > tooSlowFrom && predicted > 10 * Math.Max(k, 1))
        {
            string advice;
            double? suggestion = null;
            var suggestScaling = false;
            if (quadraticGd && c.PositiveDefinite)
            {
                var best = Round(c.BestLearningRate);
                if (alpha < best / 1.5)
                {
                    suggestion = best;
                    advice = S($"α = {F(alpha)} is {F(c.MaxStableLearningRate / alpha)}× below the largest stable rate 2/λmax = {F(c.MaxStableLearningRate)}. Try α = {F(best)} = 2/(λmin + λmax): about {Steps(c.StepsToShrink(best))}.");
                }
                else
                {
                    advice = S($"α = {F(alpha)} is already near the best constant rate 2/(λmin + λmax) = {F(c.BestLearningRate)}: the trouble is the condition number κ = λmax/λmin = {F(c.ConditionNumber)}, which makes the valley so narrow that no single rate suits both directions.");
                }
                if (input.Scaling is { IsScaled: false } scaling && scaling.ConditionUnscaled > 10 * scaling.ConditionScaled)
                {
                    suggestScaling = true;
                    advice += S($" Scale the features: the condition number falls from {F(scaling.ConditionUnscaled)} to {F(scaling.ConditionScaled)}, and the best rate needs {Steps(scaling.StepsScaled)} instead of {Steps(scaling.StepsUnscaled)}.");
                }
            }
            else
            {
                advice = Adaptive(input)
                    ? S($"{input.OptimizerKind} moves each parameter by about α = {F(alpha)} per step whatever the gradient: a larger α, or a schedule that starts large, would cover the distance faster.")
                    : "A larger learning rate, momentum, or an adaptive optimizer (Adam) would cover the flat direction faster.";
            }

            return new Diagnosis(Verdict.Slow, pace, advice + sequentialNote, suggestion, suggestScaling, input.SequentialUpdate);
        }

        return new Diagnosis(Verdict.Running, pace, input.SequentialUpdate ? sequentialNote.Trim() : "", null, false, input.SequentialUpdate);
    }

    /// <summary>
    /// The last <paramref name="count"/> points that carry a gradient, oldest first: a scan back from the end, so judging
    /// the run at step 100,000 costs what it costs at step 100.
    /// </summary>
    private static List<StepRecord> LastWithGradient(IReadOnlyList<StepRecord> points, int count)
    {
        var last = new List<StepRecord>(count);
        for (var i = points.Count - 1; i >= 0 && last.Count < count; i--)
        {
            if (points[i].Gradient is not null)
            {
                last.Add(points[i]);
            }
        }

        last.Reverse();
        return last;
    }

    /// <summary>A number for a sentence: four significant digits, invariant culture.</summary>
    internal static string F(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "∞";
        }

        if (double.IsNaN(value))
        {
            return "undefined here";
        }

        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4))
        {
            return value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        }

        // From 1e4 on G4 writes 1.235E+04, and so it does from 9999.5 on (four digits round to 1E+04): write those whole.
        var text = value.ToString("G4", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? value.ToString("0", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>The sign, 0 for NaN (where <see cref="Math.Sign(double)"/> throws).</summary>
    private static int Sign(double value) => value > 0 ? 1 : value < 0 ? -1 : 0;

    private static string Steps(double count) => count == 1 ? "1 step" : $"{F(count)} steps";

    private static double Ratio(double before, double after) => before == 0 ? double.PositiveInfinity : after / before;

    /// <summary>Three significant digits, rounded down, so a suggested rate never crosses the limit it was derived from.</summary>
    private static double Round(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            return value;
        }

        var unit = Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        var digits = Math.Floor(value / unit);
        // value / unit can land a hair off a whole number either way (1.15 / 0.01 = 114.999…, while 1.2899999999999998e-5 / 1e-7
        // rounds up to 129): take the largest three-digit number that does not exceed value.
        if (ThreeDigits(digits + 1, unit) <= value)
        {
            digits++;
        }
        else if (ThreeDigits(digits, unit) > value)
        {
            digits--;
        }

        return ThreeDigits(digits, unit);
    }

    private static double ThreeDigits(double digits, double unit) =>
        double.Parse((digits * unit).ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string S(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether the run's optimizer already normalises its steps (Adam, AdamW, AdaGrad, RMSprop).</summary>
    private static bool Adaptive(DiagnosisInput input) => input.OptimizerKind is "adam" or "adamw" or "adagrad" or "rmsprop";
}
