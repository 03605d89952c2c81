using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Cards;

/// <summary>
/// Wraps an expanded card in a message. Bot Framework writes activities with Newtonsoft.Json, so the card is a
/// <see cref="JObject"/> (a System.Text.Json node would not be written as plain JSON).
/// The card's own fallbackText becomes the activity's summary, its speak the activity's speak. The activity's text is
/// left empty: Teams and Web Chat show a message's text and card as two separate messages, and every channel we serve
/// renders the card. <see cref="CardlessChannelText"/> fills the text in for channels that cannot.
/// </summary>
public static class AdaptiveCardMessage
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Parses the expanded card (strings stay strings: no date guessing on "2026-05-29").</summary>
    public static JObject Parse(string cardJson)
    {
        ArgumentNullException.ThrowIfNull(cardJson);
        using var reader = new JsonTextReader(new StringReader(cardJson)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    public static Attachment Attachment(JObject card) => new() { ContentType = ContentType, Content = card };

    public static IMessageActivity Message(JObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var activity = Activity.CreateMessageActivity();
        activity.Attachments = [Attachment(card)];
        activity.Summary = card.Value<string>("fallbackText");
        activity.Speak = card.Value<string>("speak");
        activity.InputHint = InputHints.AcceptingInput;
        return activity;
    }
}
