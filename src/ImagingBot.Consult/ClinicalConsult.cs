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

        var oneLineCase = string.Empty;
        var action = input.Action;
        var command = action is not null ? ConsultCommands.FromAction(action.Name) : ConsultCommands.FromText(input.Text, out oneLineCase);
        return command switch
        {
            ConsultCommand.Start => Start(oneLineCase),
            ConsultCommand.Help => Resume(state, new ShowHelp()),
            ConsultCommand.FaqList => Resume(state, new ShowFaqList()),
            ConsultCommand.Faq => Resume(state, FaqById(action?.Field(CardAction.FaqIdKey)) is { } entry ? new ShowFaqAnswer(entry) : new ShowFaqList()),
            ConsultCommand.Cancel => state is { IsOpen: true }
                ? new ConsultTurn(null, [new SayNote(_options.CancelledNote)])
                : Say(state, new SayNote(_options.NoConsultToCancelNote)),
            ConsultCommand.ChangeAnswers => ChangeAnswers(state, action?.ConsultId),
            ConsultCommand.OpenQuickForm => state is { IsOpen: true } && (action?.ConsultId is null || action.ConsultId == state.ConsultId)
                ? Say(state, QuickForm(state))
                : Say(state, new SayNote(_options.StaleClickNote)),
            ConsultCommand.SubmitQuickForm => SubmitQuickForm(state, action!),
            ConsultCommand.Answer => Clicked(state, action!),
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

    private ConsultTurn Clicked(ConsultState? state, CardAction click)
    {
        if (state is { IsOpen: true } && click.ConsultId == state.ConsultId && click.QuestionId == state.Pending
            && Answered(state, click.Value) is { } answered)
        {
            return answered;
        }

        var sameConsult = state is not null && click.ConsultId == state.ConsultId;
        var alreadyAnswered = sameConsult && (click.QuestionId == ConsultState.CaseStep
            || (QuestionByKey(click.QuestionId) is { } question && state!.Answers.IsAnswered(question.Id)));
        if (sameConsult && state!.IsOpen && !alreadyAnswered)
        {
            // A button of this consult whose value is not one of the question's answers.
            return Reprompt(state);
        }

        return Say(state, new SayNote(alreadyAnswered ? _options.AlreadyAnsweredNote : _options.StaleClickNote));
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

    private ConsultTurn ChangeAnswers(ConsultState? state, string? consultId)
    {
        if (state is null || state.ConsultId.Length == 0)
        {
            return Say(state, new SayNote(_options.NoConsultToChangeNote));
        }

        if (consultId is not null && consultId != state.ConsultId)
        {
            return Say(state, new SayNote(_options.StaleClickNote));
        }

        var reopened = state with
        {
            Pending = _decision.NextQuestion(state.Answers)?.Key ?? _questions[0].Key,
            CaseFindings = [],
            Misses = 0,
            Version = state.Version + 1,
        };
        return new ConsultTurn(reopened, [QuickForm(reopened)]);
    }

    private ConsultTurn SubmitQuickForm(ConsultState? state, CardAction submit)
    {
        if (state is null || submit.ConsultId != state.ConsultId)
        {
            return Say(state, new SayNote(_options.StaleClickNote));
        }

        if (!state.IsOpen)
        {
            return Say(state, new SayNote(_options.AlreadyAnsweredNote));
        }

        // The form shows every question with its answer selected: what comes back is the whole set of answers.
        var answers = ClinicalAnswers.Empty;
        foreach (var question in _questions)
        {
            var chosen = AnswerReader.Read(question, submit.Field(question.Key));
            answers = answers.With(question.Id, chosen) ?? answers;
        }

        return Advance(state with { Answers = answers, CaseFindings = [], Version = state.Version + 1 });
    }

    private ConsultTurn Advance(ConsultState state)
    {
        var next = _decision.NextQuestion(state.Answers);
        if (next is null)
        {
            var done = state with { Pending = null, Misses = 0 };
            return new ConsultTurn(done, [new GiveAdvice(done.ConsultId, _decision.Decide(done.Answers))]);
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
