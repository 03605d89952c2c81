using System.Globalization;
using ImagingBot.LoadTest.Scenarios;

namespace ImagingBot.LoadTest;

/// <summary>The command line of the load benchmark. Every bound is finite so a run always ends.</summary>
internal sealed record LoadTestOptions
{
    public IReadOnlyList<string> Scenarios { get; init; } = ["floor", "consult"];

    public IReadOnlyList<string> Stores { get; init; } = ["memory", "redis"];

    /// <summary>
    /// The delivery paths measured: <see cref="ConnectorPath"/> (Teams' normal delivery, replies posted to the fake
    /// connector; issue 15) and <see cref="ExpectRepliesPath"/> (the replies in the HTTP response; issue 8).
    /// </summary>
    public IReadOnlyList<string> Paths { get; init; } = [ConnectorPath, ExpectRepliesPath];

    public const string ConnectorPath = "connector";

    public const string ExpectRepliesPath = "expect-replies";

    /// <summary>Concurrent conversations of the connector-path table (its targets are judged there).</summary>
    public int ConnectorConcurrency { get; init; } = TargetConcurrency;

    /// <summary>
    /// The connector table's rows that run (<see cref="ConnectorRowNames"/>): all of them for the table; one alone to
    /// profile it, since alternating rows would mix their samples.
    /// </summary>
    public IReadOnlyList<string> ConnectorRows { get; init; } = ConnectorRowNames;

    public const string MinimalRow = "minimal";
    public const string EchoRow = "echo";
    public const string ConsultRow = "consult";
    public const string TelemetryRow = "telemetry";

