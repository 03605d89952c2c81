namespace ImagingBot.Guidance;

/// <summary>What a one-line case summary told us: partial answers (unstated items stay null) and the findings read.</summary>
public sealed record CaseSummary(ClinicalAnswers Answers, IReadOnlyList<RecognisedFinding> Findings)
{
    public IReadOnlyList<string> FindingTexts => [.. Findings.Select(f => f.Text)];
}
