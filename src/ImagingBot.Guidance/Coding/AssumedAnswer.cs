namespace ImagingBot.Guidance;

/// <summary>An answer no code gave, assumed for a rating from the codes alone, with its finding as the consult words it.</summary>
public sealed record AssumedAnswer(IntakeQuestionId Question, string Value, string Finding);
