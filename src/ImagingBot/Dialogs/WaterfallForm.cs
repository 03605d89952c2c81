using Microsoft.Bot.Schema;

namespace ImagingBot.Dialogs;

/// <summary>
/// A card that answers several steps in one submit (the quick form). Its submit carries the consult
/// id and the form's id as <c>action</c>, so stale and double submits are caught like any other click.
/// </summary>
public sealed class WaterfallForm<TAnswers>
    where TAnswers : class
{
    public required string Id { get; init; }

    /// <summary>The answers with the form's values merged in, or null when the submit is incomplete.</summary>
    public required Func<IMessageActivity, TAnswers, TAnswers?> Apply { get; init; }
}
