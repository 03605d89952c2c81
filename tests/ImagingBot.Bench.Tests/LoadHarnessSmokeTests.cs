using ImagingBot.LoadTest.Hosting;
using ImagingBot.LoadTest.Load;
using ImagingBot.LoadTest.Measurements;
using ImagingBot.LoadTest.Scenarios;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using static ImagingBot.Bench.Tests.SmokeSettings;

namespace ImagingBot.Bench.Tests;

/// <summary>
/// The load benchmark's harness, run for one conversation and a few turns over real HTTP: it must get correct replies
/// and count no error. Nothing here is timed; the numbers come from bench/ImagingBot.LoadTest.
/// </summary>
public class LoadHarnessSmokeTests
{
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
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
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
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);

        var step = await LoadStep.RunAsync(
            new StepResult { Scenario = "floor", Store = "memory", Concurrency = 1 },
            client,
            [new FloorUser("smoke-step")],
            warmup: TimeSpan.Zero,
            duration: RequestTimeout,
            maxTurns: 5,
            requestTimeout: RequestTimeout);

        Assert.InRange(step.Turns, 5, long.MaxValue);
        Assert.Equal(0, step.Errors);
        Assert.Empty(step.ErrorKinds);
    }

    [Fact]
    public async Task A_whole_consult_on_the_real_bot_ends_in_the_expected_recommendation()
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        Assert.Equal(ConsultMode.Consult, await ConsultProbe.DetectAsync(client, "smoke-probe"));
        var user = new ConsultUser("smoke-consult", 0, ConsultMode.Consult);

        var outcomes = await RunConsultsAsync(user, client, consults: 1);

        Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
        Assert.True(outcomes[^1].FinishedConsult, "the consult did not reach the recommendation card");
        // "start", then exactly the article's patient's questions: the emergency screen, age, trauma, cancer, the
        // contraindication and pregnancy (infection and immunosuppression are skipped once cancer is yes).
        Assert.Equal(1 + ConsultProfile.ArticlePatient.Answers.Count, outcomes.Count);
    }

    [Theory]
    [InlineData("article", 8)]
    [InlineData("emergency", 2)]
    [InlineData("older-fall", OlderAfterFallTurns)]
    public async Task Each_patient_gets_its_study_ordered_first_in_the_expected_number_of_turns(string patient, int turns)
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        var user = new ConsultUser("smoke-" + patient, 0, ConsultMode.Consult, patients: [ConsultProfile.Named(patient)]);

        var outcomes = await RunConsultsAsync(user, client, consults: 1);

        Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
        Assert.Equal(turns, outcomes.Count);
    }

    [Fact]
    public async Task Consults_follow_one_another_in_the_same_conversation_with_the_new_consult_button()
    {
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);
        var user = new ConsultUser("smoke-consults", 0, ConsultMode.Consult, patients: ConsultProfile.Known);

        var outcomes = await RunConsultsAsync(user, client, consults: ConsultProfile.Known.Count);

        // Every patient of the rotation, each recommendation checked for its own study and banner.
        Assert.All(outcomes, outcome => Assert.Null(outcome.Error));
        Assert.Equal(ConsultProfile.Known.Count, outcomes.Count(outcome => outcome.FinishedConsult));
    }

    [Theory]
    [InlineData("unplanned", "unexpected question sepsis (unplanned)")]
    [InlineData("wrong study", "recommendation does not order 'CT lumbar spine with IV contrast' first (wrong study)")]
    [InlineData("no banner", "emergency banner on a routine recommendation (no banner)")]
    [InlineData("banner", "emergency banner missing (banner)")]
    public async Task A_consult_that_goes_otherwise_than_planned_is_counted_as_an_error(string name, string error)
    {
        var article = ConsultProfile.ArticlePatient;
        var profile = name switch
        {
            // Plans only the first answer: the bot asks about sepsis next.
            "unplanned" => new ConsultProfile(name, article.ExpectedStudy, emergent: false, article.Answers[0]),
            "wrong study" => new ConsultProfile(name, "CT lumbar spine with IV contrast", emergent: false, [.. article.Answers]),
            "no banner" => new ConsultProfile(name, ConsultProfile.Emergency.ExpectedStudy, emergent: false, [.. ConsultProfile.Emergency.Answers]),
            _ => new ConsultProfile(name, article.ExpectedStudy, emergent: true, [.. article.Answers]),
        };
        await using var host = await BenchHost.StartAsync(BotUnderTest.ImagingBot, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);

        var outcomes = await RunConsultsAsync(new ConsultUser("smoke-" + name.Replace(' ', '-'), 0, ConsultMode.Consult, patients: [profile]), client, consults: 1);

        Assert.Equal(error, outcomes[^1].Error);
        Assert.False(outcomes[^1].FinishedConsult);
    }

    [Fact]
    public async Task A_wrong_reply_is_counted_as_an_error()
    {
        // The consult driver run against the echo bot: "start" comes back as text, not as a question card.
        await using var host = await BenchHost.StartAsync(BotUnderTest.Echo, MemoryStore, LogLevel.Warning);
        using var client = new BotClient(host.MessagesEndpoint, 1, RequestTimeout);

        var outcome = await new ConsultUser("smoke-wrong", 0, ConsultMode.Consult).RunTurnAsync(client, CancellationToken.None);

        Assert.NotNull(outcome.Error);
        Assert.False(outcome.FinishedConsult);
    }

    // Start and the variant-6 patient's questions as the question tree asks them: the emergency screen, age, trauma,
    // the three red flags and prior surgery. Fracture risk is not asked (65 or older is variant 6 already), nor is
    // pregnancy (not asked at 65 or older).
    private const int OlderAfterFallTurns = 9;

    private static async Task<List<TurnOutcome>> RunConsultsAsync(ConsultUser user, BotClient client, int consults)
    {
        var outcomes = new List<TurnOutcome>();
        for (var turn = 0; turn < 20 * consults && outcomes.Count(outcome => outcome.FinishedConsult || outcome.Error is not null) < consults; turn++)
        {
            outcomes.Add(await user.RunTurnAsync(client, CancellationToken.None));
        }

        return outcomes;
    }
}
