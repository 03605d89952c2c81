using BenchmarkDotNet.Attributes;
using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>Start-up cost of reading and validating the data file: target under 50 ms.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private readonly string _path = GuidanceLoader.DefaultPath;

    [Benchmark]
    public GuidanceDocument LoadAndValidate() => GuidanceLoader.Load(_path);

    [Benchmark]
    public FaqSearch LoadAndIndexFaq() => new(GuidanceLoader.Load(_path));
}
