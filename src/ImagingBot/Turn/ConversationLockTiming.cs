namespace ImagingBot.Turn;

/// <summary>
/// How long a turn waits for its conversation, and how long a held lock lives without renewal. Not a
/// setting: the values follow from the turn's own bounds (every Redis call gives up after 3 seconds).
/// </summary>
public sealed record ConversationLockTiming
{
    /// <summary>
    /// How long a turn waits for the turn before it: a double click waits a few milliseconds; past this
    /// the clinician is told to try again rather than left without an answer (Teams gives up at 15 s).
    /// </summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A Redis lock expires this long after its last renewal, so an instance that crashed mid-turn blocks
    /// its conversation for at most this long.
    /// </summary>
    public TimeSpan TimeToLive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A turn renews its lock for at most this long: a hung turn cannot block a conversation for ever.</summary>
    public TimeSpan MaximumHold { get; init; } = TimeSpan.FromMinutes(2);
}
