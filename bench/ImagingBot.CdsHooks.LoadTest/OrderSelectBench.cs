using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ImagingBot.CdsHooks.LoadTest;

/// <summary>
/// The run: at the given concurrency, the floor and order-select take turns in short rounds (floor first in odd
/// rounds, order-select first in even ones), so both see the same machine; after a warm-up of each, every call's
/// latency is kept. Each order-select call carries its own signed token (a jti is accepted once), checked for real
/// against the fake EHR's keys, and its answer is checked (the card count the patient should get). Signing is the
/// EHR's work, not the service's: the tokens are signed before the run, so that the signing does not take the CPU
/// the service is measured on (on this machine both run on the same two cores).
/// </summary>
internal sealed class OrderSelectBench(BenchHosts hosts, int concurrency, int rounds, TimeSpan roundLength, int tokensPerUser, TextWriter progress)
{
    public const double TargetP99Milliseconds = 50;

    public async Task<(RoundResult Floor, RoundResult OrderSelect)> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var floor = new RoundResult("floor");
        var service = new RoundResult("order-select");
        var minting = Stopwatch.StartNew();
        _tokens = new System.Collections.Concurrent.ConcurrentQueue<string>(
            Enumerable.Range(0, concurrency * tokensPerUser).AsParallel().Select(_ => hosts.Token()));
        service.TokenMinting = minting.Elapsed;
        service.TokensPremade = _tokens.Count;

        await RoundAsync(client, floor, TimeSpan.FromSeconds(2), record: false).ConfigureAwait(false);
        await RoundAsync(client, service, TimeSpan.FromSeconds(2), record: false).ConfigureAwait(false);
        for (var round = 0; round < rounds; round++)
        {
            RoundResult[] order = round % 2 == 0 ? [floor, service] : [service, floor];
            foreach (var scenario in order)
            {
                await RoundAsync(client, scenario, roundLength, record: true).ConfigureAwait(false);
            }

            await progress.WriteLineAsync($"round {round + 1}/{rounds}: floor p99 {floor.Percentile(99):F1} ms, order-select p99 {service.Percentile(99):F1} ms").ConfigureAwait(false);
        }

        service.TokensInline = _inline;
        return (floor, service);
    }

    private System.Collections.Concurrent.ConcurrentQueue<string> _tokens = new();
    private int _inline;

    private string Token()
    {
        if (_tokens.TryDequeue(out var token))
        {
            return token;
        }

        Interlocked.Increment(ref _inline);
        return hosts.Token();
    }

    private async Task RoundAsync(HttpClient client, RoundResult result, TimeSpan length, bool record)
    {
        var isFloor = result.Scenario == "floor";
        var latencies = new List<double>[concurrency];
        var errors = 0L;
        var stopwatch = Stopwatch.StartNew();
        var users = Enumerable.Range(0, concurrency).Select(async user =>
        {
            var mine = latencies[user] = [];
            for (var call = 0; stopwatch.Elapsed < length; call++)
            {
                var patient = (user + call) % OrderSelectRequests.Patients.Length;
                using var request = new HttpRequestMessage(HttpMethod.Post, isFloor ? hosts.FloorEndpoint : hosts.ServiceEndpoint)
                {
                    Content = new ByteArrayContent(OrderSelectRequests.Body(patient, user)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (!isFloor)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
                }

                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request).ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode || (!isFloor && Cards(body) != OrderSelectRequests.Patients[patient].ExpectedCards))
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        });
        await Task.WhenAll(users).ConfigureAwait(false);
        if (record)
        {
            result.Add([.. latencies.SelectMany(l => l)], errors, stopwatch.Elapsed);
        }
    }

    private static int Cards(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("cards").GetArrayLength();
    }
}
