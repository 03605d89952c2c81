namespace ImagingBot.Guidance;

/// <summary>
/// The decision for a coded case: <see cref="RatedAnswers"/> are the coded answers completed with the
/// <see cref="Assumed"/> ones (each named, so a card can say what it assumed), and <see cref="Advice"/> what the
/// consult would give for them.
/// </summary>
public sealed record CodedAdvice(CodedCase Case, ClinicalAnswers RatedAnswers, IReadOnlyList<AssumedAnswer> Assumed, Advice Advice);
