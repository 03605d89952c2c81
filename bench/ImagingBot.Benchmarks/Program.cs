using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ImagingBot.Benchmarks.DecisionBenchmarks).Assembly).Run(args);
