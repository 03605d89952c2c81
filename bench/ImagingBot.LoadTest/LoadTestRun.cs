using System.Diagnostics;
using System.Globalization;
using ImagingBot.LoadTest.Hosting;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Measurements;
using ImagingBot.LoadTest.Reporting;
using ImagingBot.LoadTest.Scenarios;
using Microsoft.Bot.Builder;

namespace ImagingBot.LoadTest;

/// <summary>The whole benchmark: every scenario, store and concurrency, then the FAQ search, logging and memory checks.</summary>
internal sealed class LoadTestRun(LoadTestOptions options, TextWriter progress)
{
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private readonly AlternatingRounds _rounds = new(options, progress);

    public async Task<RunReport> RunAsync(string command)
    {
        var started = Stopwatch.StartNew();
        RedisServerProcess? ownRedis = null;
        var redisEndpoint = options.Redis;
        var expectReplies = options.Paths.Contains(LoadTestOptions.ExpectRepliesPath);
        var needsRedis = options.Stores.Contains("redis") || (expectReplies && options.MemoryConsults > 0);
        if (needsRedis && redisEndpoint is null)
        {
            EnsureRedisInstalled();
            ownRedis = await RedisServerProcess.StartAsync().ConfigureAwait(false);
            redisEndpoint = ownRedis.Endpoint;
            // The server is daemonized: stop it also when the run is interrupted (Ctrl+C, SIGTERM).
            var server = ownRedis;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Console.CancelKeyPress += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            progress.WriteLine($"Started redis-server on {redisEndpoint}");
        }

        var report = new RunReport
        {
            Command = command,
            StartedAt = DateTimeOffset.UtcNow,
            Machine = MachineInfo.Read(needsRedis ? MachineInfo.Run("redis-server", "--version") : null),
            Patients = [.. options.Patients.Select(ConsultProfile.Describe)],
            Load = $"at each concurrency the scenarios alternate in {options.Rounds} round{(options.Rounds > 1 ? "s" : string.Empty)} of {options.RoundLength.TotalSeconds:0.##} s measured each, " +
                $"{options.RoundsAt(LoadTestOptions.TargetConcurrency)} at {LoadTestOptions.TargetConcurrency} (the targets' concurrency), every other round in reverse order " +
                $"({options.Warmup.TotalSeconds:0.#} s warm-up before a scenario's first round, {options.RoundWarmup.TotalSeconds:0.#} s before later ones), {options.Duration.TotalSeconds:0.#} s measured per step in all, " +
                $"{(options.RoundLength * options.RoundsAt(LoadTestOptions.TargetConcurrency)).TotalSeconds:0.#} s at {LoadTestOptions.TargetConcurrency} (at most {options.MaxTurnsPerRound:N0} turns per round); " +
                $"concurrent conversations {string.Join(", ", options.Concurrency)}; request timeout {options.RequestTimeout.TotalSeconds:0} s; bench host log level {options.LogLevel}",
        };

        try
        {
            if (options.Paths.Contains(LoadTestOptions.ConnectorPath))
            {
                await new ConnectorPathRun(options, progress, _runId).RunAsync(report, redisEndpoint).ConfigureAwait(false);
            }

            if (expectReplies)
            {
                await RunExpectRepliesAsync(report, redisEndpoint).ConfigureAwait(false);
            }
        }
        finally
        {
            if (ownRedis is not null)
            {
                await ownRedis.DisposeAsync().ConfigureAwait(false);
            }
        }

        report.Elapsed = started.Elapsed;
        return report;
    }

