namespace ImagingBot.Guidance;

/// <summary>
/// A finding read from a case summary: which question it belongs to, present or absent, in clinic wording.
/// <paramref name="AnswersQuestion"/> is true when the finding on its own answered its question (a sign stated, or the
/// whole question negated); it is false for a single absent sign, which never rules a red flag out ("afebrile"), and for
/// context the clinician should check ("pacemaker (check whether it is MRI-conditional)").
/// </summary>
public sealed record RecognisedFinding(IntakeQuestionId Question, bool Present, string Text, bool AnswersQuestion = false);
