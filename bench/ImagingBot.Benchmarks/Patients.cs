using ImagingBot.Guidance;

namespace ImagingBot.Benchmarks;

/// <summary>
/// The benchmarks' patients as a clinician answers them: each planned answer by the question's key and option
/// value, given when the decision's question tree asks for it (<see cref="ImagingDecision.NextQuestion"/>), so the
/// answers are exactly the complete set the consult would decide on, whatever the tree skips.
/// </summary>
internal static class Patients
{
    /// <summary>58F, breast cancer in remission, night pain, fevers: MRI without and with IV contrast.</summary>
    public static readonly (string Question, string Value)[] ArticlePatient =
        [("caudaEquina", "no"), ("sepsis", "no"), ("age", "adult"), ("majorTrauma", "no"), ("cancer", "yes"), ("contraindication", "none"), ("pregnancy", "no")];

    /// <summary>The article's patient with an MRI-incompatible pacemaker.</summary>
    public static readonly (string Question, string Value)[] ArticlePatientMriNotPossible =
        [("caudaEquina", "no"), ("sepsis", "no"), ("age", "adult"), ("majorTrauma", "no"), ("cancer", "yes"), ("contraindication", "mri"), ("pregnancy", "no")];

    /// <summary>New urinary retention: the cauda equina screen answered yes (variant 4, emergent).</summary>
    public static readonly (string Question, string Value)[] CaudaEquina = [("caudaEquina", "yes")];

    /// <summary>An 82-year-old with osteoporosis after a fall from standing (variant 6).</summary>
    public static readonly (string Question, string Value)[] OlderAfterFall =
        [("caudaEquina", "no"), ("sepsis", "no"), ("age", "older"), ("majorTrauma", "no"), ("cancer", "no"), ("infection", "no"), ("immunosuppression", "no"), ("priorSurgery", "no"), ("fractureRisk", "yes"), ("pregnancy", "no")];

    /// <summary>Acute pain without a red flag (variant 1): no imaging first.</summary>
    public static readonly (string Question, string Value)[] AcuteNoRedFlags =
        [("caudaEquina", "no"), ("sepsis", "no"), ("age", "adult"), ("majorTrauma", "no"), ("cancer", "no"), ("infection", "no"), ("immunosuppression", "no"), ("priorSurgery", "no"), ("fractureRisk", "no"), ("course", "acute"), ("pregnancy", "no")];

    /// <summary>The answers the consult holds when the decision has no question left.</summary>
    public static ClinicalAnswers Answered(ImagingDecision decision, (string Question, string Value)[] plan)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var answers = ClinicalAnswers.Empty;
        while (decision.NextQuestion(answers) is { } question)
        {
            var planned = Array.FindIndex(plan, answer => answer.Question == question.Key);
            if (planned < 0)
            {
                throw new InvalidOperationException($"The decision asks '{question.Key}', which this patient's plan does not answer.");
            }

            answers = answers.With(question.Id, plan[planned].Value)
                ?? throw new InvalidOperationException($"'{plan[planned].Value}' is not an answer to '{question.Key}'.");
        }

        return answers;
    }

    /// <summary>The answers given up to (not including) the question of that key: the state of a consult mid-way.</summary>
    public static ClinicalAnswers AnsweredBefore(ImagingDecision decision, (string Question, string Value)[] plan, string questionKey)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var answers = ClinicalAnswers.Empty;
        while (decision.NextQuestion(answers) is { } question && question.Key != questionKey)
        {
            answers = answers.With(question.Id, plan.First(answer => answer.Question == question.Key).Value)!;
        }

        return answers;
    }
}
