using System.Net;
using System.Text.Json.Nodes;
using ImagingBot.Guidance;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Xunit.Abstractions;
using static ImagingBot.Tests.Support.TestPatients;

namespace ImagingBot.Tests.Privacy;

/// <summary>
/// Whole consults over HTTP with every log line of every category captured down to Trace: no message text,
/// answer, card content or user name may reach a log, and the stored state holds no user name.
/// </summary>
public class PrivacyTests(WebApplicationFactory<Program> factory, ITestOutputHelper output) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string UserName = "Dr Alice Example";
    private const string TypedMarker = "zebrafinch-carcinoma";
    private const string CaseMarker = "quokkaville";
    private const string AnswerMarker = "pangolin-answer";

    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();

    private static readonly Dictionary<string, string> ButtonPatient = Patient(("cancer", "yes"));

    // Typed answers, the case confirmed with "yes" and the contraindication in the clinician's words.
    private static readonly Dictionary<string, string> TypedPatient = new(ButtonPatient)
    {
        ["case"] = "yes",
        ["contraindication"] = "no contrast",
    };

    [Fact]
    public async Task Logs_of_whole_consults_hold_no_text_answers_cards_or_names_and_the_store_holds_no_names()
    {
        // Its own Redis, so that the store can fail mid-consult and put exceptions into the logs too.
        await using var redis = await RedisServer.StartAsync();
        var logs = new CapturedLogs();
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instance = factory.Instance(redis.Endpoint, keyPrefix, logs);
        using var client = instance.CreateClient();
        var said = new List<ConsultConversation.Turn>();

        // A consult by buttons, with FAQ questions and free text in between.
        var byButtons = new ConsultConversation(client, userName: UserName);
        said.Add(await byButtons.SayAsync("hello " + TypedMarker));
        said.Add(await byButtons.SayAsync("start"));
        var recorded = ClinicalAnswers.Empty;
        for (var step = 0; said[^1].Asked is { } question; step++)
        {
            Assert.True(step < Guidance.Questions.Count, "the consult never ended");
            var value = ButtonPatient[question.QuestionId];
            recorded = recorded.With(Guidance.Questions.Single(q => q.Key == question.QuestionId).Id, value)!;
            said.Add(await byButtons.SayAsync($"{TypedMarker}: {Guidance.Faq[1].Question}"));
            said.Add(await byButtons.SendAsync(EmulatorActivities.Message(byButtons.Id, null, new JsonObject
            {
                ["action"] = "answer",
                ["questionId"] = question.QuestionId,
                ["consultId"] = question.ConsultId,
                ["value"] = value,
                ["comment"] = AnswerMarker,
            })));
        }

        // A consult from a one-line case, answered by typing, with the replies sent to the channel as in Teams.
        await using var channel = await FakeChannel.StartAsync();
        var byCase = new ConsultConversation(client, userName: UserName, channel: channel);
        said.Add(await byCase.SayAsync($"start 58F {CaseMarker}, breast cancer in remission, subjective fevers, night pain"));
        for (var step = 0; channel.LastAsked is { } key; step++)
        {
            Assert.True(step < Guidance.Questions.Count + 1, "the consult never ended");
            said.Add(await byCase.SayAsync(TypedPatient[key]));
        }

        // The store fails while a message waits: the exception is logged, the message must not be.
        await redis.StopAsync();
        await byCase.SayAsync("start " + TypedMarker + " " + UserName);
        Assert.Contains(channel.Replies, reply => (string?)reply["text"] == ImagingBot.Adapter.ImagingBotAdapter.StateStoreUnavailable);
        await redis.StartAgainAsync();

        // Answers the bot cannot use, and a click on a card of another consult.
        said.Add(await byCase.SayAsync("maybe " + TypedMarker));
        said.Add(await byCase.SendAsync(EmulatorActivities.Message(byCase.Id, null, new JsonObject { ["action"] = "answer", ["questionId"] = "cancer", ["consultId"] = TypedMarker, ["value"] = AnswerMarker })));
        said.Add(await byCase.SendAsync(EmulatorActivities.Message(byCase.Id, null, JsonValue.Create(TypedMarker + " as a plain value"))));

        Assert.All(said, turn => Assert.Equal(HttpStatusCode.OK, turn.Status));
        Assert.Contains(said, turn => turn.IsRecommendation);
        Assert.NotEmpty(channel.Replies);
        // The capture sees what production filters out (Trace, ASP.NET Core's request lines) and the store's exception.
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Trace);
        Assert.Contains(logs.Lines, line => line.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Category == typeof(ImagingBot.Telemetry.PhiFreeHttpClientLogger).FullName);
        Assert.Contains(logs.Lines, line => line.AllText.Contains(nameof(ImagingBot.State.StateStoreUnavailableException), StringComparison.Ordinal));
        foreach (var line in logs.Lines)
        {
            output.WriteLine(line.ToString());
        }

        var secrets = new List<string> { UserName, TypedMarker, CaseMarker, AnswerMarker, "breast cancer in remission", "no contrast" };
        secrets.AddRange(Guidance.Faq.Take(2).SelectMany(entry => new[] { entry.Question, entry.Answer }));
        secrets.AddRange(Guidance.Questions.Select(question => question.Prompt));

        // The recommendation card the button consult ended with (cancer suspected, nothing else, MRI possible).
        var recommendation = Assert.IsType<Recommendation>(new ImagingDecision(Guidance).Decide(recorded));
        var study = recommendation.FirstLine[0].Procedure.Name;
        Assert.Contains(said, turn => turn.IsRecommendation && turn.Body.Contains(study, StringComparison.Ordinal));
        secrets.Add(recommendation.Headline);
        secrets.Add(study);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Lines, line => line.AllText.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        Assert.DoesNotContain(logs.Lines, line => line.AllText.Contains("\"value\"", StringComparison.Ordinal) || line.AllText.Contains("\"text\"", StringComparison.Ordinal));

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint);
        var server = connection.GetServer(redis.Endpoint);
        var keys = server.Keys(pattern: keyPrefix + ":*").ToList();
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var stored = string.Join(" ", (await connection.GetDatabase().HashGetAllAsync(key)).Select(entry => $"{entry.Name}={entry.Value}"));
            Assert.DoesNotContain("Alice", stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(TypedMarker, stored, StringComparison.OrdinalIgnoreCase);
        }
    }
}
