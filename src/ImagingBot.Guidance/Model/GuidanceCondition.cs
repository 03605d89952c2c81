namespace ImagingBot.Guidance;

/// <summary>
/// When a piece of guidance (reason, warning, escalation, pitfall, next step, related FAQ) applies. VariantN holds
/// when the answers establish variant N, whether it leads or also applies. The *FirstLine conditions describe the
/// first-line studies actually shown, after the contraindication.
/// </summary>
public enum GuidanceCondition
{
    Always,
    Variant1,
    Variant2,
    Variant3,
    Variant4,
    Variant5,
    Variant6,
    Variant7,
    Emergent,
    Routine,
    CaudaEquina,
    Sepsis,
    SuspectedCancer,
    SuspectedInfection,
    Immunosuppression,
    PriorSurgery,
    FractureRisk,
    Older,
    MriNotPossible,
    ContrastNotPossible,
    SevereKidneyDisease,
    Pregnant,
    PregnancyUnknown,

    /// <summary>No imaging as the first step.</summary>
    NoImaging,

    /// <summary>A first-line study uses gadolinium.</summary>
    GadoliniumFirstLine,

    /// <summary>A first-line study, or a study shown for when MRI is not possible, uses iodinated contrast.</summary>
    IodinatedContrastOffered,

    /// <summary>A first-line study, or a study shown for when MRI is not possible, uses ionizing radiation.</summary>
    RadiationOffered,

    /// <summary>MRI is not possible and no Usually Appropriate study is left: the variant's rated non-MRI studies lead.</summary>
    MriFallback,
}
