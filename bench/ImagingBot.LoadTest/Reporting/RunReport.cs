using ImagingBot.LoadTest.Connector;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Measurements;
using ImagingBot.LoadTest.Scenarios;

namespace ImagingBot.LoadTest.Reporting;

/// <summary>Everything one run measured; written as JSON and summarised in docs/performance.md.</summary>
internal sealed class RunReport
{
    public required string Command { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public TimeSpan Elapsed { get; set; }

    public required MachineInfo Machine { get; init; }

    public required string Load { get; init; }

    public string Generator { get; init; } = "same process as the bot (one HttpClient, SocketsHttpHandler, MaxConnectionsPerServer = concurrency), sharing the cores";

    public ConsultMode? ConsultMode { get; set; }

    /// <summary>The consult's patients in their rotation, each with the study its recommendation must order first.</summary>
    public IReadOnlyList<string> Patients { get; init; } = [];

    /// <summary>The expectReplies table (issue 8): the echo floor and the consult, replies in the HTTP response.</summary>
    public List<StepResult> Steps { get; } = [];

    /// <summary>
    /// The connector table (issue 15), all its rows in the same alternating rounds: the minimal ASP.NET Core floor, our
    /// echo and the consult on each store, and the consult with telemetry on; replies counted at the fake connector.
    /// </summary>
    public List<StepResult> ConnectorSteps { get; } = [];

    /// <summary>How the connector table was measured: conversations, rounds, warm-ups.</summary>
    public string ConnectorLoad { get; set; } = string.Empty;

    /// <summary>Replies the fake connector received over the connector table, warm-ups included.</summary>
    public long ConnectorRepliesCounted { get; set; }

    /// <summary>The floor at 64 as benchmarked, with production logging and with stock authentication (alternating rounds).</summary>
    public List<StepResult> FloorVariants { get; } = [];

    public double? ProductionLogLinesPerTurn { get; set; }

    /// <summary>The most frequent Information entries (category and message; the echo bot's text is never logged).</summary>
    public Dictionary<string, long> ProductionLogEntries { get; } = [];

    public StepResult? FaqSearch { get; set; }

    public List<StateSize> StateSizes { get; } = [];

    public MemoryCheckResult? Memory { get; set; }

    public string? MemoryStore { get; set; }

    public List<string> Pending { get; } = [];

    /// <summary>
    /// Per store, the consult's turns/s over the floor's in each round at 64, the concurrency of the throughput target:
    /// how much the ratio moves from one round to the next (the target itself is judged on all rounds together).
    /// </summary>
    public Dictionary<string, IReadOnlyList<double>> RoundRatiosAt64 =>
        Steps.Select(step => step.Store).Distinct().Where(store => RoundRatios(store, 64).Count > 0).ToDictionary(store => store, store => RoundRatios(store, 64));

    public StepResult? Find(string scenario, string store, int concurrency) =>
        Steps.FirstOrDefault(step => step.Scenario == scenario && step.Store == store && step.Concurrency == concurrency);

    /// <summary>The consult's turns/s over the floor's round by round (empty when one of them was not measured).</summary>
    public IReadOnlyList<double> RoundRatios(string store, int concurrency)
    {
        var floor = Find("floor", store, concurrency);
        var consult = Find("consult", store, concurrency);
        return floor is null || consult is null
            ? []
            : [.. floor.RoundTurnsPerSecond.Zip(consult.RoundTurnsPerSecond, (floorRound, consultRound) => floorRound > 0 ? consultRound / floorRound : 0)];
    }

    public StepResult? FindOnConnector(string scenario, string store, string variant = "") =>
        ConnectorSteps.FirstOrDefault(step => step.Scenario == scenario && step.Store == store && step.Variant == variant);

    /// <summary>The connector table's minimal floor, which every other row of it is compared with.</summary>
    public StepResult? MinimalFloor => FindOnConnector(ConnectorScenarios.MinimalFloor, ConnectorScenarios.NoStore);

    /// <summary>A connector row's turns/s over the minimal floor's, round by round (empty when one is missing).</summary>
    public IReadOnlyList<double> ConnectorRoundRatios(StepResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return MinimalFloor is not { } floor
            ? []
            : [.. floor.RoundTurnsPerSecond.Zip(step.RoundTurnsPerSecond, (floorRound, round) => floorRound > 0 ? round / floorRound : 0)];
    }

    /// <summary>
    /// How far the ratio can be trusted: the per-round ratios' mean, and two standard errors of it (about a 95%
    /// interval when the rounds stray independently), as "69% ± 3 points over 12 rounds"; empty for fewer than two rounds.
    /// </summary>
    public static string Spread(IReadOnlyList<double> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        if (ratios.Count < 2)
        {
            return string.Empty;
        }

        var mean = ratios.Average();
        var variance = ratios.Sum(ratio => (ratio - mean) * (ratio - mean)) / (ratios.Count - 1);
        var twoStandardErrors = 2 * Math.Sqrt(variance / ratios.Count);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{mean * 100:F0}% ± {twoStandardErrors * 100:F0} points over {ratios.Count} rounds");
    }

    /// <summary>Ratios as whole percentages: "71%, 68%, 74%".</summary>
    public static string Percentages(IEnumerable<double> ratios) =>
        string.Join(", ", ratios.Select(ratio => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ratio * 100:F0}%")));
}
