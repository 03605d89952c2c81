namespace ImagingBot.Guidance;

/// <summary>A sentence of guidance shown when every <see cref="When"/> condition holds and no <see cref="Unless"/> condition does.</summary>
public sealed record ConditionalText(IReadOnlyList<GuidanceCondition> When, IReadOnlyList<GuidanceCondition> Unless, string Text, IReadOnlyList<string> Sources);
