namespace ImagingBot.Guidance;

/// <summary>The guidance data file is missing, malformed or inconsistent. The message names the file and the problem.</summary>
public sealed class GuidanceValidationException : Exception
{
    public GuidanceValidationException()
    {
    }

    public GuidanceValidationException(string message)
        : base(message)
    {
    }

    public GuidanceValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GuidanceValidationException(string filePath, string problem, Exception? innerException = null)
        : base($"Guidance file '{filePath}' is invalid: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    public string? FilePath { get; }

    public string? Problem { get; }
}
