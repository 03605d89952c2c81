namespace ImagingBot.Guidance;

/// <summary>One answer a question offers: its value (<see cref="ClinicalAnswers.With"/>), the button's label and how it reads as a finding.</summary>
public sealed record AnswerOption(string Value, string Label, string Finding)
{
    /// <summary>
    /// How this answer reads in the order's indication line, for answers other than a yes (a yes uses the question's
    /// <see cref="IntakeQuestion.OrderTerm"/>); null when the answer is not named there.
    /// </summary>
    public string? OrderTerm { get; init; }
}
