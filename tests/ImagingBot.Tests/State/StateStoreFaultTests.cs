using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImagingBot.Adapter;
using ImagingBot.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace ImagingBot.Tests.State;

/// <summary>Redis down at start, and Redis stopped and started again mid-conversation: nothing lost, no stack trace.</summary>
public class StateStoreFaultTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task With_Redis_down_the_app_starts_readyz_says_so_and_a_turn_gets_an_honest_answer()
    {
        using var app = OnRedis(factory, $"127.0.0.1:{RedisServer.FreeLoopbackPort()}");
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        using var readiness = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.StatusCode);
        Assert.Contains("state store unavailable", await readiness.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var turn = await client.PostAsJsonAsync("/api/messages", EmulatorMessage("conversation-" + Guid.NewGuid(), "hi"));
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
        var body = await turn.Content.ReadAsStringAsync();
        Assert.Equal([ImagingBotAdapter.StateStoreUnavailable], ReplyTexts(body));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redis_stopped_mid_conversation_and_started_again_keeps_every_earlier_answer()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var connection = new RedisConnection(redis.Endpoint);
        var conversationState = new ChangeTrackedConversationState(new RedisStorage(connection, SharedRedis.NewKeyPrefix(), TimeSpan.FromHours(24)));
        var adapter = new TestAdapter();
        var store = StorageContractTests.ConsultRecording(conversationState);

        await new TestFlow(adapter, store).Send("cancer").AssertReply("asked: ").Send("fever").AssertReply("asked: cancer").StartTestAsync();

        await redis.StopAsync();
        await Assert.ThrowsAsync<StateStoreUnavailableException>(
            () => new TestFlow(adapter, store).Send("steroids").StartTestAsync());

        await redis.StartAgainAsync();
        await new TestFlow(adapter, store).Send("steroids").AssertReply("asked: cancer,fever").StartTestAsync();
    }

    [Fact]
    public async Task The_app_on_Redis_answers_again_once_a_stopped_Redis_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        using var app = OnRedis(factory, redis.Endpoint);
        using var client = app.CreateClient();
        var conversationId = "conversation-" + Guid.NewGuid();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal([HelpCard], await Turn(client, conversationId));

        await redis.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal([ImagingBotAdapter.StateStoreUnavailable], await Turn(client, conversationId));

        await redis.StartAgainAsync();
        Assert.Equal([HelpCard], await Turn(client, conversationId));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Two_app_instances_on_one_Redis_share_the_conversation_state()
    {
        await using var redis = await RedisServer.StartAsync();
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instanceA = OnRedis(factory, redis.Endpoint, keyPrefix);
        using var instanceB = OnRedis(factory, redis.Endpoint, keyPrefix);
        var conversation = new TestAdapter().Conversation;

        var stateA = instanceA.Services.GetRequiredService<ChangeTrackedConversationState>();
        var stateB = instanceB.Services.GetRequiredService<ChangeTrackedConversationState>();
        Assert.NotSame(instanceA.Services.GetRequiredService<IStorage>(), instanceB.Services.GetRequiredService<IStorage>());

        await new TestFlow(new TestAdapter(conversation), StorageContractTests.ConsultRecording(stateA)).Send("cancer").AssertReply("asked: ").StartTestAsync();
        await new TestFlow(new TestAdapter(conversation), StorageContractTests.ConsultRecording(stateB)).Send("fever").AssertReply("asked: cancer").StartTestAsync();
        await new TestFlow(new TestAdapter(conversation), StorageContractTests.ConsultRecording(stateA)).Send("steroids").AssertReply("asked: cancer,fever").StartTestAsync();
    }

    [Fact]
    public async Task An_app_restarted_on_the_same_Redis_continues_the_conversation()
    {
        await using var redis = await RedisServer.StartAsync();
        var keyPrefix = SharedRedis.NewKeyPrefix();
        var conversation = new TestAdapter().Conversation;

        using (var before = OnRedis(factory, redis.Endpoint, keyPrefix))
        {
            var state = before.Services.GetRequiredService<ChangeTrackedConversationState>();
            await new TestFlow(new TestAdapter(conversation), StorageContractTests.ConsultRecording(state))
                .Send("cancer").AssertReply("asked: ").Send("fever").AssertReply("asked: cancer").StartTestAsync();
        }

        using var after = OnRedis(factory, redis.Endpoint, keyPrefix);
        await new TestFlow(new TestAdapter(conversation), StorageContractTests.ConsultRecording(after.Services.GetRequiredService<ChangeTrackedConversationState>()))
            .Send("steroids").AssertReply("asked: cancer,fever").StartTestAsync();
    }

    private static WebApplicationFactory<Program> OnRedis(WebApplicationFactory<Program> factory, string endpoint, string? keyPrefix = null) =>
        factory.WithWebHostBuilder(host => host
            .UseSetting("Storage:Provider", "Redis")
            .UseSetting("Storage:Redis:ConnectionString", endpoint)
            .UseSetting("Storage:Redis:KeyPrefix", keyPrefix ?? SharedRedis.NewKeyPrefix()));

    // What a healthy turn answers to "help": the help card (a card, no text).
    private const string HelpCard = "(help card)";

    private static async Task<List<string?>> Turn(HttpClient client, string conversationId)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", EmulatorMessage(conversationId, "help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ReplyTexts(await response.Content.ReadAsStringAsync());
    }

    private static List<string?> ReplyTexts(string body) =>
        JsonNode.Parse(body)!["activities"]!.AsArray()
            .Select(reply => BotReplies.Card(reply!.AsObject()) is { } card && BotReplies.Submit(card, data => (string?)data["action"] == "new") is not null ? HelpCard : (string?)reply!["text"])
            .ToList();

    private static JsonObject EmulatorMessage(string conversationId, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:9/",
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["deliveryMode"] = "expectReplies",
        ["text"] = text,
    };
}
