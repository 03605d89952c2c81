namespace ImagingBot.Dialogs;

/// <summary>What the waterfall did with the turn's message (no answer values, so it is safe to log).</summary>
public enum TurnOutcome
{
    /// <summary>The message was not for the waterfall; the caller handles it (for example an FAQ search).</summary>
    NotHandled,

    /// <summary>A question was asked (the first, the next, or one revisited).</summary>
    Asked,

    /// <summary>The answer was not recognised; the question was asked again.</summary>
    Reprompted,

    /// <summary>The answer was not recognised again; the question was asked again and the quick form offered.</summary>
    QuickFormOffered,

    /// <summary>The interruption hook answered; the pending question was asked again.</summary>
    Interrupted,

    /// <summary>The interruption hook took over the turn (for example it started a new consult).</summary>
    TakenOver,

    /// <summary>A click on a card of a consult that is not the open one; nothing changed.</summary>
    StaleClick,

    /// <summary>A click on a question already answered (a double click); nothing changed.</summary>
    AlreadyAnswered,

    /// <summary>The last answer was recorded and the completion callback ran.</summary>
    Completed,

    /// <summary>The consult was cancelled.</summary>
    Cancelled,
}
