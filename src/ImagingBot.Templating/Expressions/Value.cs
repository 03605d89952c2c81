using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImagingBot.Templating.Expressions;

internal enum ValueKind
{
    Undefined,
    Null,
    Boolean,
    Number,
    String,
    Object,
    Array,
}

/// <summary>A value during evaluation. Objects and arrays stay as the data's own nodes (never copied until written).</summary>
internal readonly struct Value
{
    private Value(ValueKind kind, bool boolean = false, double number = 0, string? text = null, JsonNode? node = null)
    {
        Kind = kind;
        Boolean = boolean;
        Number = number;
        Text = text;
        Node = node;
    }

    public ValueKind Kind { get; }

    public bool Boolean { get; }

    public double Number { get; }

    public string? Text { get; }

    public JsonNode? Node { get; }

    public static Value Undefined { get; } = new(ValueKind.Undefined);

    public static Value Null { get; } = new(ValueKind.Null);

    public static Value True { get; } = new(ValueKind.Boolean, boolean: true);

    public static Value False { get; } = new(ValueKind.Boolean, boolean: false);

    public bool IsNullish => Kind is ValueKind.Undefined or ValueKind.Null;

    /// <summary>adaptive-expressions truthiness: only false, null and undefined are false (0 and "" are true).</summary>
    public bool IsLogicTrue => Kind switch
    {
        ValueKind.Boolean => Boolean,
        ValueKind.Undefined or ValueKind.Null => false,
        _ => true,
    };

    public static Value From(bool value) => value ? True : False;

    public static Value From(double value) => new(ValueKind.Number, number: value);

    public static Value From(string value) => new(ValueKind.String, text: value);

    public static Value FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return Null;
            case JsonObject:
                return new(ValueKind.Object, node: node);
            case JsonArray:
                return new(ValueKind.Array, node: node);
            default:
                var scalar = node.AsValue();
                return scalar.GetValueKind() switch
                {
                    JsonValueKind.String => From(scalar.GetValue<string>()),
                    JsonValueKind.True => True,
                    JsonValueKind.False => False,
                    JsonValueKind.Number => From(scalar.TryGetValue<double>(out var d)
                        ? d
                        : double.Parse(scalar.ToJsonString(), CultureInfo.InvariantCulture)),
                    _ => Null,
                };
        }
    }

    /// <summary>The text JavaScript would print for this value inside an interpolated string.</summary>
    public string ToDisplayString() => Kind switch
    {
        ValueKind.String => Text!,
        ValueKind.Boolean => Boolean ? "true" : "false",
        ValueKind.Number => FormatNumber(Number),
        ValueKind.Null => "null",
        ValueKind.Undefined => "undefined",
        ValueKind.Object => "[object Object]",
        ValueKind.Array => string.Join(",", Node!.AsArray().Select(item => item is null ? string.Empty : FromNode(item).ToDisplayString())),
        _ => string.Empty,
    };

    public void WriteTo(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case ValueKind.Boolean:
                writer.WriteBooleanValue(Boolean);
                break;
            case ValueKind.Number:
                if (IsSafeInteger(Number))
                {
                    writer.WriteNumberValue((long)Number);
                }
                else
                {
                    writer.WriteNumberValue(Number);
                }

                break;
            case ValueKind.String:
                writer.WriteStringValue(Text);
                break;
            case ValueKind.Object or ValueKind.Array:
                Node!.WriteTo(writer);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    public static bool AreEqual(Value left, Value right)
    {
        if (left.IsNullish || right.IsNullish)
        {
            return left.IsNullish && right.IsNullish;
        }

        if (left.Kind != right.Kind)
        {
            return false;
        }

        return left.Kind switch
        {
            ValueKind.Boolean => left.Boolean == right.Boolean,
            ValueKind.Number => left.Number.Equals(right.Number),
            ValueKind.String => string.Equals(left.Text, right.Text, StringComparison.Ordinal),
            _ => JsonNode.DeepEquals(left.Node, right.Node),
        };
    }

    private static bool IsSafeInteger(double number) =>
        Math.Abs(number) < 9007199254740992d && Math.Floor(number) == number && !(number == 0 && double.IsNegative(number));

    private static string FormatNumber(double number)
    {
        if (IsSafeInteger(number))
        {
            return ((long)number).ToString(CultureInfo.InvariantCulture);
        }

        return number.ToString("R", CultureInfo.InvariantCulture);
    }
}
