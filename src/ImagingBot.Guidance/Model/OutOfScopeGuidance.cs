namespace ImagingBot.Guidance;

/// <summary>What to say to a patient outside the adult topic, and the escalation shown when an emergency sign was also given.</summary>
public sealed record OutOfScopeGuidance(
    OutOfScopeReason Reason,
    string Headline,
    string Explanation,
    string SeeInstead,
    IReadOnlyList<ConditionalText> Escalation,
    IReadOnlyList<string> Sources);
