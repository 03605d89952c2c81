namespace ImagingBot.Guidance;

/// <summary>A next step after the scan that applies when every one of its conditions holds.</summary>
public sealed record NextStepRule(IReadOnlyList<GuidanceCondition> When, NextStep Step);
