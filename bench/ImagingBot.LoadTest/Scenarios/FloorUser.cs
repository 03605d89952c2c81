using System.Globalization;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>Sends numbered messages in one conversation; the echo bot must reply with exactly the same text.</summary>
internal sealed class FloorUser(string conversationId) : IVirtualUser
{
    public BotResponse LastResponse { get; private set; }

    private long _turn;

    public async Task<TurnOutcome> RunTurnAsync(BotClient client, CancellationToken cancellationToken)
    {
        var text = "echo " + (++_turn).ToString(CultureInfo.InvariantCulture);
        var response = await client.PostAsync(ActivityPayloads.Message(conversationId, text), cancellationToken).ConfigureAwait(false);
        LastResponse = response;
        var (document, error) = Replies.Parse(response);
        if (document is null)
        {
            return TurnOutcome.Failed(error!);
        }

        using (document)
        {
            var texts = Replies.Activities(document).Select(Replies.Text).ToList();
            return texts is [var reply] && reply == text ? TurnOutcome.Ok : TurnOutcome.Failed("echo reply missing or wrong");
        }
    }
}
