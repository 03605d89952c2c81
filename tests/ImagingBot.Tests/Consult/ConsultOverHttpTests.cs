using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingBot.Consult;
using ImagingBot.Guidance;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using static ImagingBot.Tests.Support.TestPatients;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// Whole consults through the real app over HTTP (/api/messages, the real adapter, the real cards), as the
/// Emulator and Teams send them; replies are read from the expectReplies response. Buttons are found by the data they
/// send and the advice is checked against the decision's own data, so the cards' wording can change freely.
/// </summary>
public class ConsultOverHttpTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string MriWithoutAndWith = "MRI lumbar spine without and with IV contrast";
    private static readonly GuidanceDocument Guidance = ClinicianChat.Guidance;
    private static readonly ImagingDecision Decision = new(Guidance);
    private static readonly ConsultOptions Notes = new();

    public static TheoryData<string, string> Patients => new()
    {
        { "variant 1", "course=acute" },
        { "variant 2", "course=chronic" },
        { "variant 3", "course=managed" },
        { "variant 4", "caudaEquina=yes" },
        { "variant 5", "priorSurgery=yes" },
        { "variant 6", "fractureRisk=yes" },
        { "variant 7", "cancer=yes" },
        { "variant 7, MRI not possible", "infection=yes contraindication=mri" },
        { "sepsis", "sepsis=yes" },
        { "child", "age=child" },
        { "major trauma", "majorTrauma=yes" },
    };

    [Theory]
    [MemberData(nameof(Patients))]
    public async Task Every_patient_by_buttons_over_HTTP_gets_the_decisions_advice_on_one_card(string patient, string differences)
    {
        _ = patient;
        var answers = Patient();
        foreach (var difference in differences.Split(' '))
        {
            var (key, value) = (difference.Split('=')[0], difference.Split('=')[1]);
            answers[key] = value;
        }

        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);
        await chat.SayAsync("start");
        var recorded = await AnswerEveryQuestionAsync(chat, answers);

        var card = BotReplies.Card(Assert.Single(chat.Replies));
        Assert.NotNull(card);
        AssertShows(card!, Decision.Decide(recorded));
    }

    [Fact]
    public async Task The_Emulator_drives_a_consult_from_the_welcome_to_the_recommendation_and_an_FAQ()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);

        await chat.SendTypeAsync("conversationUpdate", activity => activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = EmulatorActivities.BotId }, new JsonObject { ["id"] = "user-1" }));
        await chat.ClickActionAsync("new");
        Assert.Equal("caudaEquina", chat.AskedQuestionId);
        await chat.SayAsync("no");                  // typed
        Assert.Equal("sepsis", chat.AskedQuestionId);
        await chat.AnswerAsync("no");               // clicked
        Assert.Equal("age", chat.AskedQuestionId);
        var recorded = await AnswerEveryQuestionAsync(chat, Patient(("cancer", "yes")));

        var recommendation = BotReplies.Card(Assert.Single(chat.Replies))!;
        Assert.Contains(MriWithoutAndWith, BotReplies.Strings(recommendation), StringComparison.Ordinal);
        AssertShows(recommendation, Decision.Decide(recorded with { CaudaEquinaSigns = false, SepsisSigns = false }));
        Assert.NotNull(BotReplies.Submit(recommendation, data => (string?)data["action"] == "change" && data["consultId"] is not null));

        await chat.SayAsync("why contrast?");
        Assert.Contains(Guidance.Faq.Single(entry => entry.Id == "contrast-without-and-with").Question, chat.Said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_string_valued_and_an_object_valued_card_submit_behave_the_same_mid_consult()
    {
        using var client = factory.CreateClient();
        var asObjects = HttpChat.Emulator(client);
        var asStrings = HttpChat.Emulator(client);
        await asObjects.SayAsync("start");
        await asStrings.SayAsync("start");
        var answers = Patient(("priorSurgery", "yes"));

        var firstCardOfStrings = BotReplies.Card(Assert.Single(asStrings.Replies))!;
        while (asObjects.AskedQuestionId is { } key)
        {
            Assert.Equal(key, asStrings.AskedQuestionId);
            var objectData = Answer(asObjects, answers[key]);
            var stringData = Answer(asStrings, answers[key]);
            await asObjects.SubmitAsync(objectData);
            await asStrings.SubmitAsStringAsync(stringData);
            Assert.Equal(Normalized(asObjects), Normalized(asStrings));
        }

        Assert.True(BotReplies.Submits(BotReplies.Card(Assert.Single(asStrings.Replies))!).Any(data => (string?)data["action"] == "change"), asStrings.Said);

        // A second click on the first card, as a JSON string: the same "already answered" note an object gets.
        await asStrings.SubmitAsStringAsync(BotReplies.Submit(firstCardOfStrings, data => (string?)data["value"] == "yes")!);
        Assert.Equal(Notes.AlreadyAnsweredNote, (string?)Assert.Single(asStrings.Replies)["text"]);
    }

    [Fact]
    public async Task Teams_welcomes_once_for_installationUpdate_and_conversationUpdate()
    {
        // The Agents Playground sends both on every page load, at the same time, for the same conversation.
        using var client = factory.CreateClient();
        var chat = HttpChat.Teams(client, "personal");

        await chat.SendTypeAsync("installationUpdate", activity => activity["action"] = "add");
        var welcome = BotReplies.Card(Assert.Single(chat.Replies));
        Assert.NotNull(BotReplies.Submit(welcome!, data => (string?)data["action"] == "new"));

        await chat.SendTypeAsync("conversationUpdate", activity => activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1user-teams-id" }));
        Assert.Empty(chat.Replies);
        await chat.SendTypeAsync("installationUpdate", activity => activity["action"] = "add");
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public async Task A_double_click_over_HTTP_records_one_answer_and_an_older_cards_click_changes_nothing()
    {
        // Action.Submit, as the Emulator sends it (Teams' Universal Actions: UniversalActionsOverHttpTests).
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);

        await chat.SayAsync("start");
        var screenCard = BotReplies.Card(Assert.Single(chat.Replies))!;
        await chat.SubmitAsync(BotReplies.Submit(screenCard, data => (string?)data["value"] == "no")!);
        Assert.Equal("sepsis", chat.AskedQuestionId);
        await chat.SubmitAsync(BotReplies.Submit(screenCard, data => (string?)data["value"] == "yes")!);
        Assert.Equal(Notes.AlreadyAnsweredNote, (string?)Assert.Single(chat.Replies)["text"]);

        await chat.SayAsync("new");
        Assert.Equal("caudaEquina", chat.AskedQuestionId);
        var newScreenCard = BotReplies.Card(Assert.Single(chat.Replies))!;
        await chat.SubmitAsync(BotReplies.Submit(screenCard, data => (string?)data["value"] == "yes")!);
        Assert.Equal(Notes.StaleClickNote, (string?)Assert.Single(chat.Replies)["text"]);
        await chat.SubmitAsync(BotReplies.Submit(newScreenCard, data => (string?)data["value"] == "no")!);
        Assert.Equal("sepsis", chat.AskedQuestionId);   // the new consult did not take the older card's "yes"
    }

    [Fact]
    public async Task The_one_line_case_over_HTTP_is_confirmed_then_only_what_it_did_not_say_is_asked()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);

        await chat.SayAsync("82F osteoporosis, fell from standing");
        Assert.Equal(ConsultState.CaseStep, chat.AskedQuestionId);
        await chat.AnswerAsync("yes");
        Assert.Equal("caudaEquina", chat.AskedQuestionId);
        var asked = new List<string>();
        while (chat.AskedQuestionId is { } key)
        {
            asked.Add(key);
            await chat.AnswerAsync(Plain[key]);
        }

        Assert.DoesNotContain("age", asked);
        Assert.DoesNotContain("fractureRisk", asked);
        var advice = BotReplies.Strings(BotReplies.Card(Assert.Single(chat.Replies))!);
        Assert.Contains("adiograph", advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_line_cauda_equina_case_over_HTTP_is_emergent_at_once()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);

        await chat.SayAsync("45M, acute LBP after lifting, no fever, no cancer, not immunosuppressed, no weakness, new bladder dysfunction");

        Assert.Null(chat.AskedQuestionId);
        var card = BotReplies.Card(Assert.Single(chat.Replies))!;
        var emergent = Assert.IsType<Recommendation>(Decision.Decide(ClinicalAnswers.Empty with { CaudaEquinaSigns = true }));
        Assert.All(emergent.Escalation, line => Assert.Contains(line, BotReplies.Strings(card), StringComparison.Ordinal));
        Assert.Contains(emergent.FirstLine[0].Procedure.Name, BotReplies.Strings(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_with_only_an_attachment_gets_the_hint()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Teams(client, "personal");

        var activity = EmulatorActivities.Message("ignored", null);
        activity["conversation"] = new JsonObject { ["id"] = "c-" + Guid.NewGuid() };
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/x.png" });
        await chat.SendAsync(activity);

        Assert.Equal(Notes.NothingToReadNote, (string?)Assert.Single(chat.Replies)["text"]);
    }

    [Fact]
    public async Task A_channel_without_cards_reads_the_welcome_and_the_advice_as_text()
    {
        using var client = factory.CreateClient();
        var conversationId = "sms-" + Guid.NewGuid().ToString("N");
        async Task<List<JsonObject>> SmsAsync(string text)
        {
            var activity = EmulatorActivities.Message(conversationId, text);
            activity["channelId"] = "sms";
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            return await BotReplies.ReadAsync(response);
        }

        var help = Assert.Single(await SmsAsync("help"));
        Assert.False(string.IsNullOrWhiteSpace((string?)help["text"]), "the help card needs a text on a channel without cards");

        var question = Assert.Single(await SmsAsync("start"));
        Assert.False(string.IsNullOrWhiteSpace((string?)question["text"]), "a question needs a text on a channel without cards");
        var advice = Assert.Single(await SmsAsync("yes"));   // cauda equina signs
        Assert.Contains("MRI lumbar spine", (string?)advice["text"], StringComparison.Ordinal);
    }

    /// <summary>Answers each question the last turn asks from <paramref name="patient"/> by its button until none is asked; returns what was recorded.</summary>
    private static async Task<ClinicalAnswers> AnswerEveryQuestionAsync(HttpChat chat, Dictionary<string, string> patient)
    {
        var recorded = ClinicalAnswers.Empty;
        for (var turn = 0; chat.AskedQuestionId is { } key; turn++)
        {
            Assert.True(turn < 20, "the consult never ended: " + chat.Said);
            var question = Guidance.Questions.Single(candidate => candidate.Key == key);
            recorded = recorded.With(question.Id, patient[key])!;
            await chat.AnswerAsync(patient[key]);
        }

        return recorded;
    }

    private static JsonObject Answer(HttpChat chat, string value) =>
        BotReplies.Submit(BotReplies.Card(chat.Replies[^1])!, data => (string?)data["action"] == "answer" && (string?)data["value"] == value)!;

    /// <summary>The last turn's replies with the consult id taken out, so two conversations' replies compare.</summary>
    private static string Normalized(HttpChat chat)
    {
        var json = string.Join("\n", chat.Replies.Select(reply => BotReplies.Card(reply)?.ToJsonString() ?? (string?)reply["text"]));
        var consultId = chat.Replies.Select(BotReplies.Card).OfType<JsonObject>().SelectMany(BotReplies.Submits).Select(data => (string?)data["consultId"]).FirstOrDefault(id => id is not null);
        return consultId is null ? json : json.Replace(consultId, "CONSULT", StringComparison.Ordinal);
    }

    /// <summary>The card shows what the decision says: the first-line studies (or the out-of-scope headline) and every escalation line.</summary>
    private static void AssertShows(JsonObject card, Advice advice)
    {
        var shown = BotReplies.Strings(card);
        switch (advice)
        {
            case Recommendation recommendation:
                Assert.All(recommendation.FirstLine, study => Assert.Contains(study.Procedure.Name, shown, StringComparison.Ordinal));
                Assert.All(recommendation.Escalation, line => Assert.Contains(line, shown, StringComparison.Ordinal));
                Assert.NotNull(BotReplies.Submit(card, data => (string?)data["action"] == "change"));
                break;
            case OutOfScope outOfScope:
                Assert.Contains(outOfScope.Headline, shown, StringComparison.Ordinal);
                Assert.DoesNotContain(BotReplies.Submits(card), data => (string?)data["action"] == "answer");
                break;
            default:
                Assert.Fail("unknown advice " + advice.GetType().Name);
                break;
        }
    }
}
