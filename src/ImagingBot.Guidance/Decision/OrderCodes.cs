namespace ImagingBot.Guidance;

/// <summary>
/// The codes to paste on the order of the recommended study: its CPT code and the ICD-10-CM codes that state the
/// answers exactly (low back pain, unspecified, always; chronic pain, immunodeficiency when answered so). Signs
/// that no code states exactly (signs of cauda equina syndrome, a suspected cancer) get no code here.
/// </summary>
public sealed record OrderCodes(ClinicalCode Procedure, IReadOnlyList<ClinicalCode> Diagnoses);
