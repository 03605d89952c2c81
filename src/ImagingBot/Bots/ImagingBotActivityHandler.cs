using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace ImagingBot.Bots;

/// <summary>The Teams-facing bot: adapts Bot Framework activities to the consult.</summary>
public sealed class ImagingBotActivityHandler(ConversationState conversationState) : TeamsActivityHandler
{
    public const string Greeting =
        "Hello, I am ImagingBot. I help you choose the first imaging study for low back pain with red flags " +
        "(suspected cancer, infection or immunosuppression), following the ACR Appropriateness Criteria.";

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        // Read the conversation first: if the store is down, the user hears so before anything else is said.
        await conversationState.LoadAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        // In group chats and channels Teams puts "<at>ImagingBot</at>" in front of the text.
        turnContext.Activity.RemoveRecipientMention();
        await turnContext.SendActivityAsync(MessageFactory.Text(Greeting), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        if (membersAdded.Any(member => member.Id != turnContext.Activity.Recipient?.Id))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(Greeting), cancellationToken).ConfigureAwait(false);
        }
    }
}
