using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Dialogs;

/// <summary>
/// The data of an Action.Submit click on one of our question cards. Teams, the Emulator and the
/// Agents Playground deliver it in <c>activity.Value</c> with empty text.
/// Answer buttons carry <c>consultId</c> and <c>questionId</c> so that a click on an older card
/// or a second click on the same button can be recognised and ignored.
/// </summary>
public sealed record CardSubmit(string ConsultId, string QuestionId, string? Answer, JObject Data)
{
    public const string ConsultIdKey = "consultId";
    public const string QuestionIdKey = "questionId";
    public const string AnswerKey = "answer";

    /// <summary>The submit data when the message is a click on a question card, else null.</summary>
    public static CardSubmit? From(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var data = activity.Value switch
        {
            null => null,
            JObject json => json,
            string text => TryParse(text),
            var other => JToken.FromObject(other) as JObject,
        };

        var consultId = Text(data, ConsultIdKey);
        var questionId = Text(data, QuestionIdKey);
        return data is null || consultId is null || questionId is null
            ? null
            : new CardSubmit(consultId, questionId, Text(data, AnswerKey), data);
    }

    private static string? Text(JObject? data, string key) =>
        data?[key] is JValue { Value: not null } value ? Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static JObject? TryParse(string text)
    {
        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return null;
        }
    }
}
