namespace ImagingBot.Turn;

/// <summary>
/// One turn at a time per conversation: whoever holds a conversation's lock may load, change and save its
/// state. The conversation state (ours as Bot Framework's ConversationState) writes its dictionary without an
/// ETag check (last write wins), so two turns of one conversation at once (a double click, two devices, two
/// instances) would otherwise lose an answer.
/// </summary>
public interface IConversationLock
{
    /// <summary>
    /// Waits up to <paramref name="wait"/> for the conversation's lock. Returns the held lock (dispose it to
    /// release), or null when another turn still holds it after the wait.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string conversationKey, TimeSpan wait, CancellationToken cancellationToken);
}
