namespace ImagingBot.Guidance;

/// <summary>
/// What the ACR says for one pathway: every rated procedure and, per contraindication answer, the study to order.
/// A pathway without choices recommends no imaging as the first step. EmergentHeadline is used when deficits make
/// the imaging emergent (it equals Headline when the file gives none).
/// </summary>
public sealed record PathwayGuidance(
    Pathway Id,
    string Title,
    string Headline,
    string EmergentHeadline,
    string OrderPhrase,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<PathwayRating> Ratings,
    IReadOnlyList<PathwayChoice> Choices)
{
    public PathwayRating RatingOf(string procedureId) =>
        Ratings.FirstOrDefault(r => r.Rated.ProcedureId == procedureId)
        ?? throw new ArgumentException($"Procedure '{procedureId}' is not rated on pathway {Id}.", nameof(procedureId));

    public PathwayChoice? ChoiceFor(Contraindication contraindication) =>
        Choices.FirstOrDefault(c => c.Contraindication == contraindication);
}
