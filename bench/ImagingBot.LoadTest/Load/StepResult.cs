using System.Diagnostics;
using System.Text.Json.Serialization;

namespace ImagingBot.LoadTest.Load;

/// <summary>The numbers of one load step, or of one scenario's rounds combined (<see cref="CombinedStep"/>).</summary>
internal sealed record StepResult
{
    public required string Scenario { get; init; }

    public required string Store { get; init; }

    public required int Concurrency { get; init; }

    public string Variant { get; init; } = string.Empty;

    public double Seconds { get; init; }

    public long Turns { get; init; }

    public long Consults { get; init; }

    public long Errors { get; init; }

    /// <summary>On the connector path: replies the bot should have posted that never reached the fake connector.</summary>
    public long LostReplies { get; init; }

    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;

    public double ConsultsPerSecond => Seconds > 0 ? Consults / Seconds : 0;

    public double MeanMs { get; init; }

    public double P50Ms { get; init; }

    public double P90Ms { get; init; }

    public double P99Ms { get; init; }

    public double MaxMs { get; init; }

    /// <summary>This process's CPU time during the window as a share of all cores (bot and load generator together).</summary>
    public double ProcessCpuPercent { get; init; }

    /// <summary>CPU time of this process (bot and load generator) in the window.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>CPU milliseconds per turn: the cost of a turn whatever share of the cores the machine left us.</summary>
    public double CpuMsPerTurn => Turns > 0 ? CpuSeconds * 1000 / Turns : 0;

    /// <summary>Bytes allocated by the whole process (bot and generator) in the window, per turn.</summary>
    public double AllocatedBytesPerTurn { get; init; }

    /// <summary>Time the load generator spent checking each reply after it arrived (wall time, milliseconds).</summary>
    public double GeneratorCheckMsPerTurn { get; init; }

    /// <summary>Mean size of the HTTP response body (the bot's replies).</summary>
    public double ResponseBytesPerTurn { get; init; }

    /// <summary>Garbage collections in the window (gen0, gen1, gen2).</summary>
    public string GarbageCollections { get; init; } = string.Empty;

    /// <summary>The machine's 1-minute load average at the end of the step: other work competing for the cores.</summary>
    public double LoadAverage { get; init; }

    /// <summary>With <c>--profile</c>: the server-side time of the window's turns (bot turn, store reads and writes).</summary>
    public Hosting.TurnProfileSnapshot? Profile { get; init; }

    /// <summary>With <c>--alloc-profile</c>: the types that allocated the most, with their share.</summary>
    public IReadOnlyList<string>? TopAllocations { get; init; }

    public IReadOnlyDictionary<string, long> ErrorKinds { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> Notes { get; init; } = new Dictionary<string, long>();

    /// <summary>Turns per second of each measured round, in order (one value for a step run in one window).</summary>
    public IReadOnlyList<double> RoundTurnsPerSecond { get; init; } = [];

    /// <summary>
    /// Every counted turn's latency in Stopwatch ticks, sorted, so rounds combine into exact percentiles. Kept out of
    /// the JSON (hundreds of thousands of numbers) and dropped once the rounds are combined.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<long>? LatencyTicks { get; init; }

    public string Label => $"{Scenario}{(Variant.Length > 0 ? " (" + Variant + ")" : string.Empty)} / {Store} / {Concurrency}";

    /// <summary>This step with its latency figures (mean, percentiles, max) read from these sorted latencies.</summary>
    public StepResult WithLatencies(long[] sortedTicks)
    {
        ArgumentNullException.ThrowIfNull(sortedTicks);
        return this with
        {
            LatencyTicks = sortedTicks,
            MeanMs = sortedTicks.Length > 0 ? sortedTicks.Average(ticks => (double)ticks) * 1000.0 / Stopwatch.Frequency : 0,
            P50Ms = Percentile(sortedTicks, 0.50),
            P90Ms = Percentile(sortedTicks, 0.90),
            P99Ms = Percentile(sortedTicks, 0.99),
            MaxMs = sortedTicks.Length > 0 ? Milliseconds(sortedTicks[^1]) : 0,
        };
    }

    /// <summary>The nearest-rank percentile: the smallest latency that at least this share of the turns did not exceed.</summary>
    private static double Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
