using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace ImagingBot.Cards;

/// <summary>
/// Who a card is for and what their client does with its buttons. Teams (and the Microsoft 365 Agents Playground,
/// which says it is msteams) takes Universal Actions: buttons are Action.Execute, a click comes back as an
/// <c>adaptiveCard/action</c> invoke whose response replaces the card in place, and the recommendation refreshes itself
/// for its clinician (<see cref="ClinicianId"/>, the refresh's <c>userIds</c>). Every other channel (the Emulator, Web
/// Chat, Direct Line) gets Action.Submit, whose click is a message and leaves the card as it is.
/// </summary>
public readonly record struct CardAudience(bool UniversalActions, string? ClinicianId)
{
    /// <summary>Action.Submit, no clinician named: the cards as every channel renders them.</summary>
    public static CardAudience Submit { get; } = new(false, null);

    public static CardAudience For(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase)
            ? new CardAudience(true, string.IsNullOrEmpty(activity.From?.Id) ? null : activity.From.Id)
            : Submit;
    }
}