    /// <summary>The expectReplies table (issue 8), then the floor variants, the FAQ search and the memory check.</summary>
    private async Task RunExpectRepliesAsync(RunReport report, string? redisEndpoint)
    {
        foreach (var store in options.Stores)
        {
            await RunStoreAsync(report, store, redisEndpoint).ConfigureAwait(false);
        }

        if (options.CompareLogging && options.Scenarios.Contains("floor") && options.Stores.Contains("memory"))
        {
            await RunFloorVariantsAsync(report).ConfigureAwait(false);
        }

        if (options.MemoryConsults > 0)
        {
            await RunMemoryCheckAsync(report, redisEndpoint).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The floor and the consult on one store. Both hosts run side by side and, at each concurrency, take turns in short
    /// rounds (floor, consult, then consult, floor, ...): the machine's speed drifts a lot from one 10-second window to the
    /// next, and alternating lets both numbers compared for a target see the same drift.
    /// </summary>
    private async Task RunStoreAsync(RunReport report, string store, string? redisEndpoint)
    {
        var hosts = new Dictionary<string, BenchHost>();
        var profiles = new Dictionary<string, TurnProfile>();
        try
        {
            foreach (var scenario in options.Scenarios)
            {
                var bot = scenario == "floor" ? BotUnderTest.Echo : BotUnderTest.ImagingBot;
                var profile = options.Profile ? profiles[scenario] = new TurnProfile() : null;
                if (await TryStartAsync(report, bot, store, redisEndpoint, KeyPrefix(scenario), options.LogLevel, profile).ConfigureAwait(false) is { } host)
                {
                    hosts[scenario] = host;
                }
            }

            var mode = ConsultMode.Consult;
            if (hosts.TryGetValue("consult", out var consultHost))
            {
                mode = await ProbeConsultModeAsync(consultHost).ConfigureAwait(false);
                report.ConsultMode = mode;
            }

            foreach (var concurrency in options.Concurrency)
            {
                var contenders = hosts.Select(entry =>
                {
                    var (scenario, host) = entry;
                    var prefix = $"{scenario}-{store}-{concurrency}-{_runId}";
                    IReadOnlyList<IVirtualUser> users = scenario == "floor"
                        ? [.. Enumerable.Range(0, concurrency).Select(i => new FloorUser(ConsultUser.ConversationId(prefix, i, 0)))]
                        : [.. Enumerable.Range(0, concurrency).Select(i => new ConsultUser(prefix, i, mode, patients: options.Patients))];
                    var variant = scenario == "consult" && mode == ConsultMode.GreetingOnly ? "greeting bot" : string.Empty;
                    return new Contender(host, new StepResult { Scenario = scenario, Store = store, Concurrency = concurrency, Variant = variant }, users, profiles.GetValueOrDefault(scenario));
                }).ToList();
                report.Steps.AddRange(await _rounds.RunAsync(contenders, options.RoundsAt(concurrency), options.RoundLength).ConfigureAwait(false));
                if (report.RoundRatios(store, concurrency) is { Count: > 0 } ratios)
                {
                    var combined = report.Find("consult", store, concurrency)!.TurnsPerSecond / report.Find("floor", store, concurrency)!.TurnsPerSecond;
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  per-round ratios at {concurrency} ({store}): {RunReport.Percentages(ratios)}; all rounds {RunReport.Percentages([combined])}; rounds' mean {RunReport.Spread(ratios)}"));
                }
            }

            foreach (var (scenario, host) in hosts)
            {
                var size = store == "memory"
                    ? StateSize.FromMemoryStorage(host.Storage)
                    : await StateSize.FromRedisAsync(redisEndpoint!, KeyPrefix(scenario)).ConfigureAwait(false);
                report.StateSizes.Add(size with { Store = $"{scenario} / {store}" });
                progress.WriteLine($"  state {scenario}/{store}: {size.Keys} conversations, max {size.MaxBytes} B, mean {size.MeanBytes:F0} B");
            }

            if (store == "memory" && options.FaqConcurrency > 0 && hosts.TryGetValue("consult", out var botHost))
            {
                var users = Enumerable.Range(0, options.FaqConcurrency).Select(i => (IVirtualUser)new FaqSearchUser($"faq-{_runId}-{i}")).ToList();
                var faq = new Contender(botHost, new StepResult { Scenario = "faq search", Store = store, Concurrency = options.FaqConcurrency }, users);
                report.FaqSearch = (await _rounds.RunAsync([faq], rounds: 1, options.Duration).ConfigureAwait(false))[0];
                if (report.FaqSearch.Notes.ContainsKey(FaqSearchUser.PendingNote))
                {
                    report.Pending.Add("FAQ search from the compose box: the bot has no composeExtension/query handler yet (HTTP 501); latency measured on that answer.");
                }
            }
        }
        finally
        {
            foreach (var host in hosts.Values)
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private string KeyPrefix(string scenario) => $"bench-{_runId}-{scenario}";

    /// <summary>
    /// The floor at 64 three ways, in alternating rounds so all see the same machine: as benchmarked (the bench's log
    /// level), with the app's production logging (appsettings.json: Information; the console logger's lines go to a
    /// file, as a container's log driver would take them), and with Bot Framework's stock authentication, which builds
    /// a ConnectorClient and a UserTokenClient on every turn (what the app's ConnectorReusingAuthentication avoids).
    /// </summary>
    private async Task RunFloorVariantsAsync(RunReport report)
    {
        const int Concurrency = 64;
        var original = Console.Out;
        var logFile = Path.Combine(Path.GetTempPath(), $"imagingbot-loadtest-{_runId}.log");
        var writer = new StreamWriter(logFile);
        Console.SetOut(writer);
        var variants = new[] { "as benchmarked", "log level Information", "stock authentication" };
        try
        {
            var hosts = new List<BenchHost>
            {
                await BenchHost.StartAsync(BotUnderTest.Echo, StoreSettings("memory", null, KeyPrefix("variant-0")), options.LogLevel).ConfigureAwait(false),
                await BenchHost.StartAsync(BotUnderTest.Echo, StoreSettings("memory", null, KeyPrefix("variant-1")), LogLevel.Information).ConfigureAwait(false),
                await BenchHost.StartAsync(BotUnderTest.Echo, StoreSettings("memory", null, KeyPrefix("variant-2")), options.LogLevel, stockAuthentication: true).ConfigureAwait(false),
            };
            try
            {
                var contenders = hosts.Select((host, i) =>
                {
                    var prefix = $"floor-variant-{i}-{_runId}";
                    var users = Enumerable.Range(0, Concurrency).Select(u => (IVirtualUser)new FloorUser(ConsultUser.ConversationId(prefix, u, 0))).ToList();
                    return new Contender(host, new StepResult { Scenario = "floor", Store = "memory", Concurrency = Concurrency, Variant = variants[i] }, users);
                }).ToList();
                report.FloorVariants.AddRange(await _rounds.RunAsync(contenders, options.Rounds, options.RoundLength).ConfigureAwait(false));
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync().ConfigureAwait(false);
                }
            }

            await writer.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(original);
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        // The console formatter writes "info: Category[EventId]" then the message on the next line.
        var entries = new Dictionary<string, long>();
        string? pending = null;
        foreach (var line in File.ReadLines(logFile))
        {
            if (pending is not null)
            {
                var key = $"{pending} {line.Trim()}";
                entries[key] = entries.GetValueOrDefault(key) + 1;
                pending = null;
            }
            else if (line.StartsWith("info:", StringComparison.Ordinal))
            {
                pending = line.Trim();
            }
        }

        File.Delete(logFile);
        foreach (var (entry, count) in entries.OrderByDescending(entry => entry.Value).Take(3))
        {
            report.ProductionLogEntries[entry.Length > 120 ? entry[..120] : entry] = count;
        }

        var verboseTurns = report.FloorVariants[1].Turns;
        // Warm-up turns log too, so this slightly overstates entries per measured turn.
        report.ProductionLogLinesPerTurn = verboseTurns > 0 ? (double)entries.Values.Sum() / verboseTurns : null;
    }

    private async Task RunMemoryCheckAsync(RunReport report, string? redisEndpoint)
    {
        var store = redisEndpoint is not null ? "redis" : "memory";
        var host = await TryStartAsync(report, BotUnderTest.ImagingBot, store, redisEndpoint, $"bench-{_runId}-memory", options.LogLevel).ConfigureAwait(false);
        if (host is null)
        {
            return;
        }

        await using (host.ConfigureAwait(false))
        {
            var mode = await ProbeConsultModeAsync(host).ConfigureAwait(false);
            const int Concurrency = 64;
            using var client = new BotClient(host.MessagesEndpoint, Concurrency, options.RequestTimeout);
            progress.WriteLine($"Memory check: {options.MemoryConsults:N0} consults in new conversations, {Concurrency} at a time, {store} store ...");
            report.Memory = await MemoryCheck.RunAsync(client, mode, Concurrency, options.MemoryConsults, options.MemoryTimeLimit, $"memory-{_runId}", options.Patients).ConfigureAwait(false);
            report.MemoryStore = store;
            foreach (var reading in report.Memory.Readings)
            {
                progress.WriteLine($"  after {reading.ConsultsSoFar,6:N0} consults: GC heap {reading.GcHeapBytes / 1048576.0:F1} MiB, working set {reading.WorkingSetBytes / 1048576.0:F1} MiB, GC committed {reading.GcCommittedBytes / 1048576.0:F1} MiB");
            }
        }
    }

    private async Task<BenchHost?> TryStartAsync(RunReport report, BotUnderTest bot, string store, string? redisEndpoint, string keyPrefix, LogLevel logLevel, TurnProfile? profile = null)
    {
        try
        {
            return await BenchHost.StartAsync(bot, StoreSettings(store, redisEndpoint, keyPrefix), logLevel, profile).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (store == "redis" && exception.Message.Contains("Storage:Provider", StringComparison.Ordinal))
        {
            // Until the Redis IStorage is merged the app refuses Storage:Provider=Redis at start-up.
            var note = $"{bot} on the Redis store: this build does not support Storage:Provider=Redis yet.";
            if (!report.Pending.Contains(note))
            {
                report.Pending.Add(note);
            }

            progress.WriteLine("  pending: " + note);
            return null;
        }
    }

    internal static Dictionary<string, string?> StoreSettings(string store, string? redisEndpoint, string keyPrefix) => store == "redis"
        ? new()
        {
            ["Storage:Provider"] = "Redis",
            ["Storage:Redis:ConnectionString"] = redisEndpoint,
            ["Storage:Redis:KeyPrefix"] = keyPrefix,
        }
        : new() { ["Storage:Provider"] = "Memory" };

    private async Task<ConsultMode> ProbeConsultModeAsync(BenchHost host)
    {
        using var client = new BotClient(host.MessagesEndpoint, 1, options.RequestTimeout);
        var mode = await ConsultProbe.DetectAsync(client, $"probe-{_runId}-{Guid.NewGuid():N}").ConfigureAwait(false);
        if (mode == ConsultMode.GreetingOnly)
        {
            progress.WriteLine("  note: the bot answers 'start' without a question card: measuring the greeting bot as a one-turn 'consult'.");
        }

        return mode;
    }

    private void EnsureRedisInstalled()
    {
        if (RedisServerProcess.IsInstalled())
        {
            return;
        }

        progress.WriteLine("redis-server is missing: apt-get install -y redis-server");
        using var install = Process.Start(new ProcessStartInfo("apt-get", "install -y redis-server") { UseShellExecute = false })
            ?? throw new InvalidOperationException("apt-get did not start.");
        install.WaitForExit();
        if (install.ExitCode != 0 || !RedisServerProcess.IsInstalled())
        {
            throw new InvalidOperationException("Could not install redis-server; pass --redis HOST:PORT or --stores memory.");
        }
    }
}
