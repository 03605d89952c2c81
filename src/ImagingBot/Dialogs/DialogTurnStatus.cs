namespace ImagingBot.Dialogs;

/// <summary>Where the waterfall stands after a turn; the same four values as Bot Framework's DialogTurnStatus.</summary>
public enum DialogTurnStatus
{
    /// <summary>No consult is open.</summary>
    Empty,

    /// <summary>A question is pending.</summary>
    Waiting,

    /// <summary>The last step was answered this turn; the completion callback has run.</summary>
    Complete,

    /// <summary>The consult was cancelled.</summary>
    Cancelled,
}
