using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ImagingBot.Dialogs;

/// <summary>
/// A small waterfall shaped like Bot Framework's WaterfallDialog (the Dialogs package is not on our
/// feed): steps in order, a step asks and the next turn's message is its answer. Beyond the official
/// one it keeps typed answers, skips steps that do not apply or are already answered, reprompts,
/// goes back, survives interruptions and ignores stale or repeated clicks.
/// All state lives in the conversation state through one property accessor; the caller saves the state
/// at the end of the turn, as with the official dialogs.
/// </summary>
/// <typeparam name="TAnswers">The typed answers record (keep it small: it is stored every turn).</typeparam>
public sealed class Waterfall<TAnswers>
    where TAnswers : class
{
    private readonly IStatePropertyAccessor<WaterfallState<TAnswers>> state;
    private readonly WaterfallOptions options;

    public Waterfall(
        IStatePropertyAccessor<WaterfallState<TAnswers>> state,
        IEnumerable<WaterfallStep<TAnswers>> steps,
        WaterfallOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(steps);
        this.state = state;
        Steps = [.. steps];
        this.options = options ?? new WaterfallOptions();
        this.options.Validate();

        var duplicate = Steps.GroupBy(step => step.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two steps have the id '{duplicate.Key}'.", nameof(steps));
        }

        if (Steps.Count == 0)
        {
            throw new ArgumentException("A waterfall needs at least one step.", nameof(steps));
        }
    }

    public IReadOnlyList<WaterfallStep<TAnswers>> Steps { get; }

    /// <summary>Runs once the last applicable step is answered.</summary>
    public required WaterfallCompletion<TAnswers> OnCompleted { get; init; }

    /// <summary>Runs before a typed answer (or any message that is not an answer button) to a pending question is recognised.</summary>
    public InterruptionCheck<TAnswers>? OnInterruption { get; init; }

    /// <summary>
    /// Sent after the reprompt once a step has been missed <see cref="WaterfallOptions.MissesBeforeQuickForm"/> times.
    /// Optional: a prompt can instead show a quick-form button when <see cref="PromptContext{TAnswers}.OfferQuickForm"/> is set.
    /// </summary>
    public Func<PromptContext<TAnswers>, IMessageActivity>? QuickFormOffer { get; init; }

    /// <summary>Cards that answer several steps in one submit.</summary>
    public IReadOnlyList<WaterfallForm<TAnswers>> Forms { get; init; } = [];

    /// <summary>The stored consult, or null when there has been none (or it was cancelled or expired).</summary>
    public async Task<WaterfallState<TAnswers>?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var stored = await state.GetAsync(turnContext, null, cancellationToken).ConfigureAwait(false);
        return stored is { ConsultId.Length: > 0 } ? stored : null;
    }

    /// <summary>
    /// Starts a new consult with a fresh id, replacing any open one, and asks the first step that
    /// applies and is not answered yet (answers already in <paramref name="answers"/> are not asked).
    /// </summary>
    public async Task<DialogTurnResult> BeginAsync(ITurnContext turnContext, TAnswers answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(answers);
        var consult = new WaterfallState<TAnswers> { ConsultId = options.NewConsultId(), Answers = answers };
        return await AdvanceAsync(turnContext, consult, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles the turn's message: an interruption, a click, or a typed answer to the pending question.</summary>
    public async Task<DialogTurnResult> ContinueAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var consult = await GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var message = turnContext.Activity.AsMessageActivity();
        if (message is null)
        {
            return new DialogTurnResult(StatusOf(consult), TurnOutcome.NotHandled);
        }

        // Only answer buttons and form submits are the waterfall's; other card actions (new, change
        // an answer, help) go to the interruption hook or back to the caller like typed commands.
        var click = CardSubmit.From(message) is { } submit && (submit.QuestionId is not null || FormFor(submit) is not null) ? submit : null;
        if (consult is not { IsActive: true })
        {
            return click is null
                ? new DialogTurnResult(DialogTurnStatus.Empty, TurnOutcome.NotHandled)
                : await NoteClickAsync(turnContext, consult, click, cancellationToken).ConfigureAwait(false);
        }

        if (!Steps.Any(step => step.Id == consult.Pending))
        {
            // The pending step is gone (a new release renamed or removed it): keep the answers and
            // carry on with the next question rather than failing the clinician's turn.
            return await AdvanceAsync(turnContext, consult, cancellationToken).ConfigureAwait(false);
        }

        if (click is not null)
        {
            // Answer buttons are never interruptions: they are either for the pending question or noted and ignored.
            if (!IsForPendingStep(consult, click))
            {
                return await NoteClickAsync(turnContext, consult, click, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (OnInterruption is not null)
        {
            var interruption = await OnInterruption(turnContext, consult, cancellationToken).ConfigureAwait(false);
            if (interruption == InterruptionOutcome.TakenOver)
            {
                var after = await GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(StatusOf(after), TurnOutcome.TakenOver);
            }

            if (interruption == InterruptionOutcome.Resume)
            {
                await AskAsync(turnContext, consult, PromptReason.Resume, cancellationToken).ConfigureAwait(false);
                return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.Interrupted);
            }
        }

        var form = click is null ? null : FormFor(click);
        var answered = form is not null
            ? form.Apply(message, consult.Answers)
            : Step(consult.Pending!).TryAnswer(message, consult.Answers);

        if (answered is null)
        {
            return await RepromptAsync(turnContext, consult, cancellationToken).ConfigureAwait(false);
        }

        var recorded = consult with { Answers = answered, Version = consult.Version + 1, Misses = 0 };
        return await AdvanceAsync(turnContext, recorded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Goes back to an earlier step (in an open or a finished consult) and asks it again. The other
    /// answers are kept unless <paramref name="keepLaterAnswers"/> is false; once it is answered,
    /// the steps that now apply and have no answer are asked, and the steps that no longer apply
    /// are skipped and lose their answer.
    /// Returns <see cref="TurnOutcome.NotHandled"/> (and sends nothing) when there is no consult or the step does not apply.
    /// </summary>
    public async Task<DialogTurnResult> GoBackAsync(ITurnContext turnContext, string stepId, bool keepLaterAnswers = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var step = Step(stepId);
        var consult = await GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (consult is null || !step.AppliesWhen(consult.Answers))
        {
            return new DialogTurnResult(StatusOf(consult), TurnOutcome.NotHandled);
        }

        var answers = consult.Answers;
        if (!keepLaterAnswers)
        {
            foreach (var later in Steps.SkipWhile(candidate => candidate != step).Skip(1))
            {
                answers = later.ClearAnswer(answers);
            }
        }

        var revisited = consult with { Answers = answers, Pending = step.Id, Misses = 0, Version = consult.Version + 1 };
        await state.SetAsync(turnContext, revisited, cancellationToken).ConfigureAwait(false);
        await AskAsync(turnContext, revisited, PromptReason.Revisit, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.Asked);
    }

    /// <summary>
    /// Opens the consult with this id again (finished or not) at its first step that applies, keeping every
    /// answer, and asks nothing: the caller sends a card that changes several answers in one submit (a form).
    /// Returns the prompt for that card, or null when <paramref name="consultId"/> is not the stored consult.
    /// </summary>
    public async Task<PromptContext<TAnswers>?> ReopenAsync(ITurnContext turnContext, string? consultId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var consult = await GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var first = consult is null ? null : Steps.FirstOrDefault(step => step.AppliesWhen(consult.Answers));
        if (consult is null || first is null || !string.Equals(consult.ConsultId, consultId, StringComparison.Ordinal))
        {
            return null;
        }

        var reopened = consult with { Pending = first.Id, Misses = 0, Version = consult.Version + 1 };
        await state.SetAsync(turnContext, reopened, cancellationToken).ConfigureAwait(false);
        return PromptFor(reopened, PromptReason.Revisit) with { OfferQuickForm = false };
    }

    /// <summary>Asks the pending question again without counting a miss (for example after the caller answered something else).</summary>
    public async Task<DialogTurnResult> ResumeAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var consult = await GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (consult is not { IsActive: true })
        {
            return new DialogTurnResult(StatusOf(consult), TurnOutcome.NotHandled);
        }

        await AskAsync(turnContext, consult, PromptReason.Resume, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.Asked);
    }

    /// <summary>Ends the consult and forgets its answers; a click on its cards afterwards is a stale click.</summary>
    public async Task<DialogTurnResult> CancelAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        await state.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Cancelled, TurnOutcome.Cancelled);
    }

    private static DialogTurnStatus StatusOf(WaterfallState<TAnswers>? consult) =>
        consult is { IsActive: true } ? DialogTurnStatus.Waiting : DialogTurnStatus.Empty;

    private bool IsForPendingStep(WaterfallState<TAnswers> consult, CardSubmit click) =>
        click.ConsultId == consult.ConsultId
        && (click.QuestionId is not null ? click.QuestionId == consult.Pending : FormFor(click) is not null);

    private WaterfallForm<TAnswers>? FormFor(CardSubmit click) =>
        click.QuestionId is null ? Forms.FirstOrDefault(form => form.Id == click.Action) : null;

    private WaterfallStep<TAnswers> Step(string id) =>
        Steps.FirstOrDefault(step => step.Id == id)
        ?? throw new ArgumentException($"This waterfall has no step '{id}'.", nameof(id));

    private async Task<DialogTurnResult> AdvanceAsync(ITurnContext turnContext, WaterfallState<TAnswers> consult, CancellationToken cancellationToken)
    {
        // A skipped step holds no answer: after a change makes it apply again it is asked again,
        // rather than silently reusing an answer given for a different case.
        var answers = consult.Answers;
        foreach (var step in Steps)
        {
            if (!step.AppliesWhen(answers) && step.IsAnswered(answers))
            {
                answers = step.ClearAnswer(answers);
            }
        }

        var next = Steps.FirstOrDefault(step => step.AppliesWhen(answers) && !step.IsAnswered(answers));
        var advanced = consult with { Answers = answers, Pending = next?.Id, Misses = 0 };
        await state.SetAsync(turnContext, advanced, cancellationToken).ConfigureAwait(false);
        if (next is null)
        {
            await OnCompleted(turnContext, advanced, cancellationToken).ConfigureAwait(false);
            return new DialogTurnResult(DialogTurnStatus.Complete, TurnOutcome.Completed);
        }

        await AskAsync(turnContext, advanced, PromptReason.First, cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.Asked);
    }

    private async Task<DialogTurnResult> RepromptAsync(ITurnContext turnContext, WaterfallState<TAnswers> consult, CancellationToken cancellationToken)
    {
        var missed = consult with { Misses = consult.Misses + 1 };
        await state.SetAsync(turnContext, missed, cancellationToken).ConfigureAwait(false);
        await AskAsync(turnContext, missed, PromptReason.Reprompt, cancellationToken).ConfigureAwait(false);
        if (missed.Misses < options.MissesBeforeQuickForm)
        {
            return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.Reprompted);
        }

        if (QuickFormOffer is null)
        {
            return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.QuickFormOffered);
        }

        await turnContext.SendActivityAsync(QuickFormOffer(PromptFor(missed, PromptReason.Reprompt)), cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.QuickFormOffered);
    }

    private async Task<DialogTurnResult> NoteClickAsync(ITurnContext turnContext, WaterfallState<TAnswers>? consult, CardSubmit click, CancellationToken cancellationToken)
    {
        var sameConsult = consult is not null && click.ConsultId == consult.ConsultId;
        // A second submit of the quick form, or a second click on an answered question of this consult.
        var answered = sameConsult
            && (FormFor(click) is not null
                || (Steps.FirstOrDefault(step => step.Id == click.QuestionId) is { } step && step.IsAnswered(consult!.Answers)));
        var note = answered ? options.AlreadyAnsweredNote : options.StaleClickNote;
        await turnContext.SendActivityAsync(MessageFactory.Text(note), cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(StatusOf(consult), answered ? TurnOutcome.AlreadyAnswered : TurnOutcome.StaleClick);
    }

    private async Task AskAsync(ITurnContext turnContext, WaterfallState<TAnswers> consult, PromptReason reason, CancellationToken cancellationToken)
    {
        var prompt = Step(consult.Pending!).Prompt(PromptFor(consult, reason));
        await turnContext.SendActivityAsync(prompt, cancellationToken).ConfigureAwait(false);
    }

    private PromptContext<TAnswers> PromptFor(WaterfallState<TAnswers> consult, PromptReason reason) =>
        new(consult.Pending!, consult.ConsultId, consult.Version, consult.Answers, reason, consult.Misses,
            OfferQuickForm: consult.Misses >= options.MissesBeforeQuickForm);
}
