namespace ImagingBot.Consult;

/// <summary>What a message asks of the bot before it is read as an answer.</summary>
public enum ConsultCommand
{
    Start,
    Help,
    FaqList,
    Faq,
    Cancel,
    ChangeAnswers,
    OpenQuickForm,
    SubmitQuickForm,
    Answer,

    /// <summary>A card asks what it should show now (Universal Actions' <c>refresh</c>); never typed.</summary>
    Refresh,
}

/// <summary>
/// The one command table: each command with the card action that sends it (cards/README.md) and the words that type
/// it. Only whole commands count ("help with contrast" is an FAQ question); a start word may carry a one-line case
/// after it ("start 58F, breast cancer, fevers"), and an FAQ word a question ("faq why contrast?").
/// </summary>
public static class ConsultCommands
{
    private static readonly (ConsultCommand Command, string? Action, string[] Words)[] Table =
    [
        (ConsultCommand.Start, "new", ["start", "new", "consult", "start a consult", "start consult", "new consult", "start over", "restart"]),
        (ConsultCommand.Help, "help", ["help", "menu"]),
        (ConsultCommand.FaqList, "faqList", ["faq", "faqs", "common questions"]),
        (ConsultCommand.Faq, "faq", []),
        (ConsultCommand.Cancel, "cancel", ["cancel", "stop"]),
        (ConsultCommand.ChangeAnswers, "change", ["change", "change an answer", "change answers", "edit answers"]),
        (ConsultCommand.OpenQuickForm, "openQuickForm", ["quick form", "form"]),
        (ConsultCommand.SubmitQuickForm, "quickform", []),
        (ConsultCommand.Answer, "answer", []),
        (ConsultCommand.Refresh, "refresh", []),
    ];

    // Words that may carry text after them: a consult's one-line case, or a question for the FAQ.
    private static readonly (string Word, ConsultCommand Command)[] LeadWords =
    [
        ("start", ConsultCommand.Start), ("new consult", ConsultCommand.Start), ("consult", ConsultCommand.Start),
        ("faq", ConsultCommand.Faq), ("faqs", ConsultCommand.Faq),
    ];

    /// <summary>The command a card button sends, or null for an action this bot does not know.</summary>
    public static ConsultCommand? FromAction(string? action)
    {
        foreach (var (command, name, _) in Table)
        {
            if (name is not null && string.Equals(name, action, StringComparison.Ordinal))
            {
                return command;
            }
        }

        return null;
    }

    /// <summary>
    /// The command typed, or null; <paramref name="argument"/> is the text after a start word (the one-line case) or an
    /// FAQ word (the question), "" when none.
    /// </summary>
    public static ConsultCommand? FromText(string text, out string argument)
    {
        argument = string.Empty;
        var words = TypedText.Normalize(text);
        if (words.Length == 0)
        {
            return null;
        }

        foreach (var (command, _, typed) in Table)
        {
            if (Array.IndexOf(typed, words) >= 0)
            {
                return command;
            }
        }

        var trimmed = text.Trim();
        foreach (var (lead, command) in LeadWords)
        {
            if (words.StartsWith(lead + " ", StringComparison.Ordinal) && trimmed.Length > lead.Length
                && trimmed.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && !char.IsLetterOrDigit(trimmed[lead.Length]))
            {
                argument = trimmed[lead.Length..].TrimStart(' ', ':', ',', '-', '\t');
                return command;
            }
        }

        return null;
    }
}
