namespace ImagingBot.Guidance;

/// <summary>A study that could be ordered instead, and why it ranks below the recommended one.</summary>
public sealed record Alternative(RatedProcedure Procedure, string WhyLower);
