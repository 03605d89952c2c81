using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/case-confirmation.template.json (shape: cards/case-confirmation.data.json): what was read from a
/// one-line case, then yes (ask only what is missing) or no (ask every question). The buttons answer like a question's.
/// </summary>
public sealed record CaseConfirmationCardData(
    string ConsultId,
    string QuestionId,
    string Title,
    string Prompt,
    IReadOnlyList<string> Understood,
    IReadOnlyList<QuestionCardData.AnswerButton> Options)
{
    private static readonly QuestionCardData.AnswerButton[] YesNo = [new("Yes", "yes"), new("No, ask me", "no")];

    public static CaseConfirmationCardData From(IReadOnlyList<string> understood, PromptContext<ConsultAnswers> prompt)
    {
        ArgumentNullException.ThrowIfNull(understood);
        ArgumentNullException.ThrowIfNull(prompt);
        var question = "Is that right? Yes: I ask only what is missing. No: I ask every question.";
        return new CaseConfirmationCardData(
            prompt.ConsultId,
            prompt.StepId,
            "Your case",
            prompt.Reason == PromptReason.Reprompt ? "Sorry, I did not get that. Please answer yes or no. " + question : question,
            [.. understood.Select(CardText.Sentence)],
            YesNo);
    }
}
