using GradientLab.Core.Data;

namespace GradientLab.Core.Tests.Data;

/// <summary>The generated point sets: repeatable from a seed, of the size and shape asked, and their limits.</summary>
public sealed class PointSetsTests
{
    public static TheoryData<PointSetKind> Kinds => new(Enum.GetValues<PointSetKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheSameSeed_GivesTheSamePointsBitForBit_AndAnotherSeedOthers(PointSetKind kind)
    {
        var first = PointSets.Generate(kind, 300, 0.1, 42);
        var again = PointSets.Generate(kind, 300, 0.1, 42);
        var other = PointSets.Generate(kind, 300, 0.1, 43);
        for (var j = 0; j < 2; j++)
        {
            first.Column(j).ToArray().ShouldBe(again.Column(j).ToArray());
            first.Column(j).ToArray().ShouldNotBe(other.Column(j).ToArray());
        }

        first.Targets.ToArray().ShouldBe(again.Targets.ToArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ASet_HasTheCountAsked_TwoFeatures_AndLabels0And1OfBothClasses(PointSetKind kind)
    {
        var data = PointSets.Generate(kind, 501, 0.05, 7);
        data.SampleCount.ShouldBe(501);
        data.FeatureNames.ShouldBe(["x1", "x2"]);
        data.TargetName.ShouldBe("label");
        data.Targets.ToArray().ShouldAllBe(y => y == 0 || y == 1);
        var ones = data.Targets.ToArray().Count(y => y == 1);
        ones.ShouldBeInRange(150, 351);
        if (kind != PointSetKind.Xor)
        {
            ones.ShouldBe(250); // rows alternate 0, 1, 0, …: 251 zeros and 250 ones
            data.Targets[0].ShouldBe(0.0);
            data.Targets[1].ShouldBe(1.0);
        }
    }

    [Fact]
    public void WithoutNoise_EachShapeIsExact()
    {
        // Blobs: within 1 of (±1, ±1), on the labelled side of x1 + x2 = 0 by at least √2 − 1.
        var blobs = PointSets.Generate(PointSetKind.Blobs, 1000, 0, 1);
        ForEachPoint(blobs, (x1, x2, y) =>
        {
            var centre = y == 1 ? 1.0 : -1.0;
            Math.Sqrt(((x1 - centre) * (x1 - centre)) + ((x2 - centre) * (x2 - centre))).ShouldBeLessThanOrEqualTo(1 + 1e-12);
            ((x1 + x2) / Math.Sqrt(2) * (y == 1 ? 1 : -1)).ShouldBeGreaterThanOrEqualTo(Math.Sqrt(2) - 1 - 1e-12);
        });

        // XOR: label 1 exactly when one coordinate is positive; both at least 0.1 from the axes, at most 1.
        var xor = PointSets.Generate(PointSetKind.Xor, 1000, 0, 1);
        ForEachPoint(xor, (x1, x2, y) =>
        {
            y.ShouldBe(x1 * x2 < 0 ? 1.0 : 0.0);
            Math.Abs(x1).ShouldBeInRange(PointSets.XorGap, 1);
            Math.Abs(x2).ShouldBeInRange(PointSets.XorGap, 1);
        });

        // Circles: radius 1 for class 0, 0.5 for class 1.
        ForEachPoint(PointSets.Generate(PointSetKind.Circles, 500, 0, 1), (x1, x2, y) =>
            Math.Sqrt((x1 * x1) + (x2 * x2)).ShouldBeClose(y == 0 ? 1 : 0.5, 1e-14));

        // Moons: class 0 on the unit circle about (−0.5, −0.25), upper half; class 1 on the one about (0.5, 0.25), lower half.
        ForEachPoint(PointSets.Generate(PointSetKind.Moons, 500, 0, 1), (x1, x2, y) =>
        {
            var (cx, cy) = y == 0 ? (-0.5, -0.25) : (0.5, 0.25);
            Math.Sqrt(((x1 - cx) * (x1 - cx)) + ((x2 - cy) * (x2 - cy))).ShouldBeClose(1, 1e-14);
            ((x2 - cy) * (y == 0 ? 1 : -1)).ShouldBeGreaterThanOrEqualTo(0);
        });

        // Spirals: radius t ≤ 1 at angle 3.5π·t (+ π for class 1), so the class-1 point is the class-0 one turned by π.
        ForEachPoint(PointSets.Generate(PointSetKind.Spirals, 500, 0, 1), (x1, x2, y) =>
        {
            var t = Math.Sqrt((x1 * x1) + (x2 * x2));
            t.ShouldBeLessThanOrEqualTo(1);
            var angle = (3.5 * Math.PI * t) + (y * Math.PI);
            x1.ShouldBeClose(t * Math.Cos(angle), 1e-12, 1e-12);
            x2.ShouldBeClose(t * Math.Sin(angle), 1e-12, 1e-12);
        });
    }

    [Fact]
    public void Noise_MovesThePointsByAboutItsStandardDeviation_WithTheSameLabels()
    {
        var clean = PointSets.Generate(PointSetKind.Circles, 4000, 0, 9);
        var noisy = PointSets.Generate(PointSetKind.Circles, 4000, 0.2, 9);
        noisy.Targets.ToArray().ShouldBe(clean.Targets.ToArray());
        var radii = Enumerable.Range(0, 4000).Select(i => Math.Sqrt((noisy.Column(0)[i] * noisy.Column(0)[i]) + (noisy.Column(1)[i] * noisy.Column(1)[i])) - (noisy.Targets[i] == 0 ? 1 : 0.5)).ToArray();
        var spread = Math.Sqrt(radii.Average(r => r * r));
        spread.ShouldBeInRange(0.17, 0.23); // the radial part of N(0, 0.2²·I), about 0.2
    }

    [Fact]
    public void Generate_RefusesCountsOutside2To10000_NoiseOutside0To1_AndUnknownKinds_BeforeAnyWork()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate(PointSetKind.Xor, 10_001, 0.1, 0)).Message.ShouldContain("Invalid point count: 10,001 (must be 2 to 10,000)");
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate(PointSetKind.Xor, 1, 0.1, 0)).Message.ShouldContain("Invalid point count: 1");
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate(PointSetKind.Xor, int.MaxValue, 0.1, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate(PointSetKind.Xor, 100, -0.1, 0)).Message.ShouldContain("Invalid noise: -0.1 (must be 0 to 1)");
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate(PointSetKind.Xor, 100, double.NaN, 0)).Message.ShouldContain("Invalid noise: NaN");
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate(PointSetKind.Xor, 100, 1.5, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => PointSets.Generate((PointSetKind)9, 100, 0.1, 0)).Message.ShouldContain("Unknown point set");
        PointSets.Generate(PointSetKind.Spirals, PointSets.MaxCount, PointSets.MaxNoise, 0).SampleCount.ShouldBe(10_000);
    }

    [Fact]
    public void Names_FindTheirKinds_AndBack()
    {
        PointSets.Names.ShouldBe(["blobs", "xor", "circles", "moons", "spirals"]);
        foreach (var kind in Enum.GetValues<PointSetKind>())
        {
            PointSets.Find(PointSets.NameOf(kind)).ShouldBe(kind);
        }

        PointSets.Find("Xor").ShouldBeNull();
    }

    [Fact]
    public void Labelled_TakesColumns_AndRefusesALabelOtherThan0Or1_NamingTheRow()
    {
        var data = PointSets.Labelled([0.5, -1.0, 2.0], [1.0, 0.0, -3.0], [1.0, 0.0, 1.0]);
        data.SampleCount.ShouldBe(3);
        data.Column(1).ToArray().ShouldBe([1.0, 0.0, -3.0]);
        Should.Throw<ArgumentException>(() => PointSets.Labelled([0.5, -1.0], [1.0, 0.0], [1.0, 0.5])).Message.ShouldContain("Row 2: the label is 0.5; a label must be 0 or 1.");
        Should.Throw<ArgumentException>(() => PointSets.Labelled([0.5], [1.0], [-1.0])).Message.ShouldContain("Row 1: the label is -1");
        Should.Throw<ArgumentException>(() => PointSets.Labelled([0.5, 1], [1.0], [1.0, 0.0])).Message.ShouldContain("has 1 values for 2 targets");
        Should.Throw<ArgumentException>(() => PointSets.Labelled([double.NaN], [1.0], [1.0])).Message.ShouldContain("non-finite");
        var many = new double[PointSets.MaxCount + 1];
        Should.Throw<ArgumentException>(() => PointSets.Labelled(many, many, many)).Message.ShouldContain("at most 10,000 points; this one has 10,001");
    }

    private static void ForEachPoint(Dataset data, Action<double, double, double> check)
    {
        for (var i = 0; i < data.SampleCount; i++)
        {
            check(data.Column(0)[i], data.Column(1)[i], data.Targets[i]);
        }
    }
}
