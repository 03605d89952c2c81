namespace ImagingBot.Guidance;

/// <summary>The whole guidance data file, validated and typed. Load it with <see cref="GuidanceLoader"/>.</summary>
public sealed record GuidanceDocument(
    string FilePath,
    int SchemaVersion,
    string ContentVersion,
    GuidanceSource Source,
    IReadOnlyList<CategoryLabel> Categories,
    IReadOnlyList<RadiationLevel> RadiationLevels,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<IntakeQuestion> Questions,
    IReadOnlyList<ContraindicationOption> ContraindicationOptions,
    IReadOnlyList<string> NeurologicDeficitExamples,
    IReadOnlyList<DifferentialDiagnosis> Differential,
    IReadOnlyList<string> WhyMriWithoutAndWithContrast,
    IReadOnlyList<PathwayGuidance> Pathways,
    IReadOnlyList<ConditionalText> Escalation,
    IReadOnlyList<ConditionalText> Pitfalls,
    IReadOnlyList<NextStepRule> AfterTheScan,
    IReadOnlyList<ConditionalText> WhatWouldChange,
    IReadOnlyList<FaqEntry> Faq)
{
    public IntakeQuestion Question(IntakeQuestionId id) => Questions.First(q => q.Id == id);

    public PathwayGuidance PathwayGuidance(Pathway id) => Pathways.First(p => p.Id == id);

    public Procedure Procedure(string id) =>
        Procedures.FirstOrDefault(p => p.Id == id) ?? throw new ArgumentException($"Unknown procedure id '{id}'.", nameof(id));

    public string LabelOf(AppropriatenessCategory category) => Categories.First(c => c.Category == category).Label;
}
