namespace ImagingBot.Guidance;

/// <summary>
/// An imaging procedure as the ACR names it; its radiation level belongs to the procedure, not the variant.
/// IV contrast on an MRI is gadolinium, on any other modality iodinated contrast.
/// </summary>
public sealed record Procedure(string Id, string Name, Modality Modality, bool UsesIvContrast, RadiationLevel Radiation, IReadOnlyList<string> Sources)
{
    public bool IsMri => Modality == Modality.Mri;

    public bool UsesGadolinium => IsMri && UsesIvContrast;

    public bool UsesIodinatedContrast => !IsMri && UsesIvContrast;

    public bool UsesIonizingRadiation => Radiation.IsIonizing;
}
