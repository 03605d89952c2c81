namespace ImagingBot.Dialogs;

/// <summary>
/// What a step's prompt needs to build its message: a card carries the consult and question ids, and
/// shows its quick-form button when <see cref="OfferQuickForm"/> says the clinician has been stuck on
/// this question <see cref="WaterfallOptions.MissesBeforeQuickForm"/> times.
/// </summary>
public sealed record PromptContext<TAnswers>(
    string StepId,
    string ConsultId,
    int Version,
    TAnswers Answers,
    PromptReason Reason,
    int Misses,
    bool OfferQuickForm)
    where TAnswers : class;
