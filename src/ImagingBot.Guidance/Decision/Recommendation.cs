namespace ImagingBot.Guidance;

/// <summary>
/// The advice for one set of answers in the adult low back pain topic. <see cref="Variant"/> is the ACR variant
/// (1 to 7) the card leads with; <see cref="AlsoApplies"/> lists the other variants that apply. <see cref="FirstLine"/>
/// holds the Usually Appropriate studies still possible given the contraindication, shown as equal options unless
/// <see cref="RankingNote"/> (with its source) says the first is preferred; empty means no imaging as the first step,
/// and then <see cref="OrderIndication"/> is null and <see cref="WhatWouldChange"/> says what would change that.
/// <see cref="IfMriNotPossible"/> is filled on emergent advice, which asks no further question, so that the card
/// already says what to order when MRI cannot be done.
/// </summary>
public sealed record Recommendation(
    int Variant,
    string VariantTitle,
    Urgency Urgency,
    Contraindication Contraindication,
    IReadOnlyList<FirstLineStudy> FirstLine,
    string? RankingNote,
    string Headline,
    IReadOnlyList<Alternative> Alternatives,
    IReadOnlyList<Alternative> IfMriNotPossible,
    IReadOnlyList<AlsoApplies> AlsoApplies,
    IReadOnlyList<string> Because,
    IReadOnlyList<string> WhyFirstLine,
    IReadOnlyList<string> Escalation,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Pitfalls,
    IReadOnlyList<NextStep> AfterTheScan,
    IReadOnlyList<FaqEntry> RelatedFaq,
    IReadOnlyList<string> WhatWouldChange,
    string? OrderIndication,
    GuidanceSource Source,
    string ContentVersion) : Advice(Source, ContentVersion)
{
    /// <summary>The codes for the order of <see cref="Recommended"/>; null when no imaging comes first.</summary>
    public OrderCodes? OrderCodes { get; init; }

    /// <summary>The first first-line study (the preferred one when ranked), or null for no imaging first.</summary>
    public RatedProcedure? Recommended => FirstLine.Count > 0 ? FirstLine[0].Procedure : null;
}
