namespace ImagingBot.Guidance;

/// <summary>ACR appropriateness categories, best first; the order is the ranking of alternatives.</summary>
public enum AppropriatenessCategory
{
    UsuallyAppropriate,
    MayBeAppropriate,
    MayBeAppropriateDisagreement,
    UsuallyNotAppropriate,
}
