namespace ImagingBot.Consult;

/// <summary>
/// What one turn of the consult gives: the state to store (null: nothing stored), what to say as new messages, in
/// order, and, for a click sent as a Universal Action, what the clicked card shows now (null: the turn is no such
/// click). The bot layer sends the replies and answers the click with <paramref name="ClickedCard"/> in place.
/// </summary>
public sealed record ConsultTurn(ConsultState? State, IReadOnlyList<ConsultReply> Replies, ConsultReply? ClickedCard = null);
