using ImagingBot.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// Renders the consult's replies as cards, expanded from the templates in cards/. The consult decides what is said
/// (ids, questions, advice); this only turns that data into card JSON. The cards whose buttons the consult answers in
/// place are made for an <see cref="CardAudience"/>: Action.Execute on Teams, Action.Submit elsewhere (the default).
/// </summary>
public interface IConsultCards
{
    IMessageActivity Question(AskQuestion ask, CardAudience audience = default);

    IMessageActivity CaseConfirmation(ConfirmCase confirm, CardAudience audience = default);

    IMessageActivity QuickForm(ShowQuickForm form, CardAudience audience = default);

    /// <summary>A recommendation (one card per variant, emergent or routine) or the out-of-scope card.</summary>
    IMessageActivity Advice(GiveAdvice advice, CardAudience audience = default);

    /// <summary>What a clicked card becomes once its click is taken: a compact record with no live buttons.</summary>
    IMessageActivity Record(CardRecord record, CardAudience audience = default);

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
