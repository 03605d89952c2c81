namespace ImagingBot.Guidance.Tests;

/// <summary>Answer sets for the tests, written the way a consult reads.</summary>
public static class Answers
{
    /// <summary>An adult with a negative emergency screen and the routing answers given (everything else no, course acute).</summary>
    public static ClinicalAnswers Routine(
        AgeGroup age = AgeGroup.Adult,
        bool cancer = false,
        bool infection = false,
        bool immune = false,
        bool priorSurgery = false,
        bool fractureRisk = false,
        PainCourse course = PainCourse.Acute) =>
        new(false, false, age, false, cancer, infection, immune, priorSurgery, fractureRisk, course);

    /// <summary>Key=value pairs in the guidance file's question keys and option values ("caudaEquina=no;age=older").</summary>
    public static ClinicalAnswers Parse(string text)
    {
        var answers = ClinicalAnswers.Empty;
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            answers = answers.With(Shipped.Guidance.QuestionByKey(key)!.Id, value) ?? throw new ArgumentException(pair, nameof(text));
        }

        return answers;
    }

    public static string Format(ClinicalAnswers answers) =>
        string.Join(';', Shipped.Guidance.Questions.Where(q => answers.IsAnswered(q.Id)).Select(q => $"{q.Key}={answers.Value(q.Id)}"));

    /// <summary>
    /// Runs a consult as the bot would: asks <see cref="ImagingDecision.NextQuestion"/> until it is done, answering
    /// from the script; fails if a question is asked that the script does not answer.
    /// </summary>
    public static (ClinicalAnswers Answers, List<string> Asked) Consult(string script, ClinicalAnswers? start = null)
    {
        var given = script.Split(';', StringSplitOptions.RemoveEmptyEntries).ToDictionary(p => p.Split('=')[0], p => p.Split('=')[1]);
        var answers = start ?? ClinicalAnswers.Empty;
        var asked = new List<string>();
        while (Shipped.Decision.NextQuestion(answers) is { } question)
        {
            Assert.True(given.TryGetValue(question.Key, out var value), $"the consult asked '{question.Key}', which the script does not answer");
            asked.Add(question.Key);
            answers = answers.With(question.Id, value)!;
        }

        return (answers, asked);
    }
}
