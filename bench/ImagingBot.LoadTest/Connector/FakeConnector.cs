using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace ImagingBot.LoadTest.Connector;

/// <summary>
/// The Teams channel's Bot Connector as the bot sees it at the activity's <c>serviceUrl</c>, on Kestrel at 127.0.0.1:
/// <c>POST /v3/conversations/{conversationId}/activities[/{replyToId}]</c> (send and reply) and
/// <c>PUT /v3/conversations/{conversationId}/activities/{activityId}</c> (update), each answered 200 with a
/// ResourceResponse <c>{"id":"..."}</c> as the Bot Connector REST API does. It keeps each conversation's replies until
/// the virtual clinician of that conversation takes them after its turn, and counts every one, so a reply the bot
/// should have posted and did not is seen.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private static readonly byte[] ResourcePrefix = "{\"id\":\""u8.ToArray();
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Inbox> _inboxes = new(StringComparer.Ordinal);
    private long _received;
    private long _updates;
    private long _ids;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The <c>serviceUrl</c> the activities carry, with its trailing slash as Teams sends it.</summary>
    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Replies received (sends and replies to an activity), all conversations together.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Activities the bot updated in place (PUT).</summary>
    public long Updates => Interlocked.Read(ref _updates);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.ReceiveAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", connector.ReceiveAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", connector.UpdateAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = new Uri(address.TrimEnd('/') + "/");
        return connector;
    }

    /// <summary>
    /// The replies the bot posted to this conversation since the last call, oldest first, as an expectReplies body
    /// <c>{"activities":[...]}</c> so that one reader checks both paths; and how many there were.
    /// </summary>
    public (byte[] Body, int Count) TakeReplies(string conversationId)
    {
        if (!_inboxes.TryGetValue(conversationId, out var inbox))
        {
            return ("{\"activities\":[]}"u8.ToArray(), 0);
        }

        List<byte[]> replies;
        lock (inbox)
        {
            replies = inbox.Take();
        }

        var length = "{\"activities\":[]}".Length + replies.Sum(reply => reply.Length) + Math.Max(0, replies.Count - 1);
        var body = new byte[length];
        var at = 0;
        void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(body.AsSpan(at));
            at += bytes.Length;
        }

        Append("{\"activities\":["u8);
        for (var i = 0; i < replies.Count; i++)
        {
            if (i > 0)
            {
                Append(","u8);
            }

            Append(replies[i]);
        }

        Append("]}"u8);
        return (body, replies.Count);
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var conversationId = (string)context.Request.RouteValues["conversationId"]!;
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        var inbox = _inboxes.GetOrAdd(conversationId, static _ => new Inbox());
        lock (inbox)
        {
            inbox.Add(body);
        }

        Interlocked.Increment(ref _received);
        await WriteResourceResponseAsync(context.Response).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context)
    {
        await ReadBodyAsync(context.Request).ConfigureAwait(false);
        Interlocked.Increment(ref _updates);
        await WriteResourceResponseAsync(context.Response).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync().ConfigureAwait(false);
            if (read.IsCompleted)
            {
                var body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return body;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private Task WriteResourceResponseAsync(HttpResponse response)
    {
        var id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[ResourcePrefix.Length + id.Length + 2];
        ResourcePrefix.CopyTo(body, 0);
        Encoding.ASCII.GetBytes(id, body.AsSpan(ResourcePrefix.Length));
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One conversation's replies not yet taken; guarded by locking the inbox.</summary>
    private sealed class Inbox
    {
        private List<byte[]> _replies = [];

        public void Add(byte[] reply) => _replies.Add(reply);

        public List<byte[]> Take()
        {
            var taken = _replies;
            _replies = [];
            return taken;
        }
    }
}
