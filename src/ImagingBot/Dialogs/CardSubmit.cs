using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Dialogs;

/// <summary>
/// The data of an Action.Submit click on one of our cards. Teams, the Emulator and the Agents
/// Playground deliver it in <c>activity.Value</c> with empty text. Answer buttons carry
/// <c>consultId</c> and <c>questionId</c> (and the answer in <c>value</c>), the quick form carries
/// <c>consultId</c> and its <c>action</c>, so a click on an older card or a second click on the same
/// button can be recognised and ignored. The key names are those of the templates in cards/.
/// </summary>
public sealed record CardSubmit(string ConsultId, string? QuestionId, string? Action, string? Answer, JObject Data)
{
    public const string ConsultIdKey = "consultId";
    public const string QuestionIdKey = "questionId";
    public const string ActionKey = "action";
    public const string AnswerKey = "value";

    /// <summary>The submit data when the message is a click on a card that names a consult, else null.</summary>
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
        return data is null || consultId is null
            ? null
            : new CardSubmit(consultId, Text(data, QuestionIdKey), Text(data, ActionKey), Text(data, AnswerKey), data);
    }

    /// <summary>A submitted field as text (a boolean reads "True"/"False"), or null when absent or empty.</summary>
    public static string? Text(JObject? data, string key) =>
        data?[key] is JValue { Value: not null } value
            ? Convert.ToString(value.Value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null
            : null;

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
