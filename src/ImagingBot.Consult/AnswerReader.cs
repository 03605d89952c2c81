using System.Globalization;
using ImagingBot.Guidance;

namespace ImagingBot.Consult;

/// <summary>
/// Reads a typed or clicked answer to one question into the question's option value. A button sends the value
/// itself; typed text is matched against a small table per kind of question and the options' own labels. Anything
/// else is not recognised, because a guessed answer to a clinical question is worse than asking again.
/// </summary>
public static class AnswerReader
{
    private static readonly Dictionary<string, string> YesNoWords = new(StringComparer.Ordinal)
    {
        ["yes"] = ClinicalAnswers.Yes,
        ["y"] = ClinicalAnswers.Yes,
        ["yeah"] = ClinicalAnswers.Yes,
        ["yep"] = ClinicalAnswers.Yes,
        ["yup"] = ClinicalAnswers.Yes,
        ["sure"] = ClinicalAnswers.Yes,
        ["correct"] = ClinicalAnswers.Yes,
        ["true"] = ClinicalAnswers.Yes,
        ["affirmative"] = ClinicalAnswers.Yes,
        ["no"] = ClinicalAnswers.No,
        ["n"] = ClinicalAnswers.No,
        ["nope"] = ClinicalAnswers.No,
        ["nah"] = ClinicalAnswers.No,
        ["negative"] = ClinicalAnswers.No,
        ["no way"] = ClinicalAnswers.No,
        ["false"] = ClinicalAnswers.No,
    };

    // Typed answers to the multiple-choice questions, beyond the options' values and labels.
    private static readonly Dictionary<IntakeQuestionId, Dictionary<string, string>> ChoiceWords = new()
    {
        [IntakeQuestionId.Age] = new(StringComparer.Ordinal)
        {
            ["under 18"] = "child",
            ["minor"] = "child",
            ["18 to 64"] = "adult",
            ["65 or older"] = "older",
            ["65 plus"] = "older",
            ["over 65"] = "older",
            ["elderly"] = "older",
        },
        [IntakeQuestionId.Course] = new(StringComparer.Ordinal)
        {
            ["under 6 weeks"] = "acute",
            ["less than 6 weeks"] = "acute",
            ["subacute"] = "chronic",
            ["6 weeks or more"] = "chronic",
            ["failed management"] = "managed",
            ["failed conservative"] = "managed",
            ["surgical candidate"] = "managed",
        },
        [IntakeQuestionId.Contraindication] = new(StringComparer.Ordinal)
        {
            ["yes"] = "none",
            ["no limit"] = "none",
            ["no limits"] = "none",
            ["mri not possible"] = "mri",
            ["no mri"] = "mri",
            ["contrast not possible"] = "contrast",
            ["no contrast"] = "contrast",
            ["no gadolinium"] = "contrast",
            ["dialysis"] = "kidney",
            ["kidney disease"] = "kidney",
            ["renal failure"] = "kidney",
        },
    };

    /// <summary>True for yes, false for no, null when the text is not a clear yes or no.</summary>
    public static bool? YesNo(string? text) =>
        YesNoWords.TryGetValue(TypedText.Normalize(text), out var value) ? value == ClinicalAnswers.Yes : null;

    /// <summary>The option value the text or button gives for this question, or null when it is not one of its answers.</summary>
    public static string? Read(IntakeQuestion question, string? text)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (question.Option(text) is { } clicked)
        {
            return clicked.Value;
        }

        var words = TypedText.Normalize(text);
        if (question.IsYesNo)
        {
            return YesNoWords.GetValueOrDefault(words);
        }

        if (ChoiceWords.TryGetValue(question.Id, out var table) && table.TryGetValue(words, out var value))
        {
            return value;
        }

        if (question.Id == IntakeQuestionId.Age && int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is > 0 and < 120)
        {
            return years < 18 ? "child" : years < 65 ? "adult" : "older";
        }

        return question.Options.FirstOrDefault(option => TypedText.Normalize(option.Label) == words || option.Value == words)?.Value;
    }
}
