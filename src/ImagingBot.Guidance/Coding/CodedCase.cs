namespace ImagingBot.Guidance;

/// <summary>
/// What an order's codes and the problem list say: only answers a code (or the patient's age) gives; a question no
/// code answers stays unanswered, so no absent code ever rules anything out. <see cref="InTopic"/> is true when an
/// order reason is a low back pain code, or any emergency sign is coded.
/// </summary>
public sealed record CodedCase(ClinicalAnswers Answers, bool InTopic, IReadOnlyList<CodedFinding> Findings);
