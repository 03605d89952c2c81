namespace ImagingBot.Dialogs;

/// <summary>How a waterfall behaves around its steps; the defaults suit the consult.</summary>
public sealed class WaterfallOptions
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Consecutive unrecognised answers to one step after which the quick form is offered too.</summary>
    public int MissesBeforeQuickForm { get; init; } = 2;

    /// <summary>Sent for a click on a card of an older or closed consult.</summary>
    public string StaleClickNote { get; init; } =
        "That button belongs to an earlier consult, so I left your current answers as they are.";

    /// <summary>Sent for a second click on a question that already has its answer.</summary>
    public string AlreadyAnsweredNote { get; init; } =
        "That question already has your answer, so I kept it. To change it, choose \"change an answer\".";

    /// <summary>
    /// Makes the id of a new consult: 8 characters, random, easy to read. The id only tells the cards of one consult from
    /// another's in the same conversation and is no secret (whoever sees a card sees it), so a fast random source does:
    /// 32^8 ids make a repeat within one conversation unlikely enough, and the system's cryptographic generator cost
    /// about 5 µs per consult here (a sixth of a consult turn's own work).
    /// </summary>
    public Func<string> NewConsultId { get; init; } = static () => string.Create(8, 0, static (id, _) => Random.Shared.GetItems(IdAlphabet, id));

    internal void Validate()
    {
        if (MissesBeforeQuickForm < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MissesBeforeQuickForm), MissesBeforeQuickForm, "Must be at least 1.");
        }
    }
}
