using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace ImagingBot.Templating.Benchmarks;

/// <summary>
/// Expanding the compiled recommendation template with its sample data (the budget is 200 µs per card): the article's
/// patient (variant 7), the emergent cauda equina card (variant 4, the banner) and variant 6 (three first-line studies).
/// </summary>
[MemoryDiagnoser]
public class CardExpansionBenchmarks
{
    private AdaptiveCardTemplate _recommendation = null!;
    private JsonNode _variant7 = null!;
    private JsonNode _emergentVariant4 = null!;
    private JsonNode _variant6 = null!;

    [GlobalSetup]
    public void Load()
    {
        var cards = Path.Combine(AppContext.BaseDirectory, "cards");
        _recommendation = CardTemplateCatalog.Load(cards)["recommendation"];
        JsonNode Sample(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(cards, $"recommendation.{name}.data.json")))!;
        _variant7 = Sample("v7");
        _emergentVariant4 = Sample("v4");
        _variant6 = Sample("v6");
    }

    [Benchmark(Baseline = true)]
    public string ArticlePatientVariant7() => _recommendation.Expand(_variant7);

    [Benchmark]
    public string EmergentVariant4() => _recommendation.Expand(_emergentVariant4);

    [Benchmark]
    public string OlderAfterFallVariant6() => _recommendation.Expand(_variant6);
}
