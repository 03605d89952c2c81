namespace ImagingBot.Guidance;

/// <summary>An FAQ entry that matched a query, with a score from 0 (nothing in common) to 1.</summary>
public sealed record FaqHit(FaqEntry Entry, double Score);
