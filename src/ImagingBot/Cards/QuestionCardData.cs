using ImagingBot.Consult;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/question.template.json (shape: cards/question.data.json): any question of the guidance's tree,
/// its buttons straight from the question's options. There is no "of N": the tree asks only what can still change
/// the answer, so the total is not known in advance.
/// </summary>
public sealed record QuestionCardData(
    string ConsultId,
    string QuestionId,
    int Number,
    bool EmergencyScreen,
    string Title,
    string Note,
    string Prompt,
    string CriteriaHeading,
    IReadOnlyList<string> Criteria,
    IReadOnlyList<QuestionCardData.AnswerButton> Options,
    IReadOnlyList<string> AnswerWords,
    string Summary,
    bool OfferQuickForm,
    bool UniversalActions)
{
    public sealed record AnswerButton(string Title, string Value);

    /// <param name="universalActions">Buttons as Action.Execute (Teams) rather than Action.Submit.</param>
    public static QuestionCardData From(AskQuestion ask, bool universalActions = false)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var question = ask.Question;
        var prompt = CardText.WithoutAnswerYesInstruction(question.Prompt);
        var note = NoteFor(ask.Reason);
        var summary = $"Question {ask.Number}{(question.IsEmergencyScreen ? ", emergency screen" : string.Empty)}. {(note.Length > 0 ? note + " " : string.Empty)}{prompt}";
        return new QuestionCardData(
            ask.ConsultId,
            question.Key,
            ask.Number,
            question.IsEmergencyScreen,
            question.Title,
            note,
            prompt,
            CardText.CriteriaHeading(question),
            [.. question.Criteria.Select(CardText.Sentence)],
            [.. question.Options.Select(o => new AnswerButton(CardText.Sentence(o.Label), o.Value))],
            question.IsYesNo ? [ClinicalAnswers.Yes, ClinicalAnswers.No] : [.. question.Options.Select(o => CardText.Sentence(o.Label))],
            summary,
            ask.OfferQuickForm,
            universalActions);
    }

    /// <summary>What a card says before its prompt when it is asked again.</summary>
    public static string NoteFor(PromptReason reason) => reason switch
    {
        PromptReason.Reprompt => "Sorry, I did not get that. Please choose one of the answers.",
        PromptReason.Resume => "Back to the consult, where we left off.",
        _ => string.Empty,
    };
}
