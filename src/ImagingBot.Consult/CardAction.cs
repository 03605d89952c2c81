namespace ImagingBot.Consult;

/// <summary>
/// The data of a click on one of our cards (cards/README.md): its action, the consult and question it belongs to,
/// the answer value, and every other submitted field (the quick form's inputs, an FAQ id). Whether the channel sent
/// the data as an object or as a JSON string is recorded, and changes nothing.
/// </summary>
public sealed record CardAction(
    string Name,
    string? ConsultId,
    string? QuestionId,
    string? Value,
    IReadOnlyDictionary<string, string> Fields,
    bool SentAsJsonString = false)
{
    public const string ActionKey = "action";
    public const string ConsultIdKey = "consultId";
    public const string QuestionIdKey = "questionId";
    public const string ValueKey = "value";
    public const string FaqIdKey = "faqId";

    public string? Field(string key) => Fields.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
