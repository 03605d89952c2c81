namespace ImagingBot.Templating.Expressions;

/// <summary>What names mean where an expression is evaluated: <c>$root</c>, the current <c>$data</c>, <c>$index</c>.</summary>
internal sealed class Scope
{
    public Scope(Value root, Value host, Value data, int? index, ExpansionRun run)
    {
        Root = root;
        Host = host;
        Data = data;
        Index = index;
        Run = run;
    }

    public Value Root { get; }

    public Value Host { get; }

    public Value Data { get; }

    public int? Index { get; }

    public ExpansionRun Run { get; }

    public Scope Bind(Value data, int? index) => new(Root, Host, data, index, Run);
}
