namespace ImagingBot.Guidance;

/// <summary>What to do when the scan shows a given finding.</summary>
public sealed record NextStep(string Finding, string Action);
