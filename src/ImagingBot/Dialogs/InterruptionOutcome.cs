namespace ImagingBot.Dialogs;

/// <summary>What the interruption hook did with a message that arrived while a question was pending.</summary>
public enum InterruptionOutcome
{
    /// <summary>Not an interruption: the message is recognised as an answer to the pending question.</summary>
    None,

    /// <summary>The hook answered (help, an FAQ answer); the waterfall asks the same pending question again.</summary>
    Resume,

    /// <summary>The hook handled the turn itself (a new consult, cancel, change an answer); the waterfall does nothing more.</summary>
    TakenOver,
}
