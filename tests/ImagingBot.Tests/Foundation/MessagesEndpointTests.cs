using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImagingBot.Tests.Foundation;

public class MessagesEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static JsonObject EmulatorActivity(string type, string? text = null) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = "conv-" + Guid.NewGuid() },
        ["deliveryMode"] = "expectReplies",
        ["text"] = text,
        ["membersAdded"] = type == "conversationUpdate"
            ? new JsonArray(new JsonObject { ["id"] = "bot-1" }, new JsonObject { ["id"] = "user-1" })
            : null,
    };

    // The welcome is the help card: the one with the button that starts a consult (its data's action is "new").
    private static bool StartsAConsult(JsonObject data) => (string?)data["action"] == "new";

    [Fact]
    public async Task An_emulator_conversation_update_and_message_get_replies_in_the_response()
    {
        using var client = factory.CreateClient();

        foreach (var activity in new[] { EmulatorActivity("conversationUpdate"), EmulatorActivity("message", "help") })
        {
            using var response = await client.PostAsJsonAsync("/api/messages", activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var reply = Assert.Single(await BotReplies.ReadAsync(response));
            Assert.NotNull(BotReplies.Submit(BotReplies.Card(reply)!, StartsAConsult));
        }
    }

    [Fact]
    public async Task With_an_app_id_a_request_without_a_token_gets_401_and_no_body()
    {
        using var secured = factory.WithWebHostBuilder(host => host
            .UseSetting("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")
            .UseSetting("MicrosoftAppPassword", "not-a-real-secret"));
        using var client = secured.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/messages", EmulatorActivity("message", "hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(BotReplies.AdaptiveCard, body, StringComparison.Ordinal);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}
