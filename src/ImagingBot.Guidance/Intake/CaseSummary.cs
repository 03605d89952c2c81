namespace ImagingBot.Guidance;

/// <summary>
/// What a one-line case told us: partial answers (unstated items stay null), the findings read in clinic wording,
/// and whether the text reads as a patient's case at all (an age, a sex, back pain, or any finding), in which case it
/// is never answered with an FAQ.
/// </summary>
public sealed record CaseSummary(ClinicalAnswers Answers, IReadOnlyList<RecognisedFinding> Findings, int? AgeInYears, bool IsCase)
{
    public IReadOnlyList<string> FindingTexts => [.. Findings.Select(f => f.Text)];
}
