using FsCheck;
using FsCheck.Fluent;
using GradientLab.Core.Data;
using GradientLab.Core.Objectives;

namespace GradientLab.Core.Tests.Data;

/// <summary>
/// The sufficient statistics against the direct pass over the rows. "Relative" is relative to the magnitude of the terms
/// the direct pass adds up, the scale of its own rounding: for the loss s/m·Σᵢ Mᵢ², for ∂J/∂wⱼ 2s/m·Σᵢ Mᵢ|xᵢⱼ| and for
/// ∂J/∂b 2s/m·Σᵢ Mᵢ, with Mᵢ = Σⱼ|wⱼxᵢⱼ| + |b| + |yᵢ| the size of the numbers that make up the residual rᵢ. (Relative to
/// the loss itself would ask the direct pass for digits it does not have either: near a perfect fit its residuals are
/// rounding.) The tolerance is 1e-12 of that.
/// </summary>
public sealed class RegressionStatisticsTests
{
    private const double Tolerance = 1e-12;

    /// <summary>How a random dataset is made.</summary>
    public enum Shape
    {
        /// <summary>Independent features, each with its own offset and spread.</summary>
        Independent,

        /// <summary>Every feature is the first plus a millionth of its spread: nearly collinear, Sxx ill-conditioned.</summary>
        NearlyCollinear,

        /// <summary>x, x², …, x^d of one input (polynomial features, the powers far apart in size).</summary>
        Polynomial,

        /// <summary>Independent features, z-scored (FeatureScaling).</summary>
        Scaled,

        /// <summary>Independent features, the rows sorted by the first (as a file sorted by size): every block drifts.</summary>
        Sorted,
    }

    /// <summary>One generated case: the data comes from <paramref name="Seed"/>, so a failure repeats.</summary>
    public sealed record Case(int Seed, int Rows, int Features, Shape Shape, double Offset, double Spread, double Noise, bool NearFit, RegressionLoss Loss);

