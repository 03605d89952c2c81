using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Dialogs;

/// <summary>Steps of a toy conversation, so each test reads like the conversation.</summary>
internal static class ToyFlow
{
    public const string Fever = "Has the patient had a fever?";
    public const string Cancer = "Any history of cancer?";
    public const string Steroids = "Long-term steroids?";

    /// <summary>Consult ids handed out in order, so a test knows which id each card carries.</summary>
    public static Func<string> Ids(params string[] ids)
    {
        var queue = new Queue<string>(ids);
        return () => queue.Dequeue();
    }

    /// <summary>An Action.Submit click as the channels deliver it: the data in Value, no text.</summary>
    public static Activity Click(string consultId, string questionId, string answer) => new()
    {
        Type = ActivityTypes.Message,
        Value = new JObject { ["action"] = "answer", ["consultId"] = consultId, ["questionId"] = questionId, ["value"] = answer },
    };

    public static Activity QuickForm(string consultId, string fever, string cancer) => new()
    {
        Type = ActivityTypes.Message,
        Value = new JObject { ["action"] = ToyIntakeBot.QuickFormId, ["consultId"] = consultId, ["fever"] = fever, ["cancer"] = cancer },
    };

    /// <summary>The reply is the question card: its text and the ids its buttons carry.</summary>
    public static TestFlow AssertQuestion(this TestFlow flow, string text, string consultId, string? questionId) =>
        flow.AssertReply(reply =>
        {
            var message = reply.AsMessageActivity();
            Assert.Equal(text, message.Text);
            var card = JObject.FromObject(Assert.Single(message.Attachments).Content);
            Assert.Equal("application/vnd.microsoft.card.adaptive", message.Attachments[0].ContentType);
            Assert.Contains(text, card.ToString(), StringComparison.Ordinal);
            foreach (var action in card["actions"]!)
            {
                Assert.Equal(consultId, (string?)action["data"]!["consultId"]);
                Assert.Equal(questionId, (string?)action["data"]!["questionId"]);
            }
        });

    /// <summary>The first button's consult id, for tests that let the engine make real ids.</summary>
    public static TestFlow CaptureConsultId(this TestFlow flow, List<string> into) =>
        flow.AssertReply(reply =>
        {
            var card = JObject.FromObject(reply.AsMessageActivity().Attachments[0].Content);
            into.Add((string)card["actions"]![0]!["data"]!["consultId"]!);
        });
}
