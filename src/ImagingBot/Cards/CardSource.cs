using System.Globalization;
using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The <c>source</c> object of the welcome, FAQ and recommendation cards (cards/README.md).</summary>
public sealed record CardSource(string Title, int Year, string Variant, string Reviewed)
{
    /// <summary>The source line for a card; <paramref name="variant"/> names the ACR scenario the advice comes from.</summary>
    public static CardSource From(GuidanceSource source, string variant)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CardSource(source.Title, source.RevisedYear, variant, source.ReviewedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
