namespace ImagingBot.Guidance;

/// <summary>The clinical scenario the answers place the patient in.</summary>
public enum Pathway
{
    /// <summary>Suspected cancer, infection or immunosuppression: initial imaging.</summary>
    RedFlagWorkup,

    /// <summary>Neurologic deficits without red flags: suspected cauda equina syndrome or neural compression.</summary>
    CaudaEquina,

    /// <summary>No red flags and no deficits: conservative care first.</summary>
    NoRedFlags,
}
