using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The data of cards/question.template.json (shape: cards/question.data.json and question.contraindication.data.json).</summary>
public sealed record QuestionCardData(
    string ConsultId,
    string QuestionId,
    QuestionCardData.QuestionProgress Progress,
    string Title,
    string Prompt,
    string CriteriaHeading,
    IReadOnlyList<string> Criteria,
    IReadOnlyList<QuestionCardData.AnswerButton> Options,
    IReadOnlyList<string> AnswerWords,
    bool OfferQuickForm)
{
    public sealed record QuestionProgress(int Number, int Total);

    public sealed record AnswerButton(string Title, string Value);

    private static readonly AnswerButton[] YesNo = [new("Yes", "yes"), new("No", "no")];

    public static QuestionCardData From(IntakeQuestion question, string stepId, PromptContext<ConsultAnswers> prompt, int number, int total, bool offerQuickForm)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(prompt);
        return new QuestionCardData(
            prompt.ConsultId,
            stepId,
            new QuestionProgress(number, total),
            question.Title,
            Reworded(question.Prompt, prompt.Reason, "Please answer yes or no."),
            "Answer yes if any of these fit:",
            [.. question.Criteria.Select(CardText.Sentence)],
            YesNo,
            ["yes", "no"],
            offerQuickForm);
    }

    /// <summary>
    /// The contraindication question. The buttons are short (a phone shows three buttons side by side and cuts long
    /// titles); the guidance's own labels for the options are listed above them.
    /// </summary>
    public static QuestionCardData Contraindication(IntakeQuestion question, IReadOnlyList<ContraindicationOption> options, PromptContext<ConsultAnswers> prompt, int number, int total)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(prompt);
        AnswerButton[] buttons = [.. options.Select(o => ContraindicationButton(o.Value))];
        return new QuestionCardData(
            prompt.ConsultId,
            prompt.StepId,
            new QuestionProgress(number, total),
            question.Title,
            Reworded(question.Prompt, prompt.Reason, "Please choose one of the buttons."),
            "Choose a limit only if one applies, for example:",
            [.. question.Criteria.Select(CardText.Sentence)],
            buttons,
            [.. buttons.Select(b => b.Title.ToLowerInvariant())],
            prompt.OfferQuickForm);
    }

    // The value each button sends is what ContraindicationRecognizer reads.
    private static AnswerButton ContraindicationButton(Guidance.Contraindication value) => value switch
    {
        Guidance.Contraindication.MriNotPossible => new("No MRI", "mri"),
        Guidance.Contraindication.ContrastNotPossible => new("No contrast", "contrast"),
        _ => new("No limit", "none"),
    };

    private static string Reworded(string prompt, PromptReason reason, string nudge) =>
        reason == PromptReason.Reprompt ? $"Sorry, I did not get that. {nudge} {prompt}" : prompt;
}
