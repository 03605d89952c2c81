using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The data of cards/faq-answer.template.json (shape: cards/faq-answer.data.json).</summary>
public sealed record FaqAnswerCardData(string FaqId, string Question, string Answer, CardSource Source)
{
    public static FaqAnswerCardData From(FaqEntry entry, CardSource source)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(source);
        return new FaqAnswerCardData(entry.Id, entry.Question, entry.Answer, source);
    }
}
