namespace ImagingBot.Templating;

/// <summary>A template that cannot be used: bad JSON, unsupported syntax, or sample data that does not fit it.</summary>
public sealed class AdaptiveCardTemplateException : Exception
{
    public AdaptiveCardTemplateException()
    {
    }

    public AdaptiveCardTemplateException(string message)
        : base(message)
    {
    }

    public AdaptiveCardTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
