namespace ImagingBot.Guidance;

/// <summary>An imaging procedure as the ACR names it; its radiation level belongs to the procedure, not the pathway.</summary>
public sealed record Procedure(string Id, string Name, Modality Modality, bool UsesIvContrast, RadiationLevel Radiation);
