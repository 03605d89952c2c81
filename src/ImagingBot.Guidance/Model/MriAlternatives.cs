namespace ImagingBot.Guidance;

/// <summary>The variant's rated non-MRI studies to show, in this order, when MRI cannot be done.</summary>
public sealed record MriAlternatives(IReadOnlyList<string> Procedures, IReadOnlyList<string> Sources);
