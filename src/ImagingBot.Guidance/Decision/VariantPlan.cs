namespace ImagingBot.Guidance;

/// <summary>
/// What one variant shows under one contraindication, worked out once when the decision is built so that deciding
/// is only picking texts. <see cref="Fallback"/> is true when MRI is not possible and no Usually Appropriate study is
/// left, so the variant's rated non-MRI studies lead.
/// </summary>
internal sealed record VariantPlan(
    VariantGuidance Variant,
    Contraindication Contraindication,
    FirstLineStudy[] FirstLine,
    bool Fallback,
    string? RankingNote,
    Alternative[] Alternatives,
    Alternative[] WhenMriNotPossible)
{
    public bool HasGadolinium { get; init; }

    public bool HasIodinatedContrast { get; init; }

    public bool HasRadiation { get; init; }
}
