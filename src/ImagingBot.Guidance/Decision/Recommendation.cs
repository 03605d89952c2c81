namespace ImagingBot.Guidance;

/// <summary>
/// The advice for one set of answers. <see cref="Recommended"/> is null when no imaging is the right first step;
/// then <see cref="OrderIndication"/> is null too and <see cref="WhatWouldChange"/> says what would change that.
/// </summary>
public sealed record Recommendation(
    Pathway Pathway,
    string PathwayTitle,
    Urgency Urgency,
    Contraindication Contraindication,
    RatedProcedure? Recommended,
    string Headline,
    IReadOnlyList<Alternative> Alternatives,
    IReadOnlyList<string> Because,
    IReadOnlyList<string> WhyThisStudy,
    IReadOnlyList<string> Escalation,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Pitfalls,
    IReadOnlyList<NextStep> AfterTheScan,
    IReadOnlyList<FaqEntry> RelatedFaq,
    IReadOnlyList<string> WhatWouldChange,
    string? OrderIndication,
    GuidanceSource Source);
