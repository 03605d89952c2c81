using ImagingBot.Guidance;
using Microsoft.Bot.Schema;

namespace ImagingBot.Dialogs.Consult;

/// <summary>
/// The cards the consult sends, built from the templates in cards/ by the templating engine.
/// The consult passes the ids the buttons must carry (consultId, questionId) and never builds card JSON.
/// </summary>
public interface IConsultCards
{
    IMessageActivity Question(IntakeQuestion question, string stepId, PromptContext<ConsultAnswers> prompt, int number, int total, bool offerQuickForm);

    IMessageActivity Contraindication(IReadOnlyList<ContraindicationOption> options, PromptContext<ConsultAnswers> prompt, int number, int total);

    IMessageActivity CaseConfirmation(IReadOnlyList<string> understood, PromptContext<ConsultAnswers> prompt);

    IMessageActivity QuickForm(PromptContext<ConsultAnswers> prompt);

    IMessageActivity Recommendation(Recommendation recommendation, string consultId);

    /// <summary>The welcome card; also the answer to "help".</summary>
    IMessageActivity Help();

    IMessageActivity FaqAnswer(FaqEntry entry);

    /// <summary>Every FAQ question as a button.</summary>
    IMessageActivity FaqList();

    /// <summary>What the bot can do, with the closest FAQ questions as suggestions (may be empty).</summary>
    IMessageActivity NotUnderstood(IReadOnlyList<FaqEntry> suggestions);

    /// <summary>The FAQ answer as a bare card, to insert into a chat from the compose box (no buttons that need the bot).</summary>
    Attachment FaqAnswerAttachment(FaqEntry entry);
}
