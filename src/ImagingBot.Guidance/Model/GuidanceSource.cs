namespace ImagingBot.Guidance;

/// <summary>
/// The guideline the advice follows and the article our summary of it was written from. <see cref="ArticleReviewedOn"/>
/// is the date the article was reviewed, not a date of ACR's: cards must label it as the article's.
/// </summary>
public sealed record GuidanceSource(string Title, int RevisedYear, string ArticleTitle, DateOnly ArticleReviewedOn);
