namespace ImagingBot.Guidance;

/// <summary>What the decision gives for a complete set of answers: a <see cref="Recommendation"/> or <see cref="OutOfScope"/>.</summary>
public abstract record Advice(GuidanceSource Source, string ContentVersion);
