namespace ImagingBot.Guidance;

/// <summary>
/// A code the reader recognised and what it was read as: the answer it carries (<see cref="Question"/> and
/// <see cref="Value"/>), or none for a code that only places the order in the topic. <see cref="FromOrder"/> is true
/// for an order's reason, false for a problem-list condition. <see cref="ReadFrom"/> is the deleted code an EHR
/// sent, read as this current one.
/// </summary>
public sealed record CodedFinding(ClinicalCode Code, IntakeQuestionId? Question, string? Value, bool FromOrder)
{
    public RetiredCode? ReadFrom { get; init; }
}
