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

    public List<StepResult> Steps { get; } = [];

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

    public StepResult? Find(string scenario, string store, int concurrency) =>
        Steps.FirstOrDefault(step => step.Scenario == scenario && step.Store == store && step.Concurrency == concurrency);
}
