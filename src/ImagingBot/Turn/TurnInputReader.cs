using System.Globalization;
using ImagingBot.Consult;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using CardAction = ImagingBot.Consult.CardAction;

namespace ImagingBot.Turn;

/// <summary>
/// Reads a message activity once into the consult's <see cref="TurnInput"/>: the text without the bot's @mention, the
/// card action (Action.Submit data arrives as an object, and some clients send it as a JSON string: both read the
/// same), the channel and the kind of conversation. Nothing else reads <c>Activity.Value</c> or the text.
/// </summary>
public static class TurnInputReader
{
    private const string HelpWord = "help";

    public static TurnInput Read(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var hadText = !string.IsNullOrWhiteSpace(activity.Text);
        BotMention.Remove(activity);
        var action = CardActionOf(activity.Value);
        var text = activity.Text?.Trim() ?? string.Empty;

        // "@ImagingBot" and nothing else asks what the bot does.
        if (hadText && text.Length == 0 && action is null)
        {
            text = HelpWord;
        }

        return new TurnInput(text, action, activity.ChannelId ?? string.Empty, KindOf(activity.Conversation?.ConversationType));
    }

    private static ConversationKind KindOf(string? conversationType) => conversationType switch
    {
        "groupChat" => ConversationKind.GroupChat,
        "channel" => ConversationKind.Channel,
        _ => ConversationKind.Personal,
    };

    private static CardAction? CardActionOf(object? value)
    {
        var sentAsString = value is string;
        var data = value switch
        {
            null => null,
            JObject json => json,
            string text => Parse(text),
            JToken => null,
            _ => JToken.FromObject(value) as JObject,
        };

        // Only our cards' submits: they always name their action.
        if (data is null || Field(data, CardAction.ActionKey) is not { } name)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.Properties())
        {
            if (Field(data, property.Name) is { } field)
            {
                fields[property.Name] = field;
            }
        }

        return new CardAction(name, Field(data, CardAction.ConsultIdKey), Field(data, CardAction.QuestionIdKey), Field(data, CardAction.ValueKey), fields, sentAsString);
    }

    // A submitted field as text (a boolean reads "True"/"False"), or null when absent, empty or not a value.
    private static string? Field(JObject data, string key) =>
        data[key] is JValue { Value: not null } value && Convert.ToString(value.Value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;

    private static JObject? Parse(string text)
    {
        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
