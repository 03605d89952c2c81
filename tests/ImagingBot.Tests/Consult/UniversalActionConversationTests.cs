using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.State;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using static ImagingBot.Tests.Consult.ClinicianChat;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// Universal Actions through the real bot class in a TestFlow: each click is an <c>adaptiveCard/action</c> invoke as
/// Teams sends it (<c>value.action</c> = the Action.Execute with its verb and data, <c>value.trigger</c>), the turn's
/// new messages come first and the invoke response last, with the card that replaces the clicked one in place (read
/// here as the plain-text cards' line).
/// </summary>
public class UniversalActionConversationTests
{
    private static readonly string Guidance = ClinicianChat.Guidance.ContentVersion;

    /// <summary>An Action.Execute click (or, with trigger "automatic", a refresh), as Teams puts it on the wire.</summary>
    public static Activity Execute(string verb, JObject data, string trigger = "manual", ChannelAccount? from = null) => new()
    {
        Type = ActivityTypes.Invoke,
        Name = "adaptiveCard/action",
        From = from,
        Value = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["id"] = string.Empty, ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
        },
    };

    public static Activity ExecuteAnswer(string consultId, string questionId, string value, ChannelAccount? from = null) =>
        Execute("answer", new JObject { ["action"] = "answer", ["consultId"] = consultId, ["questionId"] = questionId, ["value"] = value }, from: from);

    private static Activity Refresh(string consultId, ClinicalAnswers answers, ChannelAccount? from = null) =>
        Execute("refresh", new JObject { ["action"] = "refresh", ["consultId"] = consultId, ["answers"] = Codes(answers), ["guidance"] = Guidance }, "automatic", from);

    private static string Codes(ClinicalAnswers answers) => AnswerLine.Write(answers, ClinicianChat.Guidance.Questions);

    private static readonly ClinicalAnswers CaudaEquina = new(CaudaEquinaSigns: true);

    [Fact]
    public async Task An_answer_replaces_its_card_in_place_and_the_next_question_comes_as_a_new_message()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(ExecuteAnswer("c1", "caudaEquina", "no")).Asks("c1", "sepsis")
            .InPlace(line => Assert.StartsWith("[c1/caudaEquina] answered: ", line, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_double_click_gets_the_recorded_answer_back_and_records_one_answer()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(ExecuteAnswer("c1", "caudaEquina", "no")).Asks("c1", "sepsis").InPlace(_ => { })
            .Send(ExecuteAnswer("c1", "caudaEquina", "no"))
            .InPlace(line => Assert.EndsWith("(again)", line, StringComparison.Ordinal))       // no new message before it
            .Send(ExecuteAnswer("c1", "caudaEquina", "yes"))
            .InPlace(line => Assert.Contains("answered: No", line, StringComparison.Ordinal))  // the first answer stays
            .Send(ExecuteAnswer("c1", "sepsis", "no")).Asks("c1", "age").InPlace(_ => { })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_stale_click_on_an_earlier_consults_card_gets_that_card_closed_and_changes_nothing()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send("start").Asks("c2", "caudaEquina")
            .Send(ExecuteAnswer("c1", "caudaEquina", "yes")).InPlace(line => Assert.Equal("closed: EarlierConsult", line))
            .Send(ExecuteAnswer("c2", "caudaEquina", "no")).Asks("c2", "sepsis").InPlace(_ => { })   // c2 was not answered "yes"
            .StartTestAsync();
    }

    [Fact]
    public async Task After_change_an_answer_the_refreshed_recommendation_shows_it_is_being_changed_then_replaced()
    {
        await Open()
            .Send("start").Asks("c1", "caudaEquina")
            .Send(ExecuteAnswer("c1", "caudaEquina", "yes")).Advises(4, Urgency.Emergent).InPlace(_ => { })
            .Send(Refresh("c1", CaudaEquina)).InPlace(line => Assert.StartsWith("Variant 4, Emergent: ", line, StringComparison.Ordinal))
            .Send(Execute("change", new JObject { ["action"] = "change", ["consultId"] = "c1", ["answers"] = Codes(CaudaEquina) }))
            .SaysSomething("[c1] quick form: caudaEquina=yes")
            .InPlace(line => Assert.StartsWith("[c1] advice changing: Variant 4", line, StringComparison.Ordinal))
            .Send(Refresh("c1", CaudaEquina)).InPlace(line => Assert.StartsWith("[c1] advice changing: ", line, StringComparison.Ordinal))
            .Send(Execute("quickform", QuickFormData("c1", Support.TestPatients.Patient())))
            .Advises(1, Urgency.Routine)
            .InPlace(line => Assert.StartsWith("[c1] quick form sent: caudaEquina=no", line, StringComparison.Ordinal))
            .Send(Refresh("c1", CaudaEquina)).InPlace(line => Assert.StartsWith("[c1] advice replaced: Variant 4", line, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task In_a_group_chat_a_second_clinicians_click_on_the_firsts_card_starts_their_own_consult()
    {
        var adapter = GroupChat();
        var first = new ChannelAccount("29:first-clinician", "Dr First");
        var second = new ChannelAccount("29:second-clinician", "Dr Second");
        await new TestFlow(adapter, Bot(new ConcurrentMemoryStorage(TimeSpan.FromHours(1))))
            .Send(Typed("start", first)).Asks("c1", "caudaEquina")
            // The second clinician answers the first one's emergency screen: their own consult starts, nothing is recorded on c1.
            .Send(ExecuteAnswer("c1", "caudaEquina", "yes", second)).Asks("c2", "caudaEquina")
            .InPlace(line => Assert.Equal("closed: AnotherConsult", line))
            .Send(ExecuteAnswer("c1", "caudaEquina", "no", first)).Asks("c1", "sepsis").InPlace(_ => { })
            .Send(ExecuteAnswer("c2", "caudaEquina", "yes", second)).Advises(4, Urgency.Emergent, "c2").InPlace(_ => { })
            // Each refresh shows the clinician's own view: c2's advice is current for the second, as sent for the first.
            .Send(Refresh("c2", CaudaEquina, second)).InPlace(line => Assert.StartsWith("Variant 4, Emergent: ", line, StringComparison.Ordinal))
            .Send(Refresh("c2", CaudaEquina, first)).InPlace(line => Assert.StartsWith("Variant 4, Emergent: ", line, StringComparison.Ordinal))
            .Send(ExecuteAnswer("c1", "sepsis", "no", first)).Asks("c1", "age").InPlace(_ => { })
            .StartTestAsync();
    }

    [Fact]
    public async Task An_invoke_whose_data_is_not_one_of_our_cards_gets_a_clear_error_and_changes_nothing()
    {
        await Open()
            .Send(Execute("somethingElse", new JObject { ["ticket"] = 42 }))
            .AssertReply(reply =>
            {
                var response = reply.AsInvokeResponse() ?? throw new Xunit.Sdk.XunitException($"{reply.Type} {((Activity)reply).Value?.GetType()} {ClinicianChat.Text(reply)}");
                var body = JObject.FromObject(response.Body);
                Assert.Equal(400, (int)body["statusCode"]!);
                Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
            })
            .StartTestAsync();
    }

    private static JObject QuickFormData(string consultId, IReadOnlyDictionary<string, string> answers)
    {
        var data = new JObject { ["action"] = "quickform", ["consultId"] = consultId };
        foreach (var (key, value) in answers)
        {
            data[key] = value;
        }

        return data;
    }

    private static TestAdapter GroupChat()
    {
        var adapter = new TestAdapter();
        adapter.Conversation.Conversation.ConversationType = "groupChat";
        adapter.Conversation.Conversation.IsGroup = true;
        return adapter;
    }

    private static Activity Typed(string text, ChannelAccount from) => new() { Type = ActivityTypes.Message, Text = text, From = from };
}

/// <summary>The invoke response of a Universal Action in a TestFlow.</summary>
internal static class InvokeResponses
{
    public static InvokeResponse? AsInvokeResponse(this IActivity reply) =>
        reply.Type == ActivityTypesEx.InvokeResponse ? ((Activity)reply).Value as InvokeResponse : null;

    /// <summary>The invoke response: status 200, an Adaptive Card that replaces the clicked one; <paramref name="assert"/> reads its line.</summary>
    public static TestFlow InPlace(this TestFlow flow, Action<string> assert) =>
        flow.AssertReply(reply =>
        {
            var response = reply.AsInvokeResponse() ?? throw new Xunit.Sdk.XunitException($"Expected the invoke response, got a {reply.Type}: {ClinicianChat.Text(reply)}");
            Assert.Equal(200, response.Status);
            var body = Assert.IsType<AdaptiveCardInvokeResponse>(response.Body);
            Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), (body.StatusCode, body.Type));
            assert(TextConsultCards.LineOf(body.Value));
        });
}
