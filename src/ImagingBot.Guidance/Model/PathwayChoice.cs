namespace ImagingBot.Guidance;

/// <summary>The study a pathway recommends for one contraindication answer, why, and what to watch for.</summary>
public sealed record PathwayChoice(
    Contraindication Contraindication,
    string ProcedureId,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Warnings);
