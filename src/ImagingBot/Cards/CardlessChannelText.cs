using System.Collections.Frozen;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// Gives a card message a text on channels that do not render Adaptive Cards (SMS, e-mail, Slack and the like), so a
/// clinician there still reads the advice. On the channels that render cards the text stays empty, because Teams
/// would show it as a second message next to the card. The text is the card's own plain summary (its fallbackText).
/// </summary>
public sealed class CardlessChannelText : Microsoft.Bot.Builder.IMiddleware
{
    // Channels whose clients render Adaptive Cards ("test" is Bot Framework's TestAdapter).
    private static readonly FrozenSet<string> CardChannels = FrozenSet.ToFrozenSet(
        [Channels.Msteams, Channels.Emulator, Channels.Webchat, Channels.Directline, Channels.DirectlineSpeech, Channels.Test, "m365extensions"],
        StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        turnContext.OnSendActivities(async (context, activities, nextSend) =>
        {
            if (!RendersCards(context.Activity?.ChannelId))
            {
                foreach (var activity in activities)
                {
                    AddText(activity);
                }
            }

            return await nextSend().ConfigureAwait(false);
        });
        await next(cancellationToken).ConfigureAwait(false);
    }

    public static bool RendersCards(string? channelId) => channelId is not null && CardChannels.Contains(channelId);

    /// <summary>Copies the summary of a card message into its text when it has none.</summary>
    public static void AddText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Text) && !string.IsNullOrEmpty(activity.Summary)
            && activity.Attachments?.Any(a => a.ContentType == AdaptiveCardMessage.ContentType) == true)
        {
            activity.Text = activity.Summary;
        }
    }
}
