using Microsoft.Bot.Builder;

namespace ImagingBot.State;

/// <summary>
/// The conversation's stored values as the bot uses them: read once at the start of a turn, named properties, written
/// at the end when something changed. <see cref="ChangeTrackedConversationState"/> is the implementation; Bot
/// Framework's ConversationState has the same shape.
/// </summary>
public interface IConversationState : IPropertyManager
{
    Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default);

    Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default);
}
