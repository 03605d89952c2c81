using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Support;

/// <summary>The bot's replies in an <c>expectReplies</c> HTTP response, and what a clinician would read in each.</summary>
public static class BotReplies
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>The replies of one turn (the body's <c>activities</c>).</summary>
    public static async Task<List<JsonObject>> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return [.. body["activities"]!.AsArray().Select(reply => reply!.AsObject())];
    }

    /// <summary>Everything a reply shows: its text, its summary and its cards' JSON.</summary>
    public static string Said(JsonObject reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var cards = reply["attachments"] is JsonArray attachments
            ? string.Join('\n', attachments.Select(attachment => attachment?["content"]?.ToJsonString() ?? string.Empty))
            : string.Empty;
        return $"{(string?)reply["text"]}\n{(string?)reply["summary"]}\n{cards}";
    }

    /// <summary>The Adaptive Card of a reply, or null.</summary>
    public static JsonObject? Card(JsonObject reply) =>
        reply["attachments"] is JsonArray attachments
            ? attachments.FirstOrDefault(attachment => (string?)attachment?["contentType"] == AdaptiveCard)?["content"]?.AsObject()
            : null;

    /// <summary>
    /// The data an Action.Submit titled <paramref name="title"/> sends (a button in <c>actions</c> or a tappable
    /// row's <c>selectAction</c>, anywhere in the card), as Teams and the Emulator would put it in the activity's value.
    /// </summary>
    public static JsonObject? Button(JsonObject card, string title)
    {
        ArgumentNullException.ThrowIfNull(card);
        foreach (var node in Walk(card))
        {
            if (node is JsonObject action && (string?)action["type"] == "Action.Submit" && (string?)action["title"] == title)
            {
                return action["data"]?.DeepClone().AsObject();
            }
        }

        return null;
    }

    /// <summary>The data of the first Action.Submit in the card whose data matches (wording-free: by what the button sends).</summary>
    public static JsonObject? Submit(JsonObject card, Func<JsonObject, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(matches);
        foreach (var node in Walk(card))
        {
            if (node is JsonObject action && (string?)action["type"] == "Action.Submit" && action["data"] is JsonObject data && matches(data))
            {
                return data.DeepClone().AsObject();
            }
        }

        return null;
    }

    /// <summary>Every string value of the card, one a line: what it shows and sends, free of JSON escaping.</summary>
    public static string Strings(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return string.Join('\n', Walk(card).OfType<JsonValue>().Select(value => value.TryGetValue<string>(out var text) ? text : null).OfType<string>());
    }

    /// <summary>Every Action.Submit data object in the card.</summary>
    public static IReadOnlyList<JsonObject> Submits(JsonObject card) =>
        [.. Walk(card).OfType<JsonObject>().Where(node => (string?)node["type"] == "Action.Submit" && node["data"] is JsonObject).Select(node => node["data"]!.AsObject())];

    /// <summary>Every button's data in the card, Action.Submit or Action.Execute: what a click sends on any channel.</summary>
    public static IReadOnlyList<JsonObject> ActionData(JsonObject card) =>
        [.. Walk(card).OfType<JsonObject>().Where(node => (string?)node["type"] is "Action.Submit" or "Action.Execute" && node["data"] is JsonObject).Select(node => node["data"]!.AsObject())];

    private static IEnumerable<JsonNode> Walk(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject json => json.Select(pair => pair.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is not null)
            {
                foreach (var descendant in Walk(child))
                {
                    yield return descendant;
                }
            }
        }
    }
}
