using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Support;

/// <summary>Activities as the Bot Framework Emulator and Teams put them on the wire.</summary>
public static class EmulatorActivities
{
    public const string BotId = "bot-1";
    public const string BotName = "ImagingBot";

    public static JsonObject Message(string conversationId, string? text, JsonNode? value = null) =>
        Activity("message", conversationId, text, value);

    /// <summary>An Action.Submit click: the card's data in value, empty text (the Emulator sends "", Teams none).</summary>
    public static JsonObject Submit(string conversationId, JsonObject data) =>
        Activity("message", conversationId, string.Empty, data);

    public static JsonObject Activity(string type, string conversationId, string? text = null, JsonNode? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName, ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "en-US",
        };
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    /// <summary>
    /// The same activity as Teams sends it: channel msteams, Teams ids ("29:" users, "28:" bots), the user's AAD object
    /// id, the tenant in channelData and conversation; in group chats and channels a typed message starts with the
    /// bot's @mention and carries the mention entity; a card click has no text and channelData.source "message".
    /// </summary>
    public static JsonObject AsTeams(this JsonObject activity, string tenantId, string conversationType = "personal")
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity["channelId"] = "msteams";
        activity["serviceUrl"] = "http://127.0.0.1:9/teams/";
        activity["from"] = new JsonObject { ["id"] = "29:1user-teams-id", ["name"] = "Dr Example", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" };
        activity["recipient"] = new JsonObject { ["id"] = "28:" + BotId, ["name"] = BotName };
        var conversationId = (string)activity["conversation"]!["id"]!;
        activity["conversation"] = new JsonObject
        {
            ["id"] = conversationType == "channel" ? $"19:{conversationId}@thread.tacv2;messageid=1700000000000" : conversationType == "groupChat" ? $"19:{conversationId}@thread.v2" : $"a:{conversationId}",
            ["conversationType"] = conversationType,
            ["tenantId"] = tenantId,
            ["isGroup"] = conversationType != "personal" ? true : null,
        };
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        if (conversationType == "channel")
        {
            channelData["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
            channelData["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
        }

        var isMessage = (string?)activity["type"] == "message";
        if (isMessage && activity["value"] is not null)
        {
            activity.Remove("text");
            channelData["source"] = new JsonObject { ["name"] = "message" };
        }
        else if (isMessage && conversationType != "personal" && activity["text"] is JsonValue typed)
        {
            var mention = $"<at>{BotName}</at>";
            activity["text"] = $"{mention} {(string?)typed}";
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mention,
                ["mentioned"] = new JsonObject { ["id"] = "28:" + BotId, ["name"] = BotName },
            });
        }

        if (activity["conversation"]!["isGroup"] is null)
        {
            activity["conversation"]!.AsObject().Remove("isGroup");
        }

        activity["channelData"] = channelData;
        return activity;
    }
}
