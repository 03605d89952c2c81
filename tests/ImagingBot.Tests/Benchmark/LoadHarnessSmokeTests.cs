using ImagingBot.LoadTest.Hosting;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Measurements;
using ImagingBot.LoadTest.Scenarios;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImagingBot.Tests.Benchmark;

/// <summary>
/// The load benchmark's harness, run for one conversation and a few turns over real HTTP: it must get correct replies
/// and count no error. Nothing here is timed; the numbers come from bench/ImagingBot.LoadTest.
/// </summary>
public class LoadHarnessSmokeTests
{
    private static readonly Dictionary<string, string?> MemoryStore = new() { ["Storage:Provider"] = "Memory" };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void The_bench_host_runs_the_garbage_collector_the_app_runs()
    {
        // Both runtime configurations are copied next to the tests by the project references.
        static Dictionary<string, string> GcSettings(string app) =>
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, app + ".runtimeconfig.json")))!
                ["runtimeOptions"]!["configProperties"]!.AsObject()
                .Where(setting => setting.Key.StartsWith("System.GC.", StringComparison.Ordinal) && setting.Key != "System.GC.Concurrent")
                .ToDictionary(setting => setting.Key, setting => setting.Value!.ToJsonString());

        var app = GcSettings("ImagingBot");

        Assert.Equal(app, GcSettings("ImagingBot.LoadTest"));
        Assert.Equal("true", app["System.GC.Server"]);
        Assert.Equal("0", app["System.GC.DynamicAdaptationMode"]);
    }

    [Fact]
    public async Task The_floor_echoes_every_turn_of_one_conversation_and_saves_its_state()
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.Echo, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, Timeout);
        var user = new FloorUser("smoke-floor");

        for (var turn = 0; turn < 5; turn++)
        {
            Assert.Equal(TurnOutcome.Ok, await user.RunTurnAsync(client, CancellationToken.None));
        }

        var state = StateSize.FromMemoryStorage(host.Services.GetRequiredService<IStorage>());
        Assert.Equal(1, state.Keys);
        Assert.InRange(state.MaxBytes, 1, 2048);
    }

    [Fact]
    public async Task A_load_step_of_one_conversation_counts_turns_and_no_errors()
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.Echo, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, Timeout);

        var step = await LoadStep.RunAsync(
            new StepResult { Scenario = "floor", Store = "memory", Concurrency = 1 },
            client,
            [new FloorUser("smoke-step")],
            warmup: TimeSpan.Zero,
            duration: Timeout,
            maxTurns: 5,
            requestTimeout: Timeout);

        Assert.InRange(step.Turns, 5, long.MaxValue);
        Assert.Equal(0, step.Errors);
        Assert.Empty(step.ErrorKinds);
    }

    [Fact]
    public async Task A_whole_consult_on_the_real_bot_ends_in_the_expected_recommendation()
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, Timeout);
        Assert.Equal(ConsultMode.Consult, await ConsultProbe.DetectAsync(client, "smoke-probe"));
        var user = new ConsultUser("smoke-consult", 0, ConsultMode.Consult);

        var outcomes = new List<TurnOutcome>();
        for (var turn = 0; turn < 12 && !outcomes.Any(outcome => outcome.FinishedConsult); turn++)
        {
            outcomes.Add(await user.RunTurnAsync(client, CancellationToken.None));
        }

        Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
        Assert.True(outcomes[^1].FinishedConsult, "the consult did not reach the recommendation card");
        Assert.Equal(6, outcomes.Count); // start, then the four red-flag questions and the contraindication question
    }

    [Fact]
    public async Task Consults_follow_one_another_in_the_same_conversation_with_the_new_consult_button()
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, Timeout);
        var user = new ConsultUser("smoke-consults", 0, ConsultMode.Consult);

        var outcomes = new List<TurnOutcome>();
        for (var turn = 0; turn < 40 && outcomes.Count(outcome => outcome.FinishedConsult) < ConsultProfile.All.Count; turn++)
        {
            outcomes.Add(await user.RunTurnAsync(client, CancellationToken.None));
        }

        // Every patient of the rotation, each recommendation checked for its own study.
        Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
        Assert.Equal(ConsultProfile.All.Count, outcomes.Count(outcome => outcome.FinishedConsult));
    }

    [Fact]
    public async Task A_wrong_reply_is_counted_as_an_error()
    {
        // The consult driver run against the echo bot: "start" comes back as text, not as a question card.
        await using var host = await BenchHost.StartAsync(BotUnderTest.Echo, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, Timeout);

        var outcome = await new ConsultUser("smoke-wrong", 0, ConsultMode.Consult).RunTurnAsync(client, CancellationToken.None);

        Assert.NotNull(outcome.Error);
        Assert.False(outcome.FinishedConsult);
    }
}