    [Fact]
    public void LossAndGradient_FromTheStatistics_EqualTheDirectPass_OnRandomData()
    {
        var cases = from seed in Gen.Choose(0, int.MaxValue)
                    from rows in Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(13, 5000))
                    from features in Gen.Choose(1, 6)
                    from shape in Gen.Elements(Shape.Independent, Shape.NearlyCollinear, Shape.Polynomial, Shape.Scaled, Shape.Sorted)
                    from offset in Gen.Elements(0.0, 1.0, -40.0, 1e3, -1e6)
                    from spread in Gen.Elements(1e-3, 1.0, 1e3)
                    from noise in Gen.Elements(0.0, 1e-9, 1e-3, 1.0)
                    from nearFit in Gen.Elements(false, true)
                    from loss in Gen.Elements(RegressionLoss.HalfMse, RegressionLoss.Mse)
                    select new Case(seed, rows, features, shape, offset, spread, noise, nearFit, loss);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(cases.ToArbitrary(), StatisticsShouldEqualTheDirectPass));
    }

    [Fact]
    public void LossAndGradient_FromTheStatistics_EqualTheDirectPass_OnAMillionRowsFarFromZeroWithATinySpread()
    {
        // x around 10⁶ (or −10⁶) with a spread of 10⁻³: Σx² − n·x̄² would lose every digit of the spread.
        var cases = from seed in Gen.Choose(0, int.MaxValue)
                    from rows in Gen.Choose(900_000, 1_100_000)
                    from features in Gen.Choose(1, 3)
                    from shape in Gen.Elements(Shape.Independent, Shape.NearlyCollinear, Shape.Sorted)
                    from offset in Gen.Elements(1e6, -1e6)
                    from noise in Gen.Elements(0.0, 1e-6, 1e-3)
                    from nearFit in Gen.Elements(false, true)
                    select new Case(seed, rows, features, shape, offset, 1e-3, noise, nearFit, RegressionLoss.HalfMse);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(6), Prop.ForAll(cases.ToArbitrary(), StatisticsShouldEqualTheDirectPass));
    }

    [Fact]
    public void Statistics_EqualATwoPassComputation()
    {
        var random = new Random(11);
        var x1 = Enumerable.Range(0, 10_007).Select(_ => 1e6 + (1e-3 * Normal(random))).ToArray();
        var x2 = Enumerable.Range(0, 10_007).Select(_ => -3 + (50 * Normal(random))).ToArray();
        var y = x1.Zip(x2, (a, b) => (2 * a) - b + Normal(random)).ToArray();
        var statistics = RegressionStatistics.Of(new Dataset(["a", "b"], "y", [x1, x2], y));
        double[][] variables = [x1, x2, y];
        // The reference: the mean, corrected by the mean of the deviations from it (Average alone is off by 10⁻⁹ here).
        var means = variables.Select(v => v.Average()).Select((m, u) => m + variables[u].Average(value => value - m)).ToArray();
        statistics.SampleCount.ShouldBe(10_007);
        statistics.FeatureCount.ShouldBe(2);
        statistics.FeatureMean(0).ShouldBeClose(means[0], 1e-15);
        statistics.FeatureMean(1).ShouldBeClose(means[1], 1e-12);
        statistics.TargetMean.ShouldBeClose(means[2], 1e-15);
        for (var u = 0; u < 3; u++)
        {
            for (var v = 0; v < 3; v++)
            {
                var (product, magnitude) = (0.0, 0.0);
                for (var i = 0; i < y.Length; i++)
                {
                    var term = (variables[u][i] - means[u]) * (variables[v][i] - means[v]);
                    product += term;
                    magnitude += Math.Abs(term);
                }

                var actual = (u, v) switch
                {
                    (2, 2) => statistics.TargetSquares,
                    (2, _) => statistics.FeatureTargetProduct(v),
                    (_, 2) => statistics.FeatureTargetProduct(u),
                    _ => statistics.FeatureProduct(u, v),
                };
                actual.ShouldBeClose(product, 0, Tolerance * magnitude);
            }
        }
    }

    [Fact]
    public void SumOfSquaredResiduals_IsTheSumOverTheRows()
    {
        var statistics = RegressionStatistics.Of(Dataset.FromPairs([1.0, 2.0, 4.0], [3.0, 5.0, 4.0]));
        var sums = new double[2];
        // r = (1·x + 1 − y) = (−1, −2, 1): Σr² = 6, Σr·x = −1 − 4 + 4 = −1, Σr = −2.
        statistics.SumOfSquaredResiduals([1.0, 1.0], sums).ShouldBeClose(6);
        sums.ShouldBeClose([-1, -2]);
    }

    [Fact]
    public void SumOfSquaredResiduals_WithTheWrongNumberOfParameters_Throws() =>
        Should.Throw<ArgumentException>(() => RegressionStatistics.Of(Dataset.FromPairs([1.0], [2.0])).SumOfSquaredResiduals([1.0], new double[2]));

    [Fact]
    public void NearAPerfectFit_TheLossKeepsItsOwnDigits()
    {
        // y = 2x + 1 (seed 002's line, on 1000 points): the minimum is 0 and Syy/m ≈ 5.3. At a distance δ from the fit
        // the loss is about δ², far below the rounding of Syy (10⁻¹⁶ of it) once δ < 10⁻⁷; the expansion about the fit,
        // whose sums are measured on the rows, keeps it. The direct pass is itself good to about 10⁻¹⁵/δ relative there (its residuals,
        // of size δ, are each rounded by 10⁻¹⁵), so that is the tolerance.
        var x = Enumerable.Range(0, 1000).Select(i => 1 + (i / 250.0)).ToArray();
        var objective = new LinearRegression(Dataset.FromPairs(x, [.. x.Select(v => (2 * v) + 1)]));
        var gradient = new double[2];
        var direct = new double[2];
        var centroidOnly = new double[2];
        foreach (var distance in new[] { 1e-3, 1e-6, 1e-9 })
        {
            double[] point = [2 + distance, 1 - distance];
            var loss = objective.Evaluate(point, gradient);
            var directLoss = objective.EvaluateDirect(point, direct);
            loss.ShouldBeClose(directLoss, 1e-15 / distance, 0);
            gradient.ShouldBeClose(direct, 1e-15 / distance, 0);
            if (distance < 1e-7)
            {
                // The centroid expansion alone would have given rounding: wrong by more than the loss itself.
                var centroidLoss = 0.5 * objective.Statistics.SumOfSquaredResiduals(point, centroidOnly) / x.Length;
                Math.Abs(centroidLoss - directLoss).ShouldBeGreaterThan(0.01 * directLoss);
            }
        }

        objective.Value(objective.Minimum()!).ShouldBeLessThan(1e-25);
    }

    [Fact]
    public void TheLoss_IsNeverNegative()
    {
        var random = new Random(5);
        var x = Enumerable.Range(0, 2000).Select(_ => 1e3 + Normal(random)).ToArray();
        var objective = new LinearRegression(Dataset.FromPairs(x, [.. x.Select(v => (-0.5 * v) + 7)]));
        var fit = objective.Minimum()!;
        for (var k = 0; k < 200; k++)
        {
            objective.Value([fit[0] + (1e-14 * Normal(random)), fit[1] + (1e-11 * Normal(random))]).ShouldBeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public void Minimum_FarFromZeroWithATinySpread_HasAZeroGradientOnTheRows()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 100_000).Select(_ => 1e6 + (1e-3 * Normal(random))).ToArray();
        var objective = new LinearRegression(Dataset.FromPairs(x, [.. x.Select(v => (3 * v) + 2 + (1e-4 * Normal(random)))]));
        var fit = objective.Minimum()!;
        fit[0].ShouldBeClose(3, 1e-3);
        var gradient = new double[2];
        objective.EvaluateDirect(fit, gradient);
        var (lossMagnitude, gradientMagnitude) = Magnitudes(objective, fit);
        lossMagnitude.ShouldBeGreaterThan(0);
        for (var j = 0; j < 2; j++)
        {
            Math.Abs(gradient[j]).ShouldBeLessThan(1e-12 * gradientMagnitude[j]);
        }
    }

    private static void StatisticsShouldEqualTheDirectPass(Case c)
    {
        var objective = new LinearRegression(Build(c), c.Loss);
        var random = new Random(c.Seed ^ 0x5EED);
        var point = c.NearFit && objective.Minimum() is { } fit
            ? fit.Select(v => v * (1 + (1e-6 * Normal(random)))).ToArray()
            : Enumerable.Range(0, objective.Dimension).Select(_ => Normal(random) * Math.Pow(10, random.Next(-3, 4))).ToArray();
        var fromStatistics = new double[objective.Dimension];
        var direct = new double[objective.Dimension];
        var loss = objective.Evaluate(point, fromStatistics);
        var directLoss = objective.EvaluateDirect(point, direct);
        var (lossMagnitude, gradientMagnitude) = Magnitudes(objective, point);
        Within(loss, directLoss, lossMagnitude, "J", c, point);
        for (var j = 0; j < objective.Dimension; j++)
        {
            Within(fromStatistics[j], direct[j], gradientMagnitude[j], $"∂J/∂{objective.ParameterNames[j]}", c, point);
        }
    }

    private static void Within(double actual, double expected, double magnitude, string what, Case c, double[] point)
    {
        if (!(Math.Abs(actual - expected) <= Tolerance * magnitude))
        {
            throw new ShouldAssertException($"{what} at [{string.Join(", ", point.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}] for {c}: statistics {actual:R}, direct {expected:R}, off by {Math.Abs(actual - expected) / magnitude:E2} of the terms' magnitude {magnitude:R}.");
        }
    }

    // The magnitudes of the terms of the direct pass (see the class summary).
    private static (double Loss, double[] Gradient) Magnitudes(LinearRegression objective, double[] point)
    {
        var data = objective.Data;
        var scale = objective.Loss == RegressionLoss.HalfMse ? 0.5 : 1.0;
        var gradient = new double[objective.Dimension];
        var loss = 0.0;
        for (var i = 0; i < data.SampleCount; i++)
        {
            var size = Math.Abs(point[^1]) + Math.Abs(data.Targets[i]);
            for (var j = 0; j < data.FeatureCount; j++)
            {
                size += Math.Abs(point[j] * data.Column(j)[i]);
            }

            loss += size * size;
            for (var j = 0; j < data.FeatureCount; j++)
            {
                gradient[j] += size * Math.Abs(data.Column(j)[i]);
            }

            gradient[^1] += size;
        }

        return (scale * loss / data.SampleCount, [.. gradient.Select(g => 2 * scale * g / data.SampleCount)]);
    }

    private static Dataset Build(Case c)
    {
        var random = new Random(c.Seed);
        var features = c.Shape == Shape.Polynomial ? 1 : c.Features;
        var columns = new double[features][];
        for (var j = 0; j < features; j++)
        {
            var offset = c.Offset * (j % 2 == 0 ? 1 : -0.5);
            var spread = c.Spread * Math.Pow(10, random.Next(-1, 2));
            columns[j] = c.Shape == Shape.NearlyCollinear && j > 0
                ? [.. columns[0].Select(v => v + (1e-6 * c.Spread * Normal(random)))]
                : [.. Enumerable.Range(0, c.Rows).Select(_ => offset + (spread * Normal(random)))];
        }

        if (c.Shape == Shape.Sorted)
        {
            var order = Enumerable.Range(0, c.Rows).OrderBy(i => columns[0][i]).ToArray();
            columns = [.. columns.Select(column => order.Select(i => column[i]).ToArray())];
        }

        var weights = Enumerable.Range(0, c.Features).Select(_ => Normal(random)).ToArray();
        var intercept = c.Offset + Normal(random);
        var data = new Dataset([.. Enumerable.Range(0, features).Select(j => $"x{j}")], "y", columns, new double[c.Rows]);
        data = c.Shape switch
        {
            Shape.Polynomial when c.Features > 1 => PolynomialFeatures.Expand(Dataset.FromPairs([.. columns[0].Select(v => (v - c.Offset) / c.Spread)], new double[c.Rows]), c.Features),
            Shape.Scaled => FeatureScaling.Fit(data).Apply(data),
            _ => data,
        };
        var targets = new double[c.Rows];
        for (var i = 0; i < c.Rows; i++)
        {
            var value = intercept;
            for (var j = 0; j < data.FeatureCount; j++)
            {
                value += weights[j] * data.Column(j)[i];
            }

            targets[i] = value + (c.Noise * Math.Max(c.Spread, 1) * Normal(random));
        }

        return new Dataset(data.FeatureNames, "y", [.. Enumerable.Range(0, data.FeatureCount).Select(j => data.Column(j).ToArray())], targets);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
