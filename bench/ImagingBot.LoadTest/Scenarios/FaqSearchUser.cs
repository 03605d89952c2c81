using System.Net;
using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// A search from the Teams compose box (a messaging extension query). The invoke response is the HTTP body:
/// <c>{"composeExtension":{"type":"result","attachments":[...]}}</c>, whose results must be about contrast.
/// </summary>
internal sealed class FaqSearchUser(string conversationId) : IVirtualUser
{
    public BotResponse LastResponse { get; private set; }

    public const string Query = "why contrast";
    public const string TenantId = "00000000-0000-0000-0000-0000000000aa";
    public const string PendingNote = "no compose-box search handler yet (HTTP 501)";

    public async Task<TurnOutcome> RunTurnAsync(BotClient client, CancellationToken cancellationToken)
    {
        var response = await client.PostAsync(ActivityPayloads.ComposeExtensionQuery(conversationId, TenantId, Query), cancellationToken).ConfigureAwait(false);
        LastResponse = response;
        if (response.Status == HttpStatusCode.NotImplemented)
        {
            return new TurnOutcome(Note: PendingNote);
        }

        if (response.Status != HttpStatusCode.OK)
        {
            return TurnOutcome.Failed($"HTTP {(int)response.Status}");
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var found = document.RootElement.TryGetProperty("composeExtension", out var extension)
                && extension.TryGetProperty("attachments", out var attachments)
                && attachments.ValueKind == JsonValueKind.Array
                && attachments.GetArrayLength() > 0
                && attachments.GetRawText().Contains("contrast", StringComparison.OrdinalIgnoreCase);
            return found ? TurnOutcome.Ok : TurnOutcome.Failed("no result about contrast");
        }
        catch (JsonException)
        {
            return TurnOutcome.Failed("response is not JSON");
        }
    }
}
