namespace ImagingBot.Guidance;

/// <summary>A procedure with its rating on a pathway; label and radiation come from the data file.</summary>
public sealed record RatedProcedure(
    string ProcedureId,
    string Name,
    AppropriatenessCategory Category,
    string CategoryLabel,
    RadiationLevel Radiation);
