namespace ImagingBot.Guidance;

/// <summary>
/// The whole guidance data file, validated and typed. Load it with <see cref="GuidanceLoader"/>. <see cref="Questions"/>
/// is in the file's order, which is the order the consult asks them in.
/// </summary>
public sealed record GuidanceDocument(
    string FilePath,
    int SchemaVersion,
    string ContentVersion,
    GuidanceSource Source,
    IReadOnlyList<SourceCitation> Sources,
    IReadOnlyList<CategoryLabel> Categories,
    IReadOnlyList<RadiationLevel> RadiationLevels,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<IntakeQuestion> Questions,
    IReadOnlyList<VariantGuidance> Variants,
    IReadOnlyList<OutOfScopeGuidance> OutOfScope,
    IReadOnlyList<ConditionalText> Warnings,
    IReadOnlyList<FaqEntry> Faq)
{
    /// <summary>The codes: known systems, deleted codes, the topic's, each procedure's and each answer's.</summary>
    public CodingGuidance Coding { get; init; } = new([], [], [], new Dictionary<string, IReadOnlyList<ClinicalCode>>(), [], new Dictionary<IntakeQuestionId, string>());

    public IntakeQuestion Question(IntakeQuestionId id) => Questions.First(q => q.Id == id);

    public IntakeQuestion? QuestionByKey(string key) => Questions.FirstOrDefault(q => q.Key == key);

    public VariantGuidance Variant(int id) =>
        Variants.FirstOrDefault(v => v.Id == id) ?? throw new ArgumentOutOfRangeException(nameof(id), id, "Variants are 1 to 7.");

    public OutOfScopeGuidance OutOfScopeFor(OutOfScopeReason reason) => OutOfScope.First(o => o.Reason == reason);

    public Procedure Procedure(string id) =>
        Procedures.FirstOrDefault(p => p.Id == id) ?? throw new ArgumentException($"Unknown procedure id '{id}'.", nameof(id));

    public string LabelOf(AppropriatenessCategory category) => Categories.First(c => c.Category == category).Label;

    /// <summary>The citation of a source id the file lists.</summary>
    public string Citation(string sourceId) =>
        Sources.FirstOrDefault(s => s.Id == sourceId)?.Citation ?? throw new ArgumentException($"Unknown source id '{sourceId}'.", nameof(sourceId));
}
