using System.Net;
using ImagingBot.Adapter;
using ImagingBot.Bots;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static ImagingBot.Tests.Support.TestPatients;

namespace ImagingBot.Tests.Adversarial;

/// <summary>
/// The seeded hostile corpus against the real HTTP endpoint (Redis store, tenant allow-list on), while
/// consults of the hospital's tenant run beside it, interleaved: no 5xx, no unhandled exception in the
/// logs, and every consult ends with its own answers and the right recommendation.
/// </summary>
[Collection(SharedRedisDefinition.Name)]
public class HostileInputTests(SharedRedis redis, WebApplicationFactory<Program> factory, ITestOutputHelper output) : IClassFixture<WebApplicationFactory<Program>>
{
    private const int Seed = 20261126;
    private const int InParallel = 6;

    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private static readonly ImagingDecision Decision = new(Guidance);

    // Each consult's patient: the answer to every question by its key; the bot asks only those that can change its advice.
    private static readonly Dictionary<string, string>[] Consults =
    [
        Patient(("cancer", "yes")),
        Patient(("infection", "yes"), ("contraindication", "contrast")),
        Patient(("course", "chronic")),
        Patient(("fractureRisk", "yes"), ("contraindication", "mri")),
    ];

    [Fact]
    public void The_corpus_is_deterministic_and_large()
    {
        string[] live = ["live-a", "live-b"];
        var channel = new Uri("http://127.0.0.1:1/");
        var first = HostileActivities.Generate(Seed, live, channel);
        var second = HostileActivities.Generate(Seed, live, channel);

        Assert.True(first.Count >= 200, $"only {first.Count} hostile activities");
        Assert.Equal(first.Select(activity => activity.Name), second.Select(activity => activity.Name));
    }

    [Fact]
    public async Task Hostile_requests_get_no_5xx_and_no_crash_and_the_consults_beside_them_finish_right()
    {
        await using var channel = await FakeChannel.StartAsync();
        var logs = new CapturedLogs();
        using var instance = factory.Instance(redis.Endpoint, logs: logs, settings: new Dictionary<string, string> { ["Bot:AllowedTenantIds:0"] = HostileActivities.AllowedTenant });
        using var client = instance.CreateClient();
        var consults = Consults.Select(_ => new ConsultConversation(client, tenantId: HostileActivities.AllowedTenant)).ToList();
        var corpus = HostileActivities.Generate(Seed, [.. consults.Select(consult => consult.Id)], channel.ServiceUrl);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Name, int Status)>();

        async Task SendAsync(HostileActivity hostile)
        {
            var turn = await ConsultConversation.SendRawAsync(client, hostile.Body, hostile.ContentType);
            statuses.Add((hostile.Name, (int)turn.Status));
            if ((int)turn.Status >= 500 || turn.Body.Contains(ImagingBotAdapter.SomethingWentWrong, StringComparison.Ordinal) || turn.Body.Contains("   at ", StringComparison.Ordinal))
            {
                failures.Add($"{hostile.Name}: {(int)turn.Status} {turn.Body[..Math.Min(300, turn.Body.Length)]}");
            }
        }

        // The consults advance one answer per round; each round sends its share of the corpus at the same time.
        var asked = await Task.WhenAll(consults.Select(async consult => (await consult.SayAsync("start")).Asked));
        var recorded = consults.Select(_ => ClinicalAnswers.Empty).ToArray();
        var recommendations = new ConsultConversation.Turn?[consults.Count];
        var rounds = Guidance.Questions.Count;
        var share = (corpus.Count + rounds - 1) / rounds;
        using var gate = new SemaphoreSlim(InParallel);
        for (var round = 0; round < rounds; round++)
        {
            var hostile = corpus.Skip(round * share).Take(share).Select(async activity =>
            {
                await gate.WaitAsync();
                try
                {
                    await SendAsync(activity);
                }
                finally
                {
                    gate.Release();
                }
            });
            var answers = consults.Select(async (consult, index) =>
            {
                if (asked[index] is not { } question)
                {
                    return;
                }

                var value = Consults[index][question.QuestionId];
                var turn = await consult.ClickAsync(question, value);
                Assert.Equal(HttpStatusCode.OK, turn.Status);
                recorded[index] = recorded[index].With(Guidance.Questions.Single(q => q.Key == question.QuestionId).Id, value)!;
                asked[index] = turn.Asked;
                if (turn.IsRecommendation)
                {
                    recommendations[index] = turn;
                }
            });
            await Task.WhenAll(hostile.Concat(answers));
        }

        output.WriteLine($"{corpus.Count} hostile activities");
        foreach (var (name, status) in statuses.OrderBy(entry => entry.Status).ThenBy(entry => entry.Name, StringComparer.Ordinal))
        {
            output.WriteLine($"{status} {name}");
        }

        Assert.True(failures.IsEmpty, "Failed hostile activities:" + Environment.NewLine + string.Join(Environment.NewLine, failures));

        var unhandled = logs.Lines.Where(line => line.Level >= LogLevel.Error || (line.Exception is not null && line.Level >= LogLevel.Warning && !line.Category.StartsWith("ImagingBot", StringComparison.Ordinal))).ToList();
        Assert.True(unhandled.Count == 0, "Errors in the logs:" + Environment.NewLine + string.Join(Environment.NewLine, unhandled.Select(line => line.ToString()[..Math.Min(600, line.ToString().Length)])));

        var storage = instance.Services.GetRequiredService<IStorage>();
        for (var index = 0; index < consults.Count; index++)
        {
            var recommendation = recommendations[index];
            Assert.True(recommendation is not null, $"consult {index} ended without a recommendation");
            Assert.Null(asked[index]);
            var expected = Assert.IsType<Recommendation>(Decision.Decide(recorded[index]));
            Assert.All(expected.FirstLine, study => Assert.Contains(study.Procedure.Name, recommendation.Body, StringComparison.Ordinal));

            var key = $"emulator/conversations/{consults[index].Id}";
            var state = (IDictionary<string, object>)(await storage.ReadAsync([key]))[key];
            var stored = Assert.IsType<ConsultState>(state[ImagingBotActivityHandler.ConsultPropertyName]);
            Assert.Equal(recorded[index], stored.Answers);
            Assert.Null(stored.Pending);
        }
    }
}
