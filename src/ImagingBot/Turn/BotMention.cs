using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Turn;

/// <summary>
/// Removes the bot's @mention from a message: in group chats and channels Teams sends "&lt;at&gt;ImagingBot&lt;/at&gt; start"
/// with a mention entity. Written here rather than calling Bot Framework's RemoveRecipientMention, which throws
/// on a mention entity without <c>mentioned</c> (seen in forged input), so a malformed entity is skipped instead.
/// </summary>
public static class BotMention
{
    public static void Remove(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(activity.Text) || string.IsNullOrEmpty(botId) || activity.Entities is null)
        {
            return;
        }

        foreach (var entity in activity.Entities)
        {
            if (entity is null || !string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mention = JObject.FromObject(entity);
            if (mention["mentioned"] is JObject mentioned
                && string.Equals(mentioned["id"]?.Type == JTokenType.String ? (string?)mentioned["id"] : null, botId, StringComparison.Ordinal)
                && mention["text"] is JValue { Type: JTokenType.String } text
                && ((string?)text) is { Length: > 0 } mentionText)
            {
                activity.Text = activity.Text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }

        activity.Text = activity.Text.Trim();
    }
}
