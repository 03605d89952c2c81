namespace ImagingBot.Guidance;

/// <summary>What limits MRI or its contrast; asked only when an MRI is a first-line study.</summary>
public enum Contraindication
{
    None,
    MriNotPossible,
    ContrastNotPossible,

    /// <summary>eGFR under 30 or dialysis: contrast is not silently dropped (ACR-NKF consensus), the radiologist decides.</summary>
    SevereKidneyDisease,
}
