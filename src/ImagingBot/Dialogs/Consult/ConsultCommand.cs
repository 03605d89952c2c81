namespace ImagingBot.Dialogs.Consult;

/// <summary>What a clinician can ask of the bot besides answering a question.</summary>
public enum ConsultCommand
{
    /// <summary>Begin a new consult (any open one is replaced).</summary>
    Start,

    /// <summary>Show the help card.</summary>
    Help,

    /// <summary>Show the list of common questions.</summary>
    FaqList,

    /// <summary>End the open consult and forget its answers.</summary>
    Cancel,
}
