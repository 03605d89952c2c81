namespace ImagingBot.Guidance;

/// <summary>ACR relative radiation level: the symbol (O, ☢ ... ☢☢☢☢☢) and its adult effective dose range.</summary>
public sealed record RadiationLevel(string Symbol, string AdultDose);
