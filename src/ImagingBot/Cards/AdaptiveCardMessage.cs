using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Cards;

/// <summary>
/// Wraps an expanded card in a message. Bot Framework writes activities with Newtonsoft.Json, so the attachment's
/// content is a Newtonsoft <see cref="JToken"/>: a <see cref="JRaw"/> holding the JSON our engine already wrote, which
/// Newtonsoft copies into the activity as it is (parsing it into a JObject first costs more than the expansion itself).
/// Read a card back with <see cref="CardOf"/>.
/// The card's fallbackText becomes the activity's summary, its speak the activity's speak. The activity's text stays
/// empty: Teams shows a message's text and its card as two separate messages (and the Agents Playground as two
/// bubbles), and every channel we serve renders the card. <see cref="CardlessChannelText"/> fills the text in for the
/// channels that cannot.
/// </summary>
public static class AdaptiveCardMessage
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>A card whose fallbackText and speak are already known (read once with <see cref="ReadFallback(string)"/>).</summary>
    public static IMessageActivity Message(string cardJson, string? fallbackText, string? speak)
    {
        ArgumentNullException.ThrowIfNull(cardJson);
        var activity = Activity.CreateMessageActivity();
        activity.Attachments = [Attachment(cardJson)];
        activity.Summary = fallbackText;
        activity.Speak = speak;
        activity.InputHint = InputHints.AcceptingInput;
        return activity;
    }

    public static Attachment Attachment(string cardJson) => new() { ContentType = ContentType, Content = new JRaw(cardJson) };

    /// <summary>The card of an Adaptive Card attachment as a JObject, whatever form its content has (strings stay strings).</summary>
    public static JObject CardOf(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var json = attachment.Content switch
        {
            JRaw raw => raw.Value?.ToString() ?? "null",
            string text => text,
            var other => JsonConvert.SerializeObject(other),
        };
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    // Only the card's top-level fallbackText and speak are needed, so the JSON is scanned, not parsed into a tree;
    // its UTF-8 form goes into a pooled buffer (a new array per card was a turn's second largest allocation).
    internal static (string? FallbackText, string? Speak) ReadFallback(string cardJson)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(cardJson.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(cardJson, utf8);
            return ReadFallback(utf8.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    private static (string? FallbackText, string? Speak) ReadFallback(ReadOnlySpan<byte> cardUtf8)
    {
        string? fallbackText = null;
        string? speak = null;
        var reader = new Utf8JsonReader(cardUtf8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && (fallbackText is null || speak is null))
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && name is "fallbackText" or "speak")
            {
                if (name == "fallbackText")
                {
                    fallbackText = reader.GetString();
                }
                else
                {
                    speak = reader.GetString();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return (fallbackText, speak);
    }
}
