using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ImagingBot.Templating.Benchmarks.CardExpansionBenchmarks).Assembly).Run(args);
