using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The data of cards/faq-list.template.json (shape: cards/faq-list.data.json).</summary>
public sealed record FaqListCardData(string Title, IReadOnlyList<FaqListCardData.Item> Faqs)
{
    public sealed record Item(string FaqId, string Question);

    public static FaqListCardData From(IReadOnlyList<FaqEntry> faq)
    {
        ArgumentNullException.ThrowIfNull(faq);
        return new FaqListCardData("Common questions", [.. faq.Select(f => new Item(f.Id, f.Question))]);
    }
}
