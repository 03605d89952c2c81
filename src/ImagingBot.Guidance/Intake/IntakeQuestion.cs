namespace ImagingBot.Guidance;

/// <summary>
/// One intake question. Criteria are shown word for word under the prompt. Finding/AbsentFinding name a yes/no
/// answer in a recommendation's "because"; OrderTerm and EvaluateFor feed the order-ready indication line.
/// </summary>
public sealed record IntakeQuestion(
    IntakeQuestionId Id,
    string Title,
    string Prompt,
    IReadOnlyList<string> Criteria,
    string Finding,
    string AbsentFinding,
    string OrderTerm,
    IReadOnlyList<string> EvaluateFor);
