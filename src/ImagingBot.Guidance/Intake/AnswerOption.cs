namespace ImagingBot.Guidance;

/// <summary>One answer a question offers: its value (<see cref="ClinicalAnswers.With"/>), the button's label and how it reads as a finding.</summary>
public sealed record AnswerOption(string Value, string Label, string Finding);
