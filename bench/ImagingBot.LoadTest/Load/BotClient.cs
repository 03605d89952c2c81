using System.Net;
using System.Net.Http.Headers;

namespace ImagingBot.LoadTest.Load;

/// <summary>POSTs activities to /api/messages over pooled keep-alive connections, one per virtual user at most.</summary>
internal sealed class BotClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public BotClient(Uri endpoint, int connections, TimeSpan requestTimeout)
    {
        _endpoint = endpoint;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections, 1),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = requestTimeout,
        };
    }

    public async Task<BotResponse> PostAsync(byte[] activity, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(activity);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new BotResponse(response.StatusCode, body, System.Diagnostics.Stopwatch.GetTimestamp());
    }

    public void Dispose() => _http.Dispose();
}

/// <param name="ReceivedAt">Stopwatch timestamp when the whole body had arrived.</param>
internal readonly record struct BotResponse(HttpStatusCode Status, byte[] Body, long ReceivedAt);
