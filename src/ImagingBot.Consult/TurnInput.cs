namespace ImagingBot.Consult;

/// <summary>Where the turn comes from: the kind of conversation decides whose consult a card belongs to.</summary>
public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// One incoming message, read once by the bot layer: the typed text (mentions of the bot removed, trimmed) and,
/// for a click on one of our cards, its action. Nothing else of the activity reaches the consult.
/// </summary>
public sealed record TurnInput(string Text, CardAction? Action, string ChannelId, ConversationKind Conversation)
{
    public static TurnInput Typed(string text, string channelId = "test", ConversationKind conversation = ConversationKind.Personal) =>
        new(text.Trim(), null, channelId, conversation);

    public static TurnInput Clicked(CardAction action, string channelId = "test", ConversationKind conversation = ConversationKind.Personal) =>
        new(string.Empty, action, channelId, conversation);

    /// <summary>True when the message carries nothing the bot can read (an attachment, a reaction).</summary>
    public bool IsEmpty => Text.Length == 0 && Action is null;
}
