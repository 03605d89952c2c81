using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// Turns the findings a <see cref="Recommendation"/> gives as its reasons ("fever or suspected infection") back into
/// the question and answer the clinician saw ("Suspicion of infection": "Yes"), for the card's "Because" facts.
/// The wording is the guidance data's own, so a finding always maps to exactly one question.
/// </summary>
public sealed class BecauseFacts
{
    private readonly Dictionary<string, RecommendationCardData.Fact> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<Contraindication, string> _contraindicationFindings;

    public BecauseFacts(GuidanceDocument guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        foreach (var question in guidance.Questions.Where(q => q.Id != IntakeQuestionId.Contraindication))
        {
            _facts[question.Finding] = new(question.Title, "Yes");
            _facts[question.AbsentFinding] = new(question.Title, "No");
        }

        var contraindication = guidance.Question(IntakeQuestionId.Contraindication);
        _contraindicationFindings = guidance.ContraindicationOptions.ToDictionary(o => o.Value, o => o.Finding);
        foreach (var option in guidance.ContraindicationOptions)
        {
            _facts.TryAdd(option.Finding, new(contraindication.Title, CardText.Sentence(option.Finding)));
        }
    }

    public RecommendationCardData.Fact For(string finding) =>
        _facts.TryGetValue(finding, out var fact) ? fact : new(CardText.Sentence(finding), "Yes");

    /// <summary>The finding that names a contraindication, or null when there is none.</summary>
    public string? ContraindicationFinding(Contraindication contraindication) =>
        contraindication == Contraindication.None ? null : _contraindicationFindings.GetValueOrDefault(contraindication);
}
