namespace ImagingBot.Guidance;

/// <summary>One source the guidance file cites; every fact row names one or more of these by id.</summary>
public sealed record SourceCitation(string Id, string Citation);
