using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Dialogs.Consult;

/// <summary>
/// The consult: gathers the answers with the waterfall, hands them to the decision and sends the
/// recommendation card. Help, the FAQ and a new consult may interrupt at any question.
/// </summary>
public sealed class ConsultDialog
{
    public const string StatePropertyName = "consult";
    public const string QuickFormAction = "quickform";
    public const string OpenQuickFormAction = "openQuickForm";
    public const string ChangeAction = "change";
    public const string FaqAction = "faq";
    public const string FaqIdKey = "faqId";
    public const string CancelledText = "Consult cancelled. Your answers are cleared. Type start for a new consult.";

    private readonly Waterfall<ConsultAnswers> waterfall;
    private readonly ImagingDecision decision;
    private readonly FaqSearch faq;
    private readonly IConsultCards cards;
    private readonly GuidanceDocument guidance;
    private readonly WaterfallOptions options;

    public ConsultDialog(ChangeTrackedConversationState conversationState, GuidanceDocument guidance, ImagingDecision decision, FaqSearch faq, IConsultCards cards, WaterfallOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        this.decision = decision;
        this.faq = faq;
        this.cards = cards;
        this.guidance = guidance;
        this.options = options ?? new WaterfallOptions();
        waterfall = new Waterfall<ConsultAnswers>(
            conversationState.CreateProperty<WaterfallState<ConsultAnswers>>(StatePropertyName),
            ConsultSteps.Create(guidance, decision, cards),
            this.options)
        {
            OnCompleted = SendRecommendationAsync,
            OnInterruption = InterruptAsync,
            // The question card itself shows a quick-form button once the clinician is stuck (PromptContext.OfferQuickForm).
            Forms = [new WaterfallForm<ConsultAnswers> { Id = QuickFormAction, Apply = (message, answers) => QuickFormAnswers((JObject)message.Value, answers) }],
        };
    }

    /// <summary>Starts a clean consult; a one-line case fills what it states and is shown for confirmation first.</summary>
    public Task<DialogTurnResult> StartAsync(ITurnContext turnContext, string? oneLineCase, CancellationToken cancellationToken)
    {
        var read = CaseSummaryParser.Parse(oneLineCase);
        return waterfall.BeginAsync(turnContext, ConsultAnswers.FromCase(read.Answers), cancellationToken);
    }

    public Task<DialogTurnResult> ContinueAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        waterfall.ContinueAsync(turnContext, cancellationToken);

    public Task<DialogTurnResult> ChangeAnswerAsync(ITurnContext turnContext, string stepId, CancellationToken cancellationToken) =>
        waterfall.GoBackAsync(turnContext, stepId, keepLaterAnswers: true, cancellationToken);

    /// <summary>
    /// "Change an answer" on a recommendation: the consult opens again with the quick form showing every answer
    /// given, so the clinician changes one or several and submits for a new recommendation. A click on the
    /// card of an earlier consult gets the polite note and changes nothing.
    /// </summary>
    public async Task<DialogTurnResult> ChangeAnswersAsync(ITurnContext turnContext, string? consultId, CancellationToken cancellationToken)
    {
        var prompt = await waterfall.ReopenAsync(turnContext, consultId, cancellationToken).ConfigureAwait(false);
        if (prompt is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(options.StaleClickNote), cancellationToken).ConfigureAwait(false);
            var current = await waterfall.GetAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return new DialogTurnResult(current is { IsActive: true } ? DialogTurnStatus.Waiting : DialogTurnStatus.Empty, TurnOutcome.StaleClick);
        }

