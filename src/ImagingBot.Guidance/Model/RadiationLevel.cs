namespace ImagingBot.Guidance;

/// <summary>ACR relative radiation level: the symbol (O, ☢ ... ☢☢☢☢) and its effective dose range for an adult.</summary>
public sealed record RadiationLevel(string Symbol, string AdultDose)
{
    /// <summary>The symbol ACR uses for a procedure without ionizing radiation.</summary>
    public const string NoRadiationSymbol = "O";

    public IReadOnlyList<string> Sources { get; init; } = [];

    public bool IsIonizing => Symbol != NoRadiationSymbol;
}
