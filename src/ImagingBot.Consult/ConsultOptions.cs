namespace ImagingBot.Consult;

/// <summary>The consult's fixed sentences and limits; the defaults suit the clinic.</summary>
public sealed class ConsultOptions
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Consecutive messages that do not answer the pending question after which the quick form is offered.</summary>
    public int MissesBeforeQuickForm { get; init; } = 2;

    public string StaleClickNote { get; init; } =
        "That button belongs to an earlier consult, so I left your current answers as they are.";

    public string AnotherConsultNote { get; init; } =
        "That card belongs to another consult (another clinician's, or an earlier one), so nothing was recorded. Here is your own consult.";

    public string AlreadyAnsweredNote { get; init; } =
        "That question already has your answer, so I kept it. To change it, choose \"change an answer\".";

    public string CancelledNote { get; init; } = "Consult cancelled. Your answers are cleared. Type start for a new consult.";

    public string NoConsultToCancelNote { get; init; } = "There is no consult open. Type start to begin one.";

    public string NoConsultToChangeNote { get; init; } = "There is no consult to change yet. Type start to begin one.";

    public string NothingToReadNote { get; init; } =
        "I can read typed text and the buttons on my cards, but not attachments or reactions. Type help to see what I can do.";

    /// <summary>
    /// Makes the id of a new consult: 8 readable random characters. The id only tells the cards of one consult from
    /// another's in the same conversation and is no secret (whoever sees a card sees it), so a fast random source does.
    /// </summary>
    public Func<string> NewConsultId { get; init; } = static () => string.Create(8, 0, static (id, _) => Random.Shared.GetItems(IdAlphabet, id));
}
