using BenchmarkDotNet.Attributes;
using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>One search per typed question: target under 100 µs mean.</summary>
[MemoryDiagnoser]
public class FaqSearchBenchmarks
{
    private readonly FaqSearch _search = new(GuidanceLoader.LoadDefault());

    [Params(
        "Are ESR and CRP enough to rule out infection?",
        "pacemker not MRI compatible, what is the alternative",
        "what's the weather like in London today")]
    public string Query { get; set; } = string.Empty;

    [Benchmark]
    public FaqSearchResult Search() => _search.Search(Query);
}
