using System.Net;
using ImagingBot.Bots;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;
using ImagingBot.Turn;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static ImagingBot.Tests.Support.TestPatients;

namespace ImagingBot.Tests.Turn;

/// <summary>
/// Two turns of one conversation at the same time (a double click, two devices, two instances behind a
/// load balancer), as real parallel HTTP requests to two app instances sharing one Redis.
/// </summary>
[Collection(SharedRedisDefinition.Name)]
public class ParallelTurnTests(SharedRedis redis, WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const int ClicksPerAnswer = 8;
    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private static readonly string AlreadyAnswered = new ConsultOptions().AlreadyAnsweredNote;

    /// <summary>Patients by the answers that differ from an adult with acute pain and nothing else.</summary>
    private static readonly string[] Patients = ["cancer=yes", "infection=yes contraindication=contrast", "course=chronic", "fractureRisk=yes contraindication=mri", "sepsis=yes"];

    public static TheoryData<string> EachPatient => new(Patients);

    [Theory]
    [MemberData(nameof(EachPatient))]
    public async Task The_same_click_sent_in_parallel_to_two_instances_records_one_answer_and_one_recommendation(string patient)
    {
        var answers = Patient(patient);
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instanceA = factory.Instance(redis.Endpoint, keyPrefix);
        using var instanceB = factory.Instance(redis.Endpoint, keyPrefix);
        var conversationId = "conversation-" + Guid.NewGuid().ToString("N");
        ConsultConversation[] instances = [new(instanceA.CreateClient(), conversationId), new(instanceB.CreateClient(), conversationId)];

        var question = (await instances[0].SayAsync("start")).Asked;
        var recorded = ClinicalAnswers.Empty;
        var recommendations = 0;
        for (var step = 0; question is not null; step++)
        {
            Assert.True(step < Guidance.Questions.Count, "the consult never ended");
            var asked = question;
            var value = answers[asked.QuestionId];
            var turns = await Task.WhenAll(Enumerable.Range(0, ClicksPerAnswer).Select(i => instances[i % 2].ClickAsync(asked, value)));

            Assert.All(turns, turn => Assert.Equal(HttpStatusCode.OK, turn.Status));
            var advanced = Assert.Single(turns, turn => turn.Asked is not null || turn.IsRecommendation);
            Assert.All(turns.Where(turn => turn != advanced), turn => Assert.Equal([AlreadyAnswered], turn.Texts));
            recommendations += turns.Count(turn => turn.IsRecommendation);
            recorded = Record(recorded, asked.QuestionId, value);
            question = advanced.Asked;
        }

        Assert.Equal(1, recommendations);
        var stored = await StoredConsultAsync(instanceA, conversationId);
        Assert.Equal(recorded, stored.Answers);
        Assert.Null(stored.Pending);
    }

    [Fact]
    public async Task Consults_of_several_conversations_and_an_FAQ_question_beside_an_answer_lose_nothing()
    {
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instanceA = factory.Instance(redis.Endpoint, keyPrefix);
        using var instanceB = factory.Instance(redis.Endpoint, keyPrefix);
        HttpClient[] clients = [instanceA.CreateClient(), instanceB.CreateClient()];
        var faqQuestion = Guidance.Faq[0].Question;

        async Task WalkAsync(string patient, int seed)
        {
            var answers = Patient(patient);
            var conversationId = "conversation-" + Guid.NewGuid().ToString("N");
            var question = (await new ConsultConversation(clients[seed % 2], conversationId).SayAsync("start")).Asked;
            var recorded = ClinicalAnswers.Empty;
            for (var step = 0; question is not null; step++)
            {
                Assert.True(step < Guidance.Questions.Count, "the consult never ended");
                var answerOn = new ConsultConversation(clients[(seed + step) % 2], conversationId);
                var faqOn = new ConsultConversation(clients[(seed + step + 1) % 2], conversationId);
                var value = answers[question.QuestionId];

                // The answer and a typed FAQ question of the same conversation arrive together, on different instances.
                var (answer, faq) = (answerOn.ClickAsync(question, value), faqOn.SayAsync(faqQuestion));
                var turns = await Task.WhenAll(answer, faq);
                Assert.All(turns, turn => Assert.Equal(HttpStatusCode.OK, turn.Status));
                Assert.Contains(Guidance.Faq[0].Answer, faq.Result.Body, StringComparison.Ordinal);
                Assert.DoesNotContain(AlreadyAnswered, answer.Result.Body, StringComparison.Ordinal);
                recorded = Record(recorded, question.QuestionId, value);

                // The FAQ reply asks the pending question again; whichever ran second shows the newest one.
                question = answer.Result.IsRecommendation || faq.Result.IsRecommendation ? null : (await new ConsultConversation(clients[0], conversationId).SayAsync("help")).Asked;
            }

            var stored = await StoredConsultAsync(instanceA, conversationId);
            Assert.Equal(recorded, stored.Answers);
            Assert.Null(stored.Pending);
        }

        await Task.WhenAll(Patients.Select(WalkAsync));
    }

    [Fact]
    public async Task On_the_memory_store_a_double_click_records_one_answer_and_the_locks_are_let_go()
    {
        using var instance = factory.Instance(redisEndpoint: null);
        var conversation = new ConsultConversation(instance.CreateClient());
        var question = (await conversation.SayAsync("start")).Asked!;

        var turns = await Task.WhenAll(Enumerable.Range(0, ClicksPerAnswer).Select(_ => conversation.ClickAsync(question, "no")));

        Assert.Single(turns, turn => turn.Asked is { QuestionId: "sepsis" });
        Assert.Equal(ClicksPerAnswer - 1, turns.Count(turn => turn.Texts.SequenceEqual([AlreadyAnswered])));
        var locks = Assert.IsType<InProcessConversationLock>(instance.Services.GetRequiredService<IConversationLock>());
        Assert.Equal(0, locks.ConversationsInUse);
    }

    [Fact]
    public async Task A_turn_that_waits_too_long_for_its_conversation_gets_an_honest_busy_answer_and_loses_nothing()
    {
        using var instance = factory.Instance(redis.Endpoint, services: services =>
            services.AddSingleton(new ConversationLockTiming { Wait = TimeSpan.FromMilliseconds(300) }));
        var conversation = new ConsultConversation(instance.CreateClient());
        var question = (await conversation.SayAsync("start")).Asked!;

        var locks = instance.Services.GetRequiredService<IConversationLock>();
        var held = await locks.TryAcquireAsync($"emulator/conversations/{conversation.Id}", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(held);
        await using (held)
        {
            Assert.Equal([OneTurnPerConversationMiddleware.Busy], (await conversation.ClickAsync(question, "no")).Texts);
        }

        Assert.Equal("sepsis", (await conversation.ClickAsync(question, "no")).Asked?.QuestionId);
    }

    [Fact]
    public async Task A_lock_left_by_a_crashed_instance_expires_and_the_conversation_carries_on()
    {
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instance = factory.Instance(redis.Endpoint, keyPrefix);
        var conversation = new ConsultConversation(instance.CreateClient());
        var question = (await conversation.SayAsync("start")).Asked!;

        // What an instance killed mid-turn leaves behind: its lock, with its time to live, and nobody to release it.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint))
        {
            Assert.True(await connection.GetDatabase().StringSetAsync($"{keyPrefix}:lock:emulator/conversations/{conversation.Id}", "crashed-instance", TimeSpan.FromSeconds(1), When.NotExists));
        }

        Assert.Equal("sepsis", (await conversation.ClickAsync(question, "no")).Asked?.QuestionId);
    }

    private static ClinicalAnswers Record(ClinicalAnswers answers, string questionKey, string value) =>
        answers.With(Guidance.Questions.Single(question => question.Key == questionKey).Id, value)!;

    private static async Task<ConsultState> StoredConsultAsync(WebApplicationFactory<Program> instance, string conversationId)
    {
        var key = $"emulator/conversations/{conversationId}";
        var stored = await instance.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        var state = Assert.IsAssignableFrom<IDictionary<string, object>>(stored[key]);
        return Assert.IsType<ConsultState>(state[ImagingBotActivityHandler.ConsultPropertyName]);
    }
}
