namespace ImagingBot.LoadTest.Load;

/// <summary>The numbers of one load step.</summary>
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

    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;

    public double ConsultsPerSecond => Seconds > 0 ? Consults / Seconds : 0;

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

    /// <summary>The machine's 1-minute load average at the end of the step: other work competing for the cores.</summary>
    public double LoadAverage { get; init; }

    public IReadOnlyDictionary<string, long> ErrorKinds { get; init; } = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> Notes { get; init; } = new Dictionary<string, long>();

    public string Label => $"{Scenario}{(Variant.Length > 0 ? " (" + Variant + ")" : string.Empty)} / {Store} / {Concurrency}";
}
