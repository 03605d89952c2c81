using System.Globalization;
using ImagingBot.LoadTest.Measurements;

namespace ImagingBot.LoadTest.Load;

/// <summary>
/// Bots compared in one run take turns in short rounds, so that the machine's drift from one window to the next falls
/// on all of them alike; each contender's rounds are then combined into one step (<see cref="CombinedStep"/>).
/// </summary>
internal sealed class AlternatingRounds(LoadTestOptions options, TextWriter progress)
{
    /// <summary>
    /// The contenders take turns, round after round, each round measuring <paramref name="roundLength"/>: the full warm-up
    /// before a contender's first round, a short one before the next (its users are mid-conversation and carry on where
    /// they stopped, on the same client). Each contender's rounds are then combined into one step.
    /// </summary>
    public async Task<List<StepResult>> RunAsync(IReadOnlyList<Contender> contenders, int rounds, TimeSpan roundLength)
    {
        var clients = contenders.Select(contender => new BotClient(contender.Host.MessagesEndpoint, contender.Users.Count, options.RequestTimeout)).ToList();
        var samplers = contenders.Select(_ => options.AllocationProfile ? new AllocationSampler() : null).ToList();
        try
        {
            var parts = contenders.Select(_ => new List<StepResult>()).ToList();
            for (var round = 0; round < rounds; round++)
            {
                // Every other round in reverse order (A B, B A, ...): a machine that speeds up or slows down during the
                // step then favours no contender for going first.
                for (var turn = 0; turn < contenders.Count; turn++)
                {
                    var i = round % 2 == 0 ? turn : contenders.Count - 1 - turn;
                    var contender = contenders[i];
                    samplers[i]?.Record();
                    var part = await LoadStep.RunAsync(
                        contender.Template,
                        clients[i],
                        contender.Users,
                        round == 0 ? options.Warmup : options.RoundWarmup,
                        roundLength,
                        options.MaxTurnsPerRound,
                        options.RequestTimeout,
                        contender.Profile).ConfigureAwait(false);
                    samplers[i]?.Pause();
                    parts[i].Add(part);
                    if (rounds > 1)
                    {
                        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"    round {round + 1}/{rounds} {part.Label,-46} {part.TurnsPerSecond,6:F0} turns/s  p99 {part.P99Ms,6:F2} ms  errors {part.Errors}  lost {part.LostReplies}  cpu {part.ProcessCpuPercent,3:F0}%  load {part.LoadAverage:F1}"));
                    }
                }
            }

            var steps = new List<StepResult>();
            for (var i = 0; i < contenders.Count; i++)
            {
                // The merged latencies have given their percentiles; the report keeps no copy (the memory check reads the heap).
                var step = CombinedStep.Of(parts[i]) with { LatencyTicks = null };
                if (samplers[i] is { } sampler)
                {
                    step = step with { TopAllocations = [.. sampler.Top(12).Select(top => $"{top.Share:P0} {top.Type}")] };
                }

                Print(step);
                steps.Add(step);
            }

            return steps;
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }

            foreach (var sampler in samplers)
            {
                sampler?.Dispose();
            }
        }
    }

    private void Print(StepResult step)
    {
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {step.Label,-44} {step.TurnsPerSecond,6:F0} turns/s {step.ConsultsPerSecond,5:F0} consults/s  p50 {step.P50Ms,6:F2} ms  p99 {step.P99Ms,6:F2} ms  errors {step.Errors}  lost {step.LostReplies}  cpu {step.ProcessCpuPercent,3:F0}% ({step.CpuMsPerTurn:F2} ms/turn)  {step.AllocatedBytesPerTurn / 1024:F0} KB/turn  GC {step.GarbageCollections}  reply {step.ResponseBytesPerTurn / 1024:F1} KB, check {step.GeneratorCheckMsPerTurn:F3} ms  load {step.LoadAverage:F1}"));
        if (step.TopAllocations is { } allocations)
        {
            progress.WriteLine("      allocations (sampled, warm-ups included): " + string.Join(", ", allocations));
        }

        if (step.Profile is { } server)
        {
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      server per turn: bot {server.BotMsPerTurn:F3} ms (store read {server.StoreReadMsPerTurn:F3} ms, write {server.StoreWriteMsPerTurn:F3} ms); client round trip {step.MeanMs:F3} ms"));
        }

        foreach (var (error, count) in step.ErrorKinds.Concat(step.Notes))
        {
            progress.WriteLine($"      {count} x {error}");
        }
    }
}
