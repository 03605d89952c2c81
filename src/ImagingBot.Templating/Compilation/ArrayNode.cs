using System.Buffers;
using System.Text.Json;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

/// <summary>
/// A list. As in the official engine, an element with <c>$data</c> repeats (or disappears), one with a false
/// <c>$when</c> disappears, and an element that comes out null or as an empty list is dropped.
/// </summary>
internal sealed class ArrayNode(string location, TemplateNode[] items) : TemplateNode(location)
{
    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            switch (item)
            {
                case ObjectNode obj:
                    obj.WriteRepeated(writer, scope);
                    break;
                case StringNode { Lone: not null } lone:
                    var value = lone.EvaluateLone(scope);
                    if (value is not { } found)
                    {
                        writer.WriteStringValue(lone.Lone.SourceText);
                    }
                    else if (!IsDropped(found))
                    {
                        found.WriteTo(writer);
                    }

                    break;
                case ArrayNode nested:
                    WriteUnlessEmpty(writer, nested, scope);
                    break;
                default:
                    item.Write(writer, scope);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    private static bool IsDropped(Value value) =>
        value.Kind == ValueKind.Null || (value.Kind == ValueKind.Array && value.Node!.AsArray().Count == 0);

    // Rare (a list inside a list), so a scratch buffer is fine.
    private static void WriteUnlessEmpty(Utf8JsonWriter writer, ArrayNode nested, Scope scope)
    {
        var scratch = new ArrayBufferWriter<byte>();
        using (var inner = new Utf8JsonWriter(scratch))
        {
            nested.Write(inner, scope);
        }

        if (scratch.WrittenCount > 2)
        {
            writer.WriteRawValue(scratch.WrittenSpan, skipInputValidation: true);
        }
    }
}
