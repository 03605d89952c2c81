using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>The data of cards/not-understood.template.json (shape: cards/not-understood.data.json).</summary>
public sealed record NotUnderstoodCardData(string Hint, string SuggestionsHeading, IReadOnlyList<NotUnderstoodCardData.Suggestion> Suggestions)
{
    /// <summary>A tappable row; <see cref="Data"/> is the Action.Submit data (cards/README.md lists the actions).</summary>
    public sealed record Suggestion(string Title, IReadOnlyDictionary<string, string> Data);

    public static NotUnderstoodCardData From(IReadOnlyList<FaqEntry> closest)
    {
        ArgumentNullException.ThrowIfNull(closest);
        return new NotUnderstoodCardData(
            "Sorry, I did not get that.",
            "Try one of these:",
            [
                new("Start a consult", new Dictionary<string, string> { ["action"] = "new" }),
                .. closest.Select(f => new Suggestion(f.Question, new Dictionary<string, string> { ["action"] = "faq", ["faqId"] = f.Id })),
                new("Common questions", new Dictionary<string, string> { ["action"] = "faqList" }),
                new("Help", new Dictionary<string, string> { ["action"] = "help" }),
            ]);
    }
}
