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

    // A card is copied out of the buffer before the next expansion on the thread, so one buffer per thread
    // serves every expansion (a new 16 KB buffer per card was most of a turn's allocations).
    private const int InitialBufferBytes = 16 * 1024;
    private const int MaxKeptBufferBytes = 1024 * 1024;
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
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
        var buffer = RentBuffer();
        try
        {
            Write(context, new ExpansionRun(strict: false), buffer);
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            ReturnBuffer(buffer);
        }
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
        var buffer = RentBuffer();
        try
        {
            Write(rootData as EvaluationContext ?? new EvaluationContext(rootData), run, buffer);
        }
        finally
        {
            ReturnBuffer(buffer);
        }

        return run.Problems;
    }

    // Taken out of the slot while in use, so an expansion nested in another one gets a buffer of its own.
    private static ArrayBufferWriter<byte> RentBuffer()
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(InitialBufferBytes);
        t_buffer = null;
        buffer.ResetWrittenCount();
        return buffer;
    }

    private static void ReturnBuffer(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxKeptBufferBytes)
        {
            t_buffer = buffer;
        }
    }

    private void Write(EvaluationContext context, ExpansionRun run, ArrayBufferWriter<byte> buffer)
    {
        var root = Value.FromNode(ToNode(context.Root));
        var scope = new Scope(root, Value.FromNode(ToNode(context.Host)), root, index: null, run);
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        _root.Write(writer, scope);
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
