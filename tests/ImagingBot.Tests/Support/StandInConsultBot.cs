using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Support;

/// <summary>
/// The consult over HTTP until the real bot class drives it: the real ConsultDialog on the app's own
/// ConversationState, with cards whose buttons carry the same submit data as cards/question.template.json.
/// Replaced by the app's own bot once the consult is wired in.
/// </summary>
public sealed class StandInConsultBot(ConversationState conversationState) : ActivityHandler
{
    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private static readonly ImagingDecision Decision = new(Guidance);
    private static readonly FaqSearch Faq = new(Guidance);

    private readonly ConsultDialog consult = new(conversationState, Guidance, Decision, Faq, new WireConsultCards());

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await conversationState.LoadAsync(turnContext, false, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    // The app's own bot welcomes new members; the consult tests need nothing from these updates.
    protected override Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? string.Empty;
        var action = turnContext.Activity.Value is JObject data ? CardSubmit.Text(data, CardSubmit.ActionKey) : null;
        if (action == "new" || text.StartsWith("start", StringComparison.OrdinalIgnoreCase))
        {
            await consult.StartAsync(turnContext, action == "new" ? null : text["start".Length..], cancellationToken);
            return;
        }

        if ((await consult.ContinueAsync(turnContext, cancellationToken)).Outcome != TurnOutcome.NotHandled)
        {
            return;
        }

        var found = Faq.Search(text);
        await turnContext.SendActivityAsync(
            found.Best is null ? MessageFactory.Text("not understood") : new WireConsultCards().FaqAnswer(found.Best.Entry),
            cancellationToken);
    }
}
