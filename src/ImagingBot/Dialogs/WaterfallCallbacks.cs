using Microsoft.Bot.Builder;

namespace ImagingBot.Dialogs;

/// <summary>
/// Runs before a pending question's answer is recognised, so help, an FAQ question or a new consult
/// can be answered without losing the consult.
/// </summary>
public delegate Task<InterruptionOutcome> InterruptionCheck<TAnswers>(
    ITurnContext turnContext, WaterfallState<TAnswers> consult, CancellationToken cancellationToken)
    where TAnswers : class;

/// <summary>Runs once the last applicable step is answered; the consult sends its recommendation here.</summary>
public delegate Task WaterfallCompletion<TAnswers>(
    ITurnContext turnContext, WaterfallState<TAnswers> consult, CancellationToken cancellationToken)
    where TAnswers : class;
