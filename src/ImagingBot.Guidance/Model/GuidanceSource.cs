namespace ImagingBot.Guidance;

/// <summary>Where the advice comes from and when our summary of it was last reviewed.</summary>
public sealed record GuidanceSource(string Title, int RevisedYear, string Variant, DateOnly ReviewedOn);
