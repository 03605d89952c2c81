using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The data of cards/quickform.template.json (shape: cards/quickform.data.json). Each input is named by its step id,
/// which is what the consult reads back from the submit; answers already given are pre-selected.
/// </summary>
public sealed record QuickFormCardData(string ConsultId, string Title, string Intro, IReadOnlyList<QuickFormCardData.Question> Questions)
{
    public sealed record Question(string Id, string Label, string Hint, string ErrorMessage, string Value, IReadOnlyList<Choice> Choices);

    public sealed record Choice(string Title, string Value);

    private static readonly Choice[] YesNo = [new("Yes", "yes"), new("No", "no")];

    public static QuickFormCardData From(GuidanceDocument guidance, PromptContext<ConsultAnswers> prompt)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(prompt);
        var answers = prompt.Answers;
        Question YesNoQuestion(string id, IntakeQuestionId questionId, bool? answer)
        {
            var question = guidance.Question(questionId);
            return new Question(id, question.Title + "?", Hint(question), "Choose yes or no.", answer switch { true => "yes", false => "no", null => string.Empty }, YesNo);
        }

        var contraindication = guidance.Question(IntakeQuestionId.Contraindication);
        return new QuickFormCardData(
            prompt.ConsultId,
            "Quick form",
            "Answer everything at once, then get the recommendation.",
            [
                YesNoQuestion(ConsultSteps.Cancer, IntakeQuestionId.SuspectedCancer, answers.SuspectedCancer),
                YesNoQuestion(ConsultSteps.Infection, IntakeQuestionId.SuspectedInfection, answers.SuspectedInfection),
                YesNoQuestion(ConsultSteps.Immunosuppression, IntakeQuestionId.Immunosuppression, answers.Immunosuppressed),
                YesNoQuestion(ConsultSteps.NeurologicDeficit, IntakeQuestionId.NeurologicDeficits, answers.NeurologicDeficits),
                new Question(
                    ConsultSteps.Contraindication,
                    contraindication.Prompt,
                    Hint(contraindication),
                    "Choose one.",
                    answers.Contraindication switch
                    {
                        Guidance.Contraindication.None => "none",
                        Guidance.Contraindication.MriNotPossible => "mri",
                        Guidance.Contraindication.ContrastNotPossible => "contrast",
                        _ => string.Empty,
                    },
                    [.. guidance.ContraindicationOptions.Select(o => new Choice(CardText.Sentence(o.Label), o.Value switch
                    {
                        Guidance.Contraindication.MriNotPossible => "mri",
                        Guidance.Contraindication.ContrastNotPossible => "contrast",
                        _ => "none",
                    }))]),
            ]);
    }

    private static string Hint(IntakeQuestion question) => CardText.Sentence(string.Join(", ", question.Criteria)) + ".";
}
