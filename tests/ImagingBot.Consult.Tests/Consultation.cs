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
    private int _ids;

    public Consultation() =>
        _consult = new ClinicalConsult(Decision, Faq, new ConsultOptions { NewConsultId = () => "c" + (++_ids).ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static GuidanceDocument Data => Guidance;

    public ConsultState? State { get; private set; }

    public IReadOnlyList<ConsultReply> Replies { get; private set; } = [];

    public Consultation Type(string text) => Turn(TurnInput.Typed(text));

    public Consultation Click(string action, string? consultId = null, string? questionId = null, string? value = null, params (string Key, string Value)[] fields)
    {
        var all = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        all[CardAction.ActionKey] = action;
        return Turn(TurnInput.Clicked(new CardAction(action, consultId, questionId, value, all)));
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
        return this;
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
