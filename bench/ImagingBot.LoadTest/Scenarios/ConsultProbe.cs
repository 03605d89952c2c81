using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>One "start" tells whether the bot runs the consult (a question card) or is still the greeting bot.</summary>
internal static class ConsultProbe
{
    public static async Task<ConsultMode> DetectAsync(BotClient client, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostAsync(ActivityPayloads.Message(conversationId, ConsultUser.StartCommand), CancellationToken.None).ConfigureAwait(false);
        var (document, error) = Replies.Parse(response);
        using (document)
        {
            if (document is null)
            {
                throw new InvalidOperationException("The bot did not answer 'start': " + error);
            }

            var asksAQuestion = Replies.SubmitData(document).Any(data => data.TryGetProperty("questionId", out _));
            return asksAQuestion ? ConsultMode.Consult : ConsultMode.GreetingOnly;
        }
    }
}
