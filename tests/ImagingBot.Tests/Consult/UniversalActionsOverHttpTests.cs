using System.Text.Json.Nodes;
using ImagingBot.Bots;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Tests.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using static ImagingBot.Tests.Support.TestPatients;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// Universal Actions through the real app over HTTP, as Teams sends them: messages without expectReplies, the bot's
/// messages to a fake Bot Connector, each click an <c>adaptiveCard/action</c> invoke whose HTTP response is the card
/// that replaces the clicked one. Cards are found by what their buttons send, never by their wording.
/// </summary>
[Collection(SharedRedisDefinition.Name)]
public sealed class UniversalActionsOverHttpTests(SharedRedis redis, WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IAsyncLifetime
{
    private static readonly GuidanceDocument Guidance = ClinicianChat.Guidance;
    private static readonly ImagingDecision Decision = new(Guidance);
    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task A_whole_consult_by_universal_actions_replaces_each_answered_card_in_place_and_refreshes_the_advice()
    {
        using var client = factory.CreateClient();
        var chat = new TeamsChat(client, _channel, NewConversation());
        var patient = Patient(("cancer", "yes"));
        await chat.SayAsync("start");

        var recorded = ClinicalAnswers.Empty;
        for (var step = 0; chat.AskedQuestionId is { } questionId; step++)
        {
            Assert.True(step < Guidance.Questions.Count, "the consult never ended");
            Assert.Empty(TeamsChat.Actions(chat.NewestCard, "Action.Submit"));     // Teams gets Universal Actions only
            var question = Guidance.Questions.Single(q => q.Key == questionId);

            var clicked = TeamsChat.CardOf(await chat.ExecuteAsync(chat.Answer(patient[questionId])));

            // The answered card: the question and the answer kept, and no live button.
            Assert.Empty(TeamsChat.Actions(clicked, "Action.Execute").Concat(TeamsChat.Actions(clicked, "Action.Submit")));
            Assert.Contains(question.Title, clicked.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains(CardSentence(question.Option(patient[questionId])!.Label), clicked.ToJsonString(), StringComparison.Ordinal);
            Assert.Single(chat.Replies);                                          // the next question or the advice, as a new message
            recorded = recorded.With(question.Id, patient[questionId])!;
        }

        var advice = chat.NewestCard;
        var refresh = advice["refresh"]!.AsObject();
        Assert.Equal([chat.UserId], refresh["userIds"]!.AsArray().Select(id => (string?)id));
        Assert.Equal("refresh", (string?)refresh["action"]!["verb"]);
        Assert.Equal(Decision.Decide(recorded), Decision.Decide(AnswerLine.Read((string?)refresh["action"]!["data"]!["answers"], Guidance.Questions)!));

        // Teams refreshes the card when it is shown: the same card comes back.
        var refreshed = TeamsChat.CardOf(await chat.ExecuteAsync(refresh["action"]!.AsObject(), trigger: "automatic"));
        Assert.True(JsonNode.DeepEquals(advice, refreshed), refreshed.ToJsonString());
        Assert.Empty(chat.Replies);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Teams_drives_a_consult_with_the_mention_typed_answers_and_universal_actions(string conversationType)
    {
        using var client = factory.CreateClient();
        var chat = new TeamsChat(client, _channel, NewConversation(), conversationType);

        await chat.SayAsync("start");   // "<at>ImagingBot</at> start" with the mention entity outside personal chats
        Assert.Equal("caudaEquina", chat.AskedQuestionId);
        await chat.ExecuteAsync(chat.Answer("no"));
        Assert.Equal("sepsis", chat.AskedQuestionId);
        await chat.SayAsync("nope");
        Assert.Equal("age", chat.AskedQuestionId);
        await chat.SayAsync("help");
        Assert.Equal("age", chat.AskedQuestionId);   // asked again after the help card
        var patient = Patient(("infection", "yes"));
        var recorded = new ClinicalAnswers(CaudaEquinaSigns: false, SepsisSigns: false);
        for (var step = 0; chat.AskedQuestionId is { } key; step++)
        {
            Assert.True(step < Guidance.Questions.Count, "the consult never ended");
            await chat.ExecuteAsync(chat.Answer(patient[key]));
            recorded = recorded.With(Guidance.Questions.Single(q => q.Key == key).Id, patient[key])!;
        }

        var advice = Assert.IsType<Recommendation>(Decision.Decide(recorded));
        var card = BotReplies.Card(Assert.Single(chat.Replies))!.ToJsonString();
        Assert.Contains($"ACR variant {advice.Variant}", card, StringComparison.Ordinal);
        Assert.Contains(advice.FirstLine[0].Procedure.Name, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_click_sent_in_parallel_records_one_answer_and_every_click_gets_a_card_back()
    {
        using var client = factory.CreateClient();
        var chat = new TeamsChat(client, _channel, NewConversation());
        await chat.SayAsync("start");
        var no = chat.Answer("no");
        var before = _channel.Replies.Count;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => chat.ExecuteAsync(no)));

        var cards = responses.Select(TeamsChat.CardOf).ToList();
        Assert.All(cards, card => Assert.Empty(TeamsChat.Actions(card, "Action.Execute")));
        Assert.Equal(3, cards.Count(card => card.ToJsonString().Contains(RecordSecondClick, StringComparison.Ordinal)));
        var sent = _channel.Replies.Skip(before).Select(BotReplies.Card).OfType<JsonObject>().ToList();
        Assert.Equal("sepsis", Assert.Single(sent.SelectMany(card => TeamsChat.Actions(card, "Action.Execute")).Select(a => (string?)a["data"]!["questionId"]).Distinct()));
    }

    [Fact]
    public async Task A_stale_click_on_an_earlier_consults_card_gets_that_card_closed_and_changes_nothing()
    {
        using var client = factory.CreateClient();
        var chat = new TeamsChat(client, _channel, NewConversation());
        await chat.SayAsync("start");
        var oldYes = chat.Answer("yes");
        await chat.SayAsync("start");
        var current = chat.Answer("no");

        var closed = TeamsChat.CardOf(await chat.ExecuteAsync(oldYes));

        Assert.Contains("earlier consult", closed.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(TeamsChat.Actions(closed, "Action.Execute"));
        Assert.Empty(chat.Replies);
        await chat.ExecuteAsync(current);
        Assert.Equal("sepsis", chat.AskedQuestionId);   // the new consult was not answered "yes" by the old card
    }

    [Fact]
    public async Task After_change_an_answer_the_recommendation_refreshes_to_being_changed_then_replaced_by_the_new_advice()
    {
        using var client = factory.CreateClient();
        var chat = new TeamsChat(client, _channel, NewConversation());
        await chat.SayAsync("start");
        await chat.ExecuteAsync(chat.Answer("yes"));                               // cauda equina: the emergent advice at once
        var advice = chat.NewestCard;
        var refresh = advice["refresh"]!["action"]!.AsObject();
        var change = TeamsChat.ExecuteAction(advice, data => (string?)data["action"] == "change")!;

        var changing = TeamsChat.CardOf(await chat.ExecuteAsync(change));
        Assert.Contains("being changed", changing.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(changing["refresh"]);
        var form = chat.NewestCard;
        Assert.Contains(form["body"]!.AsArray().SelectMany(item => item!["items"]?.AsArray() ?? []), item => (string?)item!["type"] == "Input.ChoiceSet");
        Assert.Contains("being changed", TeamsChat.CardOf(await chat.ExecuteAsync(refresh, "automatic")).ToJsonString(), StringComparison.Ordinal);

        // The quick form by Action.Execute: Teams merges the inputs into the action's data.
        var submit = TeamsChat.ExecuteAction(form, data => (string?)data["action"] == "quickform")!;
        var sent = TeamsChat.CardOf(await chat.ExecuteAsync(submit, inputs: Patient()));
        Assert.Contains("Quick form sent", sent.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("1", (string?)BotReplies.Card(Assert.Single(chat.Replies))!.ToJsonString().Split("ACR variant ")[1][..1]);

        var replaced = TeamsChat.CardOf(await chat.ExecuteAsync(refresh, "automatic"));
        Assert.Contains("Replaced by newer advice", replaced.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(TeamsChat.Actions(replaced["body"]!, "Action.Execute"));
    }

    [Fact]
    public async Task In_a_group_chat_on_two_instances_each_clinician_has_their_own_consult_and_anothers_card_never_answers_it()
    {
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instanceA = factory.Instance(redis.Endpoint, keyPrefix);
        using var instanceB = factory.Instance(redis.Endpoint, keyPrefix);
        var conversation = NewConversation();
        var first = new TeamsChat(instanceA.CreateClient(), _channel, conversation, "groupChat", "29:first-clinician");
        var second = new TeamsChat(instanceB.CreateClient(), _channel, conversation, "groupChat", "29:second-clinician");

        await first.SayAsync("start");
        var firstsScreen = first.Answer("yes");

        // The second clinician clicks "yes" on the first one's emergency screen: their own consult starts instead.
        var closed = TeamsChat.CardOf(await second.ExecuteAsync(firstsScreen));
        Assert.Contains("another consult", closed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("caudaEquina", second.AskedQuestionId);
        var secondsId = (string?)second.Answer("no")["data"]!["consultId"];
        Assert.NotEqual((string?)firstsScreen["data"]!["consultId"], secondsId);

        // Both go on, interleaved, on different instances: each consult has only its own clinician's answers.
        await first.ExecuteAsync(first.Answer("no"));
        await second.ExecuteAsync(second.Answer("no"));
        Assert.Equal(("sepsis", "sepsis"), (first.AskedQuestionId, second.AskedQuestionId));
        await second.ExecuteAsync(second.Answer("yes"));                           // sepsis: the second's advice is emergent
        await first.ExecuteAsync(first.Answer("no"));
        Assert.Equal("age", first.AskedQuestionId);

        var storage = instanceA.Services.GetRequiredService<IStorage>();
        var firstState = await StoredConsultAsync(storage, $"msteams/conversations/19:{conversation}@thread.v2/users/{first.UserId}");
        var secondState = await StoredConsultAsync(storage, $"msteams/conversations/19:{conversation}@thread.v2/users/{second.UserId}");
        Assert.Equal(new ClinicalAnswers(CaudaEquinaSigns: false, SepsisSigns: false), firstState.Answers);
        Assert.Equal(new ClinicalAnswers(CaudaEquinaSigns: false, SepsisSigns: true), secondState.Answers);
        Assert.True(firstState.IsOpen);
        Assert.False(secondState.IsOpen);
    }

    [Fact]
    public async Task The_emulator_still_gets_action_submit_and_no_refresh()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);
        await chat.SayAsync("start");
        await chat.AnswerAsync("yes");

        var card = BotReplies.Card(Assert.Single(chat.Replies))!;
        Assert.Empty(TeamsChat.Actions(card, "Action.Execute"));
        Assert.NotEmpty(TeamsChat.Actions(card, "Action.Submit"));
        Assert.Null(card["refresh"]);
    }

    private static string RecordSecondClick => ImagingBot.Cards.RecordCardData.SecondClickNote;

    private static string CardSentence(string label) => char.ToUpperInvariant(label[0]) + label[1..];

    private static string NewConversation() => "teams-" + Guid.NewGuid().ToString("N");

    private static async Task<ConsultState> StoredConsultAsync(IStorage storage, string key)
    {
        var stored = await storage.ReadAsync([key]);
        Assert.True(stored.ContainsKey(key), $"nothing stored under {key}");
        var state = Assert.IsAssignableFrom<IDictionary<string, object>>(stored[key]);
        return Assert.IsType<ConsultState>(state[ImagingBotActivityHandler.ConsultPropertyName]);
    }
}
