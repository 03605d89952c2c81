using ImagingBot.Consult;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>Turns each of the consult's replies into the message that says it: a card, or a plain line for a note.</summary>
public static class ConsultReplyRendering
{
    public static IMessageActivity Render(this IConsultCards cards, ConsultReply reply, CardAudience audience = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        return reply switch
        {
            AskQuestion ask => cards.Question(ask, audience),
            ConfirmCase confirm => cards.CaseConfirmation(confirm, audience),
            ShowQuickForm form => cards.QuickForm(form, audience),
            GiveAdvice advice => cards.Advice(advice, audience),
            CardRecord record => cards.Record(record, audience),
            ShowHelp => cards.Help(),
            ShowFaqList => cards.FaqList(),
            ShowFaqAnswer answer => cards.FaqAnswer(answer.Entry),
            ShowNotUnderstood notUnderstood => cards.NotUnderstood(notUnderstood.Suggestions),
            SayNote note => MessageFactory.Text(note.Text),
            _ => throw new ArgumentException($"No rendering for {reply.GetType().Name}.", nameof(reply)),
        };
    }
}
