namespace ImagingBot.Guidance;

/// <summary>
/// One question of the guidance's question tree. Criteria are shown under the prompt. Options are the answers it
/// offers (yes and no, or the choices of a multiple-choice question), each with the finding it stands for in a
/// recommendation's "because". OrderTerm and EvaluateFor feed the order-ready indication line when the answer is
/// yes. Key is the question's id on the cards' buttons (<c>questionId</c>) and in the quick form. Emergency questions are the screen asked before anything else and are never answered "no" from free text.
/// </summary>
public sealed record IntakeQuestion(
    IntakeQuestionId Id,
    string Key,
    string Title,
    string Prompt,
    IReadOnlyList<string> Criteria,
    IReadOnlyList<AnswerOption> Options,
    bool IsEmergencyScreen,
    string OrderTerm,
    IReadOnlyList<string> EvaluateFor,
    string Source)
{
    /// <summary>True for a yes/no question (its options are exactly yes and no).</summary>
    public bool IsYesNo => Options.Count == 2 && Options.Any(o => o.Value == ClinicalAnswers.Yes) && Options.Any(o => o.Value == ClinicalAnswers.No);

    public AnswerOption? Option(string? value) => Options.FirstOrDefault(o => o.Value == value);
}
