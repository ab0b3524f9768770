namespace GradientLab.Core.Objectives;

/// <summary>
/// A closed-form function of the parameters with a hand-derived gradient and, where it has them, its known minima
/// (the classic optimisation test surfaces).
/// </summary>
public abstract class TestFunction : IObjective
{
    /// <summary>The function's name as scenarios spell it, for example <c>rosenbrock</c>.</summary>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract int Dimension { get; }

    /// <inheritdoc/>
    public virtual IReadOnlyList<string> ParameterNames => Dimension == 2 ? ["x", "y"] : [.. Enumerable.Range(1, Dimension).Select(i => $"θ{i}")];

    /// <summary>The global minima (several for Himmelblau); empty where the function has none (the saddle).</summary>
    public abstract IReadOnlyList<IReadOnlyList<double>> Minima { get; }

    /// <summary>The value at the minima, or null where the function has no minimum.</summary>
    public double? MinimumValue => Minima.Count == 0 ? null : this.Value([.. Minima[0]]);

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point, Span<double> gradient)
    {
        this.RequireDimension(point, gradient);
        return EvaluateCore(point, gradient);
    }

    /// <summary>The value and gradient, with buffers already checked.</summary>
    protected abstract double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient);
}

/// <summary>J(θ) = θ², the one-dimensional bowl of the learning-rate dilemma. Minimum 0 at θ = 0.</summary>
public sealed class Quadratic1D : TestFunction, IQuadraticObjective
{
    /// <inheritdoc/>
    public override string Name => "quadratic-1d";

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override IReadOnlyList<string> ParameterNames => ["θ"];

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [[0.0]];

    /// <inheritdoc/>
    public double[] Hessian() => [2.0];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        gradient[0] = 2 * point[0];
        return point[0] * point[0];
    }
}

/// <summary>
/// f(θ) = ½ Σ λᵢ θᵢ²: a bowl whose Hessian is diag(λ). Equal eigenvalues make a round bowl; a large ratio
/// λmax/λmin (the condition number) makes the narrow valley where plain gradient descent zigzags.
/// </summary>
public sealed class QuadraticBowl : TestFunction, IQuadraticObjective
{
    private readonly double[] _eigenvalues;

    /// <summary>Creates the bowl with the given positive eigenvalues, one per parameter.</summary>
    public QuadraticBowl(IReadOnlyList<double> eigenvalues)
    {
        ArgumentNullException.ThrowIfNull(eigenvalues);
        if (eigenvalues.Count == 0)
        {
            throw new ArgumentException("A quadratic bowl needs at least one eigenvalue.", nameof(eigenvalues));
        }

        foreach (var eigenvalue in eigenvalues)
        {
            if (!(eigenvalue > 0) || !double.IsFinite(eigenvalue))
            {
                throw new ArgumentException($"Invalid eigenvalue: {eigenvalue} (each must be positive and finite).", nameof(eigenvalues));
            }
        }

        _eigenvalues = [.. eigenvalues];
    }

    /// <summary>The eigenvalues λᵢ of the Hessian, one per axis.</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <inheritdoc/>
    public override string Name => "quadratic-bowl";

    /// <inheritdoc/>
    public override int Dimension => _eigenvalues.Length;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [new double[Dimension]];

    /// <inheritdoc/>
    public double[] Hessian()
    {
        var n = _eigenvalues.Length;
        var hessian = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            hessian[(i * n) + i] = _eigenvalues[i];
        }

        return hessian;
    }

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var value = 0.0;
        for (var i = 0; i < _eigenvalues.Length; i++)
        {
            value += 0.5 * _eigenvalues[i] * point[i] * point[i];
            gradient[i] = _eigenvalues[i] * point[i];
        }

        return value;
    }
}

/// <summary>f(x, y) = (1 − x)² + 100(y − x²)²: a curved, flat-bottomed valley. Minimum 0 at (1, 1).</summary>
public sealed class Rosenbrock : TestFunction
{
    /// <inheritdoc/>
    public override string Name => "rosenbrock";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [[1.0, 1.0]];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double x = point[0], y = point[1];
        var valley = y - (x * x);
        gradient[0] = (-2 * (1 - x)) - (400 * x * valley);
        gradient[1] = 200 * valley;
        return ((1 - x) * (1 - x)) + (100 * valley * valley);
    }
}

