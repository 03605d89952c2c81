namespace ImagingBot.LoadTest.Load;

/// <summary>One clinician in one conversation, running turns one after the other.</summary>
internal interface IVirtualUser
{
    /// <summary>Sends the next activity and checks the reply. Never throws for a wrong reply: it reports it.</summary>
    Task<TurnOutcome> RunTurnAsync(BotClient client, CancellationToken cancellationToken);

    /// <summary>The last response: when its body had arrived (Stopwatch timestamp) and its size, to tell the
    /// generator's own checking time and the bytes on the wire apart from the bot's.</summary>
    BotResponse LastResponse { get; }
}

/// <param name="Error">Why the turn failed (an HTTP status, a missing or wrong reply); null when it succeeded.</param>
/// <param name="FinishedConsult">The reply finished a consult (the recommendation card arrived).</param>
/// <param name="Note">A remark counted apart from errors, for example a handler that is not there yet.</param>
/// <param name="LostReplies">Replies the bot should have posted to the connector that never arrived (also an error).</param>
internal readonly record struct TurnOutcome(string? Error = null, bool FinishedConsult = false, string? Note = null, int LostReplies = 0)
{
    public static TurnOutcome Ok => default;

    public static TurnOutcome Failed(string error) => new(error);
}
