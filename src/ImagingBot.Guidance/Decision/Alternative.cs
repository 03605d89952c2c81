namespace ImagingBot.Guidance;

/// <summary>A study rated for the variant that is not first-line, and why it ranks lower.</summary>
public sealed record Alternative(RatedProcedure Procedure, string WhyLower);