/// <summary>
/// f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: flat plateaus and sharp ridges.
/// Minimum 0 at (3, 0.5).
/// </summary>
public sealed class Beale : TestFunction
{
    /// <inheritdoc/>
    public override string Name => "beale";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [[3.0, 0.5]];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double x = point[0], y = point[1];
        double y2 = y * y, y3 = y2 * y;
        double a = 1.5 - x + (x * y), b = 2.25 - x + (x * y2), c = 2.625 - x + (x * y3);
        gradient[0] = 2 * ((a * (y - 1)) + (b * (y2 - 1)) + (c * (y3 - 1)));
        gradient[1] = 2 * ((a * x) + (b * 2 * x * y) + (c * 3 * x * y2));
        return (a * a) + (b * b) + (c * c);
    }
}

/// <summary>f(x, y) = (x² + y − 11)² + (x + y² − 7)²: four minima of value 0.</summary>
public sealed class Himmelblau : TestFunction
{
    /// <inheritdoc/>
    public override string Name => "himmelblau";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima =>
    [
        [3.0, 2.0],
        [-2.805118086952745, 3.131312518250573],
        [-3.779310253377747, -3.283185991286170],
        [3.584428340330492, -1.848126526964404],
    ];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double x = point[0], y = point[1];
        double a = (x * x) + y - 11, b = x + (y * y) - 7;
        gradient[0] = (4 * x * a) + (2 * b);
        gradient[1] = (2 * a) + (4 * y * b);
        return (a * a) + (b * b);
    }
}

/// <summary>f(x, y) = (x + 2y − 7)² + (2x + y − 5)²: a tilted quadratic bowl. Minimum 0 at (1, 3).</summary>
public sealed class Booth : TestFunction
{
    /// <inheritdoc/>
    public override string Name => "booth";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [[1.0, 3.0]];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double x = point[0], y = point[1];
        double a = x + (2 * y) - 7, b = (2 * x) + y - 5;
        gradient[0] = (2 * a) + (4 * b);
        gradient[1] = (4 * a) + (2 * b);
        return (a * a) + (b * b);
    }
}

/// <summary>f(x, y) = x² − y²: a saddle point at the origin and no minimum (the value falls without bound along y).</summary>
public sealed class Saddle : TestFunction
{
    /// <inheritdoc/>
    public override string Name => "saddle";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        double x = point[0], y = point[1];
        gradient[0] = 2 * x;
        gradient[1] = -2 * y;
        return (x * x) - (y * y);
    }
}

/// <summary>f(θ) = 10n + Σ (θᵢ² − 10 cos 2πθᵢ): a bowl covered in local minima. Global minimum 0 at the origin.</summary>
public sealed class Rastrigin : TestFunction
{
    /// <inheritdoc/>
    public override string Name => "rastrigin";

    /// <inheritdoc/>
    public override int Dimension => 2;

    /// <inheritdoc/>
    public override IReadOnlyList<IReadOnlyList<double>> Minima => [[0.0, 0.0]];

    /// <inheritdoc/>
    protected override double EvaluateCore(ReadOnlySpan<double> point, Span<double> gradient)
    {
        var value = 10.0 * point.Length;
        for (var i = 0; i < point.Length; i++)
        {
            var angle = 2 * Math.PI * point[i];
            value += (point[i] * point[i]) - (10 * Math.Cos(angle));
            gradient[i] = (2 * point[i]) + (20 * Math.PI * Math.Sin(angle));
        }

        return value;
    }
}

/// <summary>Creates the test functions by the names scenarios use.</summary>
public static class TestFunctions
{
    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["quadratic-1d", "quadratic-bowl", "rosenbrock", "beale", "himmelblau", "booth", "saddle", "rastrigin"];

    /// <summary>The eigenvalues of <c>quadratic-bowl</c> when none are given: a valley ten times steeper across than along.</summary>
    public static IReadOnlyList<double> DefaultBowlEigenvalues { get; } = [1.0, 10.0];

    /// <summary>The function called <paramref name="name"/>; <paramref name="eigenvalues"/> only for <c>quadratic-bowl</c>.</summary>
    /// <exception cref="ArgumentException">An unknown name, or eigenvalues given to a function that takes none.</exception>
    public static TestFunction Create(string name, IReadOnlyList<double>? eigenvalues = null)
    {
        if (eigenvalues is not null && !string.Equals(name, "quadratic-bowl", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Function '{name}' takes no eigenvalues; only quadratic-bowl does.", nameof(eigenvalues));
        }

        return name switch
        {
            "quadratic-1d" => new Quadratic1D(),
            "quadratic-bowl" => new QuadraticBowl(eigenvalues ?? DefaultBowlEigenvalues),
            "rosenbrock" => new Rosenbrock(),
            "beale" => new Beale(),
            "himmelblau" => new Himmelblau(),
            "booth" => new Booth(),
            "saddle" => new Saddle(),
            "rastrigin" => new Rastrigin(),
            _ => throw new ArgumentException($"Unknown function '{name}'; known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
