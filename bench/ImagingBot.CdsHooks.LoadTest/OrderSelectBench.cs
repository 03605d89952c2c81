using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ImagingBot.CdsHooks.LoadTest;

/// <summary>
/// The run: at the given concurrency, the floor and order-select take turns in short rounds (floor first in odd
/// rounds, order-select first in even ones), so both see the same machine; after a warm-up of each, every call's
/// latency is kept. Each order-select call carries its own signed token (a jti is accepted once), checked for real
/// against the fake EHR's keys, and its answer is checked (the card count the patient should get). Signing is the
/// EHR's work, not the service's: the tokens are signed before the run and shared out among the order-select rounds,
/// and a round that uses up its share ends there (its calls per second are over the time it ran), so that no signing
/// takes the CPU the service is measured on (on this machine both run on the same two cores).
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
        var signed = Enumerable.Range(0, concurrency * tokensPerUser).AsParallel().Select(_ => hosts.Token()).ToArray();
        service.TokenMinting = minting.Elapsed;
        service.TokensPremade = signed.Length;

        // The warm-up round and each measured round get an equal share.
        var shares = new Queue<string[]>(signed.Chunk(Math.Max(1, signed.Length / (rounds + 1))));
        await RoundAsync(client, floor, TimeSpan.FromSeconds(2), record: false).ConfigureAwait(false);
        await RoundAsync(client, service, TimeSpan.FromSeconds(2), record: false, shares.Dequeue()).ConfigureAwait(false);
        for (var round = 0; round < rounds; round++)
        {
            RoundResult[] order = round % 2 == 0 ? [floor, service] : [service, floor];
            foreach (var scenario in order)
            {
                var tokens = scenario == service ? (shares.TryDequeue(out var share) ? share : []) : null;
                var ran = await RoundAsync(client, scenario, roundLength, record: true, tokens).ConfigureAwait(false);
                if (scenario == service && ran < roundLength)
                {
                    service.RoundsCutShort++;
                }
            }

            await progress.WriteLineAsync($"round {round + 1}/{rounds}: floor p99 {floor.Percentile(99):F1} ms, order-select p99 {service.Percentile(99):F1} ms").ConfigureAwait(false);
        }

        return (floor, service);
    }

    /// <summary>One round; an order-select round also ends when its <paramref name="tokens"/> are used up. Returns how long it ran.</summary>
    private async Task<TimeSpan> RoundAsync(HttpClient client, RoundResult result, TimeSpan length, bool record, string[]? tokens = null)
    {
        var isFloor = tokens is null;
        var next = -1;
        var latencies = new List<double>[concurrency];
        var errors = 0L;
        var stopwatch = Stopwatch.StartNew();
        var users = Enumerable.Range(0, concurrency).Select(async user =>
        {
            var mine = latencies[user] = [];
            for (var call = 0; stopwatch.Elapsed < length; call++)
            {
                string? token = null;
                if (!isFloor)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= tokens!.Length)
                    {
                        break;
                    }

                    token = tokens[index];
                }

                var patient = (user + call) % OrderSelectRequests.Patients.Length;
                using var request = new HttpRequestMessage(HttpMethod.Post, isFloor ? hosts.FloorEndpoint : hosts.ServiceEndpoint)
                {
                    Content = new ByteArrayContent(OrderSelectRequests.Body(patient, user)),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
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

        return stopwatch.Elapsed;
    }

    private static int Cards(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("cards").GetArrayLength();
    }
}
