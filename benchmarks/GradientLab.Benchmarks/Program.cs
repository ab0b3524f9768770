using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GradientLab.Benchmarks.LinearRegressionGradient).Assembly).Run(args);
