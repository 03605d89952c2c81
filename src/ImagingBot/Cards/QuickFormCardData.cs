using ImagingBot.Consult;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/quickform.template.json (shape: cards/quickform.data.json): every question of the tree as a
/// labelled choice set named by the question's key (what the consult reads back from the submit), with the answers
/// already given pre-selected. Only the emergency screen is required: the consult asks whatever else is still needed.
/// </summary>
public sealed record QuickFormCardData(string ConsultId, string Title, string Intro, IReadOnlyList<QuickFormCardData.Question> Questions, bool UniversalActions)
{
    public sealed record Question(
        string Id,
        string Label,
        string Hint,
        bool EmergencyScreen,
        bool Required,
        string ErrorMessage,
        string Value,
        IReadOnlyList<Choice> Choices);

    public sealed record Choice(string Title, string Value);

    public static QuickFormCardData From(ShowQuickForm form, bool universalActions = false)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new QuickFormCardData(
            form.ConsultId,
            "Quick form",
            "Answer what you know, then get the recommendation. The emergency screen must be answered; anything left blank I ask next, and only if it can change the answer.",
            [.. form.Questions.Select(q => QuestionOf(q, form.Answers))],
            universalActions);
    }

    private static Question QuestionOf(IntakeQuestion question, ClinicalAnswers answers) => new(
        question.Key,
        CardText.WithoutAnswerYesInstruction(question.Prompt),
        Hint(question),
        question.IsEmergencyScreen,
        question.IsEmergencyScreen,
        question.IsYesNo ? "Choose yes or no." : "Choose one.",
        answers.Value(question.Id) ?? string.Empty,
        [.. question.Options.Select(o => new Choice(CardText.Sentence(o.Label), o.Value))]);

    private static string Hint(IntakeQuestion question) =>
        question.Criteria.Count == 0
            ? string.Empty
            : $"{CardText.CriteriaHeading(question)} {CardText.WithFinalPeriod(string.Join("; ", question.Criteria))}";
}
