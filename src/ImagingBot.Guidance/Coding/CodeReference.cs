namespace ImagingBot.Guidance;

/// <summary>A coding as an EHR sent it (system URI and code), before it is known to mean anything.</summary>
public readonly record struct CodeReference(string? System, string? Code);
