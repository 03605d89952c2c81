using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace ImagingBot.Templating.Benchmarks;

/// <summary>Expanding the compiled recommendation template with its sample data (the budget is 200 µs per card).</summary>
[MemoryDiagnoser]
public class CardExpansionBenchmarks
{
    private AdaptiveCardTemplate _recommendation = null!;
    private JsonNode _routine = null!;
    private JsonNode _emergent = null!;

    [GlobalSetup]
    public void Load()
    {
        var cards = Path.Combine(AppContext.BaseDirectory, "cards");
        _recommendation = CardTemplateCatalog.Load(cards)["recommendation"];
        _routine = JsonNode.Parse(File.ReadAllText(Path.Combine(cards, "recommendation.data.json")))!;
        _emergent = JsonNode.Parse(File.ReadAllText(Path.Combine(cards, "recommendation.emergent.data.json")))!;
    }

    [Benchmark(Baseline = true)]
    public string RoutineRecommendation() => _recommendation.Expand(_routine);

    [Benchmark]
    public string EmergentRecommendation() => _recommendation.Expand(_emergent);
}
