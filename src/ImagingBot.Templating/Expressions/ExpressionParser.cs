using System.Globalization;

namespace ImagingBot.Templating.Expressions;

/// <summary>
/// Parses the subset of adaptive-expressions our cards use: paths (<c>a.b[0]</c>, <c>$root</c>, <c>$data</c>,
/// <c>$index</c>), string/number/boolean/null literals, <c>! == != &lt; &lt;= &gt; &gt;= &amp;&amp; ||</c> and the
/// functions in <see cref="Functions"/>. Anything else is a load-time error with the reason.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly string _text;
    private int _pos;

    private ExpressionParser(string text) => _text = text;

    public static Expression Parse(string text)
    {
        var parser = new ExpressionParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new FormatException("the expression is empty");
        }

        var expression = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"unexpected '{parser._text[parser._pos..]}' (this engine supports paths, literals, ! == != < <= > >= && || and the functions {string.Join(", ", Functions.Names)})");
        }

        return expression;
    }

    private bool AtEnd => _pos >= _text.Length;

    private Expression ParseOr()
    {
        var left = ParseAnd();
        while (TryTake("||"))
        {
            left = new BinaryExpression("||", left, ParseAnd());
        }

        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseEquality();
        while (TryTake("&&"))
        {
            left = new BinaryExpression("&&", left, ParseEquality());
        }

        return left;
    }

    private Expression ParseEquality()
    {
        var left = ParseComparison();
        while (true)
        {
            if (TryTake("=="))
            {
                left = new BinaryExpression("==", left, ParseComparison());
            }
            else if (TryTake("!="))
            {
                left = new BinaryExpression("!=", left, ParseComparison());
            }
            else
            {
                return left;
            }
        }
    }

    private Expression ParseComparison()
    {
        var left = ParseUnary();
        while (true)
        {
            string? op = TryTake(">=") ? ">=" : TryTake("<=") ? "<=" : TryTake(">") ? ">" : TryTake("<") ? "<" : null;
            if (op is null)
            {
                return left;
            }

            left = new BinaryExpression(op, left, ParseUnary());
        }
    }

    private Expression ParseUnary()
    {
        SkipSpace();
        if (Peek() == '!' && Peek(1) != '=')
        {
            _pos++;
            return new NotExpression(ParseUnary());
        }

        return ParsePrimary();
    }

    private Expression ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw Error("the expression ends too early");
        }

        var c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            var inner = ParseOr();
            Expect(')');
            return inner;
        }

        if (c is '\'' or '"')
        {
            return new LiteralExpression(Value.From(ReadString(c)));
        }

        if (char.IsAsciiDigit(c))
        {
            return new LiteralExpression(Value.From(ReadNumber()));
        }

        if (char.IsAsciiLetter(c) || c is '$' or '_')
        {
            var name = ReadIdentifier();
            SkipSpace();
            if (Peek() == '(')
            {
                return ParseCall(name);
            }

            switch (name)
            {
                case "true":
                    return new LiteralExpression(Value.True);
                case "false":
                    return new LiteralExpression(Value.False);
                case "null":
                    return new LiteralExpression(Value.Null);
            }

            return ParsePath(name);
        }

        throw Error($"'{c}' is not supported here (supported: paths, literals, ! == != < <= > >= && ||, and the functions {string.Join(", ", Functions.Names)})");
    }

    private FunctionExpression ParseCall(string name)
    {
        if (!Functions.TryGet(name, out var minArgs, out var maxArgs, out var body))
        {
            throw Error($"the function '{name}' is not supported (supported: {string.Join(", ", Functions.Names)})");
        }

        _pos++; // (
        var args = new List<Expression>();
        SkipSpace();
        if (Peek() != ')')
        {
            do
            {
                args.Add(ParseOr());
            }
            while (TryTake(","));
        }

        Expect(')');
        if (args.Count < minArgs || args.Count > maxArgs)
        {
            throw Error($"{name}() takes {(minArgs == maxArgs ? minArgs.ToString(CultureInfo.InvariantCulture) : $"at least {minArgs}")} argument(s), not {args.Count}");
        }

        return new FunctionExpression(name, body, args);
    }

    private PathExpression ParsePath(string head)
    {
        var start = _pos - head.Length;
        if (head.StartsWith('$') && head is not ("$root" or "$data" or "$index" or "$host"))
        {
            throw Error($"'{head}' is not a known name ($root, $data, $index, $host)");
        }

        var steps = new List<PathStep>();
        while (true)
        {
            if (Peek() == '.')
            {
                _pos++;
                var member = ReadIdentifier();
                steps.Add(new MemberStep(member));
            }
            else if (Peek() == '[')
            {
                _pos++;
                var index = ParseOr();
                Expect(']');
                steps.Add(new IndexStep(index));
            }
            else
            {
                return new PathExpression(head, steps, _text[start.._pos]);
            }
        }
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        if (Peek() == '$')
        {
            _pos++;
        }

        while (!AtEnd && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        if (_pos == start || (_pos == start + 1 && _text[start] == '$'))
        {
            throw Error("a name is expected");
        }

        return _text[start.._pos];
    }

    private string ReadString(char quote)
    {
        var end = _text.IndexOf(quote, _pos + 1);
        if (end < 0)
        {
            throw Error("a string literal is not closed");
        }

        var value = _text[(_pos + 1)..end];
        _pos = end + 1;
        return value;
    }

    private double ReadNumber()
    {
        var start = _pos;
        while (!AtEnd && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] == '.'))
        {
            _pos++;
        }

        return double.Parse(_text[start.._pos], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private bool TryTake(string token)
    {
        SkipSpace();
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) == 0)
        {
            _pos += token.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (Peek() != c)
        {
            throw Error($"'{c}' is expected");
        }

        _pos++;
    }

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private FormatException Error(string message) => new($"{message} (at character {_pos + 1} of '{_text}')");
}
