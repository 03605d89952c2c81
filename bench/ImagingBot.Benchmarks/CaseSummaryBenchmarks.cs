using BenchmarkDotNet.Attributes;
using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>Reading a one-line case summary (no target set; shown for scale).</summary>
[MemoryDiagnoser]
public class CaseSummaryBenchmarks
{
    private readonly string _line = "58F, breast cancer in remission, fevers, denies weakness, chills or incontinence";

    [Benchmark]
    public CaseSummary Parse() => CaseSummaryParser.Parse(_line);
}
