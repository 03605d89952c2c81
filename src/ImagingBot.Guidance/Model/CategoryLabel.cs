namespace ImagingBot.Guidance;

/// <summary>The wording the ACR uses for a category, as given by the data file.</summary>
public sealed record CategoryLabel(AppropriatenessCategory Category, string Label);
