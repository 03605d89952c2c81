using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImagingBot.Templating.Compilation;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating;

/// <summary>
/// An Adaptive Card template, compiled once. Shaped like AdaptiveCards.Templating (not on our feed) so that
/// swapping it in later is a one-line change: <c>new AdaptiveCardTemplate(json).Expand(data)</c>.
/// Expansion follows the official adaptivecards-templating engine, quirks included; see the tests.
/// </summary>
public sealed class AdaptiveCardTemplate
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = TemplateCompiler.Encoder };
    private readonly TemplateNode _root;

    /// <exception cref="AdaptiveCardTemplateException">The JSON or an expression in it is not valid or not supported.</exception>
    public AdaptiveCardTemplate(string jsonTemplate)
    {
        ArgumentNullException.ThrowIfNull(jsonTemplate);
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(jsonTemplate, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new AdaptiveCardTemplateException($"The template is not valid JSON: {e.Message}", e);
        }

        if (parsed is not JsonObject)
        {
            throw new AdaptiveCardTemplateException("The template must be a JSON object (an Adaptive Card).");
        }

        _root = TemplateCompiler.Compile(parsed, string.Empty);
    }

    /// <summary>Expands with <paramref name="rootData"/> as <c>$root</c>; returns the card as compact JSON.</summary>
    public string Expand(object? rootData) => Expand(rootData as EvaluationContext ?? new EvaluationContext(rootData));

    public string Expand(EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Encoding.UTF8.GetString(Write(context, new ExpansionRun(strict: false)).WrittenSpan);
    }

    /// <summary>Expands to a node (for callers that adjust or embed the card).</summary>
    public JsonNode ExpandToNode(object? rootData) => JsonNode.Parse(Expand(rootData))!;

    /// <summary>
    /// Expands strictly and returns every problem: a field the template uses that the data lacks, a
    /// <c>$data</c> that is not in the data, a <c>$when</c> that is not true/false, a function given the wrong
    /// kind of value. An empty list means the data fits the template.
    /// </summary>
    public IReadOnlyList<string> Validate(object? rootData)
    {
        var run = new ExpansionRun(strict: true);
        Write(rootData as EvaluationContext ?? new EvaluationContext(rootData), run);
        return run.Problems;
    }

    private ArrayBufferWriter<byte> Write(EvaluationContext context, ExpansionRun run)
    {
        var root = Value.FromNode(ToNode(context.Root));
        var scope = new Scope(root, Value.FromNode(ToNode(context.Host)), root, index: null, run);
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            _root.Write(writer, scope);
        }

        return buffer;
    }

    private static JsonNode? ToNode(object? data) => data switch
    {
        null => null,
        JsonNode node => node,
        string json => JsonNode.Parse(json),
        JsonElement element => JsonSerializer.SerializeToNode(element),
        _ => JsonSerializer.SerializeToNode(data, data.GetType(), JsonSerializerOptions.Web),
    };
}
