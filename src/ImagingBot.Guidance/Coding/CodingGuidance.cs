namespace ImagingBot.Guidance;

/// <summary>
/// The guidance file's codes: the known code systems, the deleted codes, the codes that place an order in the topic
/// (low back pain with or without radiculopathy), each procedure's CPT codes (the first is the one to order), the codes
/// that carry an answer, and the answer a rating assumes for a question no code answers.
/// </summary>
public sealed record CodingGuidance(
    IReadOnlyList<CodeSystemDefinition> Systems,
    IReadOnlyList<RetiredCode> Retired,
    IReadOnlyList<ClinicalCode> Topic,
    IReadOnlyDictionary<string, IReadOnlyList<ClinicalCode>> ProcedureCodes,
    IReadOnlyList<AnswerCodes> Answers,
    IReadOnlyDictionary<IntakeQuestionId, string> AssumedWhenNotCoded)
{
    public CodeSystemDefinition System(string id) => Systems.First(s => s.Id == id);

    /// <summary>The known system a coding labelled <paramref name="uri"/> belongs to, or null.</summary>
    public CodeSystemDefinition? SystemFor(string? uri) => Systems.FirstOrDefault(s => s.Reads(uri));

    /// <summary>The code to order the procedure with (its first CPT code).</summary>
    public ClinicalCode OrderCode(string procedureId) => ProcedureCodes[procedureId][0];

    /// <summary>The codes that carry an answer, or none.</summary>
    public IReadOnlyList<ClinicalCode> CodesOf(IntakeQuestionId question, string value) =>
        Answers.FirstOrDefault(a => a.Question == question && a.Value == value)?.Codes ?? [];
}
