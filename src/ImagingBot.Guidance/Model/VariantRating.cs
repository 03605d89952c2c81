namespace ImagingBot.Guidance;

/// <summary>
/// A procedure's category in one variant, with the clinical question it answers (every Usually Appropriate study,
/// and every study shown when MRI is not possible) or why it ranks lower (every other study).
/// </summary>
public sealed record VariantRating(RatedProcedure Rated, string? Answers, string? WhyLower, IReadOnlyList<string> Sources);
