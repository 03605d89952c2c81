using System.Globalization;
using ImagingBot.Consult;
using ImagingBot.State;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using CardAction = ImagingBot.Consult.CardAction;

namespace ImagingBot.Turn;

/// <summary>
/// Reads a message activity once into the consult's <see cref="TurnInput"/>: the text without the bot's @mention, the
/// card action (Action.Submit data arrives as an object, and some clients send it as a JSON string: both read the
/// same), the channel and the kind of conversation. A Universal Action (an <c>adaptiveCard/action</c> invoke) is read
/// here too: its <c>value.action.data</c> becomes the same card action, marked as executed. Nothing else reads
/// <c>Activity.Value</c> or the text.
/// </summary>
public static class TurnInputReader
{
    private const string HelpWord = "help";

    /// <summary>The invoke Teams sends for an Action.Execute click or a card's refresh.</summary>
    public const string ExecuteInvokeName = "adaptiveCard/action";

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

        return new TurnInput(text, action, activity.ChannelId ?? string.Empty, ConversationScope.KindOf(activity.Conversation));
    }

    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke: <c>value.action</c> is the clicked Action.Execute (<c>type</c>, <c>verb</c>,
    /// <c>data</c> with the card's inputs merged in) and <c>value.trigger</c> is "manual" for a click, "automatic" for a
    /// refresh Teams makes when the card is shown. The data names the action as a submit's would (our cards' verb is the
    /// same name, for Teams' tooling); an Action.Execute whose data names no action is not one of ours.
    /// </summary>
    public static TurnInput Read(IInvokeActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var invoked = activity.Value switch
        {
            JObject json => json,
            null or string or JToken => null,
            var other => JToken.FromObject(other) as JObject,
        };
        var executed = invoked?["action"] as JObject;
        var action = CardActionOf(executed?["data"]);
        return new TurnInput(string.Empty, action is null ? null : action with { Executed = true }, activity.ChannelId ?? string.Empty, ConversationScope.KindOf(activity.Conversation));
    }

    private static CardAction? CardActionOf(object? value)
    {
        var sentAsString = value is string or JValue { Type: JTokenType.String };
        var data = value switch
        {
            null => null,
            JObject json => json,
            JValue { Value: string text } => Parse(text),
            string text => Parse(text),
            JToken => null,
            _ => JToken.FromObject(value) as JObject,
        };

        // Only our cards' actions: they always name their action.
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
