using System.Net;
using System.Text.Json;
using ImagingBot.LoadTest.Load;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>Reads the bot's replies from an expectReplies HTTP response: <c>{"activities":[...]}</c>.</summary>
internal static class Replies
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>The parsed body, or an error when the status or the shape is wrong.</summary>
    public static (JsonDocument? Document, string? Error) Parse(BotResponse response)
    {
        if (response.Status != HttpStatusCode.OK)
        {
            return (null, $"HTTP {(int)response.Status}");
        }

        try
        {
            var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("activities", out var activities)
                || activities.ValueKind != JsonValueKind.Array)
            {
                document.Dispose();
                return (null, "no activities in the response");
            }

            return (document, null);
        }
        catch (JsonException)
        {
            return (null, "response is not JSON");
        }
    }

    public static JsonElement.ArrayEnumerator Activities(JsonDocument document) =>
        document.RootElement.GetProperty("activities").EnumerateArray();

    public static string? Text(JsonElement activity) =>
        activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    /// <summary>The Adaptive Card contents of every reply.</summary>
    public static IEnumerable<JsonElement> Cards(JsonDocument document)
    {
        foreach (var activity in Activities(document))
        {
            if (!activity.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.TryGetProperty("contentType", out var type) && type.ValueEquals(AdaptiveCard)
                    && attachment.TryGetProperty("content", out var content))
                {
                    yield return content;
                }
            }
        }
    }

    /// <summary>The data of every Action.Submit on every card of the replies.</summary>
    public static List<JsonElement> SubmitData(JsonDocument document)
    {
        var data = new List<JsonElement>();
        foreach (var card in Cards(document))
        {
            CollectSubmitData(card, data);
        }

        return data;
    }

    /// <summary>
    /// The data of every Action.Submit in a card, wherever it sits (card actions, action sets, containers,
    /// columns), in document order. One direct walk into a list: the checks run on every turn of the load, on the
    /// cores the bot needs, so they stay cheap (nested iterators cost the generator more than the echo bot's turn).
    /// </summary>
    public static void CollectSubmitData(JsonElement node, List<JsonElement> into)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                var isSubmit = node.TryGetProperty("type"u8, out var type) && type.ValueEquals("Action.Submit"u8);
                foreach (var property in node.EnumerateObject())
                {
                    if (property.NameEquals("data"u8))
                    {
                        if (isSubmit && property.Value.ValueKind == JsonValueKind.Object)
                        {
                            into.Add(property.Value);
                        }
                    }
                    else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        CollectSubmitData(property.Value, into);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    CollectSubmitData(item, into);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Whether a card orders the study first: a TextBlock with exactly the study's name right after one that starts
    /// with "Order" (our recommendation card: "Order first", then the study), or a text "Order {study}...".
    /// </summary>
    public static bool OrdersFirst(JsonDocument document, string study)
    {
        foreach (var card in Cards(document))
        {
            var texts = new List<string>();
            CollectTextBlocks(card, texts);
            for (var i = 0; i < texts.Count; i++)
            {
                if (texts[i].StartsWith("Order " + study, StringComparison.Ordinal)
                    || (i > 0 && texts[i] == study && texts[i - 1].StartsWith("Order", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The text of every TextBlock of a card, in reading order.</summary>
    public static void CollectTextBlocks(JsonElement node, List<string> into)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("type"u8, out var type) && type.ValueEquals("TextBlock"u8)
                && node.TryGetProperty("text"u8, out var text) && text.ValueKind == JsonValueKind.String)
            {
                into.Add(text.GetString()!);
            }

            foreach (var property in node.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    CollectTextBlocks(property.Value, into);
                }
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                CollectTextBlocks(item, into);
            }
        }
    }
}
