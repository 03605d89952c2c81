using System.Globalization;
using ImagingBot.LoadTest.Connector;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// Sends numbered messages in one conversation; the echo bot must reply with exactly the same text. With a
/// <paramref name="connector"/> the messages are Teams' (normal delivery) and the one reply is read from the fake
/// connector after the turn's 200: none there is a lost reply.
/// </summary>
internal sealed class FloorUser(string conversationId, FakeConnector? connector = null) : IVirtualUser
{
    public BotResponse LastResponse { get; private set; }

    private readonly TeamsChat? _chat = connector is null ? null : new TeamsChat(conversationId, connector.ServiceUrl.OriginalString);
    private long _turn;

    public async Task<TurnOutcome> RunTurnAsync(BotClient client, CancellationToken cancellationToken)
    {
        var text = "echo " + (++_turn).ToString(CultureInfo.InvariantCulture);
        var request = _chat is null ? ActivityPayloads.Message(conversationId, text) : ActivityPayloads.TeamsMessage(_chat, text);
        var response = await client.PostAsync(request, cancellationToken).ConfigureAwait(false);
        LastResponse = response;
        if (connector is not null)
        {
            var (replies, count) = connector.TakeReplies(conversationId);
            LastResponse = response with { Body = replies };
            if (response.Status == System.Net.HttpStatusCode.OK && count == 0)
            {
                return new TurnOutcome(ConsultUser.LostReply, LostReplies: 1);
            }
        }

        var (document, error) = Replies.Parse(LastResponse);
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
