using System.Text;
using ImagingBot.Guidance;

namespace ImagingBot.Consult;

/// <summary>
/// Answers as a short line, "caudaEquina:no,sepsis:no,age:adult", of the question tree's keys and option
/// values: what a recommendation card carries so that it can be shown again from its own data (a refresh by
/// whoever sees it). Reading is strict: an unknown key or value, or one answered twice, reads nothing.
/// </summary>
public static class AnswerLine
{
    private const char Separator = ',';
    private const char KeyValueSeparator = ':';

    public static string Write(ClinicalAnswers answers, IReadOnlyList<IntakeQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(questions);
        var codes = new StringBuilder(128);
        foreach (var question in questions)
        {
            if (answers.Value(question.Id) is { } value)
            {
                codes.Append(codes.Length > 0 ? Separator : string.Empty).Append(question.Key).Append(KeyValueSeparator).Append(value);
            }
        }

        return codes.ToString();
    }

    /// <summary>The answers the codes give, or null when they are not codes of these questions.</summary>
    public static ClinicalAnswers? Read(string? codes, IReadOnlyList<IntakeQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (string.IsNullOrEmpty(codes))
        {
            return null;
        }

        var answers = ClinicalAnswers.Empty;
        foreach (var code in codes.Split(Separator))
        {
            var parts = code.Split(KeyValueSeparator);
            var question = parts.Length == 2 ? questions.FirstOrDefault(q => q.Key == parts[0]) : null;
            if (question is null || answers.IsAnswered(question.Id) || question.Option(parts[1]) is null
                || answers.With(question.Id, parts[1]) is not { } read)
            {
                return null;
            }

            answers = read;
        }

        return answers;
    }
}
