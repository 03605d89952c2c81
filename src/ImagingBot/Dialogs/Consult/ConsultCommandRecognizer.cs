namespace ImagingBot.Dialogs.Consult;

/// <summary>
/// Reads a command from typed text ("start", "@ImagingBot consult" once the mention is stripped, "help", "faq")
/// or from a card button's <c>action</c> (cards/README.md). Only whole commands count: "help with contrast"
/// is a question for the FAQ, not the help card. A start command may carry a one-line case after it
/// ("start 58F, breast cancer, fevers").
/// </summary>
public static class ConsultCommandRecognizer
{
    private static readonly Dictionary<string, ConsultCommand> Typed = new(StringComparer.Ordinal)
    {
        ["start"] = ConsultCommand.Start,
        ["new"] = ConsultCommand.Start,
        ["consult"] = ConsultCommand.Start,
        ["start a consult"] = ConsultCommand.Start,
        ["start consult"] = ConsultCommand.Start,
        ["new consult"] = ConsultCommand.Start,
        ["start over"] = ConsultCommand.Start,
        ["restart"] = ConsultCommand.Start,
        ["help"] = ConsultCommand.Help,
        ["menu"] = ConsultCommand.Help,
        ["faq"] = ConsultCommand.FaqList,
        ["faqs"] = ConsultCommand.FaqList,
        ["common questions"] = ConsultCommand.FaqList,
        ["cancel"] = ConsultCommand.Cancel,
        ["stop"] = ConsultCommand.Cancel,
    };

    // The actions our card buttons send (cards/README.md).
    private static readonly Dictionary<string, ConsultCommand> Actions = new(StringComparer.Ordinal)
    {
        ["new"] = ConsultCommand.Start,
        ["help"] = ConsultCommand.Help,
        ["faqList"] = ConsultCommand.FaqList,
    };

    // Words that may start a consult with the case written after them.
    private static readonly string[] StartWords = ["start", "new consult", "consult"];

    /// <summary>The command a card button sends, or null.</summary>
    public static ConsultCommand? FromAction(string? action) =>
        action is not null && Actions.TryGetValue(action, out var command) ? command : null;

    /// <summary>The command typed, or null; <paramref name="oneLineCase"/> is the text after a start word ("" when none).</summary>
    public static ConsultCommand? FromText(string? text, out string oneLineCase)
    {
        oneLineCase = string.Empty;
        var words = TypedText.Normalize(text);
        if (words.Length == 0)
        {
            return null;
        }

        if (Typed.TryGetValue(words, out var command))
        {
            return command;
        }

        var trimmed = text!.Trim();
        foreach (var start in StartWords)
        {
            if (words.StartsWith(start + " ", StringComparison.Ordinal) && trimmed.Length > start.Length
                && trimmed.StartsWith(start, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(trimmed[start.Length]))
            {
                oneLineCase = trimmed[start.Length..].TrimStart(' ', ':', ',', '-', '\t');
                return ConsultCommand.Start;
            }
        }

        return null;
    }
}
