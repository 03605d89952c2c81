using ImagingBot.Consult;
using Microsoft.Bot.Schema;

namespace ImagingBot.State;

/// <summary>
/// Whose state a turn reads and writes. A personal chat is one clinician's: its state is the conversation's, under
/// Bot Framework ConversationState's key. In a group chat or a channel every member may run a consult, so each
/// clinician's state is their own there, under PrivateConversationState's key (conversation and user): one clinician's
/// click can never reach another's consult, and two clinicians' turns do not wait for each other's lock.
/// </summary>
public static class ConversationScope
{
    /// <summary>The kind of conversation, from Teams' <c>conversation.conversationType</c> (other channels: personal).</summary>
    public static ConversationKind KindOf(ConversationAccount? conversation) => conversation?.ConversationType switch
    {
        "groupChat" => ConversationKind.GroupChat,
        "channel" => ConversationKind.Channel,
        _ => ConversationKind.Personal,
    };

    /// <summary>
    /// The key the turn's state is stored (and its turns locked) under, or null when the activity names no channel or
    /// conversation. An activity of a group chat without a sender (none that Teams sends) shares one key of its own.
    /// </summary>
    public static string? StorageKey(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        var conversationKey = ChangeTrackedConversationState.StorageKey(activity.ChannelId, activity.Conversation.Id);
        return KindOf(activity.Conversation) == ConversationKind.Personal ? conversationKey : conversationKey + "/users/" + activity.From?.Id;
    }
}
