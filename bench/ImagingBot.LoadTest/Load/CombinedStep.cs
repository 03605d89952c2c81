using System.Globalization;

namespace ImagingBot.LoadTest.Load;

/// <summary>
/// One scenario's rounds as one step. The rounds of a comparison alternate with the other scenario's, so the machine's
/// drift falls on both alike; the combined step is what one long window would have measured: counts and times add
/// up, percentiles come from all the rounds' latencies merged, per-turn figures are weighted by turns.
/// </summary>
internal static class CombinedStep
{
    public static StepResult Of(IReadOnlyList<StepResult> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        if (rounds.Count == 0)
        {
            throw new ArgumentException("There is no round to combine.", nameof(rounds));
        }

        var first = rounds[0];
        if (rounds.Any(round => round.Label != first.Label))
        {
            throw new ArgumentException($"Rounds of different steps: {string.Join(", ", rounds.Select(round => round.Label).Distinct())}.", nameof(rounds));
        }

        if (rounds.Any(round => round.LatencyTicks is null))
        {
            throw new ArgumentException("A round has no latencies to merge.", nameof(rounds));
        }

        var turns = rounds.Sum(round => round.Turns);
        var seconds = rounds.Sum(round => round.Seconds);
        double PerTurn(Func<StepResult, double> value) => turns > 0 ? rounds.Sum(round => value(round) * round.Turns) / turns : 0;

        var latencies = new long[rounds.Sum(round => round.LatencyTicks!.Count)];
        var filled = 0;
        foreach (var round in rounds)
        {
            foreach (var ticks in round.LatencyTicks!)
            {
                latencies[filled++] = ticks;
            }
        }

        Array.Sort(latencies);
        return (first with
        {
            Seconds = seconds,
            Turns = turns,
            Consults = rounds.Sum(round => round.Consults),
            Errors = rounds.Sum(round => round.Errors),
            LostReplies = rounds.Sum(round => round.LostReplies),
            CpuSeconds = rounds.Sum(round => round.CpuSeconds),
            // The same CPU seconds over the same wall seconds as each round measured it.
            ProcessCpuPercent = seconds > 0 ? rounds.Sum(round => round.ProcessCpuPercent * round.Seconds) / seconds : 0,
            AllocatedBytesPerTurn = PerTurn(round => round.AllocatedBytesPerTurn),
            GeneratorCheckMsPerTurn = PerTurn(round => round.GeneratorCheckMsPerTurn),
            ResponseBytesPerTurn = PerTurn(round => round.ResponseBytesPerTurn),
            GarbageCollections = Collections(rounds.Select(round => round.GarbageCollections)),
            LoadAverage = rounds.Max(round => round.LoadAverage),
            Profile = rounds.All(round => round.Profile is not null) ? rounds.Skip(1).Aggregate(first.Profile!, (sum, round) => sum.Plus(round.Profile!)) : null,
            TopAllocations = rounds.Select(round => round.TopAllocations).LastOrDefault(top => top is not null),
            ErrorKinds = Counts(rounds.Select(round => round.ErrorKinds)),
            Notes = Counts(rounds.Select(round => round.Notes)),
            RoundTurnsPerSecond = [.. rounds.SelectMany(round => round.RoundTurnsPerSecond)],
        }).WithLatencies(latencies);
    }

    /// <summary>Counts by kind (errors, notes) added up.</summary>
    public static Dictionary<string, long> Counts(IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var merged = new Dictionary<string, long>();
        foreach (var (key, count) in parts.SelectMany(part => part))
        {
            merged[key] = merged.GetValueOrDefault(key) + count;
        }

        return merged;
    }

    /// <summary>"gen0/gen1/gen2" collection counts added up by generation; empty when a round has none.</summary>
    private static string Collections(IEnumerable<string> rounds)
    {
        var sums = new long[3];
        foreach (var round in rounds)
        {
            var counts = round.Split('/');
            if (counts.Length != sums.Length)
            {
                return string.Empty;
            }

            for (var generation = 0; generation < sums.Length; generation++)
            {
                if (!long.TryParse(counts[generation], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    return string.Empty;
                }

                sums[generation] += count;
            }
        }

        return string.Join('/', sums);
    }
}
