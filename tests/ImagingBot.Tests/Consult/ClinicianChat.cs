using ImagingBot.Bots;
using ImagingBot.Dialogs;
using ImagingBot.Dialogs.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using ImagingBot.Tests.Dialogs;
using ImagingBot.Tests.Dialogs.Consult;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// The real bot class (ImagingBotActivityHandler with the real ConsultDialog, decision and FAQ search) in a
/// TestFlow, with the plain-text cards so each reply reads as one line: "[consultId/questionId] question",
/// "Routine: study (category) [consultId]", "help", "faq: question".
/// </summary>
internal static class ClinicianChat
{
    public static readonly GuidanceDocument Guidance = GuidanceLoader.LoadDefault();

    public static ImagingBotActivityHandler Bot(IStorage storage, params string[] consultIds) =>
        Bot(storage, new TextConsultCards(), consultIds);

    public static ImagingBotActivityHandler Bot(IStorage storage, IConsultCards cards, params string[] consultIds)
    {
        var state = new ChangeTrackedConversationState(storage);
        var decision = new ImagingDecision(Guidance);
        var faq = new FaqSearch(Guidance);
        var consult = new ConsultDialog(state, Guidance, decision, faq, cards, new WaterfallOptions { NewConsultId = ToyFlow.Ids(consultIds) });
        return new ImagingBotActivityHandler(state, consult, faq, new FaqSearchExtension(Guidance, faq, cards.FaqAnswerAttachment), cards);
    }

    /// <summary>A chat with the bot; consults get the ids c1, c2, c3 in turn.</summary>
    public static TestFlow Open(IStorage? storage = null, TestAdapter? adapter = null) =>
        new(adapter ?? new TestAdapter(), Bot(storage ?? new MemoryStorage(), "c1", "c2", "c3"));

    /// <summary>A button click as Teams, the Emulator and the Playground deliver it: the card's data in Value, no text.</summary>
    public static Activity Click(JObject data) => new() { Type = ActivityTypes.Message, Value = data };

    public static Activity Answer(string consultId, string questionId, string value) =>
        Click(new JObject { ["action"] = "answer", ["consultId"] = consultId, ["questionId"] = questionId, ["value"] = value });

    public static TestFlow Asks(this TestFlow flow, string consultId, string questionId) =>
        flow.AssertReply(reply => Assert.StartsWith($"[{consultId}/{questionId}]", Text(reply), StringComparison.Ordinal));

    public static TestFlow Says(this TestFlow flow, string expected) =>
        flow.AssertReply(reply => Assert.Equal(expected, Text(reply)));

    public static TestFlow SaysSomething(this TestFlow flow, string part) =>
        flow.AssertReply(reply => Assert.Contains(part, Text(reply), StringComparison.Ordinal));

    public static string Text(IActivity reply) => reply.AsMessageActivity()?.Text ?? string.Empty;
}
