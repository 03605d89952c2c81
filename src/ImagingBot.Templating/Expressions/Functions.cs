namespace ImagingBot.Templating.Expressions;

/// <summary>
/// The adaptive-expressions functions our cards use, with the official semantics. Anything else is refused when
/// the template loads, so a card never meets an expression this engine would evaluate differently.
/// </summary>
internal static class Functions
{
    private static readonly Dictionary<string, (int MinArgs, int MaxArgs, Func<Value[], Value> Body)> Known =
        new(StringComparer.Ordinal)
        {
            ["count"] = (1, 1, Count),
            ["empty"] = (1, 1, args => Value.From(IsEmpty(args[0]))),
            ["not"] = (1, 1, args => Value.From(!args[0].IsLogicTrue)),
            ["equals"] = (2, 2, args => Value.From(Value.AreEqual(args[0], args[1]))),
            ["if"] = (3, 3, args => args[0].IsLogicTrue ? args[1] : args[2]),
            ["and"] = (2, int.MaxValue, args => Value.From(args.All(a => a.IsLogicTrue))),
            ["or"] = (2, int.MaxValue, args => Value.From(args.Any(a => a.IsLogicTrue))),
            ["join"] = (2, 2, Join),
        };

    public static IEnumerable<string> Names => Known.Keys;

    public static bool TryGet(string name, out int minArgs, out int maxArgs, out Func<Value[], Value> body)
    {
        if (Known.TryGetValue(name, out var entry))
        {
            (minArgs, maxArgs, body) = entry;
            return true;
        }

        (minArgs, maxArgs, body) = (0, 0, _ => Value.Undefined);
        return false;
    }

    private static Value Count(Value[] args) => args[0].Kind switch
    {
        ValueKind.Array => Value.From(args[0].Node!.AsArray().Count),
        ValueKind.String => Value.From(args[0].Text!.Length),
        _ => throw new ExpressionException("count() takes a list or a string"),
    };

    private static bool IsEmpty(Value value) => value.Kind switch
    {
        ValueKind.Undefined or ValueKind.Null => true,
        ValueKind.String => value.Text!.Length == 0,
        ValueKind.Array => value.Node!.AsArray().Count == 0,
        ValueKind.Object => value.Node!.AsObject().Count == 0,
        _ => false,
    };

    private static Value Join(Value[] args)
    {
        if (args[0].Kind != ValueKind.Array || args[1].Kind != ValueKind.String)
        {
            throw new ExpressionException("join() takes a list and a separator");
        }

        return Value.From(string.Join(
            args[1].Text,
            args[0].Node!.AsArray().Select(item => item is null ? string.Empty : Value.FromNode(item).ToDisplayString())));
    }
}
