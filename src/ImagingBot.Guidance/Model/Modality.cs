namespace ImagingBot.Guidance;

/// <summary>How a procedure images; a contraindication to MRI rules out every <see cref="Mri"/> procedure.</summary>
public enum Modality
{
    Mri,
    Ct,
    CtMyelography,
    Discography,
    Radiography,
    NuclearMedicine,
    PetCt,
}
