using System.Collections.Immutable;
using ImagingBot.Guidance;

namespace ImagingBot.Consult;

/// <summary>
/// Everything the consult remembers between turns; the bot layer stores it in the conversation state, so another
/// instance sharing the store continues the consult. Immutable: each turn makes a new one.
/// </summary>
public sealed record ConsultState
{
    /// <summary>The step that confirms what was read from a one-line case (its card's <c>questionId</c>).</summary>
    public const string CaseStep = "case";

    /// <summary>Short random id of this consult; every card carries it so old cards can be told apart.</summary>
    public string ConsultId { get; init; } = string.Empty;

    /// <summary>Counts the changes recorded in this consult.</summary>
    public int Version { get; init; }

    /// <summary>The key of the question whose answer is awaited (or <see cref="CaseStep"/>); null once advice was given.</summary>
    public string? Pending { get; init; }

    /// <summary>Consecutive messages that did not answer the pending question.</summary>
    public int Misses { get; init; }

    /// <summary>
    /// A new instance, not the shared <see cref="ClinicalAnswers.Empty"/>: a store's deserializer may fill the default
    /// in place, and a shared instance would then carry one conversation's answers into another.
    /// </summary>
    public ClinicalAnswers Answers { get; init; } = new();

    /// <summary>Answers read from a one-line case that wait for the clinician's confirmation (they are in <see cref="Answers"/> too).</summary>
    public ImmutableArray<string> CaseFindings { get; init; } = [];

    public bool IsOpen => Pending is not null;

    /// <summary>Question cards answered so far: the next card's number.</summary>
    public int Asked { get; init; }
}
