namespace GradientLab.Scenarios.Tests;

/// <summary>The lesson of the convexity section, as checks on its runs.</summary>
public sealed class StartDependenceTests
{
    [Fact]
    public void OnTheConvexBowl_EveryStartEndsAtTheOneMinimum()
    {
        var ends = StartDependence.Bowl().Select(r => r.Last.Parameters).ToList();
        ends.ShouldAllBe(end => Math.Abs(end[0] - 200) < 1e-3 && Math.Abs(end[1] - 100) < 1e-3);
    }

    [Fact]
    public void OnHimmelblau_TheStartDecides_WhichOfTheFourMinimaIsReached()
    {
        // The four minima of (x² + y − 11)² + (x + y² − 7)²: (3, 2) exactly, the others to six decimals.
        double[][] minima = [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]];
        var reached = StartDependence.Himmelblau()
            .Select(r => Array.FindIndex(minima, m => Math.Abs(r.Last.Parameters[0] - m[0]) < 1e-4 && Math.Abs(r.Last.Parameters[1] - m[1]) < 1e-4))
            .ToList();
        reached.ShouldBe([2, 0, 1, 3]);
    }
}
