namespace ImagingBot.Guidance;

/// <summary>Whether MRI or gadolinium contrast can be given; asked only when an MRI would be the answer.</summary>
public enum Contraindication
{
    None,
    MriNotPossible,
    ContrastNotPossible,
}
