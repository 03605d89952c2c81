namespace ImagingBot.Dialogs;

/// <summary>
/// Reads a typed yes or no. Case, punctuation and extra spaces are ignored; anything outside the
/// table is not recognised, because a guessed answer to a red-flag question is worse than a reprompt.
/// </summary>
public static class YesNoRecognizer
{
    private static readonly Dictionary<string, bool> Words = new(StringComparer.Ordinal)
    {
        ["yes"] = true,
        ["y"] = true,
        ["yeah"] = true,
        ["yep"] = true,
        ["yup"] = true,
        ["sure"] = true,
        ["correct"] = true,
        ["true"] = true,
        ["affirmative"] = true,
        ["no"] = false,
        ["n"] = false,
        ["nope"] = false,
        ["nah"] = false,
        ["negative"] = false,
        ["no way"] = false,
        ["false"] = false,
    };

    /// <summary>True for yes, false for no, null when the text is not a clear yes or no.</summary>
    public static bool? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Words.TryGetValue(TypedText.Normalize(text), out var answer) ? answer : null;
    }

    /// <summary>
    /// A yes/no answer from a message: the button's <c>answer</c> value (Action.Submit sends it in
    /// <c>Value</c> with empty text) or else the typed text.
    /// </summary>
    public static bool? Recognize(Microsoft.Bot.Schema.IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var submitted = CardSubmit.From(activity)?.Answer;
        return submitted is not null ? Recognize(submitted) : Recognize(activity.Text);
    }
}
