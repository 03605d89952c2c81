using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Scenarios;

namespace ImagingBot.LoadTest.Measurements;

/// <summary>
/// Whether the process keeps anything per consult: finished consults run in new conversations (so every one
/// leaves its state in the store), and the process's memory is read after a warm-up, half way and at the end,
/// each time with the load stopped and after a forced full GC.
/// </summary>
internal static class MemoryCheck
{
    public static async Task<MemoryCheckResult> RunAsync(BotClient client, ConsultMode mode, int concurrency, int consults, TimeSpan timeLimit, string conversationPrefix, IReadOnlyList<ConsultProfile>? patients = null)
    {
        var users = Enumerable.Range(0, concurrency)
            .Select(index => new ConsultUser(conversationPrefix, index, mode, newConversationPerConsult: true, patients))
            .ToArray();
        var deadline = DateTime.UtcNow + timeLimit;
        var warmup = Math.Max(consults / 10, concurrency);
        var counters = new Counters();

        await RunConsultsAsync(client, users, warmup, deadline, counters).ConfigureAwait(false);
        counters.Finished = 0;
        var readings = new List<ProcessMemory> { ProcessMemory.Read(0) };
        foreach (var target in new[] { consults / 2, consults })
        {
            await RunConsultsAsync(client, users, target, deadline, counters).ConfigureAwait(false);
            readings.Add(ProcessMemory.Read(counters.Finished));
        }

        return new MemoryCheckResult(consults, counters.Finished, counters.Errors, readings, DateTime.UtcNow > deadline);
    }

    private static async Task RunConsultsAsync(BotClient client, ConsultUser[] users, long target, DateTime deadline, Counters counters)
    {
        await Task.WhenAll(users.Select(user => Task.Run(async () =>
        {
            while (Interlocked.Read(ref counters.Finished) < target && DateTime.UtcNow < deadline)
            {
                TurnOutcome outcome;
                try
                {
                    outcome = await user.RunTurnAsync(client, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    outcome = TurnOutcome.Failed(exception.GetType().Name);
                }

                if (outcome.FinishedConsult)
                {
                    Interlocked.Increment(ref counters.Finished);
                }

                if (outcome.Error is not null)
                {
                    Interlocked.Increment(ref counters.Errors);
                }
            }
        }))).ConfigureAwait(false);
    }

    private sealed class Counters
    {
        public long Finished;
        public long Errors;
    }
}

internal sealed record MemoryCheckResult(int Target, long Finished, long Errors, IReadOnlyList<ProcessMemory> Readings, bool HitTimeLimit)
{
    /// <summary>Leak allowance: a per-consult leak of even its small state (about 1 KB) would add 10 MB over 10,000 consults.</summary>
    public const long FlatGrowthBytes = 4L * 1024 * 1024;

    public long GcHeapGrowth => Readings[^1].GcHeapBytes - Readings[0].GcHeapBytes;

    public long WorkingSetGrowth => Readings[^1].WorkingSetBytes - Readings[0].WorkingSetBytes;

    public double GcHeapGrowthPerConsult => Finished > 0 ? (double)GcHeapGrowth / Finished : 0;

    public bool IsFlat => GcHeapGrowth < FlatGrowthBytes * Math.Max(1, Target / 10_000.0) && Errors == 0 && !HitTimeLimit;
}
