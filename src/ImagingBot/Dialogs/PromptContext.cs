namespace ImagingBot.Dialogs;

/// <summary>What a step's prompt needs to build its message (a card carries the consult and question ids).</summary>
public sealed record PromptContext<TAnswers>(
    string StepId,
    string ConsultId,
    int Version,
    TAnswers Answers,
    PromptReason Reason,
    int Misses)
    where TAnswers : class;
