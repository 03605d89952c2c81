using ImagingBot.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// Renders the consult's replies as cards, expanded from the templates in cards/. The consult decides what is said
/// (ids, questions, advice); this only turns that data into card JSON.
/// </summary>
public interface IConsultCards
{
    IMessageActivity Question(AskQuestion ask);

    IMessageActivity CaseConfirmation(ConfirmCase confirm);

    IMessageActivity QuickForm(ShowQuickForm form);

    /// <summary>A recommendation (one card per variant, emergent or routine) or the out-of-scope card.</summary>
    IMessageActivity Advice(GiveAdvice advice);

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
