using BenchmarkDotNet.Attributes;
using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>Reading a one-line case summary ("start 58F, ..."): target under 100 µs.</summary>
[MemoryDiagnoser]
public class CaseSummaryBenchmarks
{
    [Params(
        "58F, breast cancer in remission, night pain, fevers, denies weakness, chills or incontinence",
        "82F osteoporosis, fell from standing yesterday, no fever, no cancer")]
    public string Line { get; set; } = string.Empty;

    [Benchmark]
    public CaseSummary Parse() => CaseSummaryParser.Parse(Line);
}
