namespace ImagingBot.Guidance;

/// <summary>A finding read from a case summary: which question it answers, present or absent, in clinic wording.</summary>
public sealed record RecognisedFinding(IntakeQuestionId Question, bool Present, string Text);
