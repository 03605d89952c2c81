using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>One "start" tells whether the bot runs the consult (a question card) or is still the greeting bot.</summary>
internal static class ConsultProbe
{
    public static async Task<ConsultMode> DetectAsync(BotClient client, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsync(ActivityPayloads.Message(conversationId, ConsultUser.StartCommand), CancellationToken.None).ConfigureAwait(false);
        var scan = new ReplyScan();
        var error = scan.Read(response);
        if (error is not null)
        {
            throw new InvalidOperationException("The bot did not answer 'start': " + error);
        }

        for (var i = 0; i < scan.SubmitCount; i++)
        {
            if (scan.Submit(i).Has("questionId"u8))
            {
                return ConsultMode.Consult;
            }
        }

        return ConsultMode.GreetingOnly;
    }
}
