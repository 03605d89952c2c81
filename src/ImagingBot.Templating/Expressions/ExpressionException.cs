namespace ImagingBot.Templating.Expressions;

/// <summary>An expression failed on this data (a function given the wrong kind of value).</summary>
internal sealed class ExpressionException(string message) : Exception(message);