    public static readonly IReadOnlyList<string> ConnectorRowNames = [MinimalRow, EchoRow, ConsultRow, TelemetryRow];

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 16, 64, 256];

    /// <summary>The patients each consult user takes in turn (<see cref="ConsultProfile.Known"/>).</summary>
    public IReadOnlyList<ConsultProfile> Patients { get; init; } = ConsultProfile.Default;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Measured time of one scenario at one concurrency, all its rounds together.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Rounds per concurrency: the scenarios take turns, each round measuring Duration / Rounds, so the floor and the
    /// consult compared for a target share the machine's drift instead of each having its own window.
    /// </summary>
    public int Rounds { get; init; } = 4;

    /// <summary>The concurrency whose floor and consult the throughput and p99 targets compare.</summary>
    public const int TargetConcurrency = 64;

    /// <summary>
    /// Rounds at <see cref="TargetConcurrency"/>, each as long as any other step's round: the ratio a target is judged
    /// on then rests on many pairs of windows (single rounds stray by 10 points and more), at the price of a longer step.
    /// </summary>
    public int TargetRounds { get; init; } = 12;

    /// <summary>The measured time of one scenario's round.</summary>
    public TimeSpan RoundLength => Duration / Rounds;

    /// <summary>The rounds at a concurrency: <see cref="TargetRounds"/> at the target's, never fewer than <see cref="Rounds"/>.</summary>
    public int RoundsAt(int concurrency) => concurrency == TargetConcurrency ? Math.Max(Rounds, TargetRounds) : Rounds;

    /// <summary>The warm-up before a scenario's later rounds: its users are already going, this only refills the pipeline.</summary>
    public TimeSpan RoundWarmup => Warmup < TimeSpan.FromSeconds(0.5) ? Warmup : TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Upper bound on the turns of one step, whatever the duration, shared among its <see cref="Rounds"/>; the
    /// target concurrency's extra rounds have the same bound each.
    /// </summary>
    public long MaxTurnsPerStep { get; init; } = 2_000_000;

    /// <summary>One round's share of <see cref="MaxTurnsPerStep"/>.</summary>
    public long MaxTurnsPerRound => Math.Max(1, MaxTurnsPerStep / Rounds);

    /// <summary>A request that takes longer than this counts as an error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Finished consults between the two memory readings (Redis store).</summary>
    public int MemoryConsults { get; init; } = 10_000;

    /// <summary>Upper bound on the time of the memory check.</summary>
    public TimeSpan MemoryTimeLimit { get; init; } = TimeSpan.FromMinutes(3);

    public int FaqConcurrency { get; init; } = 64;

    /// <summary>Also run the floor at 64 with the app's production logging (Information) to show what it costs.</summary>
    public bool CompareLogging { get; init; } = true;

    /// <summary>The minimum log level of the bench host; the app's appsettings.json uses Information.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>An existing Redis (host:port); when null the bench starts its own redis-server on a free loopback port.</summary>
    public string? Redis { get; init; }

    public string? MarkdownPath { get; init; } = "docs/performance.md";

    public string? JsonPath { get; init; } = "bench/results/loadtest-latest.json";

    public bool Quick { get; init; }

    /// <summary>A run of a second or two for the bench's tests: the connector table only, memory store, nothing written.</summary>
    public bool Smoke { get; init; }

    /// <summary>Wrap the IBot and the IStorage in timing decorators and report where a turn's server time goes.</summary>
    public bool Profile { get; init; }

    /// <summary>Sample allocations by type during each step (GCAllocationTick events) and print the top types.</summary>
    public bool AllocationProfile { get; init; }

    public static string Usage => """
        Usage: dotnet run -c Release --project bench/ImagingBot.LoadTest -- [options]
          --quick                 smoke run (~1 min): 2 s per step in 2 rounds, 1 s warm-up, 1,000 consults for the memory check
          --smoke                 a second or two (the bench's tests): the connector table only, memory store,
                                  4 conversations, 2 rounds of 0.2 s, 0.1 s warm-up, no markdown or json
          --paths LIST            connector,expect-replies (default both): the connector table (Teams' normal delivery,
                                  replies posted to a fake connector; issue 15) and the expectReplies table (issue 8)
          --connector-concurrency N  concurrent conversations of the connector table (default 64)
          --connector-rows LIST   minimal,echo,consult,telemetry (default all): the connector table's rows; one alone
                                  to profile it (perf record -p PID), the table itself needs them all
          --scenarios LIST        floor,consult (default both)
          --stores LIST           memory,redis (default both)
          --concurrency LIST      concurrent conversations per step (default 1,16,64,256)
          --patients LIST         the patients each consult user takes in turn: article (58F, cancer history:
                                  7 questions, MRI), emergency (yes to cauda equina: 1 question, emergent MRI),
                                  older-fall (82, fall from standing: variant 6, radiography) (default article)
          --duration SECONDS      measured time per scenario and concurrency, all rounds together (default 10)
          --rounds N              at each concurrency the scenarios alternate (floor, consult, consult, floor, ...)
                                  in N rounds of duration/N measured seconds each, with the same conversations
                                  throughout; the rounds are combined into one step (default 4)
          --target-rounds N       rounds of that length at 64, the targets' concurrency (default 12; quick 2)
          --warmup SECONDS        warm-up before a scenario's first round, not measured (default 3; 0.5 before later rounds)
          --max-turns N           bound on the turns of one step, all rounds together; at 64 each extra round
                                  has the same share (default 2000000)
          --memory-consults N     finished consults between the memory readings (default 10000; 0 skips)
          --faq-concurrency N     concurrent compose-box searches (default 64; 0 skips)
          --log-level LEVEL       bench host log level (default Warning)
          --no-logging-compare    skip the floor step with production (Information) logging
          --alloc-profile         print the types that allocate the most in each step (sampled, in-process)
          --profile               time the bot's turn and the store's reads and writes on the server (timing decorators)
          --redis HOST:PORT       use this Redis instead of starting one on 127.0.0.1
          --markdown PATH         results section written into this file (default docs/performance.md; 'none' skips)
          --json PATH             raw results (default bench/results/loadtest-latest.json; 'none' skips)
        """;

    public static LoadTestOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Contains("--smoke")
            ? new LoadTestOptions
            {
                Smoke = true,
                Paths = [ConnectorPath],
                Stores = ["memory"],
                ConnectorConcurrency = 4,
                Warmup = TimeSpan.FromSeconds(0.1),
                Duration = TimeSpan.FromSeconds(0.4),
                Rounds = 2,
                TargetRounds = 2,
                MemoryConsults = 0,
                FaqConcurrency = 0,
                CompareLogging = false,
                MarkdownPath = null,
                JsonPath = null,
            }
            : args.Contains("--quick")
            ? new LoadTestOptions
            {
                Quick = true,
                Warmup = TimeSpan.FromSeconds(1),
                Duration = TimeSpan.FromSeconds(2),
                Rounds = 2,
                TargetRounds = 2,
                MemoryConsults = 1_000,
                MemoryTimeLimit = TimeSpan.FromSeconds(60),
                MarkdownPath = null,
                JsonPath = "bench/results/loadtest-quick.json",
            }
            : new LoadTestOptions();

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {name} needs a value.");
            options = name switch
            {
                "--quick" or "--smoke" => options,
                "--paths" => options with { Paths = List(Value()) },
                "--connector-concurrency" => options with { ConnectorConcurrency = Int(Value()) },
                "--connector-rows" => options with { ConnectorRows = List(Value()) },
                "--scenarios" => options with { Scenarios = List(Value()) },
                "--stores" => options with { Stores = List(Value()) },
                "--concurrency" => options with { Concurrency = [.. List(Value()).Select(Int)] },
                "--patients" => options with { Patients = [.. List(Value()).Select(ConsultProfile.Named)] },
                "--duration" => options with { Duration = Seconds(Value()) },
                "--rounds" => options with { Rounds = Int(Value()) },
                "--target-rounds" => options with { TargetRounds = Int(Value()) },
                "--warmup" => options with { Warmup = Seconds(Value()) },
                "--max-turns" => options with { MaxTurnsPerStep = long.Parse(Value(), CultureInfo.InvariantCulture) },
                "--memory-consults" => options with { MemoryConsults = Int(Value()) },
                "--faq-concurrency" => options with { FaqConcurrency = Int(Value()) },
                "--log-level" => options with { LogLevel = Enum.Parse<LogLevel>(Value(), ignoreCase: true) },
                "--no-logging-compare" => options with { CompareLogging = false },
                "--profile" => options with { Profile = true },
                "--alloc-profile" => options with { AllocationProfile = true },
                "--redis" => options with { Redis = Value() },
                "--markdown" => options with { MarkdownPath = NoneToNull(Value()) },
                "--json" => options with { JsonPath = NoneToNull(Value()) },
                _ => throw new ArgumentException($"Unknown option '{name}'."),
            };
        }

        var unknown = options.Scenarios.Except(["floor", "consult"]).Concat(options.Stores.Except(["memory", "redis"])).Concat(options.Paths.Except([ConnectorPath, ExpectRepliesPath])).Concat(options.ConnectorRows.Except(ConnectorRowNames)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scenario, store, path or connector row: {string.Join(", ", unknown)}.");
        }

        return options.Concurrency.Any(n => n < 1) || options.ConnectorConcurrency < 1 ? throw new ArgumentException("Concurrency must be at least 1.")
            : options.Rounds < 1 || options.TargetRounds < 1 ? throw new ArgumentException("Rounds must be at least 1.")
            : options.Duration <= TimeSpan.Zero ? throw new ArgumentException("Duration must be more than 0 seconds.")
            : options.Warmup < TimeSpan.Zero ? throw new ArgumentException("Warm-up must not be negative.")
            : options;
    }

    private static List<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant())];

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture));

    private static string? NoneToNull(string value) => value.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : value;
}
