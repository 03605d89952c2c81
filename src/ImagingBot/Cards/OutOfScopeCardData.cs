using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/out-of-scope.template.json (shape: cards/out-of-scope.child.data.json, out-of-scope.trauma.data.json):
/// a patient outside the adult low back pain topic, where to look instead, and the emergency banner when an emergency
/// sign was given. It has no field for a study, a category or a dose: an adult rating must never reach these patients.
/// </summary>
public sealed record OutOfScopeCardData(
    string Headline,
    string Explanation,
    string SeeInstead,
    bool Emergency,
    IReadOnlyList<string> Escalation,
    IReadOnlyList<string> Because,
    string Summary,
    string Speak,
    CardSource Source)
{
    public static OutOfScopeCardData From(OutOfScope advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var emergency = advice.Emergency ? "EMERGENCY. " + string.Join(" ", advice.Escalation.Select(CardText.WithFinalPeriod)) + " " : string.Empty;
        return new OutOfScopeCardData(
            advice.Headline,
            advice.Explanation,
            advice.SeeInstead,
            advice.Emergency,
            advice.Escalation,
            [.. advice.Because.Select(CardText.Sentence)],
            $"{emergency}{CardText.WithFinalPeriod(advice.Headline)} {CardText.WithFinalPeriod(advice.Explanation)} Where to look instead: {CardText.WithFinalPeriod(advice.SeeInstead)}",
            (advice.Emergency ? "Emergency. " : string.Empty) + CardText.WithFinalPeriod(advice.Headline),
            CardSource.From(advice.Source, advice.ContentVersion));
    }
}
