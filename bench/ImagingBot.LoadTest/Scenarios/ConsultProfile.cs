using System.Text;
using System.Text.Json;

namespace ImagingBot.LoadTest.Scenarios;

/// <summary>
/// A patient the virtual clinician consults about: the answer to each question the bot may ask, by the cards'
/// <c>questionId</c> and button <c>value</c>, in the question tree's order, and the study the recommendation must
/// order first. The expected studies are the ACR facts (docs and issue 5), written here independently of the bot's
/// decision code. A question the profile has no answer for is an error: the bot asked something that cannot change
/// this patient's answer.
/// </summary>
internal sealed class ConsultProfile
{
    private readonly PlannedAnswer[] _answers;

    internal ConsultProfile(string name, string expectedStudy, bool emergent, params PlannedAnswer[] answers)
    {
        Name = name;
        ExpectedStudy = expectedStudy;
        Emergent = emergent;
        _answers = answers;
    }

    /// <summary>The article's patient: 58F, breast cancer in remission, night pain, subjective fevers, no deficits.</summary>
    public static ConsultProfile ArticlePatient { get; } = new(
        "article",
        "MRI lumbar spine without and with IV contrast",
        emergent: false,
        new PlannedAnswer("caudaEquina", "no"),
        new PlannedAnswer("sepsis", "no"),
        new PlannedAnswer("age", "adult"),
        new PlannedAnswer("majorTrauma", "no"),
        new PlannedAnswer("cancer", "yes"),
        new PlannedAnswer("contraindication", "none"),
        new PlannedAnswer("pregnancy", "no"));

    /// <summary>
    /// New urinary retention: "yes" to the first question, the cauda equina screen, ends the consult at once with
    /// variant 4's two equal first-line MRIs, without and with IV contrast listed first.
    /// </summary>
    public static ConsultProfile Emergency { get; } = new(
        "emergency",
        "MRI lumbar spine without and with IV contrast",
        emergent: true,
        new PlannedAnswer("caudaEquina", "yes"));

    /// <summary>An 82-year-old with osteoporosis after a fall from standing (variant 6): radiography first.</summary>
    public static ConsultProfile OlderAfterFall { get; } = new(
        "older-fall",
        "Radiography lumbar spine",
        emergent: false,
        new PlannedAnswer("caudaEquina", "no"),
        new PlannedAnswer("sepsis", "no"),
        new PlannedAnswer("age", "older"),
        new PlannedAnswer("majorTrauma", "no"),
        new PlannedAnswer("cancer", "no"),
        new PlannedAnswer("infection", "no"),
        new PlannedAnswer("immunosuppression", "no"),
        new PlannedAnswer("priorSurgery", "no"),
        new PlannedAnswer("fractureRisk", "yes"));

    public static IReadOnlyList<ConsultProfile> Known { get; } = [ArticlePatient, Emergency, OlderAfterFall];

    /// <summary>What a consult user runs unless told otherwise (<c>--patients</c>).</summary>
    public static IReadOnlyList<ConsultProfile> Default { get; } = [ArticlePatient];

    public string Name { get; }

    public string ExpectedStudy { get; }

    /// <summary>Whether the recommendation must carry the emergency banner.</summary>
    public bool Emergent { get; }

    /// <summary>The planned answers in the question tree's order.</summary>
    public IReadOnlyList<PlannedAnswer> Answers => _answers;

    /// <summary>The profile of that name (<see cref="Known"/>), or an exception listing the names.</summary>
    public static ConsultProfile Named(string name) =>
        Known.FirstOrDefault(profile => string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown patient '{name}'; known: {string.Join(", ", Known.Select(profile => profile.Name))}.", nameof(name));

    /// <summary>The planned answer to the question of a button's data, or null when the profile has none.</summary>
    public PlannedAnswer? AnswerFor(SubmitData button)
    {
        if (!button.TryFind("questionId"u8, out var questionId) || questionId.TokenType != JsonTokenType.String)
        {
            return null;
        }

        foreach (var answer in _answers)
        {
            if (questionId.ValueTextEquals(answer.Utf8QuestionId))
            {
                return answer;
            }
        }

        return null;
    }

    /// <summary>For the report: the name, what was answered and the study expected.</summary>
    public static string Describe(ConsultProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var answers = string.Join(", ", profile._answers.Select(answer => answer.QuestionId + " " + answer.Value));
        return $"{profile.Name}: {answers}; {(profile.Emergent ? "emergent " : string.Empty)}{profile.ExpectedStudy}";
    }

    public override string ToString() => Name;
}

/// <summary>One planned click: the question's id and the button value, kept as UTF-8 to compare with the cards' bytes.</summary>
internal sealed class PlannedAnswer(string questionId, string value)
{
    public string QuestionId { get; } = questionId;

    public string Value { get; } = value;

    public byte[] Utf8QuestionId { get; } = Encoding.UTF8.GetBytes(questionId);

    public byte[] Utf8Value { get; } = Encoding.UTF8.GetBytes(value);
}
