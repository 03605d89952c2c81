using Microsoft.Bot.Schema;

namespace ImagingBot.Telemetry;

/// <summary>
/// Attribute values from closed sets: what a turn is, never what it says. Anything outside a set becomes
/// <see cref="Other"/>, so that a forged activity cannot put its own text into a metric.
/// </summary>
public static class TelemetryValues
{
    public const string Other = "other";

    /// <summary>An attribute that does not apply (an accepted card's override reason).</summary>
    public const string None = "none";

    /// <summary>The channel of a CDS Hooks call (not a Bot Framework channel).</summary>
    public const string CdsHooksChannel = "cds-hooks";

    public const string ComposeExtensionQuery = "composeExtension/query";

    private static readonly string[] Channels =
    [
        Microsoft.Bot.Connector.Channels.Msteams,
        Microsoft.Bot.Connector.Channels.Emulator,
        Microsoft.Bot.Connector.Channels.Webchat,
        Microsoft.Bot.Connector.Channels.Directline,
        Microsoft.Bot.Connector.Channels.Test,
        CdsHooksChannel,
    ];

    private static readonly string[] ActivityTypeNames =
    [
        ActivityTypes.Message,
        ActivityTypes.Invoke,
        ActivityTypes.ConversationUpdate,
        ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction,
        ActivityTypes.MessageUpdate,
        ActivityTypes.MessageDelete,
        ActivityTypes.Typing,
        ActivityTypes.Event,
        ActivityTypes.EndOfConversation,
    ];

    private static readonly string[] InvokeNames =
    [
        ComposeExtensionQuery,
        "adaptiveCard/action",
        "composeExtension/selectItem",
        "composeExtension/querySettingUrl",
        "task/fetch",
        "task/submit",
        "signin/verifyState",
        "signin/tokenExchange",
    ];

    public static string Channel(string? channelId) => OneOf(Channels, channelId);

    public static string ActivityType(string? type) => OneOf(ActivityTypeNames, type);

    /// <summary>An invoke's name, or null for an activity that is not an invoke.</summary>
    public static string? InvokeName(IActivity? activity) =>
        activity?.Type == ActivityTypes.Invoke ? OneOf(InvokeNames, (activity as Activity)?.Name) : null;

    /// <summary>An exception's type (code, not input: an exception's message can echo what was sent, so it is never used).</summary>
    public static string ErrorType(Exception exception) => exception?.GetType().FullName ?? Other;

    private static string OneOf(string[] known, string? value)
    {
        foreach (var name in known)
        {
            if (string.Equals(name, value, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return Other;
    }
}
