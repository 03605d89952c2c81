using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingBot.Bots;
using ImagingBot.Dialogs;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.Consult;

/// <summary>
/// Whole consults through the real app over HTTP (/api/messages, the real adapter, the real cards), as the
/// Emulator and Teams send them; replies are read from the expectReplies response.
/// </summary>
public class ConsultOverHttpTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string Mri = "MRI lumbar spine without and with IV contrast";
    private const string UsuallyAppropriate = "Usually Appropriate";
    private static readonly WaterfallOptions Notes = new();

    [Fact]
    public async Task The_Emulator_drives_the_articles_patient_from_the_welcome_to_the_recommendation_and_an_FAQ()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);

        await chat.SendTypeAsync("conversationUpdate", activity => activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = EmulatorActivities.BotId }, new JsonObject { ["id"] = "user-1" }));
        Assert.Contains("Start a consult", chat.Said, StringComparison.Ordinal);

        await chat.ClickAsync("Start a consult");
        AssertAsks(chat, "cancer");
        await chat.SayAsync("yes");                  // typed
        AssertAsks(chat, "infection");
        await chat.ClickAsync("Yes");                // clicked
        AssertAsks(chat, "immunosuppression");
        await chat.ClickAsync("No");
        AssertAsks(chat, "neurologicDeficit");
        await chat.SayAsync("no");
        AssertAsks(chat, "contraindication");
        await chat.ClickAsync("No limit");

        var recommendation = Assert.Single(chat.Replies);
        Assert.Contains(Mri, BotReplies.Said(recommendation), StringComparison.Ordinal);
        Assert.Contains(UsuallyAppropriate, BotReplies.Said(recommendation), StringComparison.Ordinal);
        Assert.NotNull(BotReplies.Button(BotReplies.Card(recommendation)!, "Change an answer"));

        await chat.SayAsync("why contrast?");
        Assert.Contains("Why order the MRI both without and with contrast?", chat.Said, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Teams_drives_a_consult_with_the_mention_and_card_clicks_as_Teams_sends_them(string conversationType)
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Teams(client, conversationType);

        await chat.SayAsync("start");   // "<at>ImagingBot</at> start" with the mention entity outside personal chats
        AssertAsks(chat, "cancer");
        await chat.ClickAsync("No");
        AssertAsks(chat, "infection");
        await chat.ClickAsync("No");
        AssertAsks(chat, "immunosuppression");
        await chat.SayAsync("nope");
        AssertAsks(chat, "neurologicDeficit");
        await chat.ClickAsync("Yes");
        AssertAsks(chat, "contraindication");
        await chat.ClickAsync("No limit");

        var said = chat.Said;
        Assert.Contains("MRI lumbar spine", said, StringComparison.Ordinal);
        Assert.Contains("call the spine surgeon", said, StringComparison.Ordinal);   // deficits: the escalation
    }

    [Fact]
    public async Task Teams_welcomes_once_for_installationUpdate_and_conversationUpdate()
    {
        // The Agents Playground sends both on every page load, at the same time, for the same conversation.
        using var client = factory.CreateClient();
        var chat = HttpChat.Teams(client, "personal");

        await chat.SendTypeAsync("installationUpdate", activity => activity["action"] = "add");
        Assert.Contains("Start a consult", Assert.Single(chat.Replies).ToJsonString(), StringComparison.Ordinal);

        await chat.SendTypeAsync("conversationUpdate", activity => activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1user-teams-id" }));
        Assert.Empty(chat.Replies);
        await chat.SendTypeAsync("installationUpdate", activity => activity["action"] = "add");
        Assert.Empty(chat.Replies);
    }

    [Fact]
    public async Task A_double_click_over_HTTP_records_one_answer_and_an_older_cards_click_changes_nothing()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Teams(client, "personal");

        await chat.SayAsync("start");
        var cancerCard = BotReplies.Card(Assert.Single(chat.Replies))!;
        await chat.SubmitAsync(BotReplies.Button(cancerCard, "No")!);
        AssertAsks(chat, "infection");
        await chat.SubmitAsync(BotReplies.Button(cancerCard, "Yes")!);
        Assert.Equal(Notes.AlreadyAnsweredNote, (string?)Assert.Single(chat.Replies)["text"]);

        await chat.SayAsync("new");
        AssertAsks(chat, "cancer");
        await chat.SubmitAsync(BotReplies.Button(cancerCard, "No")!);
        Assert.Equal(Notes.StaleClickNote, (string?)Assert.Single(chat.Replies)["text"]);
    }

    [Fact]
    public async Task The_one_line_case_over_HTTP_is_confirmed_then_only_the_missing_question_is_asked()
    {
        using var client = factory.CreateClient();
        var chat = HttpChat.Emulator(client);

        await chat.SayAsync("58F, breast cancer in remission, fevers, no weakness");
        AssertAsks(chat, "case");
        await chat.ClickAsync("Yes");
        AssertAsks(chat, "immunosuppression");
        await chat.ClickAsync("No");
        AssertAsks(chat, "contraindication");
        await chat.ClickAsync("No MRI");
        Assert.Contains("CT lumbar spine with IV contrast", chat.Said, StringComparison.Ordinal);
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

        Assert.Equal(ImagingBotActivityHandler.NothingToReadHint, (string?)Assert.Single(chat.Replies)["text"]);
    }

    [Fact]
    public async Task A_channel_without_cards_reads_the_welcome_and_the_recommendation_as_text()
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

        await SmsAsync("start");
        foreach (var answer in new[] { "yes", "yes", "no", "no" })
        {
            await SmsAsync(answer);
        }

        var recommendation = Assert.Single(await SmsAsync("no limit"));
        Assert.Contains("MRI lumbar spine without and with IV contrast", (string?)recommendation["text"], StringComparison.Ordinal);
    }

    private static void AssertAsks(HttpChat chat, string questionId)
    {
        var reply = Assert.Single(chat.Replies);
        var card = BotReplies.Card(reply);
        Assert.True(card is not null, $"expected the {questionId} question card, got: {BotReplies.Said(reply)}");
        Assert.Contains($"\"questionId\":\"{questionId}\"", card!.ToJsonString(), StringComparison.Ordinal);
    }
}
