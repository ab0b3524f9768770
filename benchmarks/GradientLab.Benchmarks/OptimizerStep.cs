using BenchmarkDotNet.Attributes;
using GradientLab.Core.Optimizers;

namespace GradientLab.Benchmarks;

/// <summary>
/// One update of 10,000 parameters by each optimizer, against plain gradient descent (the baseline): what the extra
/// state of momentum, the adaptive denominators and Adam's bias corrections cost per step. Read the Ratio column.
/// </summary>
[Config(typeof(ShortRunInProcess))]
public class OptimizerStep
{
    private const int Dimension = 10_000;
    private readonly double[] _parameters = new double[Dimension];
    private readonly double[] _gradient = new double[Dimension];
    private Optimizer _gd = null!;
    private Optimizer _momentum = null!;
    private Optimizer _nesterov = null!;
    private Optimizer _adaGrad = null!;
    private Optimizer _rmsProp = null!;
    private Optimizer _adam = null!;
    private Optimizer _adamW = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < Dimension; i++)
        {
            _parameters[i] = random.NextDouble();
            _gradient[i] = random.NextDouble() - 0.5;
        }

        _gd = new GradientDescentSettings().Create(Dimension);
        _momentum = new SgdSettings(Momentum: 0.9).Create(Dimension);
        _nesterov = new SgdSettings(Momentum: 0.9, Nesterov: true).Create(Dimension);
        _adaGrad = new AdaGradSettings().Create(Dimension);
        _rmsProp = new RmsPropSettings().Create(Dimension);
        _adam = new AdamSettings().Create(Dimension);
        _adamW = new AdamWSettings().Create(Dimension);
    }

    [Benchmark(Baseline = true)]
    public void GradientDescent() => _gd.Step(_parameters, _gradient, 1e-6);

    [Benchmark]
    public void Momentum() => _momentum.Step(_parameters, _gradient, 1e-6);

    [Benchmark]
    public void Nesterov() => _nesterov.Step(_parameters, _gradient, 1e-6);

    [Benchmark]
    public void AdaGrad() => _adaGrad.Step(_parameters, _gradient, 1e-6);

    [Benchmark]
    public void RmsProp() => _rmsProp.Step(_parameters, _gradient, 1e-6);

    [Benchmark]
    public void Adam() => _adam.Step(_parameters, _gradient, 1e-6);

    [Benchmark]
    public void AdamW() => _adamW.Step(_parameters, _gradient, 1e-6);
}
