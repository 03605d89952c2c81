using System.Security.Cryptography;

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

    /// <summary>Makes the id of a new consult: 8 characters, random, easy to read.</summary>
    public Func<string> NewConsultId { get; init; } = static () => RandomNumberGenerator.GetString(IdAlphabet, 8);

    internal void Validate()
    {
        if (MissesBeforeQuickForm < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MissesBeforeQuickForm), MissesBeforeQuickForm, "Must be at least 1.");
        }
    }
}
