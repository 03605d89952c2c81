using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace ImagingBot.LoadTest.Hosting;

/// <summary>
/// The connector path's lower floor: an ASP.NET Core endpoint with no Bot Framework at all. It reads the activity's
/// JSON, posts one reply with the same text to <c>{serviceUrl}v3/conversations/{id}/activities/{activityId}</c> with
/// one pooled HttpClient, and answers 200: what any bot on this path has to do, and nothing else (no authentication,
/// no state, no middleware). With <c>dropEvery</c> it answers 200 to every n-th activity without posting its reply:
/// the bot that loses a reply, which the bench must count.
/// </summary>
internal sealed class MinimalBotHost : IBotHost
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly WebApplication _app;
    private readonly HttpClient _connector;

    private MinimalBotHost(WebApplication app, HttpClient connector, Uri baseAddress)
    {
        _app = app;
        _connector = connector;
        MessagesEndpoint = new Uri(baseAddress, "/api/messages");
    }

    public Uri MessagesEndpoint { get; }

    /// <param name="dropEvery">When above 0, every n-th activity gets its 200 and no reply (for the lost-reply check).</param>
    public static async Task<MinimalBotHost> StartAsync(int dropEvery = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
        var received = 0L;
        app.MapPost("/api/messages", context => dropEvery > 0 && Interlocked.Increment(ref received) % dropEvery == 0
            ? DropAsync(context)
            : ReplyAsync(context, connector));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new MinimalBotHost(app, connector, new Uri(address));
    }

    private static async Task ReplyAsync(HttpContext context, HttpClient connector)
    {
        string serviceUrl, conversationId, activityId, text;
        using (var activity = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false))
        {
            var root = activity.RootElement;
            serviceUrl = root.GetProperty("serviceUrl").GetString()!;
            conversationId = root.GetProperty("conversation").GetProperty("id").GetString()!;
            activityId = root.GetProperty("id").GetString()!;
            text = root.TryGetProperty("text", out var typed) ? typed.GetString() ?? string.Empty : string.Empty;
        }

        var reply = JsonSerializer.SerializeToUtf8Bytes(new Reply("message", text, activityId), ReplyJsonContext.Default.Reply);
        using var content = new ByteArrayContent(reply);
        content.Headers.ContentType = Json;
        var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        using var response = await connector.PostAsync(url, content, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = response.IsSuccessStatusCode ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway;
    }

    private static async Task DropAsync(HttpContext context)
    {
        using (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false))
        {
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _connector.Dispose();
    }
}

/// <summary>The reply the minimal floor posts: a message with the text it got, in reply to the activity.</summary>
internal sealed record Reply(string Type, string Text, string ReplyToId);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(Reply))]
internal sealed partial class ReplyJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
