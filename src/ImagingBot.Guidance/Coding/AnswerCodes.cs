namespace ImagingBot.Guidance;

/// <summary>The codes that carry one answer on an order or a problem list: any of them present answers the question so.</summary>
public sealed record AnswerCodes(IntakeQuestionId Question, string Value, IReadOnlyList<ClinicalCode> Codes);
