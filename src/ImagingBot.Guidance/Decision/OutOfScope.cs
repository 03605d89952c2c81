namespace ImagingBot.Guidance;

/// <summary>Why a patient is outside what the bot covers.</summary>
public enum OutOfScopeReason
{
    /// <summary>Under 18: ACR's separate topic Back Pain-Child applies.</summary>
    Child,

    /// <summary>High-energy trauma: ACR's spine trauma topic and the emergency department.</summary>
    MajorTrauma,
}

/// <summary>
/// A patient outside the adult low back pain topic: said plainly, with where to look instead, and never an adult
/// rating. <see cref="Emergency"/> is true when an emergency sign was also given: that is never hidden.
/// </summary>
public sealed record OutOfScope(
    OutOfScopeReason Reason,
    string Headline,
    string Explanation,
    string SeeInstead,
    bool Emergency,
    IReadOnlyList<string> Escalation,
    IReadOnlyList<string> Because,
    GuidanceSource Source,
    string ContentVersion) : Advice(Source, ContentVersion);
