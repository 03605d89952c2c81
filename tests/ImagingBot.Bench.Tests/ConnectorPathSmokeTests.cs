using ImagingBot.LoadTest;
using ImagingBot.LoadTest.Connector;
using ImagingBot.LoadTest.Hosting;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Reporting;
using ImagingBot.LoadTest.Scenarios;
using Microsoft.Extensions.Logging;

using static ImagingBot.Bench.Tests.SmokeSettings;

namespace ImagingBot.Bench.Tests;

/// <summary>
/// The connector path of the load benchmark (issue 15): Teams activities with normal delivery, the bot's replies posted
/// to the bench's fake connector at the activities' serviceUrl and read from there. Nothing here is timed.
/// </summary>
public class ConnectorPathSmokeTests
{
    [Theory]
    [InlineData(ConnectorScenarios.MinimalFloor)]
    [InlineData(ConnectorScenarios.EchoFloor)]
    public async Task Each_floor_posts_every_reply_to_the_connector_where_it_is_counted(string floor)
    {
        await using var connector = await FakeConnector.StartAsync();
        await using IBotHost host = floor == ConnectorScenarios.MinimalFloor
            ? await MinimalBotHost.StartAsync()
            : await BenchHost.StartAsync(BotUnderTest.Echo, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        var user = new FloorUser("connector-" + floor.Replace(' ', '-'), connector);

        for (var turn = 0; turn < 5; turn++)
        {
            Assert.Equal(TurnOutcome.Ok, await user.RunTurnAsync(client, CancellationToken.None));
        }

        Assert.Equal(5, connector.Received);
    }

    [Fact]
    public async Task A_consult_on_the_connector_path_clicks_universal_actions_and_ends_in_the_recommendation()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        var user = new ConsultUser("connector-consult", 0, ConsultMode.Consult, connector: connector);

        var outcomes = new List<TurnOutcome>();
        for (var turn = 0; turn < 20 && !outcomes.Any(o => o.FinishedConsult || o.Error is not null); turn++)
        {
            outcomes.Add(await user.RunTurnAsync(client, CancellationToken.None));
        }

        Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
        Assert.True(outcomes[^1].FinishedConsult, "the consult did not reach the recommendation card");
        Assert.Equal(1 + ConsultProfile.ArticlePatient.Answers.Count, outcomes.Count);
        // Every answer was a Universal Action, answered with the card's record, and each turn's next card came by the connector.
        Assert.Equal(ConsultProfile.ArticlePatient.Answers.Count, user.UniversalActions);
        Assert.Equal(outcomes.Count, connector.Received);
    }

    [Fact]
    public async Task A_reply_the_bot_never_posts_is_counted_as_lost()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await MinimalBotHost.StartAsync(dropEvery: 3);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        var user = new FloorUser("connector-lossy", connector);

        var outcomes = new List<TurnOutcome>();
        for (var turn = 0; turn < 6; turn++)
        {
            outcomes.Add(await user.RunTurnAsync(client, CancellationToken.None));
        }

        Assert.Equal([0, 0, 1, 0, 0, 1], outcomes.Select(outcome => outcome.LostReplies));
        Assert.Equal(4, connector.Received);
    }

    [Fact]
    public async Task The_smoke_run_measures_every_row_of_the_connector_table_with_replies_counted_and_none_lost()
    {
        var report = await new LoadTestRun(LoadTestOptions.Parse(["--smoke"]), TextWriter.Null).RunAsync("smoke");

        Assert.Equal(
            ["minimal floor / none / 4", "echo floor / memory / 4", "consult / memory / 4", "consult (telemetry on) / memory / 4"],
            report.ConnectorSteps.Select(step => step.Label));
        Assert.All(report.ConnectorSteps, step =>
        {
            Assert.InRange(step.Turns, 1, long.MaxValue);
            Assert.Equal(0, step.Errors);
            Assert.Equal(0, step.LostReplies);
            Assert.Equal(2, step.RoundTurnsPerSecond.Count);
        });
        Assert.InRange(report.FindOnConnector(ConnectorScenarios.Consult, "memory")!.Consults, 1, long.MaxValue);
        // At least one reply per measured turn reached the connector (warm-up turns add theirs).
        Assert.InRange(report.ConnectorRepliesCounted, report.ConnectorSteps.Sum(step => step.Turns), long.MaxValue);
        Assert.Empty(report.Steps);

        var checks = TargetCheck.OnTheConnectorPath(report);
        Assert.Equal(true, checks.Single(check => check.Target.StartsWith("Connector path: zero lost replies", StringComparison.Ordinal)).Pass);
        Assert.Null(checks.Single(check => check.Target.Contains("(redis)", StringComparison.Ordinal)).Pass);
        Assert.All(checks.Where(check => !check.Target.Contains("(redis)", StringComparison.Ordinal)), check => Assert.NotNull(check.Pass));
        Assert.Contains("| minimal floor | none | 4 |", MarkdownReport.RenderConnector(report, "analysis"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lost_replies_fail_the_connector_target()
    {
        await using var connector = await FakeConnector.StartAsync();
        await using var host = await MinimalBotHost.StartAsync(dropEvery: 2);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        var step = await LoadStep.RunAsync(
            new StepResult { Scenario = ConnectorScenarios.MinimalFloor, Store = ConnectorScenarios.NoStore, Concurrency = 1 },
            client,
            [new FloorUser("connector-lossy-step", connector)],
            warmup: TimeSpan.Zero,
            duration: RequestTimeout,
            maxTurns: 6,
            requestTimeout: RequestTimeout);
        var report = new RunReport { Command = "test", StartedAt = DateTimeOffset.UnixEpoch, Machine = new MachineInfo(2, "cpu", "1 GiB", ".NET", "Linux", "server", null, null), Load = "test" };
        report.ConnectorSteps.Add(step);

        Assert.InRange(step.LostReplies, 2, long.MaxValue);
        Assert.Equal(false, TargetCheck.OnTheConnectorPath(report).Single(check => check.Target.StartsWith("Connector path: zero lost replies", StringComparison.Ordinal)).Pass);
    }
}
