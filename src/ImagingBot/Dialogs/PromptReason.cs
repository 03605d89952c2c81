namespace ImagingBot.Dialogs;

/// <summary>Why a step's question is being sent, so the prompt can word it accordingly.</summary>
public enum PromptReason
{
    /// <summary>The question is asked for the first time.</summary>
    First,

    /// <summary>The last answer was not recognised.</summary>
    Reprompt,

    /// <summary>An interruption (help, an FAQ answer) was answered; the same question is asked again.</summary>
    Resume,

    /// <summary>The clinician went back to change this answer.</summary>
    Revisit,
}
