namespace ImagingBot.Consult;

/// <summary>What one turn of the consult gives: the state to store (null: nothing stored) and what to say, in order.</summary>
public sealed record ConsultTurn(ConsultState? State, IReadOnlyList<ConsultReply> Replies);
