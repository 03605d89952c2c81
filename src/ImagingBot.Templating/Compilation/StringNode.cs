using System.Text.Json;
using ImagingBot.Templating.Expressions;

namespace ImagingBot.Templating.Compilation;

/// <summary>One <c>${...}</c> in a string, with its source text (written back when the value is not in the data).</summary>
internal sealed record Placeholder(Expression Expression, string SourceText);

/// <summary>
/// A string with <c>${...}</c>. As in the official engine, a string that is exactly one <c>${expr}</c> keeps the
/// value's JSON type (number, boolean, object, list), except a bare literal such as <c>${true}</c>, which the
/// official engine turns into a string; any other string is interpolated into a string.
/// </summary>
internal sealed class StringNode : TemplateNode
{
    // Literal text and placeholders in order; literal parts are strings.
    private readonly object[] _parts;

    public StringNode(string location, object[] parts)
        : base(location) => _parts = parts;

    public Placeholder? Lone => _parts is [Placeholder only] ? only : null;

    /// <summary>Evaluates a lone placeholder; null if the value is not there (the official engine then keeps the text).</summary>
    public Value? EvaluateLone(Scope scope)
    {
        var lone = Lone!;
        var value = Evaluate(lone, scope);
        if (value.Kind == ValueKind.Undefined)
        {
            return null;
        }

        return lone.Expression is LiteralExpression ? Value.From(value.ToDisplayString()) : value;
    }

    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        if (Lone is { } lone)
        {
            var value = EvaluateLone(scope);
            if (value is { } found)
            {
                found.WriteTo(writer);
            }
            else
            {
                writer.WriteStringValue(lone.SourceText);
            }

            return;
        }

        writer.WriteStringValue(Interpolate(scope));
    }

    public string Interpolate(Scope scope)
    {
        var text = scope.Run.Text.Clear();
        foreach (var part in _parts)
        {
            if (part is string literal)
            {
                text.Append(literal);
                continue;
            }

            var placeholder = (Placeholder)part;
            var value = Evaluate(placeholder, scope);
            switch (value.Kind)
            {
                case ValueKind.Undefined:
                    text.Append(placeholder.SourceText);
                    break;
                case ValueKind.Null:
                    // The official engine throws on null inside a string; we write nothing and strict mode reports it.
                    scope.Run.Report($"'{placeholder.SourceText}' is null inside a string");
                    break;
                default:
                    text.Append(value.ToDisplayString());
                    break;
            }
        }

        return text.ToString();
    }

    private Value Evaluate(Placeholder placeholder, Scope scope)
    {
        scope.Run.Location = Location;
        try
        {
            return placeholder.Expression.Evaluate(scope);
        }
        catch (ExpressionException e)
        {
            scope.Run.Report($"'{placeholder.SourceText}': {e.Message}");
            return Value.Undefined;
        }
    }
}
