using System.Globalization;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>
/// The <c>source</c> object of the welcome, FAQ, recommendation and out-of-scope cards (cards/README.md): the guideline
/// with its year, the article our summary was checked against with that article's review date (labelled as the
/// article's on the cards: it is not a date of ACR's), and the guidance data's content version.
/// </summary>
public sealed record CardSource(string Title, string Article, string ArticleReviewed, string ContentVersion)
{
    public static CardSource From(GuidanceSource source, string contentVersion)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(contentVersion);
        var year = source.RevisedYear.ToString(CultureInfo.InvariantCulture);
        var title = source.Title.Contains(year, StringComparison.Ordinal) ? source.Title : $"{source.Title} ({year})";
        return new CardSource(title, source.ArticleTitle, source.ArticleReviewedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), contentVersion);
    }
}
