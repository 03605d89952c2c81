namespace ImagingBot.Guidance;

/// <summary>A sentence of guidance shown when every one of its conditions holds.</summary>
public sealed record ConditionalText(IReadOnlyList<GuidanceCondition> When, string Text);
