namespace ImagingBot.Guidance;

/// <summary>
/// What the ACR topic says for one variant (1 to 7): its ratings, which categories its sources give, the order of its
/// Usually Appropriate studies where a source ranks them, what to show when MRI cannot be done, and its texts.
/// </summary>
public sealed record VariantGuidance(
    int Id,
    string Title,
    string ShortTitle,
    string OrderPhrase,
    IReadOnlyList<string> EvaluateFor,
    VariantHeadlines Headlines,
    IReadOnlyList<AppropriatenessCategory> SourcedCategories,
    IReadOnlyList<VariantRating> Ratings,
    VariantRanking? Ranking,
    MriAlternatives WhenMriNotPossible,
    IReadOnlyList<ConditionalText> Reasons,
    IReadOnlyList<ConditionalText> Warnings,
    IReadOnlyList<ConditionalText> Escalation,
    IReadOnlyList<ConditionalText> Pitfalls,
    IReadOnlyList<NextStepRule> AfterTheScan,
    IReadOnlyList<ConditionalText> WhatWouldChange,
    IReadOnlyList<string> Sources)
{
    /// <summary>The procedure's rating in this variant, or null when the variant's sources do not rate it.</summary>
    public VariantRating? RatingOf(string procedureId) => Ratings.FirstOrDefault(r => r.Rated.ProcedureId == procedureId);

    public IEnumerable<VariantRating> UsuallyAppropriate => Ratings.Where(r => r.Rated.Category == AppropriatenessCategory.UsuallyAppropriate);
}
