namespace ImagingBot.Guidance;

/// <summary>
/// A frequently asked question. Keywords are the words clinicians type (synonyms included);
/// RelatedWhen lists conditions of which any one makes the entry relevant to a recommendation.
/// </summary>
public sealed record FaqEntry(
    string Id,
    string Question,
    string Answer,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<GuidanceCondition> RelatedWhen,
    IReadOnlyList<string> Sources);
