namespace ImagingBot.Guidance;

/// <summary>
/// A code its system deleted (ICD-10-CM M54.5 on 2021-10-01): never listed as a current code in the guidance file,
/// and read from an EHR as its replacements where they all mean the same to the guidance.
/// </summary>
public sealed record RetiredCode(string SystemId, string Code, string Display, DateOnly RetiredOn, IReadOnlyList<string> ReplacedBy, IReadOnlyList<string> Sources);
