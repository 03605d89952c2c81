using System.Text.Json;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

/// <summary>An object, with its optional <c>$data</c> (binding / repetition) and <c>$when</c> (condition).</summary>
internal sealed class ObjectNode(
    string location,
    (JsonEncodedText Name, TemplateNode Value)[] properties,
    StringNode? dataBinding,
    StringNode? when) : TemplateNode(location)
{
    /// <summary>As an element of a list: zero, one or many copies.</summary>
    public void WriteRepeated(Utf8JsonWriter writer, Scope scope)
    {
        if (dataBinding is null)
        {
            if (IsShown(scope))
            {
                WriteProperties(writer, scope);
            }

            return;
        }

        var data = dataBinding.EvaluateLone(scope);
        if (data is { Kind: ValueKind.Array } list)
        {
            var items = list.Node!.AsArray();
            for (var i = 0; i < items.Count; i++)
            {
                var itemScope = scope.Bind(Value.FromNode(items[i]), i);
                if (IsShown(itemScope))
                {
                    WriteProperties(writer, itemScope);
                }
            }

            return;
        }

        WriteBoundOnce(writer, scope, data);
    }

    /// <summary>
    /// As a property value or the card itself: one object, or null when <c>$when</c> is false. A <c>$data</c> list
    /// gives, as in the official engine, null for no item, the object itself for one item, a list for more.
    /// </summary>
    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        if (dataBinding is null)
        {
            if (IsShown(scope))
            {
                WriteProperties(writer, scope);
            }
            else
            {
                writer.WriteNullValue();
            }

            return;
        }

        var data = dataBinding.EvaluateLone(scope);
        if (data is { Kind: ValueKind.Array } list)
        {
            var items = list.Node!.AsArray();
            var shown = new List<Scope>();
            for (var i = 0; i < items.Count; i++)
            {
                var itemScope = scope.Bind(Value.FromNode(items[i]), i);
                if (IsShown(itemScope))
                {
                    shown.Add(itemScope);
                }
            }

            switch (shown.Count)
            {
                case 0:
                    writer.WriteNullValue();
                    break;
                case 1:
                    WriteProperties(writer, shown[0]);
                    break;
                default:
                    writer.WriteStartArray();
                    foreach (var itemScope in shown)
                    {
                        WriteProperties(writer, itemScope);
                    }

                    writer.WriteEndArray();
                    break;
            }

            return;
        }

        if (!WriteBoundOnce(writer, scope, data))
        {
            writer.WriteNullValue();
        }
    }

    private bool WriteBoundOnce(Utf8JsonWriter writer, Scope scope, Value? data)
    {
        // $data that is not in the data: the official engine keeps the element once, bound to nothing.
        if (data is null)
        {
            scope.Run.Location = Location;
            scope.Run.Report("$data is not in the data");
        }

        var bound = scope.Bind(data ?? Value.Undefined, index: null);
        if (!IsShown(bound))
        {
            return false;
        }

        WriteProperties(writer, bound);
        return true;
    }

    private bool IsShown(Scope scope)
    {
        if (when is null)
        {
            return true;
        }

        // The official engine keeps the element only when $when is exactly the boolean true.
        var value = when.EvaluateLone(scope);
        if (value is { Kind: ValueKind.Boolean } condition)
        {
            return condition.Boolean;
        }

        scope.Run.Location = when.Location;
        scope.Run.Report("$when is not a true/false value");
        return false;
    }

    private void WriteProperties(Utf8JsonWriter writer, Scope scope)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            value.Write(writer, scope);
        }

        writer.WriteEndObject();
    }
}
