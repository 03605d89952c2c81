namespace ImagingBot.Guidance;

/// <summary>An order among a variant's Usually Appropriate studies, only where a source gives one; the note names that source in words.</summary>
public sealed record VariantRanking(IReadOnlyList<string> Procedures, string Note, IReadOnlyList<string> Sources);
