namespace ImagingBot.Templating;

/// <summary>
/// The data a template is expanded with, as in AdaptiveCards.Templating: <see cref="Root"/> is <c>$root</c> (and the
/// first <c>$data</c>), <see cref="Host"/> is <c>$host</c>. Each may be a <see cref="System.Text.Json.Nodes.JsonNode"/>,
/// a JSON string, or any object (serialized with web defaults: camelCase names).
/// </summary>
public sealed class EvaluationContext
{
    public EvaluationContext()
    {
    }

    public EvaluationContext(object? root) => Root = root;

    public object? Root { get; set; }

    public object? Host { get; set; }
}
