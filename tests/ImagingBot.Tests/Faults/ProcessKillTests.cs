using System.Net;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;

namespace ImagingBot.Tests.Faults;

/// <summary>
/// The bot process killed (SIGKILL) mid-consult and started again on the same Redis: the consult resumes
/// with every earlier answer and ends with the right recommendation.
/// </summary>
[Collection(SharedRedisDefinition.Name)]
public class ProcessKillTests(SharedRedis redis)
{
    [Fact]
    public async Task A_killed_and_restarted_bot_process_resumes_the_consult_with_every_earlier_answer()
    {
        var port = RedisServer.FreeLoopbackPort();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Redis",
            ["Storage__Redis__ConnectionString"] = redis.Endpoint,
            ["Storage__Redis__KeyPrefix"] = SharedRedis.NewKeyPrefix(),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var conversationId = "conversation-" + Guid.NewGuid().ToString("N");

        ConsultConversation.Question? question;
        await using (var first = await AppProcess.StartAsync(port, environment))
        {
            var conversation = new ConsultConversation(first.CreateClient(), conversationId);
            question = (await conversation.SayAsync("start")).Asked;
            Assert.Equal("caudaEquina", question?.QuestionId);
            question = (await conversation.ClickAsync(question!, "no")).Asked;
            Assert.Equal("sepsis", question?.QuestionId);
            question = (await conversation.ClickAsync(question!, "no")).Asked;
            Assert.Equal("age", question?.QuestionId);

            await first.KillAsync();
        }

        await using var second = await AppProcess.StartAsync(port, environment);
        var resumed = new ConsultConversation(second.CreateClient(), conversationId);

        // The question card from before the kill still works: the consult and its two answers are in Redis.
        var afterRestart = await resumed.ClickAsync(question!, "adult");
        Assert.Equal(HttpStatusCode.OK, afterRestart.Status);
        Assert.Equal("majorTrauma", afterRestart.Asked?.QuestionId);
        var answers = new Dictionary<string, string> { ["majorTrauma"] = "no", ["cancer"] = "yes", ["contraindication"] = "none", ["pregnancy"] = "no" };
        var turn = afterRestart;
        for (var step = 0; turn.Asked is { } asked; step++)
        {
            Assert.True(step < 10 && answers.ContainsKey(asked.QuestionId), $"unexpected question {asked.QuestionId}");
            turn = await resumed.ClickAsync(asked, answers[asked.QuestionId]);
        }

        // No emergency (the answers given before the kill), an adult with suspected cancer: MRI without and with contrast first.
        Assert.True(turn.IsRecommendation, turn.Body);
        Assert.Contains("MRI lumbar spine without and with IV contrast", turn.Body, StringComparison.Ordinal);
    }
}
