using System.Text.Json.Nodes;

namespace ImagingBot.Templating;

/// <summary>
/// Every card template of a folder (<c>NAME.template.json</c>), compiled when the bot starts, with its sample data
/// (<c>NAME.data.json</c>, <c>NAME.VARIANT.data.json</c>). Loading fails with every problem listed, so a broken
/// template or a sample that no longer fits is found by a test or at start-up, never while a clinician waits.
/// </summary>
public sealed class CardTemplateCatalog
{
    private const string TemplateSuffix = ".template.json";
    private const string DataSuffix = ".data.json";
    private readonly Dictionary<string, AdaptiveCardTemplate> _templates;

    private CardTemplateCatalog(Dictionary<string, AdaptiveCardTemplate> templates, IReadOnlyList<CardSample> samples)
    {
        _templates = templates;
        Samples = samples;
    }

    /// <summary>Template names, for example "recommendation".</summary>
    public IEnumerable<string> Names => _templates.Keys.Order(StringComparer.Ordinal);

    /// <summary>The sample data files found next to the templates.</summary>
    public IReadOnlyList<CardSample> Samples { get; }

    public AdaptiveCardTemplate this[string name] =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new KeyNotFoundException($"There is no card template named '{name}'.");

    /// <summary>
    /// Loads and compiles every template in <paramref name="directory"/> and checks each sample data file against
    /// its template (strict expansion: every field the template uses must be in the sample).
    /// </summary>
    /// <exception cref="AdaptiveCardTemplateException">Listing every template or sample problem found.</exception>
    public static CardTemplateCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new AdaptiveCardTemplateException($"The card folder '{directory}' does not exist.");
        }

        var problems = new List<string>();
        var templates = new Dictionary<string, AdaptiveCardTemplate>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*" + TemplateSuffix).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)[..^TemplateSuffix.Length];
            try
            {
                templates[name] = new AdaptiveCardTemplate(File.ReadAllText(file));
            }
            catch (AdaptiveCardTemplateException e)
            {
                problems.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }

        if (templates.Count == 0 && problems.Count == 0)
        {
            problems.Add($"No '*{TemplateSuffix}' file in '{directory}'.");
        }

        var samples = new List<CardSample>();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + DataSuffix).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileName(file)[..^DataSuffix.Length];
            var dot = stem.IndexOf('.', StringComparison.Ordinal);
            var sample = new CardSample(dot < 0 ? stem : stem[..dot], dot < 0 ? null : stem[(dot + 1)..], file);
            samples.Add(sample);
            if (!templates.TryGetValue(sample.TemplateName, out var template))
            {
                if (!problems.Any(p => p.StartsWith(sample.TemplateName + TemplateSuffix, StringComparison.Ordinal)))
                {
                    problems.Add($"{Path.GetFileName(file)}: there is no template '{sample.TemplateName}{TemplateSuffix}'.");
                }

                continue;
            }

            try
            {
                var data = JsonNode.Parse(File.ReadAllText(file));
                problems.AddRange(template.Validate(data).Select(p => $"{Path.GetFileName(file)} in {sample.TemplateName}{TemplateSuffix}: {p}"));
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"{Path.GetFileName(file)}: not valid JSON: {e.Message}");
            }
        }

        foreach (var name in templates.Keys.Where(n => !samples.Any(s => s.TemplateName == n)))
        {
            problems.Add($"{name}{TemplateSuffix}: no sample data ({name}{DataSuffix}); every template needs one, it is the contract for its data.");
        }

        if (problems.Count > 0)
        {
            throw new AdaptiveCardTemplateException(
                $"The card templates in '{directory}' are not usable:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return new CardTemplateCatalog(templates, samples);
    }
}

/// <summary>A sample data file: <c>recommendation.emergent.data.json</c> is template "recommendation", variant "emergent".</summary>
public sealed record CardSample(string TemplateName, string? Variant, string Path)
{
    /// <summary>The golden file name: NAME[.VARIANT].expanded.json.</summary>
    public string GoldenFileName => Variant is null ? $"{TemplateName}.expanded.json" : $"{TemplateName}.{Variant}.expanded.json";
}