        await turnContext.SendActivityAsync(cards.QuickForm(prompt), cancellationToken).ConfigureAwait(false);
        return new DialogTurnResult(DialogTurnStatus.Waiting, TurnOutcome.Asked);
    }

    /// <summary>The FAQ entry with this id, or null.</summary>
    public FaqEntry? FaqById(string? faqId) =>
        faqId is null ? null : guidance.Faq.FirstOrDefault(entry => string.Equals(entry.Id, faqId, StringComparison.Ordinal));

    private async Task SendRecommendationAsync(ITurnContext turnContext, WaterfallState<ConsultAnswers> consult, CancellationToken cancellationToken)
    {
        var recommendation = decision.Decide(consult.Answers.ToClinical());
        await turnContext.SendActivityAsync(cards.Recommendation(recommendation, consult.ConsultId), cancellationToken).ConfigureAwait(false);
    }

    private async Task<InterruptionOutcome> InterruptAsync(ITurnContext turnContext, WaterfallState<ConsultAnswers> consult, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim() ?? string.Empty;
        var data = turnContext.Activity.Value as JObject;
        var action = CardSubmit.Text(data, CardSubmit.ActionKey);
        if (action == OpenQuickFormAction)
        {
            var prompt = new PromptContext<ConsultAnswers>(consult.Pending!, consult.ConsultId, consult.Version, consult.Answers, PromptReason.Resume, consult.Misses, OfferQuickForm: false);
            await turnContext.SendActivityAsync(cards.QuickForm(prompt), cancellationToken).ConfigureAwait(false);
            return InterruptionOutcome.TakenOver;
        }

        if (action == FaqAction)
        {
            // A tap on a common question (FAQ list or suggestion): answer it, then ask the pending question again.
            var entry = FaqById(CardSubmit.Text(data, FaqIdKey));
            await turnContext.SendActivityAsync(entry is null ? cards.FaqList() : cards.FaqAnswer(entry), cancellationToken).ConfigureAwait(false);
            return InterruptionOutcome.Resume;
        }

        var oneLineCase = string.Empty;
        var command = action is not null ? ConsultCommandRecognizer.FromAction(action) : ConsultCommandRecognizer.FromText(text, out oneLineCase);
        switch (command)
        {
            case ConsultCommand.Help:
                await turnContext.SendActivityAsync(cards.Help(), cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.Resume;
            case ConsultCommand.FaqList:
                await turnContext.SendActivityAsync(cards.FaqList(), cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.Resume;
            case ConsultCommand.Start:
                await StartAsync(turnContext, oneLineCase, cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.TakenOver;
            case ConsultCommand.Cancel:
                await waterfall.CancelAsync(turnContext, cancellationToken).ConfigureAwait(false);
                await turnContext.SendActivityAsync(MessageFactory.Text(CancelledText), cancellationToken).ConfigureAwait(false);
                return InterruptionOutcome.TakenOver;
        }

        // A yes/no (or a contraindication answer) is never an FAQ question; anything else may be.
        if (text.Length == 0 || YesNoRecognizer.Recognize(text) is not null || ContraindicationRecognizer.Recognize(turnContext.Activity.AsMessageActivity()) is not null)
        {
            return InterruptionOutcome.None;
        }

        var found = faq.Search(text);
        if (found.Best is null)
        {
            return InterruptionOutcome.None;
        }

        await turnContext.SendActivityAsync(cards.FaqAnswer(found.Best.Entry), cancellationToken).ConfigureAwait(false);
        return InterruptionOutcome.Resume;
    }

    /// <summary>The quick form's inputs (ids as in cards/quickform.data.json); null unless the four yes/no answers are all there.</summary>
    private static ConsultAnswers? QuickFormAnswers(JObject data, ConsultAnswers answers)
    {
        bool? YesNo(string id) => YesNoRecognizer.Recognize(CardSubmit.Text(data, id));
        var filled = answers with
        {
            SuspectedCancer = YesNo(ConsultSteps.Cancer),
            SuspectedInfection = YesNo(ConsultSteps.Infection),
            Immunosuppressed = YesNo(ConsultSteps.Immunosuppression),
            NeurologicDeficits = YesNo(ConsultSteps.NeurologicDeficit),
            Contraindication = ContraindicationRecognizer.Recognize(new Microsoft.Bot.Schema.Activity { Text = CardSubmit.Text(data, ConsultSteps.Contraindication) }),
            CaseToConfirm = null,
        };
        return filled.SuspectedCancer is null || filled.SuspectedInfection is null || filled.Immunosuppressed is null || filled.NeurologicDeficits is null
            ? null
            : filled;
    }
}
