using System.Globalization;
using ImagingBot.LoadTest.Connector;
using ImagingBot.LoadTest.Hosting;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Reporting;
using ImagingBot.LoadTest.Scenarios;

namespace ImagingBot.LoadTest;

/// <summary>
/// The connector table (issue 15): the delivery path Teams uses. Every activity is Teams' (normal delivery, the
/// fake connector's serviceUrl), the bot answers 200 and posts its replies to the connector, where each virtual user
/// takes its conversation's replies after the turn and checks them; a turn whose reply never arrived is a lost reply.
/// All rows run in the same alternating rounds: the minimal ASP.NET Core floor, then per store our echo and the
/// consult, and the consult with telemetry on (memory store).
/// </summary>
internal sealed class ConnectorPathRun(LoadTestOptions options, TextWriter progress, string runId)
{
    public async Task RunAsync(RunReport report, string? redisEndpoint)
    {
        ArgumentNullException.ThrowIfNull(report);
        var concurrency = options.ConnectorConcurrency;
        var rounds = options.RoundsAt(LoadTestOptions.TargetConcurrency);
        report.ConnectorLoad = string.Create(CultureInfo.InvariantCulture,
            $"{concurrency} concurrent conversations per row; the rows alternate in {rounds} rounds of {options.RoundLength.TotalSeconds:0.##} s measured each, every other round in reverse order ({options.Warmup.TotalSeconds:0.#} s warm-up before a row's first round, {options.RoundWarmup.TotalSeconds:0.#} s before later ones; at most {options.MaxTurnsPerRound:N0} turns per round); request timeout {options.RequestTimeout.TotalSeconds:0} s; bench host log level {options.LogLevel}");
        progress.WriteLine($"Connector path: {report.ConnectorLoad} ...");
        var connector = await FakeConnector.StartAsync().ConfigureAwait(false);
        await using (connector.ConfigureAwait(false))
        {
            var hosts = new List<IBotHost>();
            try
            {
                var contenders = new List<Contender>();
                async Task AddAsync(Task<IBotHost> starting, string scenario, string store, string variant = "")
                {
                    var host = await starting.ConfigureAwait(false);
                    hosts.Add(host);
                    var prefix = $"connector-{hosts.Count}-{runId}";
                    IReadOnlyList<IVirtualUser> users = scenario == ConnectorScenarios.Consult
                        ? [.. Enumerable.Range(0, concurrency).Select(i => new ConsultUser(prefix, i, ConsultMode.Consult, patients: options.Patients, connector: connector))]
                        : [.. Enumerable.Range(0, concurrency).Select(i => new FloorUser(ConsultUser.ConversationId(prefix, i, 0), connector))];
                    contenders.Add(new Contender(host, new StepResult { Scenario = scenario, Store = store, Concurrency = concurrency, Variant = variant }, users));
                }

                bool Runs(string row) => options.ConnectorRows.Contains(row);
                if (Runs(LoadTestOptions.MinimalRow))
                {
                    await AddAsync(Started(MinimalBotHost.StartAsync()), ConnectorScenarios.MinimalFloor, ConnectorScenarios.NoStore).ConfigureAwait(false);
                }

                foreach (var store in options.Stores)
                {
                    if (Runs(LoadTestOptions.EchoRow))
                    {
                        await AddAsync(Started(BenchHost.StartAsync(BotUnderTest.Echo, Settings(store, "echo"), options.LogLevel)), ConnectorScenarios.EchoFloor, store).ConfigureAwait(false);
                    }

                    if (Runs(LoadTestOptions.ConsultRow))
                    {
                        await AddAsync(Started(BenchHost.StartAsync(BotUnderTest.ImagingBot, Settings(store, "consult"), options.LogLevel)), ConnectorScenarios.Consult, store).ConfigureAwait(false);
                    }
                }

                if (options.Stores.Contains("memory") && Runs(LoadTestOptions.TelemetryRow))
                {
                    await AddAsync(Started(BenchHost.StartAsync(BotUnderTest.ImagingBot, Settings("memory", "telemetry"), options.LogLevel, telemetryOn: true)), ConnectorScenarios.Consult, "memory", ConnectorScenarios.TelemetryOn).ConfigureAwait(false);
                }

                report.ConnectorSteps.AddRange(await new AlternatingRounds(options, progress).RunAsync(contenders, rounds, options.RoundLength).ConfigureAwait(false));
                report.ConnectorRepliesCounted = connector.Received;
                foreach (var step in report.ConnectorSteps.Where(step => step.Scenario != ConnectorScenarios.MinimalFloor))
                {
                    var ratios = report.ConnectorRoundRatios(step);
                    progress.WriteLine($"  {step.Label} over the minimal floor, per round: {RunReport.Percentages(ratios)}{(ratios.Count > 1 ? "; rounds' mean " + RunReport.Spread(ratios) : string.Empty)}");
                }

                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  replies counted at the fake connector: {connector.Received:N0} (warm-ups included), lost {report.ConnectorSteps.Sum(step => step.LostReplies)}"));
            }
            finally
            {
                foreach (var host in hosts)
                {
                    await host.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        Dictionary<string, string?> Settings(string store, string bot) => LoadTestRun.StoreSettings(store, redisEndpoint, $"bench-{runId}-connector-{bot}");
    }

    private static async Task<IBotHost> Started<THost>(Task<THost> starting)
        where THost : IBotHost => await starting.ConfigureAwait(false);
}
