namespace ImagingBot.Cards;

/// <summary>Small wording adjustments when the guidance's phrases become lines of a card.</summary>
internal static class CardText
{
    /// <summary>The data file writes criteria and findings in lower case, to fit inside sentences; a bullet starts with a capital.</summary>
    public static string Sentence(string text) =>
        string.IsNullOrEmpty(text) || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string WithoutFinalPeriod(string text) => text.EndsWith('.') ? text[..^1] : text;
}
