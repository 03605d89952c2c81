using System.Text.Json.Nodes;

namespace ImagingBot.Tests.Support;

/// <summary>Activities as the Bot Framework Emulator and Teams put them on the wire.</summary>
public static class EmulatorActivities
{
    public static JsonObject Message(string conversationId, string? text, JsonNode? value = null) =>
        Activity("message", conversationId, text, value);

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
            ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["deliveryMode"] = "expectReplies",
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

    /// <summary>The same activity as Teams sends it: channel msteams, tenant in channelData and conversation.</summary>
    public static JsonObject AsTeams(this JsonObject activity, string tenantId, string conversationType = "personal")
    {
        activity["channelId"] = "msteams";
        activity["conversation"]!["tenantId"] = tenantId;
        activity["conversation"]!["conversationType"] = conversationType;
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } };
        return activity;
    }
}
