using System.Text.Json;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

internal sealed class ArrayNode(string location, TemplateNode[] items) : TemplateNode(location)
{
    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            if (item is ObjectNode obj)
            {
                // An element with $data repeats (or disappears); one with a false $when disappears.
                obj.WriteRepeated(writer, scope);
            }
            else
            {
                item.Write(writer, scope);
            }
        }

        writer.WriteEndArray();
    }
}
