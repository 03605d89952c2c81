using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

/// <summary>Turns a template's JSON into <see cref="TemplateNode"/>s once, rejecting unsupported syntax with its location.</summary>
internal static class TemplateCompiler
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static TemplateNode Compile(JsonNode? node, string location)
    {
        DropEmptyListItems(node);
        return CompileNormalized(node, location);
    }

    /// <summary>The official engine drops null elements from every list and splices lists inside lists, even constant ones.</summary>
    private static void DropEmptyListItems(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    DropEmptyListItems(value);
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    DropEmptyListItems(array[i]);
                    if (array[i] is null)
                    {
                        array.RemoveAt(i);
                    }
                    else if (array[i] is JsonArray inner && !ContainsTemplateSyntax(inner))
                    {
                        var spliced = inner.ToList();
                        inner.Clear();
                        array.RemoveAt(i);
                        for (var j = 0; j < spliced.Count; j++)
                        {
                            array.Insert(i + j, spliced[j]);
                        }
                    }
                }

                break;
        }
    }

    private static TemplateNode CompileNormalized(JsonNode? node, string location)
    {
        if (!ContainsTemplateSyntax(node))
        {
            return new ConstantNode(location, Serialize(node));
        }

        return node switch
        {
            JsonObject obj => CompileObject(obj, location),
            JsonArray array => new ArrayNode(location, [.. array.Select((item, i) => CompileNormalized(item, $"{location}/{i}"))]),
            _ => CompileString(node!.GetValue<string>(), location),
        };
    }

    private static ObjectNode CompileObject(JsonObject obj, string location)
    {
        StringNode? data = null;
        StringNode? when = null;
        var properties = new List<(JsonEncodedText, TemplateNode)>();
        foreach (var (name, value) in obj)
        {
            var at = $"{location}/{EscapePointer(name)}";
            switch (name)
            {
                case "$data":
                    data = CompileDirective(value, at, name);
                    break;
                case "$when":
                    when = CompileDirective(value, at, name);
                    if (when.Lone!.Expression is LiteralExpression)
                    {
                        throw new AdaptiveCardTemplateException($"{at}: $when must test the data; a constant is never shown by the official engine.");
                    }

                    break;
                default:
                    properties.Add((JsonEncodedText.Encode(name, Encoder), CompileNormalized(value, at)));
                    break;
            }
        }

        return new ObjectNode(location, [.. properties], data, when);
    }

    private static StringNode CompileDirective(JsonNode? value, string location, string name)
    {
        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            && CompileString(scalar.GetValue<string>(), location) is { Lone: not null } directive)
        {
            return directive;
        }

        throw new AdaptiveCardTemplateException($"{location}: {name} must be a single \"${{...}}\" expression.");
    }

    /// <summary>Splits "text ${expr} text" into parts. "\${" stays literal "${"; an unclosed "${" is plain text.</summary>
    public static StringNode CompileString(string text, string location)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var start = text.IndexOf("${", pos, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, pos, text.Length - pos);
                break;
            }

            if (start > 0 && text[start - 1] == '\\')
            {
                literal.Append(text, pos, start - 1 - pos).Append("${");
                pos = start + 2;
                continue;
            }

            var end = FindClose(text, start + 2);
            if (end < 0)
            {
                literal.Append(text, pos, text.Length - pos);
                break;
            }

            literal.Append(text, pos, start - pos);
            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            var source = text[start..(end + 1)];
            Expression expression;
            try
            {
                expression = ExpressionParser.Parse(text[(start + 2)..end]);
            }
            catch (FormatException e)
            {
                throw new AdaptiveCardTemplateException($"{location}: {source}: {e.Message}", e);
            }

            parts.Add(new Placeholder(expression, source));
            pos = end + 1;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(literal.ToString());
        }

        return new StringNode(location, [.. parts]);
    }

    private static int FindClose(string text, int from)
    {
        char quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        return -1;
    }

    private static bool ContainsTemplateSyntax(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => p.Key is "$data" or "$when" || ContainsTemplateSyntax(p.Value)),
        JsonArray array => array.Any(ContainsTemplateSyntax),
        JsonValue value => value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Contains("${", StringComparison.Ordinal),
        _ => false,
    };

    private static byte[] Serialize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder }))
        {
            if (node is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                node.WriteTo(writer);
            }
        }

        return buffer.ToArray();
    }

    private static string EscapePointer(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
