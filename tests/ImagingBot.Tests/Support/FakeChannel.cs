using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ImagingBot.Tests.Support;

/// <summary>
/// The channel's reply endpoint (the activity's <c>serviceUrl</c>) on a loopback port, speaking the Bot
/// Connector wire format: replies are POSTed to <c>/v3/conversations/{id}/activities[/{replyToId}]</c> and
/// answered with a resource id. Stands in for the Teams service, which tests cannot reach.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChannel(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    /// <summary>Every reply the bot sent to the channel.</summary>
    public ConcurrentQueue<JsonObject> Replies { get; } = new();

    /// <summary>The question the newest reply asks (its answer buttons' questionId), or null.</summary>
    public string? LastAsked
    {
        get
        {
            var last = Replies.LastOrDefault();
            var card = last is null ? null : BotReplies.Card(last);
            return card is null ? null : BotReplies.ActionData(card).Where(data => (string?)data["action"] == "answer").Select(data => (string?)data["questionId"]).FirstOrDefault();
        }
    }

    public static async Task<FakeChannel> StartAsync()
    {
        var channel = (FakeChannel?)null;
        async Task<IResult> Receive(HttpContext context)
        {
            var reply = await JsonNode.ParseAsync(context.Request.Body);
            if (reply is JsonObject activity)
            {
                channel!.Replies.Enqueue(activity);
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        }

        var (app, address) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)Receive);
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)Receive);
        });
        channel = new FakeChannel(app, address);
        return channel;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
