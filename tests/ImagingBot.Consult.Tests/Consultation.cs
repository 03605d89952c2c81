using ImagingBot.Guidance;

namespace ImagingBot.Consult.Tests;

/// <summary>
/// One conversation with the pure consult, as the bot layer runs it: the state of each turn is the next turn's input.
/// Consult ids are c1, c2, ... so that a test can click a card of an earlier consult.
/// </summary>
public sealed class Consultation
{
    private static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();
    private static readonly ImagingDecision Decision = new(Guidance);
    private static readonly FaqSearch Faq = new(Guidance);

    private readonly ClinicalConsult _consult;
    private readonly ConversationKind _conversation;
    private int _ids;

    /// <param name="conversation">Where the consult runs; in a group chat or channel each clinician has a Consultation of their own.</param>
    /// <param name="firstId">The number of this chat's first consult id (c1 by default), so that two clinicians' ids differ.</param>
    public Consultation(ConversationKind conversation = ConversationKind.Personal, int firstId = 1)
    {
        _conversation = conversation;
        _ids = firstId - 1;
        _consult = new ClinicalConsult(Decision, Faq, new ConsultOptions { NewConsultId = () => "c" + (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    public static GuidanceDocument Data => Guidance;

    public ConsultState? State { get; private set; }

    public IReadOnlyList<ConsultReply> Replies { get; private set; } = [];

    /// <summary>What the last clicked card shows now (a click sent as a Universal Action), or null.</summary>
    public ConsultReply? ClickedCard { get; private set; }

    public Consultation Type(string text) => Turn(TurnInput.Typed(text, conversation: _conversation));

    /// <summary>A button of a card sent as Action.Submit: the card stays as it is.</summary>
    public Consultation Click(string action, string? consultId = null, string? questionId = null, string? value = null, params (string Key, string Value)[] fields) =>
        Press(executed: false, action, consultId, questionId, value, fields);

    /// <summary>The same button sent as Action.Execute (Teams, the Agents Playground): the turn also says what the card becomes.</summary>
    public Consultation Execute(string action, string? consultId = null, string? questionId = null, string? value = null, params (string Key, string Value)[] fields) =>
        Press(executed: true, action, consultId, questionId, value, fields);

    /// <summary>Executes an answer button of the question now asked.</summary>
    public Consultation ExecuteAnswer(string value)
    {
        var asked = Asked ?? throw new InvalidOperationException("No question is asked.");
        return Execute("answer", asked.ConsultId, asked.Question.Key, value);
    }

    /// <summary>Clicks an answer button of the question now asked.</summary>
    public Consultation Answer(string value)
    {
        var asked = Asked ?? throw new InvalidOperationException("No question is asked.");
        return Click("answer", asked.ConsultId, asked.Question.Key, value);
    }

    public AskQuestion? Asked => Replies.OfType<AskQuestion>().LastOrDefault();

    public Advice? Advice => Replies.OfType<GiveAdvice>().SingleOrDefault()?.Advice;

    public Recommendation Recommendation => Assert.IsType<Recommendation>(Advice);

    public Consultation Turn(TurnInput input)
    {
        var turn = _consult.Next(State, input);
        State = turn.State;
        Replies = turn.Replies;
        ClickedCard = turn.ClickedCard;
        return this;
    }

    private Consultation Press(bool executed, string action, string? consultId, string? questionId, string? value, (string Key, string Value)[] fields)
    {
        var all = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        all[CardAction.ActionKey] = action;
        return Turn(TurnInput.Clicked(new CardAction(action, consultId, questionId, value, all, Executed: executed), conversation: _conversation));
    }

    /// <summary>Asserts that the last question asked has this key (and this consult id).</summary>
    public Consultation Asks(string questionKey, string consultId = "c1")
    {
        var asked = Assert.IsType<AskQuestion>(Replies[^1]);
        Assert.Equal(questionKey, asked.Question.Key);
        Assert.Equal(consultId, asked.ConsultId);
        return this;
    }
}
