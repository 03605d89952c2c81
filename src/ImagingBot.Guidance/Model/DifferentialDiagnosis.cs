namespace ImagingBot.Guidance;

/// <summary>A diagnosis the red-flag work-up looks for.</summary>
public sealed record DifferentialDiagnosis(string Name, string Note);
