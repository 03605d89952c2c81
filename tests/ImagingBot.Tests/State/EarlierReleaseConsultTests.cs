using ImagingBot.Adapter;
using ImagingBot.Bots;
using ImagingBot.Consult;
using ImagingBot.State;
using ImagingBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static ImagingBot.Tests.Consult.ClinicianChat;

namespace ImagingBot.Tests.State;

/// <summary>
/// A conversation stored by a release before the pure consult holds its consult under "consult", as the waterfall's
/// type (ImagingBot.Dialogs.WaterfallState of ConsultAnswers), which this release no longer has. Such conversations
/// sit in Redis for up to a day after the upgrade: they must go on working (a fresh consult; the welcome flag kept),
/// never fail every turn until the value expires.
/// </summary>
[Collection(SharedRedisDefinition.Name)]
public class EarlierReleaseConsultTests(SharedRedis redis, WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task The_memory_store_reads_a_conversation_with_the_waterfalls_consult_and_drops_nothing_else()
    {
        var storage = new ConcurrentMemoryStorage(TimeSpan.FromHours(1));
        await storage.WriteAsync(new Dictionary<string, object> { ["conversation"] = new EarlierStateFormat.VerbatimJson(EarlierStateFormat.ConversationWithTheWaterfallsConsult) });

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await storage.ReadAsync(["conversation"]))["conversation"]);

        Assert.Equal(true, read["welcomed"]);
        Assert.DoesNotContain(read.Values, value => value is ConsultState);
    }

    [Fact]
    public async Task A_conversation_with_the_waterfalls_consult_starts_a_fresh_consult_and_is_not_welcomed_again()
    {
        var storage = new ConcurrentMemoryStorage(TimeSpan.FromHours(1));
        var adapter = new TestAdapter();
        var key = $"{adapter.Conversation.ChannelId}/conversations/{adapter.Conversation.Conversation.Id}";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new EarlierStateFormat.VerbatimJson(EarlierStateFormat.ConversationWithTheWaterfallsConsult) });

        await Open(storage, adapter)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [adapter.Conversation.User] })
            .Send(Answer("AbCd2345", "immunosuppression", "no")).Says(new ConsultOptions().StaleClickNote)   // the old consult's card
            .Send("start").Asks("c1", "caudaEquina")
            .Send("no").Asks("c1", "sepsis")
            .StartTestAsync();
    }

    [Fact]
    public async Task Over_HTTP_on_Redis_a_conversation_with_the_waterfalls_consult_gets_a_fresh_consult_not_an_error()
    {
        var keyPrefix = SharedRedis.NewKeyPrefix();
        using var instance = factory.Instance(redis.Endpoint, keyPrefix);
        using var client = instance.CreateClient();
        var conversation = new ConsultConversation(client);
        await using (var raw = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint))
        {
            await raw.GetDatabase().HashSetAsync($"{keyPrefix}:emulator/conversations/{conversation.Id}", "json", EarlierStateFormat.ConversationWithTheWaterfallsConsult);
        }

        var turn = await conversation.SayAsync("start");

        Assert.DoesNotContain(ImagingBotAdapter.SomethingWentWrong, turn.Body, StringComparison.Ordinal);
        Assert.Equal("caudaEquina", turn.Asked?.QuestionId);
        var next = await conversation.ClickAsync(turn.Asked!, "no");
        Assert.Equal("sepsis", next.Asked?.QuestionId);

        var key = $"emulator/conversations/{conversation.Id}";
        var stored = Assert.IsAssignableFrom<IDictionary<string, object>>((await instance.Services.GetRequiredService<IStorage>().ReadAsync([key]))[key]);
        Assert.Equal(true, stored["welcomed"]);
        Assert.Equal(false, Assert.IsType<ConsultState>(stored[ImagingBotActivityHandler.ConsultPropertyName]).Answers.CaudaEquinaSigns);
    }
}
