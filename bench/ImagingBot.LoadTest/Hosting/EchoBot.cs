using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>
/// The floor: the least a bot on our stack can do per turn. It replies with the text and, like our bot,
/// reads and saves the app's conversation state class (a turn counter), so the floor pays the same store round trip.
/// </summary>
internal sealed class EchoBot(ChangeTrackedConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> _turns = conversationState.CreateProperty<int>("turns");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var turns = await _turns.GetAsync(turnContext, () => 0, cancellationToken).ConfigureAwait(false);
        await _turns.SetAsync(turnContext, turns + 1, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(MessageFactory.Text(turnContext.Activity.Text), cancellationToken).ConfigureAwait(false);
    }
}
