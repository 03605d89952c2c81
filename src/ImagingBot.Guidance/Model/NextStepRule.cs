namespace ImagingBot.Guidance;

/// <summary>A next step after the scan, shown when every <see cref="When"/> condition holds and no <see cref="Unless"/> condition does.</summary>
public sealed record NextStepRule(IReadOnlyList<GuidanceCondition> When, IReadOnlyList<GuidanceCondition> Unless, NextStep Step, IReadOnlyList<string> Sources);
