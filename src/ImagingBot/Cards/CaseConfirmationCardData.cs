using ImagingBot.Consult;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/case-confirmation.template.json (shape: cards/case-confirmation.data.json): what was read from a
/// one-line case, then yes (ask only what is missing) or no (ask every question). The buttons answer like a question's,
/// with the question id <see cref="QuestionId"/>.
/// </summary>
public sealed record CaseConfirmationCardData(
    string ConsultId,
    string QuestionId,
    string Title,
    string Note,
    string Prompt,
    IReadOnlyList<string> Understood,
    IReadOnlyList<QuestionCardData.AnswerButton> Options,
    bool UniversalActions)
{
    /// <summary>The <c>questionId</c> the confirmation's buttons carry.</summary>
    public const string CaseQuestionId = "case";

    private static readonly QuestionCardData.AnswerButton[] YesNo = [new("Yes", "yes"), new("No, ask me", "no")];

    public static CaseConfirmationCardData From(ConfirmCase confirm, bool universalActions = false)
    {
        ArgumentNullException.ThrowIfNull(confirm);
        return new CaseConfirmationCardData(
            confirm.ConsultId,
            CaseQuestionId,
            "Your case",
            QuestionCardData.NoteFor(confirm.Reason),
            "Is that right? Yes: I ask only what is missing. No: I ask every question.",
            [.. confirm.Understood.Select(CardText.Sentence)],
            YesNo,
            universalActions);
    }
}
