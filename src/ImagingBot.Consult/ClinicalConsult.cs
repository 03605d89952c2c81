using ImagingBot.Guidance;

namespace ImagingBot.Consult;

/// <summary>
/// The consult as a pure function: <see cref="Next"/> takes the stored state and one turn's input and gives the new
/// state and what to say. Commands come first (one table, the same inside and outside a consult), then a click or a
/// typed answer to the pending question. Which question comes next is the decision's (the guidance's question
/// tree): an emergency sign, from a button, a one-line case or a message typed mid-consult, ends the consult with the
/// emergent advice at once.
/// </summary>
public sealed class ClinicalConsult
{
    private readonly ImagingDecision _decision;
    private readonly FaqSearch _faq;
    private readonly ConsultOptions _options;
    private readonly IReadOnlyList<IntakeQuestion> _questions;

    public ClinicalConsult(ImagingDecision decision, FaqSearch faq, ConsultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(faq);
        _decision = decision;
        _faq = faq;
        _options = options ?? new ConsultOptions();
        _questions = decision.Guidance.Questions;
    }

    public ConsultTurn Next(ConsultState? state, TurnInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsEmpty)
        {
            return Say(state, new SayNote(_options.NothingToReadNote));
        }

        var argument = string.Empty;
        var action = input.Action;
        var command = action is not null ? ConsultCommands.FromAction(action.Name) : ConsultCommands.FromText(input.Text, out argument);
        return command switch
        {
            ConsultCommand.Start => Start(argument),
            ConsultCommand.Help => Resume(state, new ShowHelp()),
            ConsultCommand.FaqList => Resume(state, new ShowFaqList()),
            ConsultCommand.Faq when action is null => Resume(state, _faq.Search(argument).Best is { } hit ? new ShowFaqAnswer(hit.Entry) : new ShowFaqList()),
            ConsultCommand.Faq => Resume(state, FaqById(action.Field(CardAction.FaqIdKey)) is { } entry ? new ShowFaqAnswer(entry) : new ShowFaqList()),
            ConsultCommand.Cancel => state is { IsOpen: true }
                ? new ConsultTurn(null, [new SayNote(_options.CancelledNote)])
                : Say(state, new SayNote(_options.NoConsultToCancelNote)),
            ConsultCommand.ChangeAnswers => ChangeAnswers(state, input),
            ConsultCommand.OpenQuickForm => OpenQuickForm(state, input),
            ConsultCommand.SubmitQuickForm => SubmitQuickForm(state, input),
            ConsultCommand.Answer => Clicked(state, input),
            ConsultCommand.Refresh when action is { Executed: true } => Refresh(state, action),
            // A button of ours that this release does not know (an older card): say what the bot can do.
            _ when action is not null => Resume(state, new ShowNotUnderstood([])),
            _ => Typed(state, input.Text),
        };
    }

    private ConsultTurn Start(string oneLineCase)
    {
        var read = CaseSummaryParser.Parse(oneLineCase);
        var consult = new ConsultState { ConsultId = _options.NewConsultId(), Answers = read.Answers };

        // An emergency or a patient outside the topic is answered at once; any other case is confirmed first.
        var answerNow = read.Answers.IsEmergency || read.Answers.Age == AgeGroup.Child || read.Answers.MajorTrauma == true;
        if (read.Findings.Count == 0 || answerNow)
        {
            return Advance(consult);
        }

        var confirming = consult with { Pending = ConsultState.CaseStep, CaseFindings = [.. read.FindingTexts] };
        return new ConsultTurn(confirming, [new ConfirmCase(confirming.ConsultId, confirming.CaseFindings, PromptReason.First)]);
    }

    private ConsultTurn Clicked(ConsultState? state, TurnInput input)
    {
        var click = input.Action!;
        if (state is { IsOpen: true } && click.ConsultId == state.ConsultId && click.QuestionId == state.Pending
            && Answered(state, click.Value) is { } answered)
        {
            return click.Executed ? answered with { ClickedCard = Recorded(state, click.Value, repeat: false) } : answered;
        }

        if (state is null || click.ConsultId != state.ConsultId)
        {
            return NotThisConsult(state, input);
        }

        var question = QuestionByKey(click.QuestionId);
        var alreadyAnswered = click.QuestionId == ConsultState.CaseStep
            ? state.Pending != ConsultState.CaseStep
            : question is not null && state.Answers.IsAnswered(question.Id);
        if (state.IsOpen && !alreadyAnswered)
        {
            // A button of this consult whose value is not one of the question's answers, or of a question no longer
            // asked: the pending question is asked again, in place when the clicked card is that question's.
            var reprompt = Reprompt(state);
            return !click.Executed ? reprompt
                : click.QuestionId == state.Pending ? reprompt with { Replies = [], ClickedCard = reprompt.Replies[0] }
                : reprompt with { ClickedCard = new CardClosed(ClosedReason.OutOfDate) };
        }

        if (click.Executed)
        {
            // A second click (a double click, another device): the card shows the answer that stays.
            return new ConsultTurn(state, [], alreadyAnswered ? Recorded(state with { Pending = click.QuestionId }, null, repeat: true) : new CardClosed(ClosedReason.OutOfDate));
        }

        return Say(state, new SayNote(alreadyAnswered ? _options.AlreadyAnsweredNote : _options.StaleClickNote));
    }

    /// <summary>
    /// The clicked card of the pending step once answered with <paramref name="value"/>, or (null) with the answer
    /// already recorded.
    /// </summary>
    private CardRecord Recorded(ConsultState state, string? value, bool repeat)
    {
        if (state.Pending == ConsultState.CaseStep)
        {
            return new CaseAnswered(state.ConsultId, repeat ? null : AnswerReader.YesNo(value));
        }

        var question = QuestionByKey(state.Pending);
        if (question is null)
        {
            return new CardClosed(ClosedReason.OutOfDate);
        }

        var kept = repeat ? state.Answers.Value(question.Id) : AnswerReader.Read(question, value);
        return new QuestionAnswered(state.ConsultId, question, question.Option(kept)?.Label ?? kept ?? string.Empty, repeat);
    }

    /// <summary>
    /// A click on a card that is not of the clicker's current consult: nothing is recorded. In a personal chat it is
    /// an earlier consult's card, and the bot says so. In a group chat or channel each clinician has a consult of their
    /// own and the card may be someone else's: the clicker's own consult goes on (its pending question again) or starts.
    /// </summary>
    private ConsultTurn NotThisConsult(ConsultState? state, TurnInput input)
    {
        var executed = input.Action?.Executed == true;
        if (input.Conversation == ConversationKind.Personal)
        {
            return executed
                ? new ConsultTurn(state, [], new CardClosed(ClosedReason.EarlierConsult))
                : Say(state, new SayNote(_options.StaleClickNote));
        }

        var own = state is { IsOpen: true } ? new ConsultTurn(state, [Ask(state, PromptReason.Resume)]) : Start(string.Empty);
        return executed
            ? own with { ClickedCard = new CardClosed(ClosedReason.AnotherConsult) }
            : own with { Replies = [new SayNote(_options.AnotherConsultNote), .. own.Replies] };
    }

    private ConsultTurn Typed(ConsultState? state, string text)
    {
        if (state is { IsOpen: true })
        {
            if (Answered(state, text) is { } answered)
            {
                return answered;
            }

            // An emergency sign typed at any question is acted on at once, never left for later.
            var read = CaseSummaryParser.Parse(text);
            if (read.Answers.IsEmergency)
            {
                var answers = state.Answers with
                {
                    CaudaEquinaSigns = read.Answers.CaudaEquinaSigns == true ? true : state.Answers.CaudaEquinaSigns,
                    SepsisSigns = read.Answers.SepsisSigns == true ? true : state.Answers.SepsisSigns,
                };
                return Advance(state with { Answers = answers, Version = state.Version + 1, CaseFindings = [] });
            }

            return _faq.Search(text).Best is { } hit ? Resume(state, new ShowFaqAnswer(hit.Entry)) : Reprompt(state);
        }

        if (CaseSummaryParser.Parse(text).IsCase)
        {
            return Start(text);
        }

        var found = _faq.Search(text);
        return Say(state, found.Best is { } best ? new ShowFaqAnswer(best.Entry) : new ShowNotUnderstood(found.Suggestions));
    }

    /// <summary>The turn after an answer to the pending step, or null when the text or value does not answer it.</summary>
    private ConsultTurn? Answered(ConsultState state, string? value)
    {
        if (state.Pending == ConsultState.CaseStep)
        {
            return AnswerReader.YesNo(value) switch
            {
                // "No, that is not right": drop what was read and ask every question.
                false => Advance(state with { Answers = ClinicalAnswers.Empty, CaseFindings = [], Version = state.Version + 1 }),
                true => Advance(state with { CaseFindings = [], Version = state.Version + 1 }),
                null => null,
            };
        }

        var question = QuestionByKey(state.Pending);
        if (question is null)
        {
            // The pending question is gone (a new release renamed it): keep the answers and go on.
            return Advance(state);
        }

        var answers = AnswerReader.Read(question, value) is { } chosen ? state.Answers.With(question.Id, chosen) : null;
        return answers is null ? null : Advance(state with { Answers = answers, Version = state.Version + 1 });
    }

    private ConsultTurn ChangeAnswers(ConsultState? state, TurnInput input)
    {
        var click = input.Action;
        if (state is null || state.ConsultId.Length == 0)
        {
            return click?.ConsultId is null || (input.Conversation == ConversationKind.Personal && !click.Executed)
                ? Say(state, new SayNote(_options.NoConsultToChangeNote))
                : NotThisConsult(state, input);
        }

        if (click?.ConsultId is not null && click.ConsultId != state.ConsultId)
        {
            return NotThisConsult(state, input);
        }

        // The advice card the click came from shows that its answers are being changed.
        CardRecord? clicked = click is { Executed: true }
            ? CardAdvice(click) is { } shown ? new AdviceChanged(state.ConsultId, shown.Advice, shown.Answers, StillChanging: true) : new CardClosed(ClosedReason.OutOfDate)
            : null;
        if (clicked is not null && state.IsOpen)
        {
            // A second click: the answers are being changed already, on the quick form sent for the first.
            return new ConsultTurn(state, [], clicked);
        }

        var reopened = state with
        {
            Pending = _decision.NextQuestion(state.Answers)?.Key ?? _questions[0].Key,
            CaseFindings = [],
            Misses = 0,
            Version = state.Version + 1,
        };
        return new ConsultTurn(reopened, [QuickForm(reopened)], clicked);
    }

    private ConsultTurn OpenQuickForm(ConsultState? state, TurnInput input)
    {
        var click = input.Action;
        if (state is { IsOpen: true } && (click?.ConsultId is null || click.ConsultId == state.ConsultId))
        {
            // The question card the button was on stays as it is: its question is still open.
            return new ConsultTurn(state, [QuickForm(state)], click is { Executed: true } ? Ask(state, PromptReason.First) : null);
        }

        if (click?.ConsultId is not null && click.ConsultId != state?.ConsultId)
        {
            return NotThisConsult(state, input);
        }

        return click is { Executed: true }
            ? new ConsultTurn(state, [], new CardClosed(ClosedReason.OutOfDate))
            : Say(state, new SayNote(_options.StaleClickNote));
    }

    private ConsultTurn SubmitQuickForm(ConsultState? state, TurnInput input)
    {
        var submit = input.Action!;
        if (state is null || submit.ConsultId != state.ConsultId)
        {
            return NotThisConsult(state, input);
        }

        if (!state.IsOpen)
        {
            return submit.Executed
                ? new ConsultTurn(state, [], new QuickFormSent(state.ConsultId, _questions, state.Answers, Repeat: true))
                : Say(state, new SayNote(_options.AlreadyAnsweredNote));
        }

        // The form shows every question with its answer selected: what comes back is the whole set of answers.
        var answers = ClinicalAnswers.Empty;
        foreach (var question in _questions)
        {
            var chosen = AnswerReader.Read(question, submit.Field(question.Key));
            answers = answers.With(question.Id, chosen) ?? answers;
        }

        var turn = Advance(state with { Answers = answers, CaseFindings = [], Version = state.Version + 1 });
        return submit.Executed ? turn with { ClickedCard = new QuickFormSent(state.ConsultId, _questions, answers, Repeat: false) } : turn;
    }

    /// <summary>
    /// What an advice card shows now (Universal Actions' refresh, when the card is displayed): read only, nothing
    /// changes. Its own consult's clinician sees whether the answers are being changed or were changed since; anyone
    /// else (another clinician, or the same one after a newer consult) sees the card as it was sent, made again from
    /// the answers it carries.
    /// </summary>
    private ConsultTurn Refresh(ConsultState? state, CardAction click)
    {
        ConsultReply view;
        if (!string.Equals(click.Field(CardAction.GuidanceKey), _decision.Guidance.ContentVersion, StringComparison.Ordinal))
        {
            view = new CardClosed(ClosedReason.GuidanceChanged);
        }
        else if (click.ConsultId is not { } consultId || CardAdvice(click) is not { } shown)
        {
            view = new CardClosed(ClosedReason.OutOfDate);
        }
        else if (state is null || state.ConsultId != consultId)
        {
            view = new GiveAdvice(consultId, shown.Advice, shown.Answers);
        }
        else
        {
            view = !state.IsOpen && state.Answers == shown.Answers
                ? new GiveAdvice(consultId, shown.Advice, shown.Answers)
                : new AdviceChanged(consultId, shown.Advice, shown.Answers, StillChanging: state.IsOpen);
        }

        return new ConsultTurn(state, [], view);
    }

    /// <summary>The advice an advice card showed, from the answers it carries; null when they are not complete answers.</summary>
    private (ClinicalAnswers Answers, Advice Advice)? CardAdvice(CardAction click) =>
        AnswerLine.Read(click.Field(CardAction.AnswersKey), _questions) is { } answers && _decision.NextQuestion(answers) is null
            ? (answers, _decision.Decide(answers))
            : null;

    private ConsultTurn Advance(ConsultState state)
    {
        var next = _decision.NextQuestion(state.Answers);
        if (next is null)
        {
            var done = state with { Pending = null, Misses = 0 };
            return new ConsultTurn(done, [new GiveAdvice(done.ConsultId, _decision.Decide(done.Answers), done.Answers)]);
        }

        var asking = state with { Pending = next.Key, Misses = 0, Asked = state.Asked + 1 };
        return new ConsultTurn(asking, [Ask(asking, PromptReason.First)]);
    }

    private ConsultTurn Reprompt(ConsultState state)
    {
        var missed = state with { Misses = state.Misses + 1 };
        return new ConsultTurn(missed, [Ask(missed, PromptReason.Reprompt)]);
    }

    /// <summary>Says something, then asks the pending question again when a consult is open.</summary>
    private ConsultTurn Resume(ConsultState? state, ConsultReply reply) =>
        state is { IsOpen: true } ? new ConsultTurn(state, [reply, Ask(state, PromptReason.Resume)]) : Say(state, reply);

    private static ConsultTurn Say(ConsultState? state, ConsultReply reply) => new(state, [reply]);

    private ConsultReply Ask(ConsultState state, PromptReason reason)
    {
        if (state.Pending == ConsultState.CaseStep)
        {
            return new ConfirmCase(state.ConsultId, state.CaseFindings, reason);
        }

        var question = QuestionByKey(state.Pending) ?? _questions[0];
        return new AskQuestion(state.ConsultId, question, Math.Max(state.Asked, 1), reason, OfferQuickForm: state.Misses >= _options.MissesBeforeQuickForm);
    }

    private ShowQuickForm QuickForm(ConsultState state) => new(state.ConsultId, _questions, state.Answers);

    private IntakeQuestion? QuestionByKey(string? key) => _questions.FirstOrDefault(question => question.Key == key);

    private FaqEntry? FaqById(string? faqId) =>
        faqId is null ? null : _decision.Guidance.Faq.FirstOrDefault(entry => string.Equals(entry.Id, faqId, StringComparison.Ordinal));
}
