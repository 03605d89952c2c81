using System.Text.Json.Nodes;

namespace ImagingBot.Tests.CdsHooks;

/// <summary>CDS Hooks feedback items as an EHR sends them (CDS Hooks 2.0, "Feedback").</summary>
public static class FeedbackItems
{
    public const string ReasonSystem = "urn:imagingbot:cds-override-reason";

    public static JsonObject Accepted(string card) => new()
    {
        ["card"] = card,
        ["outcome"] = "accepted",
        ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString() }),
        ["outcomeTimestamp"] = "2026-12-03T10:00:00Z",
    };

    public static JsonObject Overridden(string card, string reason, string? comment = null) => new()
    {
        ["card"] = card,
        ["outcome"] = "overridden",
        ["overrideReason"] = new JsonObject
        {
            ["reason"] = new JsonObject { ["system"] = ReasonSystem, ["code"] = reason },
            ["userComment"] = comment,
        },
        ["outcomeTimestamp"] = "2026-12-03T10:00:00Z",
    };
}
