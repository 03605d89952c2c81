namespace ImagingBot.Guidance;

/// <summary>Another variant the answers also place the patient in, with its own first-line studies (empty: no imaging first).</summary>
public sealed record AlsoApplies(int Variant, string Title, IReadOnlyList<RatedProcedure> FirstLine);
