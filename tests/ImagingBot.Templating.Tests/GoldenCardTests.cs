using System.Text.Json.Nodes;

namespace ImagingBot.Templating.Tests;

/// <summary>
/// Every template with each of its samples, expanded by our engine, equals the official engine's expansion checked in
/// under cards/golden (regenerate with scripts/regenerate-card-goldens.sh).
/// </summary>
public class GoldenCardTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathOf("cards"), "*.data.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Our_expansion_equals_the_official_golden(string sampleFile)
    {
        var catalog = CardTemplateCatalog.Load(RepositoryLayout.PathOf("cards"));
        var sample = catalog.Samples.Single(s => Path.GetFileName(s.Path) == sampleFile);
        var goldenPath = Path.Combine(RepositoryLayout.PathOf("cards", "golden"), sample.GoldenFileName);
        Assert.True(File.Exists(goldenPath), $"No golden {sample.GoldenFileName}: run scripts/regenerate-card-goldens.sh");

        var card = catalog[sample.TemplateName].Expand(JsonNode.Parse(File.ReadAllText(sample.Path)));

        JsonAssert.Equal(JsonNode.Parse(File.ReadAllText(goldenPath)), JsonNode.Parse(card), $"{sampleFile} against {sample.GoldenFileName}");
    }

    [Fact]
    public void Every_golden_belongs_to_a_sample_and_every_template_has_one()
    {
        var catalog = CardTemplateCatalog.Load(RepositoryLayout.PathOf("cards"));
        var expected = catalog.Samples.Select(s => s.GoldenFileName).Order(StringComparer.Ordinal);
        var actual = Directory.EnumerateFiles(RepositoryLayout.PathOf("cards", "golden"), "*.expanded.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
        Assert.Equal(
            ["case-confirmation", "faq-answer", "faq-list", "not-understood", "out-of-scope", "question", "quickform", "recommendation", "record", "welcome"],
            catalog.Names);
    }

    [Fact]
    public void The_engine_conformance_fixture_equals_the_official_golden()
    {
        var template = new AdaptiveCardTemplate(File.ReadAllText(Path.Combine(RepositoryLayout.PathOf("tests", "ImagingBot.Templating.Tests", "Conformance"), "syntax.template.json")));
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.PathOf("tests", "ImagingBot.Templating.Tests", "Conformance"), "syntax.data.json")));

        var card = template.Expand(data);

        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryLayout.PathOf("tests", "ImagingBot.Templating.Tests", "Conformance"), "syntax.expanded.json")));
        JsonAssert.Equal(golden, JsonNode.Parse(card), "syntax fixture");
    }
}
