using ImagingBot.Consult;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/record.template.json (shape: cards/record.data.json and the other samples): what a clicked card
/// becomes once its click is taken (Universal Actions replace it in place), a compact record with no live buttons: the
/// answer kept, the case confirmed, the quick form sent, an advice whose answers are being changed or were changed, or
/// a card that no longer takes clicks. Only the advice records refresh themselves (<see cref="Refresh"/>), so that they
/// follow the consult when they are shown again.
/// </summary>
public sealed record RecordCardData(
    string ConsultId,
    string Heading,
    string Title,
    IReadOnlyList<RecordCardData.Line> Lines,
    string Note,
    string Summary,
    bool Refresh,
    string Answers,
    string Guidance,
    string ClinicianId)
{
    public sealed record Line(string Label, string Value);

    public const string SecondClickNote = "A second click changes nothing. To change an answer, type change.";

    internal static RecordCardData From(CardRecord record, IReadOnlyList<IntakeQuestion> questions, string contentVersion, CardIds ids)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(questions);
        return record switch
        {
            QuestionAnswered answered => Plain(
                ids,
                answered.Question.IsEmergencyScreen ? "Emergency screen, answered" : "Answered",
                answered.Question.Title,
                [new Line("Answer", CardText.Sentence(answered.Answer))],
                answered.Repeat ? SecondClickNote : string.Empty),
            CaseAnswered { Confirmed: { } confirmed } => Plain(
                ids, "Your case", confirmed ? "Confirmed: I ask only what is missing." : "Not confirmed: I ask every question.", [], string.Empty),
            CaseAnswered => Plain(ids, "Your case", "Already answered", [], SecondClickNote),
            QuickFormSent sent => Plain(
                ids,
                sent.Repeat ? "Quick form, sent before" : "Quick form sent",
                "Your answers",
                [.. sent.Questions.Select(q => new Line(q.Title, sent.Answers.Value(q.Id) is { } value ? CardText.Sentence(q.Option(value)?.Label ?? value) : "not given (asked next if it can change the advice)"))],
                sent.Repeat ? SecondClickNote : string.Empty),
            AdviceChanged changed => Changed(changed, questions, contentVersion, ids),
            CardClosed closed => Closed(closed.Reason, ids),
            _ => throw new ArgumentException($"No record card for {record.GetType().Name}.", nameof(record)),
        };
    }

    private static RecordCardData Changed(AdviceChanged changed, IReadOnlyList<IntakeQuestion> questions, string contentVersion, CardIds ids)
    {
        var (variant, headline, emergent) = changed.Advice switch
        {
            Recommendation r => ($"ACR variant {r.Variant}: {r.VariantTitle}", r.Headline, r.Urgency == Urgency.Emergent),
            OutOfScope o => ("Outside this topic", o.Headline, o.Emergency),
            var other => (other.GetType().Name, string.Empty, false),
        };
        var was = (emergent ? "EMERGENCY. " : string.Empty) + headline;
        var note = changed.StillChanging
            ? "The answers of this consult are being changed: the advice for the new answers follows when the quick form is sent."
            : "The answers were changed after this advice: the consult's current advice is further down the chat.";
        var data = Plain(ids, changed.StillChanging ? "Changing the answers" : "Replaced by newer advice", variant, [new Line("This card advised", was)], note);
        return data with { Refresh = true, Answers = AnswerLine.Write(changed.Answers, questions), Guidance = contentVersion };
    }

    private static RecordCardData Closed(ClosedReason reason, CardIds ids) => reason switch
    {
        ClosedReason.EarlierConsult => Plain(ids, "No longer active", "This card belongs to an earlier consult", [], "Nothing was recorded. Your current consult, if any, is further down the chat."),
        ClosedReason.AnotherConsult => Plain(ids, "No longer active for you", "This card belongs to another consult", [], "It is another clinician's, or an earlier one of yours, so nothing was recorded. Your own consult is further down the chat."),
        ClosedReason.GuidanceChanged => Plain(ids, "No longer active", "This advice was made with an earlier version of the guidance", [], "It is not shown again under the current version: type start for current advice."),
        _ => Plain(ids, "No longer active", "This card is out of date", [], "Nothing was recorded. Type start for a new consult, or help."),
    };

    private static RecordCardData Plain(CardIds ids, string heading, string title, IReadOnlyList<Line> lines, string note)
    {
        var summary = string.Join(" ", new[] { CardText.WithFinalPeriod(heading), CardText.WithFinalPeriod(title) }
            .Concat(lines.Select(line => CardText.WithFinalPeriod($"{line.Label}: {line.Value}")))
            .Append(note)).Trim();
        return new RecordCardData(ids.ConsultId, heading, title, lines, note, summary, Refresh: false, string.Empty, string.Empty, ids.ClinicianId ?? string.Empty);
    }
}
