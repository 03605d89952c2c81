namespace ImagingBot.Guidance;

/// <summary>A choice for the contraindication question: the label to show and how the answer reads as a finding.</summary>
public sealed record ContraindicationOption(Contraindication Value, string Label, string Finding);
