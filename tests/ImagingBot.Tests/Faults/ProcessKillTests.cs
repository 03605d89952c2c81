using System.Net;
using ImagingBot.Dialogs.Consult;
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
            Assert.Equal(ConsultSteps.Cancer, question?.QuestionId);
            question = (await conversation.ClickAsync(question!, "yes")).Asked;
            Assert.Equal(ConsultSteps.Infection, question?.QuestionId);
            question = (await conversation.ClickAsync(question!, "yes")).Asked;
            Assert.Equal(ConsultSteps.Immunosuppression, question?.QuestionId);

            await first.KillAsync();
        }

        await using var second = await AppProcess.StartAsync(port, environment);
        var resumed = new ConsultConversation(second.CreateClient(), conversationId);

        // The question card from before the kill still works: the consult and its two answers are in Redis.
        var afterRestart = await resumed.ClickAsync(question!, "no");
        Assert.Equal(HttpStatusCode.OK, afterRestart.Status);
        Assert.Equal(ConsultSteps.NeurologicDeficit, afterRestart.Asked?.QuestionId);
        var contraindication = (await resumed.ClickAsync(afterRestart.Asked!, "no")).Asked;
        Assert.Equal(ConsultSteps.Contraindication, contraindication?.QuestionId);
        var recommendation = await resumed.ClickAsync(contraindication!, "none");

        // Cancer and infection suspected (the answers given before the kill), no deficit: MRI without and with contrast.
        Assert.True(recommendation.IsRecommendation, recommendation.Body);
        Assert.Contains("MRI lumbar spine without and with IV contrast", recommendation.Body, StringComparison.Ordinal);
    }
}
