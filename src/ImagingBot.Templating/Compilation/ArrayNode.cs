using System.Text.Json;
using System.Text.Json.Nodes;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

/// <summary>
/// A list. As in the official engine, an element with <c>$data</c> repeats (or disappears), one with a false
/// <c>$when</c> disappears, null elements are dropped, and an element that comes out as a list is spliced in
/// (lists inside lists are flattened).
/// </summary>
internal sealed class ArrayNode(string location, TemplateNode[] items) : TemplateNode(location)
{
    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        writer.WriteStartArray();
        WriteItems(writer, scope);
        writer.WriteEndArray();
    }

    private void WriteItems(Utf8JsonWriter writer, Scope scope)
    {
        foreach (var item in items)
        {
            switch (item)
            {
                case ObjectNode obj:
                    obj.WriteRepeated(writer, scope);
                    break;
                case ArrayNode nested:
                    nested.WriteItems(writer, scope);
                    break;
                case StringNode { Lone: not null } lone:
                    var value = lone.EvaluateLone(scope);
                    if (value is not { } found)
                    {
                        writer.WriteStringValue(lone.Lone.SourceText);
                    }
                    else if (found.Kind == ValueKind.Array)
                    {
                        WriteSpliced(writer, found.Node);
                    }
                    else if (found.Kind != ValueKind.Null)
                    {
                        found.WriteTo(writer);
                    }

                    break;
                default:
                    item.Write(writer, scope);
                    break;
            }
        }
    }

    private static void WriteSpliced(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                break;
            case JsonArray list:
                foreach (var element in list)
                {
                    WriteSpliced(writer, element);
                }

                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
