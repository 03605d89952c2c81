namespace ImagingBot.Templating.Expressions;

/// <summary>A compiled expression from inside <c>${...}</c>.</summary>
internal abstract class Expression
{
    public abstract Value Evaluate(Scope scope);
}

internal sealed class LiteralExpression(Value value) : Expression
{
    public Value Value { get; } = value;

    public override Value Evaluate(Scope scope) => Value;
}

internal abstract class PathStep
{
    public abstract Value Apply(Value target, Scope scope);
}

internal sealed class MemberStep(string name) : PathStep
{
    public string Name { get; } = name;

    public override Value Apply(Value target, Scope scope) => Lookup(target, Name);

    public static Value Lookup(Value target, string name)
    {
        if (target.Kind != ValueKind.Object)
        {
            return Value.Undefined;
        }

        var obj = target.Node!.AsObject();
        if (obj.TryGetPropertyValue(name, out var found))
        {
            return Value.FromNode(found);
        }

        // adaptive-expressions falls back to a case-insensitive match.
        foreach (var (key, node) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return Value.FromNode(node);
            }
        }

        return Value.Undefined;
    }
}

internal sealed class IndexStep(Expression index) : PathStep
{
    public override Value Apply(Value target, Scope scope)
    {
        var key = index.Evaluate(scope);
        if (target.Kind == ValueKind.Array && key.Kind == ValueKind.Number)
        {
            var array = target.Node!.AsArray();
            var i = (int)key.Number;
            return i >= 0 && i < array.Count && i == key.Number ? Value.FromNode(array[i]) : Value.Undefined;
        }

        return key.Kind == ValueKind.String ? MemberStep.Lookup(target, key.Text!) : Value.Undefined;
    }
}

/// <summary><c>name.child[0]</c>, <c>$root.x</c>, <c>$data</c>, <c>$index</c>.</summary>
internal sealed class PathExpression(string head, IReadOnlyList<PathStep> steps, string text) : Expression
{
    public string Text { get; } = text;

    public override Value Evaluate(Scope scope)
    {
        var value = head switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$host" => scope.Host,
            "$index" => scope.Index is int i ? Value.From(i) : Value.Undefined,
            _ => MemberStep.Lookup(scope.Data, head),
        };

        foreach (var step in steps)
        {
            if (value.Kind == ValueKind.Undefined)
            {
                break;
            }

            value = step.Apply(value, scope);
        }

        if (value.Kind == ValueKind.Undefined)
        {
            scope.Run.Report($"'{Text}' is not in the data");
        }

        return value;
    }
}

internal sealed class NotExpression(Expression operand) : Expression
{
    public override Value Evaluate(Scope scope) => Value.From(!operand.Evaluate(scope).IsLogicTrue);
}

internal sealed class BinaryExpression(string op, Expression left, Expression right) : Expression
{
    public override Value Evaluate(Scope scope)
    {
        switch (op)
        {
            case "&&":
                return Value.From(left.Evaluate(scope).IsLogicTrue && right.Evaluate(scope).IsLogicTrue);
            case "||":
                return Value.From(left.Evaluate(scope).IsLogicTrue || right.Evaluate(scope).IsLogicTrue);
        }

        var l = left.Evaluate(scope);
        var r = right.Evaluate(scope);
        switch (op)
        {
            case "==":
                return Value.From(Value.AreEqual(l, r));
            case "!=":
                return Value.From(!Value.AreEqual(l, r));
        }

        if (l.Kind != ValueKind.Number || r.Kind != ValueKind.Number)
        {
            throw new ExpressionException($"'{op}' compares numbers only");
        }

        return Value.From(op switch
        {
            ">" => l.Number > r.Number,
            ">=" => l.Number >= r.Number,
            "<" => l.Number < r.Number,
            _ => l.Number <= r.Number,
        });
    }
}

internal sealed class FunctionExpression(string name, Func<Value[], Value> body, IReadOnlyList<Expression> arguments) : Expression
{
    public string Name { get; } = name;

    public override Value Evaluate(Scope scope)
    {
        var values = new Value[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i].Evaluate(scope);
        }

        return body(values);
    }
}
