using ImagingBot.Guidance;

namespace ImagingBot.Cards;

/// <summary>Small wording adjustments when the guidance's phrases become lines of a card.</summary>
internal static class CardText
{
    private const string AnswerYesIfAny = "Answer yes if any";

    /// <summary>The heading above a yes/no question's criteria when any one of them means yes; the card says it once, there.</summary>
    public const string AnyOfTheseHeading = "Answer yes if any of these apply:";

    /// <summary>
    /// What a question's criteria are, said above them. Most are signs of which any one means yes; prior surgery needs
    /// both of its lines (surgery, and new or progressing symptoms), and some questions' lines are not reasons to
    /// answer yes at all but what to know when answering (pregnancy, the MRI limits). "Answer yes if any" over those
    /// would misdirect the answer.
    /// </summary>
    public static string CriteriaHeading(IntakeQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question switch
        {
            { Criteria.Count: 0 } => string.Empty,
            { Id: IntakeQuestionId.PriorLumbarSurgery } => "Answer yes only when both apply:",
            { Id: IntakeQuestionId.Pregnancy } => "Why it is asked:",
            { IsYesNo: true } => AnyOfTheseHeading,
            _ => "Good to know:",
        };
    }

    /// <summary>The data file writes criteria and findings in lower case, to fit inside sentences; a bullet starts with a capital.</summary>
    public static string Sentence(string text) =>
        string.IsNullOrEmpty(text) || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>
    /// The prompt without an "Answer yes if any ..." sentence of its own: the card puts that instruction once, above
    /// the criteria (a clinical reviewer found it said twice).
    /// </summary>
    public static string WithoutAnswerYesInstruction(string prompt)
    {
        var start = prompt.IndexOf(AnswerYesIfAny, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return prompt;
        }

        var end = prompt.IndexOf(". ", start, StringComparison.Ordinal);
        var rest = end < 0 ? string.Empty : prompt[(end + 2)..];
        return (prompt[..start] + rest).Trim();
    }

    /// <summary>A sentence ending in a period (the data's list items are written either way).</summary>
    public static string WithFinalPeriod(string text) => text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";
}
