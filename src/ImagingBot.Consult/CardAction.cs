namespace ImagingBot.Consult;

/// <summary>
/// The data of a click on one of our cards (cards/README.md): its action, the consult and question it belongs to,
/// the answer value, and every other submitted field (the quick form's inputs, an FAQ id). Whether the channel sent
/// the data as an object or as a JSON string is recorded, and changes nothing. <paramref name="Executed"/>: the click
/// came as a Universal Action (Action.Execute, Teams' <c>adaptiveCard/action</c> invoke), so the clicked card is
/// replaced in place by what the turn says (<see cref="ConsultTurn.ClickedCard"/>); an Action.Submit click leaves
/// its card as it is.
/// </summary>
public sealed record CardAction(
    string Name,
    string? ConsultId,
    string? QuestionId,
    string? Value,
    IReadOnlyDictionary<string, string> Fields,
    bool SentAsJsonString = false,
    bool Executed = false)
{
    public const string ActionKey = "action";
    public const string ConsultIdKey = "consultId";
    public const string QuestionIdKey = "questionId";
    public const string ValueKey = "value";
    public const string FaqIdKey = "faqId";

    /// <summary>The answers a recommendation card was given for, as a line of question keys and option values (<see cref="AnswerLine"/>).</summary>
    public const string AnswersKey = "answers";

    /// <summary>The guidance content version a recommendation card was made with.</summary>
    public const string GuidanceKey = "guidance";

    public string? Field(string key) => Fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
