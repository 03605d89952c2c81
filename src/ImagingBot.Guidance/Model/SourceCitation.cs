namespace ImagingBot.Guidance;

/// <summary>One source the guidance file cites; every fact row names one or more of these by id.</summary>
public sealed record SourceCitation(string Id, string Citation)
{
    /// <summary>Where the source can be read, when the file gives it (the ACR topic's page).</summary>
    public string? Url { get; init; }
}
